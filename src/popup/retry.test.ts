import { describe, expect, it } from 'vitest';
import type { AppErrorInfo } from '../shared/errors';
import { MAX_AUTO_RETRIES, autoRetryWait } from './retry';

const limited = (retryAfterSeconds?: number): AppErrorInfo => ({ kind: 'rate-limited', message: 'slow down', ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });

describe('autoRetryWait', () => {
  it("waits exactly Jira's Retry-After, at least a second", () => {
    expect(autoRetryWait(limited(42), 0)).toBe(42);
    expect(autoRetryWait(limited(0), 0)).toBe(1);
    expect(autoRetryWait(limited(2.2), 0)).toBe(3);
    expect(autoRetryWait({ kind: 'server', message: 'down', status: 503, retryAfterSeconds: 120 }, 0)).toBe(120);
  });

  it('backs off 30, 60, 120 s without a Retry-After, then stops', () => {
    expect([0, 1, 2, 3].map((n) => autoRetryWait(limited(), n))).toEqual([30, 60, 120, undefined]);
  });

  it(`stops after ${MAX_AUTO_RETRIES} automatic retries even when Jira names a wait`, () => {
    expect(autoRetryWait(limited(5), MAX_AUTO_RETRIES - 1)).toBe(5);
    expect(autoRetryWait(limited(5), MAX_AUTO_RETRIES)).toBeUndefined();
  });

  it('leaves a wait longer than an hour (or nonsense) to the Retry button: no timer overflow', () => {
    expect(autoRetryWait(limited(3600), 0)).toBe(3600);
    expect(autoRetryWait(limited(3601), 0)).toBeUndefined();
    expect(autoRetryWait(limited(2 ** 40), 0)).toBeUndefined();
    expect(autoRetryWait(limited(Number.POSITIVE_INFINITY), 0)).toBeUndefined();
    expect(autoRetryWait(limited(Number.NaN), 0)).toBeUndefined();
  });

  it('does not retry what waiting does not fix', () => {
    for (const kind of ['auth', 'captcha', 'network', 'timeout', 'not-found', 'no-site-access', 'bad-request'] as const) {
      expect(autoRetryWait({ kind, message: 'x' }, 0)).toBeUndefined();
    }
    expect(autoRetryWait({ kind: 'server', message: '500', status: 500 }, 0)).toBeUndefined();
  });
});
