// The few extension APIs the popup uses, straight from the browser: Firefox's `browser` and
// MV3 Chrome's `chrome` both return promises for these calls, so the popup does not load
// webextension-polyfill before its first paint (messaging, which uses it, loads after).
// It never reads the 'secrets' entry: every read here names its keys.
import type Browser from 'webextension-polyfill';
import type { ConnectionSummary } from '../shared/connection';
import type { Payload, Reply, RequestName } from '../shared/protocol';

type Api = typeof Browser;
const g = globalThis as { browser?: Api; chrome?: Api };
export const browser: Api = g.browser ?? g.chrome!;

export async function readLocal(keys: string[]): Promise<Record<string, unknown>> {
  return (await browser.storage.local.get(keys)) as Record<string, unknown>;
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

export function openOptions(hash: string): Promise<void> {
  return openTab(browser.runtime.getURL(`src/options/index.html${hash}`));
}

/** Where the user fixes a rejected credential: Cloud renews its API token, Server/DC re-authenticates. */
export function fixCredentials(c: Pick<ConnectionSummary, 'id' | 'deployment'>): Promise<void> {
  return openOptions(c.deployment === 'cloud' ? `#renew=${encodeURIComponent(c.id)}` : `#reauth=${encodeURIComponent(c.id)}`);
}
