// capture.* requests. The token page's content script may only ask where a token would go
// and submit one; everything else is for the extension's own pages.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { CaptureRequests } from '../../shared/protocol';
import { isApiToken } from '../../shared/token-format';
import { broadcast } from '../broadcast';
import {
  CAPTURE_TTL_MS,
  cancelCapture,
  captureStatus,
  claimCapture,
  startCapture,
  submitCapture,
  type CaptureDeps,
  type CapturedToken,
  type PendingCapture,
} from '../capture/service';
import type { HandlerDef } from '../router';
import { SessionItem } from '../session-item';
import { localStore, sessionArea } from '../storage/store';
import { empty, id, isoDate } from './schemas';

type Handlers = { [K in keyof CaptureRequests]: HandlerDef<K> };

export const pendingCapture = () => new SessionItem<PendingCapture>(sessionArea, 'pendingCapture', CAPTURE_TTL_MS);
const capturedToken = () => new SessionItem<CapturedToken>(sessionArea, 'capturedToken', CAPTURE_TTL_MS);

function captureDeps(): CaptureDeps {
  return {
    store: localStore(),
    pending: pendingCapture(),
    captured: capturedToken(),
    async focusTab(tabId) {
      try {
        const tab = await browser.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        return true;
      } catch {
        return false;
      }
    },
    async openOptionsForCapture() {
      const tab = await browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html#capture') });
      return tab.id;
    },
    notifyPages: () => broadcast('capture.delivered'),
  };
}

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
