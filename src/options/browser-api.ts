// Every browser extension API the options page uses, in one module: requests to the
// background, the host permission prompt, tabs, broadcasts and the stored icons. Components
// import these, never webextension-polyfill, so a test mocks one place.
import browser from 'webextension-polyfill';
import { isRecord } from '../shared/guards';
import { storedIcon } from '../shared/image-url';
import { MESSAGE_TAG, type Broadcast } from '../shared/protocol';
import { iconsCacheItem } from '../shared/storage-items';

/**
 * Sends one typed request to the background (runtime.sendMessage) and resolves with its reply;
 * rejects with the AppError the background sent, or an 'internal' AppError when it does not answer.
 */
export { request } from '../shared/messaging';

/**
 * Asks for access to a Jira site: `originPattern` is a match pattern ("https://jira.corp.example/*").
 * Resolves true when granted, at once when the access is already there; false when refused;
 * rejects when the browser refuses to ask (no user gesture, or no permissions API). Call it first
 * in a click or submit handler, before any await: Firefox shows the prompt only while the user
 * gesture lasts (docs/browsers.md#host-permissions). An async function runs synchronously up to
 * its first await, so the request itself still happens inside the gesture.
 */
export async function requestSiteAccess(originPattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern] });
}

/** Opens `url` in a new, active tab; extension pages may do so without a user gesture. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}

/**
 * Brings this page's tab to the front: the active tab of its window, and that window focused
 * (tabs.getCurrent, tabs.update, windows.update; no permission needed). Does nothing when the
 * page is not in a tab of its own.
 */
export async function bringToFront(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

function isBroadcast(message: unknown): message is Broadcast {
  return isRecord(message) && message.tag === MESSAGE_TAG && typeof message.event === 'string';
}

/**
 * Calls `listener` on every background broadcast named `event` (runtime.onMessage); returns the
 * function that stops listening. Messages from content scripts are ignored: they reach extension
 * pages too, and only the background (a sender without a tab) may announce events
 * (docs/browsers.md#message-sender).
 */
export function onBroadcast(event: Broadcast['event'], listener: () => void): () => void {
  const handler = (message: unknown, sender: { tab?: unknown }) => {
    if (sender?.tab) return undefined;
    if (isBroadcast(message) && message.event === event) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/**
 * Calls `listener` with the icon the background stored for image `url` on connection
 * `connectionId` (a data: URL, or undefined when none is stored), now and whenever that
 * connection's icons change; returns the function that stops watching. Reads only the icons
 * entry, through its storage item (never the secrets).
 */
export function watchStoredIcon(connectionId: string, url: string, listener: (data: string | undefined) => void): () => void {
  const item = iconsCacheItem(connectionId);
  let live = true;
  const read = () =>
    browser.storage.local.get(item.key).then(
      (got) => live && listener(storedIcon(item.read(got[item.key]), url)),
      () => undefined,
    );
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === item.area && item.key in changes) void read();
  };
  browser.storage.onChanged.addListener(onChanged);
  void read();
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
