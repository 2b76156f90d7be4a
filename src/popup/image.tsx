// An image from Jira data: shown only from an allowed origin (safeImageUrl), else, or when
// it fails to load (site icons need a login the popup does not send), a neutral placeholder.
import { useEffect, useState } from 'preact/hooks';
import { safeImageUrl } from '../shared/image-url';

// Images wait until the first frame is on screen: starting a dozen image loads while the
// cached list paints delays that paint, and the icons are the least important part of it.
let imagesOn = false;
const waiting = new Set<() => void>();

export function enableImages(): void {
  imagesOn = true;
  for (const wake of waiting) wake();
  waiting.clear();
}

function useImagesOn(): boolean {
  const [on, setOn] = useState(imagesOn);
  useEffect(() => {
    if (on) return;
    const wake = () => setOn(true);
    waiting.add(wake);
    return () => void waiting.delete(wake);
  }, [on]);
  return on;
}

export function JiraImage(props: { url: string | undefined; siteUrl: string; class: string; title?: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const on = useImagesOn();
  const safe = on ? safeImageUrl(props.url, props.siteUrl) : undefined;
  if (!safe || failed === safe) return <span class={`ph ${props.class}`} title={props.title} aria-hidden="true" />;
  return (
    <img
      class={props.class}
      src={safe}
      alt=""
      title={props.title}
      width={16}
      height={16}
      referrerpolicy="no-referrer"
      decoding="async"
      onError={() => setFailed(safe)}
    />
  );
}
