// The few extension APIs the popup uses, straight from the browser: Firefox's `browser` and
// MV3 Chrome's `chrome` both return promises for these calls, so the popup does not load
// webextension-polyfill before its first paint (messaging, which uses it, loads after).
// It never reads the 'secrets' entry: every read here names its keys.
import type Browser from 'webextension-polyfill';
import type { ConnectionSummary } from '../shared/connection';
import type { Payload, Reply, RequestName } from '../shared/protocol';

type Api = typeof Browser;
const g = globalThis as { browser?: Api; chrome?: Api };
const browser: Api = g.browser ?? g.chrome!;

/** The raw values of `keys` in storage.local: read each through its storage item (src/shared/storage-items.ts). */
export async function readLocal(keys: string[]): Promise<Record<string, unknown>> {
  return (await browser.storage.local.get(keys)) as Record<string, unknown>;
}

export type LocalChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Calls `listener` with every change of storage.local; returns the function that stops it. */
export function onLocalChanged(listener: (changes: LocalChanges) => void): () => void {
  const onChanged = (changes: LocalChanges, area: string) => {
    if (area === 'local') listener(changes);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/**
 * Asks the user for access to a site (permissions.request). Call it straight from a click or a
 * key press: browsers grant the prompt only to a user gesture (docs/browsers.md#host-permissions).
 */
export function requestSiteAccess(originPattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern] });
}

export function writeLocal(items: Record<string, unknown>): void {
  browser.storage.local.set(items).catch(() => undefined);
}

/** A request to the background (src/shared/messaging.ts, loaded on first use). */
export async function request<K extends RequestName>(name: K, payload: Payload<K>): Promise<Reply<K>> {
  const messaging = await import('../shared/messaging');
  return messaging.request(name, payload);
}

/** Opens a URL in a new tab; `background` keeps the popup open and the tab behind. */
export async function openTab(url: string, background = false): Promise<void> {
  await browser.tabs.create({ url, active: !background });
  if (!background) window.close();
}

/** Opens the options page in a new tab with `hash` (src/options/hash.ts); src/popup/open-options.ts reuses an open one first. */
export function openOptions(hash: string): Promise<void> {
  return openTab(browser.runtime.getURL(`src/options/index.html${hash}`));
}

/**
 * The button that fixes a rejected credential, named as on the options page's card: Jira Cloud
 * renews its API token (from Atlassian's token page), Server/DC re-authenticates (a new
 * password or personal access token in the form).
 */
export function fixLabel(c: Pick<ConnectionSummary, 'deployment'>): string {
  return c.deployment === 'cloud' ? 'Renew token' : 'Re-authenticate';
}

/** Puts `text` on the clipboard (from a click or a key press); false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
