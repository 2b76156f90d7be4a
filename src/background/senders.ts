// Who may talk to the background. Decided only from what the browser sets on the
// message (sender.id, sender.origin / sender.url, sender.frameId, sender.tab), never from
// anything the message itself says. A web page cannot forge these (docs/browsers.md#message-sender).
import { TOKEN_PAGE_ORIGIN, isTokenPageUrl } from '../shared/connection';
import type { MessageSender } from './browser-api';

/** runtime.MessageSender as browsers set it; the polyfill's types predate `origin`. */
export type Sender = MessageSender & { origin?: string };

/** Who a message is from, as far as the router lets it in. */
export type SenderKind =
  /** The extension's own pages: options, popup. May do anything with connections. */
  | 'extension-page'
  /** Our content script on id.atlassian.com's API tokens page, top frame. */
  | 'token-page';

/** The origin of Atlassian's API tokens page, where our content script runs. */
export { TOKEN_PAGE_ORIGIN };

/** This extension, as the browser reports it in senders. */
export interface ExtensionIdentity {
  /** runtime.id */
  id: string;
  /** new URL(runtime.getURL('')).origin, e.g. chrome-extension://abc or moz-extension://uuid */
  origin: string;
}

/** scheme://host[:port] of a URL; unlike URL.origin also for extension schemes in every engine. */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : undefined;
  } catch {
    return undefined;
  }
}

function senderOrigin(sender: Sender): string | undefined {
  // Chrome sets sender.origin; Firefox sets sender.url (also browser-set) and, in newer
  // versions, origin. Prefer origin; fall back to the URL's origin.
  const origin: unknown = sender.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  return typeof sender.url === 'string' ? originOf(sender.url) : undefined;
}

/** Classifies a sender, or returns null when it may not talk to us at all. */
export function classifySender(sender: Sender, self: ExtensionIdentity): SenderKind | null {
  if (!sender || sender.id !== self.id) return null;
  const origin = senderOrigin(sender);
  if (!origin) return null;

  if (origin === self.origin) {
    // Our own pages. A content script runs with the page's origin, never ours.
    if (typeof sender.url === 'string' && !sender.url.startsWith(`${self.origin}/`)) return null;
    return 'extension-page';
  }

  if (origin === TOKEN_PAGE_ORIGIN) {
    // Only the top frame of a tab showing the token page.
    if (sender.frameId !== 0 || !sender.tab || typeof sender.tab.id !== 'number') return null;
    if (typeof sender.url !== 'string' || !isTokenPageUrl(sender.url)) return null;
    // sender.url stays at the URL the document was loaded with; after the page moved in place
    // (history.pushState) to another account page, only the tab's URL tells. The browser gives
    // it where the extension may see the tab's address (docs/browsers.md#message-sender): then it
    // must be the token page too.
    const tabUrl: unknown = sender.tab.url;
    if (tabUrl !== undefined && (typeof tabUrl !== 'string' || !isTokenPageUrl(tabUrl))) return null;
    return 'token-page';
  }

  return null;
}
