// Claims a token captured on id.atlassian.com: on load, when the page becomes visible or
// focused again, and when the background says one was delivered. A claim takes it once.
import { useEffect, useRef } from 'preact/hooks';
import type { Reply } from '../../shared/protocol';
import { onBroadcast, request } from '../browser-api';

export type ClaimedCapture = NonNullable<Reply<'capture.claim'>['capture']>;

/**
 * Calls `onCapture` with each token the background hands over (capture.claim): on mount, on focus,
 * when the page becomes visible and on a capture.delivered broadcast. The latest `onCapture` is
 * called; claims never overlap (one that raced a running claim runs after it).
 */
export function useCapture(onCapture: (capture: ClaimedCapture) => void): void {
  const callback = useRef(onCapture);
  callback.current = onCapture;

  useEffect(() => {
    let disposed = false;
    let inFlight = false;
    let again = false;

    async function claim(): Promise<void> {
      if (inFlight) {
        again = true; // a delivery may have raced the running claim
        return;
      }
      inFlight = true;
      try {
        const { capture } = await request('capture.claim', {});
        if (capture && !disposed) callback.current(capture);
      } catch {
        // No background or nothing to claim: the user can still paste a token.
      } finally {
        inFlight = false;
        if (again && !disposed) {
          again = false;
          void claim();
        }
      }
    }

    const onFocus = () => void claim();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void claim();
    };
    void claim();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    const off = onBroadcast('capture.delivered', onFocus);
    return () => {
      disposed = true;
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
      off();
    };
  }, []);
}
