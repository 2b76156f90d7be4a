// Typed access to the background's storage.local entries. Only the background imports
// this module: it is the one place that reads or writes secrets. Every read goes through a
// declared item (src/shared/storage-items.ts, ./items.ts), which checks what it reads: no
// stored value is cast.
import type { ConnectionSummary } from '../../shared/connection';
import type { Settings } from '../../shared/protocol';
import { connectionsItem, defaultConnectionItem, expiryNotifiedItem, settingsItem, type StorageItem } from '../../shared/storage-items';
import { CACHE_PREFIX } from '../../shared/storage-keys';
import { localArea } from '../browser-api';
import type { StorageArea } from './area';
import { secretsItem } from './items';

/** Serialises read-modify-write sequences within one worker (messages run concurrently). */
function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withLock<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** A key and its value, checked against its item's type, for one set() of several items. */
type Entry = readonly [key: string, value: unknown];
const entry = <T>(item: StorageItem<T>, value: T): Entry => [item.key, value];

/**
 * The background's storage.local: connections and their secrets, settings, reminder marks and
 * caches. Stateless (a fresh Store over the same area sees the same data, as after a worker
 * restart); writes that read first run one at a time under a lock. Takes only items of the
 * 'local' area: session items go through src/background/session-item.ts.
 */
export class Store {
  private readonly withLock = createLock();

  /** `area`: storage.local, or an in-memory area in tests (./area.ts). */
  constructor(private readonly area: StorageArea) {}

  private check(item: StorageItem<unknown>): void {
    if (item.area !== 'local') throw new Error(`The store holds storage.local items, not ${item.area}:${item.key}.`);
  }

  /** Reads the given items in one storage call; the returned function gives each one's checked value. */
  private async snapshot(items: StorageItem<unknown>[]): Promise<<T>(item: StorageItem<T>) => T> {
    for (const item of items) this.check(item);
    const got = await this.area.get(items.map((i) => i.key));
    return (item) => item.read(got[item.key]);
  }

  /** Writes several items in one set(): a worker stopped meanwhile leaves all or none. */
  private async writeAll(entries: Entry[]): Promise<void> {
    await this.area.set(Object.fromEntries(entries));
  }

  /** An item's checked value, or its fallback when it is missing or malformed. */
  async read<T>(item: StorageItem<T>): Promise<T> {
    return (await this.snapshot([item]))(item);
  }

  /** The keys of storage.local that start with `prefix` (a connection's caches: `cache:<id>:`). */
  async keysStartingWith(prefix: string): Promise<string[]> {
    return Object.keys(await this.area.get(null)).filter((k) => k.startsWith(prefix));
  }

  /** Removes items: each reads as its fallback afterwards. */
  async remove(items: StorageItem<unknown>[]): Promise<void> {
    for (const item of items) this.check(item);
    if (items.length) await this.area.remove(items.map((i) => i.key));
  }

  /** Replaces an item's value (no lock: use update() to change it from what is stored). */
  async write<T>(item: StorageItem<T>, value: T): Promise<void> {
    this.check(item);
    await this.writeAll([entry(item, value)]);
  }

  /** Read-modify-write of one item under the lock, from a fresh read; resolves to the value written. */
  update<T>(item: StorageItem<T>, change: (old: T) => T): Promise<T> {
    return this.withLock(async () => {
      const next = change(await this.read(item));
      await this.write(item, next);
      return next;
    });
  }

  /**
   * Read-modify-write of an item that belongs to connection `id` (one of its caches), under the
   * lock deleteConnection takes: nothing is written for a connection deleted meanwhile (its
   * caches went with it). False when the connection is gone.
   */
  updateForConnection<T>(id: string, item: StorageItem<T>, change: (old: T) => T): Promise<boolean> {
    return this.withLock(async () => {
      if (!(await this.connection(id))) return false;
      await this.write(item, change(await this.read(item)));
      return true;
    });
  }

  /** The saved connections, in the order the user added them (malformed entries are skipped). */
  connections(): Promise<ConnectionSummary[]> {
    return this.read(connectionsItem);
  }

  /** One saved connection, or undefined when there is none with that id. */
  async connection(id: string): Promise<ConnectionSummary | undefined> {
    return (await this.connections()).find((c) => c.id === id);
  }

  /** The default connection's id: the stored one while it exists, else the first connection's; null with none. */
  async defaultConnectionId(): Promise<string | null> {
    const got = await this.snapshot([defaultConnectionItem, connectionsItem]);
    const id = got(defaultConnectionItem);
    const list = got(connectionsItem);
    if (id !== null && list.some((c) => c.id === id)) return id;
    return list[0]?.id ?? null;
  }

  /** Makes `id` the default connection (the caller checks that it exists). */
  async setDefaultConnectionId(id: string): Promise<void> {
    await this.write(defaultConnectionItem, id);
  }

