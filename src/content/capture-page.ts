// Wires the token detector to one capture flow per shown token (the button follows the
// token through re-renders; a new token gets a new button), and offers it only while the
// page is on the API tokens page. Started by token-page.ts.
//
// id.atlassian.com is a single-page app: it moves between account pages with
// history.pushState, which changes `location` but loads no new document, so the content script
// stays and Chrome keeps sender.url at the first URL (docs/browsers.md#message-sender). Calls to
// pushState/replaceState cannot be seen from the content script's isolated world (wrapping them
// would mean running code in the page), so `location` is read again wherever it matters: at each
// detection flush (an in-page navigation re-renders, which the detector sees), on popstate, on the
// Navigation API's currententrychange where the browser has it (fired for pushState too), and at
// the click itself (capture-flow.ts). The background checks the tab's URL as well (senders.ts).
import { isTokenPageUrl } from '../shared/connection';
import { createCaptureFlow, type CaptureFlow } from './capture-flow';
import { isCaptureHost } from './capture-ui';
import { findPageAccount } from './page-account';
import { startTokenDetector, type TokenSighting } from './token-detector';

/** Starts the detector on `doc` and keeps one button beside the token it reports; `stop` removes both. */
export function startTokenPage(doc: Document): { stop(): void } {
  const win = doc.defaultView;
  let flow: CaptureFlow | null = null;
  let sighting: TokenSighting | null = null;

  const isOnTokenPage = (): boolean => isTokenPageUrl(win?.location.href ?? doc.URL);

  /** The button beside the token shown now, on the token page only; elsewhere, or with no token, none. */
  const sync = (): void => {
    if (!sighting || !isOnTokenPage()) {
      // Taken away, with its state kept in case the token (or the token page) comes back.
      flow?.detach();
      return;
    }
    if (!flow?.isFor(sighting.token)) {
      flow?.detach();
      flow = createCaptureFlow(doc, {
        token: sighting.token,
        ...(sighting.expiresOn ? { expiresOn: sighting.expiresOn } : {}),
        readPageAccount: () => findPageAccount(doc, isCaptureHost),
        isOnTokenPage,
      });
    } else {
      flow.setExpiresOn(sighting.expiresOn);
    }
    // The page's renderer may have removed or moved our host: the button follows the token.
    flow.place(sighting.anchor);
  };

  const detector = startTokenDetector(doc, {
    isOwnNode: isCaptureHost,
    onChange(next) {
      sighting = next;
      sync();
    },
    afterFlush: sync,
  });
  const navigation = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  win?.addEventListener('popstate', sync);
  navigation?.addEventListener('currententrychange', sync);
  return {
    stop() {
      win?.removeEventListener('popstate', sync);
      navigation?.removeEventListener('currententrychange', sync);
      detector.stop();
      flow?.detach();
      flow = null;
      sighting = null;
    },
  };
}
