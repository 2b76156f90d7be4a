import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  EPISODE_RESET_MS,
  MAX_THROTTLED_ATTEMPTS,
  RETRY_FLOOR_MS,
  admit,
  afterRefusal,
  backoffMs,
  parseRetryAfter,
  retryDelayMs,
} from './retry-policy';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 30, 12, 0, 0);
  it.each([
    [null, undefined],
    ['', undefined],
    ['0', 0],
    ['  7 ', 7],
    ['-3', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['Mon, 30 Nov 2026 12:00:30 GMT', 30],
    ['Mon, 30 Nov 2026 11:00:00 GMT', 0],
  ])('%j -> %j', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});

describe('backoff schedule', () => {
  it('doubles per refusal in a row, in the upper half of its window, up to the cap', () => {
    const lowest = [1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0));
    const highest = [1, 2, 3, 4, 5].map((n) => backoffMs(n, () => 0.999999));
    expect(lowest).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(highest).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(backoffMs(40, () => 0.999999)).toBe(BACKOFF_CAP_MS);
  });

  it.each([
    // Retry-After, refusals in a row, random -> wait
    [undefined, 1, 0, RETRY_FLOOR_MS],
    [0, 1, 0, RETRY_FLOOR_MS],
    [0, 3, 0, 2000],
    [0, 3, 0.999999, 4000],
    [30, 1, 0.5, 30_000],
    [2, 4, 0, 4000],
    [Number.NaN, 1, 0, RETRY_FLOOR_MS],
  ])('Retry-After %s after refusal %i (random %s) waits %i ms: the largest of the three', (retryAfter, failures, r, wait) => {
    expect(retryDelayMs(retryAfter, failures, () => r)).toBe(wait);
  });
});

describe('the budget of refusals', () => {
  const t0 = 5_000_000;

  it(`allows ${MAX_THROTTLED_ATTEMPTS} requests in a row that Jira refuses, then only a user's action`, () => {
    let state = afterRefusal(undefined, 429, 0, t0, () => 0).state;
    expect(state).toEqual({ failures: 1, notBefore: t0 + 1000, status: 429 });
    const second = afterRefusal(state, 429, 0, t0 + 1000, () => 0);
    expect(second.retriesLeft).toBe(1);
    state = second.state;
    const third = afterRefusal(state, 503, undefined, t0 + 2000, () => 0);
    expect(third).toMatchObject({ retriesLeft: 0, waitMs: 2000 });
    expect(third.state.status).toBe(503);
  });

  it('refuses a request until notBefore, then admits it', () => {
    const { state } = afterRefusal(undefined, 429, 30, t0);
    expect(admit(state, t0 + 10_000).waitMs).toBe(20_000);
    expect(admit(state, t0 + 30_000).waitMs).toBe(0);
  });

  it("a user's action goes at once and starts a fresh count", () => {
    const { state } = afterRefusal(afterRefusal(undefined, 429, 30, t0).state, 429, 30, t0);
    const forced = admit(state, t0 + 1, true);
    expect(forced.waitMs).toBe(0);
    expect(forced.state?.failures).toBe(0);
    expect(afterRefusal(forced.state, 429, 0, t0 + 2).retriesLeft).toBe(MAX_THROTTLED_ATTEMPTS - 1);
  });

  it('a refusal long past no longer counts', () => {
    const { state } = afterRefusal(afterRefusal(undefined, 429, 0, t0).state, 429, 0, t0);
    const later = t0 + EPISODE_RESET_MS + 60_000;
    expect(admit(state, later)).toEqual({ waitMs: 0, state: undefined });
    expect(afterRefusal(state, 429, 0, later).retriesLeft).toBe(MAX_THROTTLED_ATTEMPTS - 1);
  });
});
