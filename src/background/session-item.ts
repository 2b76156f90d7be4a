// A value in storage.session that expires: survives the service worker stopping, not a
// browser restart (docs/browsers.md#storage). Used for tested drafts (the secret kept between
// Next and Finish) and for token captures. Nothing here lives in module state. Each item is
// declared once, with its key, lifetime and check, in src/background/storage/items.ts.
import { isNumber, isRecord, type Guard } from '../shared/guards';
import { defineItem, type StorageItem } from '../shared/storage-items';
import type { StorageArea } from './storage/area';

/** What is stored: the value, and when it stops counting (epoch ms). */
export interface Stamped<T> {
  value: T;
  expiresAt: number;
}

/** A storage.session item whose value expires `ttlMs` (ms) after it is written. */
export interface ExpiringItem<T> extends StorageItem<Stamped<T> | undefined> {
  readonly ttlMs: number;
}

/** Expiring items by id, one entry each, keyed `prefix:id`. */
export interface ExpiringItems<T> {
  readonly prefix: string;
  readonly ttlMs: number;
  item(id: string): ExpiringItem<T>;
}

/**
 * Declares an expiring storage.session item. A stored entry reads as undefined unless it has a
 * numeric `expiresAt` and a `value` that passes `isValue`.
 */
export function expiringItem<T>(key: string, ttlMs: number, isValue: Guard<T>): ExpiringItem<T> {
  const item = defineItem<Stamped<T> | undefined>('session', key, undefined, (v) =>
    isRecord(v) && isNumber(v.expiresAt) && isValue(v.value) ? { value: v.value, expiresAt: v.expiresAt } : undefined,
  );
  return { ...item, ttlMs };
}

/** Declares expiring items by id under `prefix` (see expiringItem). */
export function expiringItems<T>(prefix: string, ttlMs: number, isValue: Guard<T>): ExpiringItems<T> {
  return { prefix, ttlMs, item: (id) => expiringItem(`${prefix}:${id}`, ttlMs, isValue) };
}

/**
 * The live value of an entry: undefined, after removing the entry, when it has expired or does
 * not pass the item's check (a secret nobody can use is not kept).
 */
async function readLive<T>(area: StorageArea, item: ExpiringItem<T>, now: number): Promise<T | undefined> {
  const raw = (await area.get(item.key))[item.key];
  if (raw === undefined) return undefined;
  const stamped = item.read(raw);
  if (!stamped || stamped.expiresAt <= now) {
    await area.remove(item.key);
    return undefined;
  }
  return stamped.value;
}

function stamp<T>(item: ExpiringItem<T>, value: T, now: number): Record<string, Stamped<T>> {
  return { [item.key]: { value, expiresAt: now + item.ttlMs } };
}

/** One expiring value (e.g. the pending token capture). `now` gives epoch ms (tests pass a clock). */
export class SessionItem<T> {
  constructor(
    private readonly area: () => StorageArea,
    readonly item: ExpiringItem<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value, or undefined when none is stored, it expired, or it is malformed. */
  get(): Promise<T | undefined> {
    return readLive(this.area(), this.item, this.now());
  }

  /** Stores `value` for the item's lifetime from now. */
  async set(value: T): Promise<void> {
    await this.area().set(stamp(this.item, value, this.now()));
  }

  /** Removes the value. */
  async clear(): Promise<void> {
    await this.area().remove(this.item.key);
  }

  /** Reads and removes in one go (a value meant to be used once). */
  async take(): Promise<T | undefined> {
    const value = await this.get();
    if (value !== undefined) await this.clear();
    return value;
  }
}

/**
 * Expiring values by id, one storage.session entry each (`prefix:id`), so that two writes
 * at once (two Next presses) never overwrite each other and a delete never races a set.
 */
export class SessionMap<T> {
  constructor(
    private readonly area: () => StorageArea,
    readonly items: ExpiringItems<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value stored for `id`, or undefined when none is, it expired, or it is malformed. */
  get(id: string): Promise<T | undefined> {
    return readLive(this.area(), this.items.item(id), this.now());
  }

  /** Stores `value` for `id` for the items' lifetime, then drops every expired entry. */
  async set(id: string, value: T): Promise<void> {
    await this.area().set(stamp(this.items.item(id), value, this.now()));
    await this.purgeExpired();
  }

  /** Removes the value stored for `id`. */
  async delete(id: string): Promise<void> {
    await this.area().remove(this.items.item(id).key);
  }

  /** Drops expired or malformed entries (secrets included) that nobody came back for. */
  private async purgeExpired(): Promise<void> {
    const all = await this.area().get(null);
    const t = this.now();
    const prefix = `${this.items.prefix}:`;
    const stale = Object.entries(all)
      .filter(([k, v]) => k.startsWith(prefix) && (this.items.item(k.slice(prefix.length)).read(v)?.expiresAt ?? 0) <= t)
      .map(([k]) => k);
    if (stale.length) await this.area().remove(stale);
  }
}
