// The few browser APIs the options page uses besides request(): one module, easy to mock.
import browser from 'webextension-polyfill';
import { storedIcon } from '../shared/image-url';
import { MESSAGE_TAG, type Broadcast } from '../shared/protocol';
import { iconsCacheKey } from '../shared/storage-keys';

/**
 * Asks for access to a self-hosted Jira. Call it first in a click/submit handler, before any
 * await: Firefox only shows the prompt while the user gesture lasts. Resolves true at once
 * when the access is already there.
 */
export function requestSiteAccess(originPattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern] });
}

/** Opens a page in a new tab without needing a user gesture (extension pages may). */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}

function isBroadcast(message: unknown): message is Broadcast {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as { tag?: unknown }).tag === MESSAGE_TAG &&
    typeof (message as { event?: unknown }).event === 'string'
  );
}

/** Listens for one background broadcast; returns the unsubscribe function. */
export function onBroadcast(event: Broadcast['event'], listener: () => void): () => void {
  const handler = (message: unknown, sender: { tab?: unknown }) => {
    // Content scripts can message extension pages too: only the background (no tab) counts.
    if (sender?.tab) return undefined;
    if (isBroadcast(message) && message.event === event) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/**
 * The icon the background stored for `url` on connection `connectionId` (a data: URL), and
 * again whenever that connection's icons change; returns the unsubscribe function. Reads only
 * the icons entry (never the secrets).
 */
export function watchStoredIcon(connectionId: string, url: string, listener: (data: string | undefined) => void): () => void {
  const key = iconsCacheKey(connectionId);
  let live = true;
  const read = () =>
    browser.storage.local.get(key).then(
      (got) => live && listener(storedIcon(got[key], url)),
      () => undefined,
    );
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) void read();
  };
  browser.storage.onChanged.addListener(onChanged);
  void read();
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
