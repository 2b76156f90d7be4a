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

/** A map of expiring values under one storage.session key (e.g. tested drafts by id). */
export class SessionMap<T> {
  constructor(
    private readonly area: () => StorageArea,
    readonly key: string,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private async live(): Promise<Record<string, Stamped<T>>> {
    const all = ((await this.area().get(this.key))[this.key] as Record<string, Stamped<T>> | undefined) ?? {};
    const t = this.now();
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v.expiresAt > t));
  }

  async get(id: string): Promise<T | undefined> {
    const live = await this.live();
    return Object.hasOwn(live, id) ? live[id]!.value : undefined;
  }

  async set(id: string, value: T): Promise<void> {
    const live = await this.live();
    live[id] = { value, expiresAt: this.now() + this.ttlMs };
    await this.area().set({ [this.key]: live });
  }

  async delete(id: string): Promise<void> {
    const live = await this.live();
    delete live[id];
    await this.area().set({ [this.key]: live });
  }
}
