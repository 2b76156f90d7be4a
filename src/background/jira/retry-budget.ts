// One retry budget per connection, shared by everything that calls Jira for it: the popup's
// lists and their automatic retries, the badge, the icons. Kept in storage.session, so a service
// worker that stopped and started again still honours a wait Jira asked for
// (docs/browsers.md#service-worker); the rules are retry-policy.ts's.
import { isRecord } from '../../shared/guards';
import { defineItem, type StorageItem } from '../../shared/storage-items';
import type { StorageArea } from '../storage/area';
import { admit, afterRefusal, retriesLeftOf, type ThrottleState } from './retry-policy';

export interface RetryBudget {
  /** Ms the next request must still wait (0: it may be sent now). */
  wait(): Promise<{ waitMs: number; retriesLeft: number; status: 429 | 503 }>;
  /** Jira answered 429 or 503 (Retry-After in seconds, if any): the wait in ms before the next request, and the requests left. */
  refused(status: 429 | 503, retryAfterSeconds: number | undefined): Promise<{ waitMs: number; retriesLeft: number }>;
  /** Jira answered anything else: the connection is not being slowed down any more. */
  settled(): Promise<void>;
}

export interface BudgetOptions {
  /** A user's explicit retry: it may go now, with a fresh count of attempts. */
  force?: boolean;
  /** Clock in epoch ms, default Date.now. */
  now?: () => number;
  /** Jitter source returning [0, 1), default Math.random. */
  random?: () => number;
}

/** The storage.session key of a connection's budget. */
export function throttleKey(connectionId: string): string {
  return `throttle:${connectionId}`;
}

/** storage.session: the retry state of one connection (undefined: Jira is not slowing it down). */
export function throttleItem(connectionId: string): StorageItem<ThrottleState | undefined> {
  return defineItem<ThrottleState | undefined>('session', throttleKey(connectionId), undefined, (v) =>
    isRecord(v) &&
    typeof v.failures === 'number' &&
    Number.isInteger(v.failures) &&
    typeof v.notBefore === 'number' &&
    (v.status === 429 || v.status === 503)
      ? { failures: v.failures, notBefore: v.notBefore, status: v.status }
      : undefined,
  );
}

/** A budget over any storage of one ThrottleState (undefined: nothing stored). */
function budgetOver(
  read: () => Promise<ThrottleState | undefined>,
  write: (s: ThrottleState | undefined) => Promise<void>,
  opts: BudgetOptions,
): RetryBudget {
  const now = opts.now ?? Date.now;
  // A forced request resets the count once, not on every retry it makes by itself.
  let force = opts.force ?? false;
  return {
    async wait() {
      const stored = await read();
      const { waitMs, state } = admit(stored, now(), force);
      force = false;
      if (state !== stored) await write(state);
      return { waitMs, retriesLeft: retriesLeftOf(state), status: state?.status ?? 429 };
    },
    async refused(status, retryAfterSeconds) {
      const { waitMs, retriesLeft, state } = afterRefusal(await read(), status, retryAfterSeconds, now(), opts.random);
      await write(state);
      return { waitMs, retriesLeft };
    },
    async settled() {
      if ((await read()) !== undefined) await write(undefined);
    },
  };
}

/**
 * The budget of one connection in `area` (storage.session in the extension), kept under
 * throttleItem(connectionId). Its methods reject only when `area` does.
 */
export function connectionBudget(area: StorageArea, connectionId: string, opts: BudgetOptions = {}): RetryBudget {
  const item = throttleItem(connectionId);
  return budgetOver(
    async () => item.read((await area.get(item.key))[item.key]),
    async (s) => (s ? area.set({ [item.key]: s }) : area.remove(item.key)),
    opts,
  );
}

/** A budget that lives as long as one object (a connection being tested, which has no id yet). */
export function memoryBudget(opts: BudgetOptions = {}): RetryBudget {
  let state: ThrottleState | undefined;
  return budgetOver(
    async () => state,
    async (s) => {
      state = s;
    },
    opts,
  );
}
