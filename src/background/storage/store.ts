// Typed access to the background's storage.local entries. Only the background imports
// this module: it is the one place that reads or writes secrets.
import browser from 'webextension-polyfill';
import type { ConnectionSummary } from '../../shared/connection';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/protocol';
import {
  CACHE_PREFIX,
  CONNECTIONS_KEY,
  DEFAULT_CONNECTION_KEY,
  EXPIRY_NOTIFIED_KEY,
  SECRETS_KEY,
  SETTINGS_KEY,
} from '../../shared/storage-keys';
import type { StorageArea } from './area';

/** Serialises read-modify-write sequences within one worker (messages run concurrently). */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

export class Store {
  private readonly withLock = createLock();

  constructor(private readonly area: StorageArea) {}

  async connections(): Promise<ConnectionSummary[]> {
    const got = await this.area.get(CONNECTIONS_KEY);
    const list = got[CONNECTIONS_KEY];
    return Array.isArray(list) ? (list as ConnectionSummary[]) : [];
  }

  async connection(id: string): Promise<ConnectionSummary | undefined> {
    return (await this.connections()).find((c) => c.id === id);
  }

  async defaultConnectionId(): Promise<string | null> {
    const got = await this.area.get([DEFAULT_CONNECTION_KEY, CONNECTIONS_KEY]);
    const list = (Array.isArray(got[CONNECTIONS_KEY]) ? got[CONNECTIONS_KEY] : []) as ConnectionSummary[];
    const id = got[DEFAULT_CONNECTION_KEY];
    if (typeof id === 'string' && list.some((c) => c.id === id)) return id;
    return list[0]?.id ?? null;
  }

  async setDefaultConnectionId(id: string): Promise<void> {
    await this.area.set({ [DEFAULT_CONNECTION_KEY]: id });
  }

  /** Inserts or replaces a connection, and its secret when given. */
  async putConnection(connection: ConnectionSummary, secret?: string): Promise<void> {
    await this.withLock(async () => {
      const got = await this.area.get([CONNECTIONS_KEY, SECRETS_KEY, DEFAULT_CONNECTION_KEY]);
      const list = ((got[CONNECTIONS_KEY] as ConnectionSummary[] | undefined) ?? []).filter((c) => c.id !== connection.id);
      const existingIndex = ((got[CONNECTIONS_KEY] as ConnectionSummary[] | undefined) ?? []).findIndex((c) => c.id === connection.id);
      if (existingIndex >= 0) list.splice(existingIndex, 0, connection);
      else list.push(connection);
      const items: Record<string, unknown> = { [CONNECTIONS_KEY]: list };
      if (secret !== undefined) {
        items[SECRETS_KEY] = { ...((got[SECRETS_KEY] as Record<string, string> | undefined) ?? {}), [connection.id]: secret };
      }
      if (typeof got[DEFAULT_CONNECTION_KEY] !== 'string') items[DEFAULT_CONNECTION_KEY] = connection.id;
      // Secret and connection in one set(): a stopped worker never leaves one without the other.
      await this.area.set(items);
    });
  }

  /** Applies a change to one stored connection; returns the updated one. */
  async updateConnection(id: string, change: (c: ConnectionSummary) => ConnectionSummary): Promise<ConnectionSummary | undefined> {
    return this.withLock(async () => {
      const list = await this.connections();
      const i = list.findIndex((c) => c.id === id);
      if (i < 0) return undefined;
      const updated = change(list[i]!);
      list[i] = updated;
      await this.area.set({ [CONNECTIONS_KEY]: list });
      return updated;
    });
  }

  /**
   * Changes one connection and replaces its secret in a single write, under the lock, from
   * a fresh read (a rename or status change made meanwhile is kept). Undefined when gone.
   */
  async replaceConnection(
    id: string,
    change: (c: ConnectionSummary) => ConnectionSummary,
    secret: string,
  ): Promise<ConnectionSummary | undefined> {
    return this.withLock(async () => {
      const got = await this.area.get([CONNECTIONS_KEY, SECRETS_KEY]);
      const list = [...((got[CONNECTIONS_KEY] as ConnectionSummary[] | undefined) ?? [])];
      const i = list.findIndex((c) => c.id === id);
      if (i < 0) return undefined;
      const updated = change(list[i]!);
      list[i] = updated;
      const secrets = { ...((got[SECRETS_KEY] as Record<string, string> | undefined) ?? {}), [id]: secret };
      await this.area.set({ [CONNECTIONS_KEY]: list, [SECRETS_KEY]: secrets });
      return updated;
    });
  }

