// An in-memory stand-in for webextension-polyfill in unit tests (vitest.config.ts aliases
// the module here). Storage behaves like the browser's (values copied); APIs that open
// UI record their calls. In src/background only browser-api.ts imports it: a test that needs more
// control mocks that module.
import { MemoryStorageArea } from '../../src/background/storage/area';

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    listeners,
  };
}

/** What the extension asked of the browser's UI, in order (emptied by resetFakeBrowser). */
export const calls = {
  tabsCreated: [] as Array<{ url?: string }>,
  tabsUpdated: [] as Array<{ id: number; props: unknown }>,
  notifications: [] as Array<{ id: string; options: unknown }>,
  badge: [] as Array<{ text?: string; color?: unknown }>,
  sentMessages: [] as unknown[],
};

const granted = new Set<string>(['https://*.atlassian.net/*', 'https://api.atlassian.com/*']);

const browser = {
  runtime: {
    id: 'test-extension-id',
    getURL: (path: string) => `chrome-extension://test-extension-id/${path.replace(/^\//, '')}`,
    sendMessage: async (message: unknown) => {
      calls.sentMessages.push(message);
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    openOptionsPage: async () => undefined,
    onMessage: event(),
    onInstalled: event(),
    onStartup: event(),
  },
  storage: {
    local: new MemoryStorageArea(),
    session: new MemoryStorageArea(),
    onChanged: event(),
  },
  permissions: {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.add(o);
      return true;
    },
  },
  tabs: {
    create: async (props: { url?: string }) => {
      calls.tabsCreated.push(props);
      return { id: 1000 + calls.tabsCreated.length, windowId: 1 };
    },
    update: async (id: number, props: unknown) => {
      calls.tabsUpdated.push({ id, props });
      return { id, windowId: 1 };
    },
    getCurrent: async () => undefined,
  },
  windows: { update: async () => ({}) },
  alarms: {
    create: async () => undefined,
    clear: async () => true,
    get: async () => undefined,
    onAlarm: event(),
  },
  notifications: {
    create: async (id: string, options: unknown) => {
      calls.notifications.push({ id, options });
      return id;
    },
    clear: async () => true,
    onClicked: event(),
  },
  action: {
    setBadgeText: async ({ text }: { text?: string }) => void calls.badge.push({ text }),
    setBadgeBackgroundColor: async ({ color }: { color?: unknown }) => void calls.badge.push({ color }),
    setTitle: async () => undefined,
  },
};

/** Grants or revokes a host permission in the fake. */
export function setGranted(origin: string, on: boolean): void {
  if (on) granted.add(origin);
  else granted.delete(origin);
}

/** Empties storage and recorded calls between tests. */
export function resetFakeBrowser(): void {
  browser.storage.local.data.clear();
  browser.storage.session.data.clear();
  for (const list of Object.values(calls)) list.length = 0;
}

export default browser;
