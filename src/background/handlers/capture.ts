// capture.* requests. The token page's content script may only ask where a token would go
// and submit one; everything else is for the extension's own pages.
import { z } from 'zod';
import type { CaptureRequests } from '../../shared/protocol';
import { isApiToken } from '../../shared/token-format';
import { broadcast } from '../broadcast';
import { extensionUrl, focusTab, openTab, sessionArea } from '../browser-api';
import { cancelCapture, captureStatus, claimCapture, startCapture, submitCapture, type CaptureDeps } from '../capture/service';
import type { HandlerDef } from '../router';
import { SessionItem } from '../session-item';
import { capturedTokenItem, pendingCaptureItem } from '../storage/items';
import { localStore } from '../storage/store';
import { empty, id, isoDate } from './schemas';

type Handlers = { [K in keyof CaptureRequests]: HandlerDef<K> };

/** The pending token capture in storage.session (connections.save ends a renewal's). */
export const pendingCapture = () => new SessionItem(sessionArea, pendingCaptureItem);

function captureDeps(): CaptureDeps {
  return {
    store: localStore(),
    pending: pendingCapture(),
    captured: new SessionItem(sessionArea, capturedTokenItem),
    focusTab,
    openOptionsForCapture: () => openTab(extensionUrl('src/options/index.html#capture')),
    notifyPages: () => broadcast('capture.delivered'),
  };
}

/** The capture.* entries of the handler table (src/background/handlers/index.ts). */
export const captureHandlers: Handlers = {
  'capture.start': {
    senders: ['extension-page'],
    payload: z.strictObject({
      siteUrl: z.string().max(2048).optional(),
      username: z.string().max(320).optional(),
      connectionId: id.optional(),
    }),
    handle: (p, { sender }) => startCapture(captureDeps(), p, sender.tab?.id),
  },
  'capture.claim': {
    senders: ['extension-page'],
    payload: empty,
    handle: (_p, { sender }) => claimCapture(captureDeps(), sender.tab?.id),
  },
  'capture.cancel': {
    senders: ['extension-page'],
    payload: empty,
    handle: () => cancelCapture(captureDeps()),
  },
  'capture.status': {
    senders: ['token-page'],
    payload: empty,
    handle: () => captureStatus(captureDeps()),
  },
  'capture.submit': {
    senders: ['token-page'],
    payload: z.strictObject({
      token: z.string().max(2000).refine(isApiToken),
      tokenExpiresOn: isoDate.optional(),
      pageAccount: z.string().max(320).optional(),
    }),
    handle: ({ token, tokenExpiresOn }) => submitCapture(captureDeps(), { token, tokenExpiresOn }),
  },
};
