// The user's avatar on a connection. An avatar on Jira's own site (Data Center) needs the
// user's credentials: it shows as the background fetched it with the token
// (src/background/issues/icons.ts), once the connection is saved; before that, and for any other
// URL, nothing is loaded. Atlassian's public avatar hosts (Cloud) load directly.
import { useEffect, useState } from 'preact/hooks';
import { needsCredentials, safeImageUrl } from '../shared/image-url';
import { watchStoredIcon } from './browser-api';

interface Props {
  url: string | undefined;
  siteUrl: string;
  /** The saved connection, whose stored icons hold a site avatar; none for a connection being set up. */
  connectionId?: string;
  size: number;
  class: string;
}

/** The avatar image, or nothing while there is no image that may be shown. */
export function Avatar({ url, siteUrl, connectionId, size, class: cls }: Props) {
  const safe = safeImageUrl(url, siteUrl);
  const stored = !!safe && needsCredentials(safe, siteUrl);
  const [data, setData] = useState<string | undefined>(undefined);
  useEffect(() => {
    setData(undefined);
    if (!stored || !connectionId || !safe) return;
    return watchStoredIcon(connectionId, safe, setData);
  }, [safe, stored, connectionId]);
  const src = stored ? data : safe;
  return src ? <img class={cls} src={src} alt="" width={size} height={size} referrerpolicy="no-referrer" /> : null;
}