  /** Removes a connection, its secret, its caches and its notification marks. */
  async deleteConnection(id: string): Promise<void> {
    await this.withLock(async () => {
      const got = await this.area.get([CONNECTIONS_KEY, SECRETS_KEY, DEFAULT_CONNECTION_KEY, EXPIRY_NOTIFIED_KEY]);
      const list = ((got[CONNECTIONS_KEY] as ConnectionSummary[] | undefined) ?? []).filter((c) => c.id !== id);
      const { [id]: _secret, ...secrets } = (got[SECRETS_KEY] as Record<string, string> | undefined) ?? {};
      const { [id]: _mark, ...notified } = (got[EXPIRY_NOTIFIED_KEY] as Record<string, string> | undefined) ?? {};
      const items: Record<string, unknown> = { [CONNECTIONS_KEY]: list, [SECRETS_KEY]: secrets, [EXPIRY_NOTIFIED_KEY]: notified };
      if (got[DEFAULT_CONNECTION_KEY] === id) items[DEFAULT_CONNECTION_KEY] = list[0]?.id ?? null;
      await this.area.set(items);
      const all = await this.area.get(null);
      const caches = Object.keys(all).filter((k) => k.startsWith(`${CACHE_PREFIX}${id}:`));
      if (caches.length) await this.area.remove(caches);
    });
  }

  async secret(id: string): Promise<string | undefined> {
    const got = await this.area.get(SECRETS_KEY);
    const secrets = got[SECRETS_KEY] as Record<string, string> | undefined;
    return secrets && Object.hasOwn(secrets, id) ? secrets[id] : undefined;
  }

  async settings(): Promise<Settings> {
    const got = await this.area.get(SETTINGS_KEY);
    return { ...DEFAULT_SETTINGS, ...((got[SETTINGS_KEY] as Partial<Settings> | undefined) ?? {}) };
  }

  async updateSettings(change: Partial<Settings>): Promise<Settings> {
    return this.withLock(async () => {
      const next = { ...(await this.settings()), ...change };
      await this.area.set({ [SETTINGS_KEY]: next });
      return next;
    });
  }

  async expiryNotified(): Promise<Record<string, string>> {
    const got = await this.area.get(EXPIRY_NOTIFIED_KEY);
    return (got[EXPIRY_NOTIFIED_KEY] as Record<string, string> | undefined) ?? {};
  }

  async markExpiryNotified(id: string, expiresOn: string): Promise<void> {
    await this.withLock(async () => {
      await this.area.set({ [EXPIRY_NOTIFIED_KEY]: { ...(await this.expiryNotified()), [id]: expiresOn } });
    });
  }

  /** Raw access for caches (keys from src/shared/storage-keys.ts). */
  async getItem<T>(key: string): Promise<T | undefined> {
    return (await this.area.get(key))[key] as T | undefined;
  }

  /**
   * Read-modify-write of a cache entry of connection `id`, under the lock that deleteConnection
   * takes: nothing is written for a connection deleted meanwhile (its caches went with it).
   * False when the connection is gone.
   */
  async updateConnectionItem<T>(id: string, key: string, change: (old: T | undefined) => T): Promise<boolean> {
    return this.withLock(async () => {
      if (!(await this.connection(id))) return false;
      await this.area.set({ [key]: change(await this.getItem<T>(key)) });
      return true;
    });
  }

  async setItem(key: string, value: unknown): Promise<void> {
    await this.area.set({ [key]: value });
  }

  async removeItem(key: string): Promise<void> {
    await this.area.remove(key);
  }
}

let defaultStore: Store | undefined;
/** The store over browser.storage.local (stateless: safe to recreate after a worker restart). */
export function localStore(): Store {
  defaultStore ??= new Store(browser.storage.local as unknown as StorageArea);
  return defaultStore;
}

export function sessionArea(): StorageArea {
  return browser.storage.session as unknown as StorageArea;
}
