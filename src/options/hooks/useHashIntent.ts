// What the page's URL fragment asks for (#new, #capture, #renew=<id>, #reauth=<id>: links from
// the popup and the background), acted on once the page is ready for it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseHash, type HashIntent } from '../hash';

/** An intent that asks for something. */
export type PageIntent = Exclude<HashIntent, { kind: 'none' }>;

/**
 * Calls `onIntent` with the fragment's intent, at load and on every hashchange, as soon as
 * `ready` is true (the connections are loaded), then clears the fragment so that reloading the
 * page does not act on it again (a second capture). `onIntent` may change between renders: the
 * latest one is called.
 */
export function useHashIntent(ready: boolean, onIntent: (intent: PageIntent) => void): void {
  const [intent, setIntent] = useState<HashIntent>(() => parseHash(location.hash));
  const callback = useRef(onIntent);
  callback.current = onIntent;

  useEffect(() => {
    const onHash = () => setIntent(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (intent.kind === 'none' || !ready) return;
    setIntent({ kind: 'none' });
    history.replaceState(null, '', location.pathname + location.search);
    callback.current(intent);
  }, [intent, ready]);
}
