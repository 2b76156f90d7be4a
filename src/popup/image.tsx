// An image from Jira data. Icons on the connection's own site need its credentials: the
// background fetches them with its token and stores them as data: URLs (background/issues/
// icons.ts); the popup shows those, and never loads the site's (or the gateway's) images itself:
// that would send the browser's Jira cookies, or fail without a browser login. Atlassian's
// public avatar hosts load directly. Anything else, or an icon not fetched (yet), is a neutral placeholder.
import { useEffect, useState } from 'preact/hooks';
import { needsCredentials, safeImageUrl, storedIcon } from '../shared/image-url';
import { iconsCacheItem } from '../shared/storage-items';
import { iconsCacheKey, type CachedIcons } from '../shared/storage-keys';
import { onLocalChanged, readLocal } from './ext';

// Images wait until the first frame is on screen: starting a dozen image loads while the
// cached list paints delays that paint, and the icons are the least important part of it.
let imagesOn = false;
/** Connection id -> image URL -> data: URL, for the connections shown. By connection: one
 * connection's rows (Jira data) must not show an icon fetched with another's credentials. */
let icons = new Map<string, Map<string, string>>();
let shownIds: string[] = [];
let shownKeys: string[] = [];
const listeners = new Set<() => void>();
const notify = () => {
  for (const f of listeners) f();
};

/** The icons of a connection's cache entry that are images (data: URLs of known types). */
function iconsFrom(cached: CachedIcons): Map<string, string> {
  const map = new Map<string, string>();
  for (const url of Object.keys(cached.icons)) {
    const data = storedIcon(cached, url);
    if (data) map.set(url, data);
  }
  return map;
}

async function loadIcons(ids: string[], keys: string[]): Promise<void> {
  const got = await readLocal(keys);
  if (keys !== shownKeys) return;
  icons = new Map(ids.map((id) => [id, iconsFrom(iconsCacheItem(id).read(got[iconsCacheItem(id).key]))]));
  notify();
}

let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  onLocalChanged((changes) => {
    if (shownKeys.some((k) => k in changes)) void loadIcons(shownIds, shownKeys);
  });
}

/** Images may load now; the icons of `connectionIds` (the connections shown) are read and followed. */
export function enableImages(connectionIds: string[]): void {
  const keys = connectionIds.map(iconsCacheKey);
  if (keys.join(' ') !== shownKeys.join(' ')) {
    shownKeys = keys;
    shownIds = connectionIds;
    watch();
    void loadIcons(connectionIds, keys).catch(() => undefined);
  }
  if (!imagesOn) {
    imagesOn = true;
    notify();
  }
}

function useImages(): boolean {
  const [, render] = useState(0);
  useEffect(() => {
    const f = () => render((n) => n + 1);
    listeners.add(f);
    return () => void listeners.delete(f);
  }, []);
  return imagesOn;
}

/** `connectionId`, `siteUrl`: the connection whose row shows the image. */
export function JiraImage(props: { url: string | undefined; connectionId: string; siteUrl: string; class: string; title?: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const on = useImages();
  const safe = on ? safeImageUrl(props.url, props.siteUrl) : undefined;
  const src = safe && (icons.get(props.connectionId)?.get(safe) ?? (needsCredentials(safe, props.siteUrl) ? undefined : safe));
  if (!src || failed === src) return <span class={`ph ${props.class}`} title={props.title} aria-hidden="true" />;
  return (
    <img
      class={props.class}
      src={src}
      alt=""
      title={props.title}
      width={16}
      height={16}
      referrerpolicy="no-referrer"
      decoding="async"
      onError={() => setFailed(src)}
    />
  );
}