  /**
   * Inserts or replaces a connection (a replaced one keeps its place), and its secret when
   * given. The first connection saved becomes the default.
   */
  async putConnection(connection: ConnectionSummary, secret?: string): Promise<void> {
    await this.withLock(async () => {
      const got = await this.snapshot([connectionsItem, secretsItem, defaultConnectionItem]);
      const stored = got(connectionsItem);
      const list = stored.filter((c) => c.id !== connection.id);
      const existingIndex = stored.findIndex((c) => c.id === connection.id);
      if (existingIndex >= 0) list.splice(existingIndex, 0, connection);
      else list.push(connection);
      const entries = [entry(connectionsItem, list)];
      if (secret !== undefined) entries.push(entry(secretsItem, { ...got(secretsItem), [connection.id]: secret }));
      if (got(defaultConnectionItem) === null) entries.push(entry(defaultConnectionItem, connection.id));
      // Secret and connection in one set(): a stopped worker never leaves one without the other.
      await this.writeAll(entries);
    });
  }

  /** Applies a change to one stored connection, under the lock; resolves to the updated one, or undefined when it is gone. */
  updateConnection(id: string, change: (c: ConnectionSummary) => ConnectionSummary): Promise<ConnectionSummary | undefined> {
    return this.withLock(async () => {
      const list = await this.connections();
      const i = list.findIndex((c) => c.id === id);
      if (i < 0) return undefined;
      const updated = change(list[i]!);
      list[i] = updated;
      await this.write(connectionsItem, list);
      return updated;
    });
  }

  /**
   * Changes one connection and replaces its secret in a single write, under the lock, from
   * a fresh read (a rename or status change made meanwhile is kept). Undefined when gone.
   */
  replaceConnection(
    id: string,
    change: (c: ConnectionSummary) => ConnectionSummary,
    secret: string,
  ): Promise<ConnectionSummary | undefined> {
    return this.withLock(async () => {
      const got = await this.snapshot([connectionsItem, secretsItem]);
      const list = got(connectionsItem);
      const i = list.findIndex((c) => c.id === id);
      if (i < 0) return undefined;
      const updated = change(list[i]!);
      list[i] = updated;
      await this.writeAll([entry(connectionsItem, list), entry(secretsItem, { ...got(secretsItem), [id]: secret })]);
      return updated;
    });
  }

  /** Removes a connection, its secret, its caches (`cache:<id>:...`) and its reminder mark; moves the default. */
  async deleteConnection(id: string): Promise<void> {
    await this.withLock(async () => {
      const got = await this.snapshot([connectionsItem, secretsItem, defaultConnectionItem, expiryNotifiedItem]);
      const list = got(connectionsItem).filter((c) => c.id !== id);
      const { [id]: _secret, ...secrets } = got(secretsItem);
      const { [id]: _mark, ...notified } = got(expiryNotifiedItem);
      const entries = [entry(connectionsItem, list), entry(secretsItem, secrets), entry(expiryNotifiedItem, notified)];
      if (got(defaultConnectionItem) === id) entries.push(entry(defaultConnectionItem, list[0]?.id ?? null));
      await this.writeAll(entries);
      const keys = Object.keys(await this.area.get(null));
      const caches = keys.filter((k) => k.startsWith(`${CACHE_PREFIX}${id}:`));
      if (caches.length) await this.area.remove(caches);
    });
  }

  /** A connection's secret, or undefined when none is stored (ids such as `__proto__` included). */
  async secret(id: string): Promise<string | undefined> {
    const secrets = await this.read(secretsItem);
    return Object.hasOwn(secrets, id) ? secrets[id] : undefined;
  }

  /** The settings, each malformed or missing field at its default. */
  settings(): Promise<Settings> {
    return this.read(settingsItem);
  }

  /** Merges `change` into the stored settings under the lock; resolves to the new settings. */
  updateSettings(change: Partial<Settings>): Promise<Settings> {
    return this.update(settingsItem, (old) => ({ ...old, ...change }));
  }

  /** Per connection id, the token expiry date (YYYY-MM-DD) already notified. */
  expiryNotified(): Promise<Record<string, string>> {
    return this.read(expiryNotifiedItem);
  }

  /** Records that connection `id` was reminded of the expiry date `expiresOn` (YYYY-MM-DD). */
  async markExpiryNotified(id: string, expiresOn: string): Promise<void> {
    await this.update(expiryNotifiedItem, (old) => ({ ...old, [id]: expiresOn }));
  }
}

let defaultStore: Store | undefined;
/** The store over browser.storage.local (stateless: safe to recreate after a worker restart). */
export function localStore(): Store {
  defaultStore ??= new Store(localArea());
  return defaultStore;
}
