// The background's one door to the WebExtension API: the only module of src/background that
// imports webextension-polyfill. Everything else asks here, so a unit can run on the in-memory
// polyfill (tests/unit/fake-browser.ts) or mock this one module, and the Jira client
// (src/background/jira) needs no browser API at all. Nothing is read at import time: the
// worker registers its listeners first, and a test may swap the polyfill for a stub.
import browser, { type Alarms, type DeclarativeNetRequest, type Runtime, type Storage } from 'webextension-polyfill';
import type { StorageArea } from './storage/area';

/** An alarm as alarms.onAlarm passes it (`name`, `scheduledTime` in epoch ms, `periodInMinutes`). */
export type Alarm = Alarms.Alarm;
/** runtime.MessageSender as the polyfill types it (without `origin`: see src/background/senders.ts). */
export type MessageSender = Runtime.MessageSender;
/** What runtime.onInstalled says: `reason` ('install', 'update', ...), `previousVersion` on an update. */
export type InstalledDetails = Runtime.OnInstalledDetailsType;

/** storage.local: connections, secrets, settings, caches (docs/browsers.md#storage). */
export function localArea(): StorageArea {
  return browser.storage.local;
}

/**
 * storage.session: what must survive the worker stopping but not the browser quitting (tested
 * drafts, a token capture, retry budgets; docs/browsers.md#storage).
 */
export function sessionArea(): StorageArea {
  return browser.storage.session;
}

/**
 * Keeps storage.local (tokens included) out of content scripts' reach where the browser allows it
 * (recent Chromium); Firefox has no such switch (docs/browsers.md#storage). Never throws.
 */
export function restrictLocalStorageToTrustedContexts(): void {
  // Not in the polyfill's types yet.
  const local: Storage.StorageArea & { setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> } = browser.storage.local;
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
}

/** runtime.id: the extension's id, as the browser puts it in every sender it reports. */
export function extensionId(): string {
  return browser.runtime.id;
}

/** The full URL of a file of the extension, e.g. `src/options/index.html#capture` (runtime.getURL). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/**
 * True in Firefox: it sends its moz-extension:// Origin and its browser User-Agent with the
 * extension's writes, which Jira's XSRF rule refuses (docs/browsers.md#origin-header,
 * docs/jira-api.md#xsrf) unless a header rule rewrites the Origin (src/background/xsrf-rules.ts).
 */
export function postsMeetXsrf(): boolean {
  return extensionUrl('').startsWith('moz-extension:');
}

/**
 * Sends a message to the extension's open pages (never to content scripts). Rejects when no
 * page listens, as runtime.sendMessage does.
 */
export async function sendToExtensionPages(message: unknown): Promise<void> {
  await browser.runtime.sendMessage(message);
}

/** Opens the options page (runtime.openOptionsPage), or focuses it when it is open. */
export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens `url` in a new tab; resolves to the new tab's id (undefined when the browser gives none). */
export async function openTab(url: string): Promise<number | undefined> {
  return (await browser.tabs.create({ url })).id;
}

/** Brings a tab and its window to the front; false when the tab no longer exists. */
export async function focusTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether the user granted a host permission, e.g. `https://jira.corp.example/*` (docs/browsers.md#host-permissions). */
export function hasOriginPermission(originPattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern] });
}

/** The toolbar badge's text ('' hides it; docs/browsers.md#badge). */
export async function setBadgeText(text: string): Promise<void> {
  await browser.action.setBadgeText({ text });
}

/** The toolbar badge's background colour, as a CSS colour such as `#0052cc`. */
export async function setBadgeColour(color: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color });
}

/** An alarm by name, or undefined when none is scheduled (`periodInMinutes` in minutes). */
export function getAlarm(name: string): Promise<Alarm | undefined> {
  return browser.alarms.get(name);
}

/** Schedules (or re-schedules) a named alarm; both times in minutes. Alarms survive the worker stopping. */
export async function createAlarm(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> {
  await browser.alarms.create(name, info);
}

/** Cancels a named alarm; resolves to whether there was one. */
export function clearAlarm(name: string): Promise<boolean> {
  return browser.alarms.clear(name);
}

/** Shows a basic notification with the extension's icon; `id` is what a click reports back. */
export async function showNotification(id: string, text: { title: string; message: string }): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', iconUrl: extensionUrl('icons/icon-128.png'), ...text });
}

/** Removes a notification by id. */
export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

// Listeners. MV3 needs them registered synchronously at start-up (src/background/index.ts).

/** runtime.onMessage: the listener's promise is the reply. */
export function addMessageListener(listener: (message: unknown, sender: MessageSender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener(listener);
}

/** runtime.onInstalled: install, update, or the browser's own update. */
export function addInstalledListener(listener: (details: InstalledDetails) => Promise<void>): void {
  browser.runtime.onInstalled.addListener(listener);
}

/** runtime.onStartup: a browser profile started with the extension installed. */
export function addStartupListener(listener: () => Promise<void>): void {
  browser.runtime.onStartup.addListener(listener);
}

/** alarms.onAlarm: a scheduled alarm went off (it may wake the worker). */
export function addAlarmListener(listener: (alarm: Alarm) => Promise<void>): void {
  browser.alarms.onAlarm.addListener(listener);
}

/** notifications.onClicked: the user clicked a notification; the listener gets its id. */
export function addNotificationClickListener(listener: (id: string) => void): void {
  browser.notifications.onClicked.addListener(listener);
}

export type DnrRule = DeclarativeNetRequest.Rule;

/**
 * The extension's session declarativeNetRequest rules (none where the API is absent). Session
 * rules last until the browser quits, across restarts of the background; only they may use
 * `tabIds` (docs/browsers.md#declarative-net-request).
 */
export async function sessionRules(): Promise<DnrRule[]> {
  return browser.declarativeNetRequest ? browser.declarativeNetRequest.getSessionRules() : [];
}

/** Replaces session rules: removes `removeRuleIds`, then adds `addRules` (one atomic update). */
export async function updateSessionRules(removeRuleIds: number[], addRules: DnrRule[]): Promise<void> {
  if (!browser.declarativeNetRequest) return;
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds, addRules });
}

/** Calls `listener` with every change of storage.local. */
export function addLocalChangeListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') listener(changes);
  });
}
