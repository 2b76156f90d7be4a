// A value in storage.session that expires: survives the service worker stopping, not a
// browser restart. Used for tested drafts (secret kept between Next and Finish) and for
// token captures (issue #3). Nothing here lives in module state.
import type { StorageArea } from './storage/area';

interface Stamped<T> {
  value: T;
  expiresAt: number;
}

export class SessionItem<T> {
  constructor(
    private readonly area: () => StorageArea,
    readonly key: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<T | undefined> {
    const stamped = (await this.area().get(this.key))[this.key] as Stamped<T> | undefined;
    if (!stamped) return undefined;
    if (stamped.expiresAt <= this.now()) {
      await this.area().remove(this.key);
      return undefined;
    }
    return stamped.value;
  }

  async set(value: T): Promise<void> {
    await this.area().set({ [this.key]: { value, expiresAt: this.now() + this.ttlMs } satisfies Stamped<T> });
  }

  async clear(): Promise<void> {
    await this.area().remove(this.key);
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
    readonly prefix: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:${id}`;
  }

  async get(id: string): Promise<T | undefined> {
    const key = this.key(id);
    const stamped = (await this.area().get(key))[key] as Stamped<T> | undefined;
    if (!stamped) return undefined;
    if (stamped.expiresAt <= this.now()) {
      await this.area().remove(key);
      return undefined;
    }
    return stamped.value;
  }

  async set(id: string, value: T): Promise<void> {
    await this.area().set({ [this.key(id)]: { value, expiresAt: this.now() + this.ttlMs } satisfies Stamped<T> });
    await this.purgeExpired();
  }

  async delete(id: string): Promise<void> {
    await this.area().remove(this.key(id));
  }

  /** Drops expired entries (secrets included) that nobody came back for. */
  private async purgeExpired(): Promise<void> {
    const all = await this.area().get(null);
    const t = this.now();
    const stale = Object.entries(all)
      .filter(([k, v]) => k.startsWith(`${this.prefix}:`) && ((v as Stamped<T> | undefined)?.expiresAt ?? 0) <= t)
      .map(([k]) => k);
    if (stale.length) await this.area().remove(stale);
  }
}
