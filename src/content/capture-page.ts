// Wires the token detector to one capture flow per shown token (the button follows the
// token through re-renders; a new token gets a new button). Started by token-page.ts.
import { createCaptureFlow, type CaptureFlow } from './capture-flow';
import { isCaptureHost } from './capture-ui';
import { findPageAccount } from './page-account';
import { startTokenDetector, type TokenSighting } from './token-detector';

/** Starts the detector on `doc` and keeps one button beside the token it reports; `stop` removes both. */
export function startTokenPage(doc: Document): { stop(): void } {
  let flow: CaptureFlow | null = null;
  let sighting: TokenSighting | null = null;

  const detector = startTokenDetector(doc, {
    isOwnNode: isCaptureHost,
    onChange(next) {
      sighting = next;
      if (!next) {
        // Dialog closed: take the button away, but remember its state if the token comes back.
        flow?.detach();
        return;
      }
      if (!flow?.isFor(next.token)) {
        flow?.detach();
        flow = createCaptureFlow(doc, {
          token: next.token,
          ...(next.expiresOn ? { expiresOn: next.expiresOn } : {}),
          readPageAccount: () => findPageAccount(doc, isCaptureHost),
        });
      } else {
        flow.setExpiresOn(next.expiresOn);
      }
      flow.place(next.anchor);
    },
    afterFlush() {
      // The page's renderer may have removed or moved our host: the button follows the token.
      if (flow && sighting) flow.place(sighting.anchor);
    },
  });
  return {
    stop() {
      detector.stop();
      flow?.detach();
      flow = null;
    },
  };
}
