import { describe, expect, it } from 'vitest';
import type { AppErrorInfo } from '../../shared/errors';
import { autoRetryWait } from './retry';

const limited = (retryAfterSeconds?: number, retriesLeft = 2): AppErrorInfo => ({
  kind: 'rate-limited',
  message: 'slow down',
  retriesLeft,
  ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
});

describe('autoRetryWait', () => {
  it('waits the time the background names, at least a second', () => {
    expect(autoRetryWait(limited(42))).toBe(42);
    expect(autoRetryWait(limited(0))).toBe(1);
    expect(autoRetryWait(limited(2.2))).toBe(3);
    expect(autoRetryWait({ kind: 'server', message: 'down', status: 503, retryAfterSeconds: 120, retriesLeft: 1 })).toBe(120);
  });

  it("only while the connection's retry budget leaves a request", () => {
    expect(autoRetryWait(limited(5, 1))).toBe(5);
    expect(autoRetryWait(limited(5, 0))).toBeUndefined();
    const { retriesLeft: _none, ...unknownBudget } = limited(5);
    expect(autoRetryWait(unknownBudget)).toBeUndefined();
  });

  it('without a named wait, it does not retry by itself', () => {
    expect(autoRetryWait(limited(undefined))).toBeUndefined();
  });

  it('leaves a wait longer than an hour (or nonsense) to the Retry button: no timer overflow', () => {
    expect(autoRetryWait(limited(3600))).toBe(3600);
    expect(autoRetryWait(limited(3601))).toBeUndefined();
    expect(autoRetryWait(limited(2 ** 40))).toBeUndefined();
    expect(autoRetryWait(limited(Number.POSITIVE_INFINITY))).toBeUndefined();
    expect(autoRetryWait(limited(Number.NaN))).toBeUndefined();
  });

  it('does not retry what waiting does not fix', () => {
    for (const kind of ['auth', 'captcha', 'network', 'timeout', 'not-found', 'no-site-access', 'bad-request'] as const) {
      expect(autoRetryWait({ kind, message: 'x', retryAfterSeconds: 5, retriesLeft: 2 })).toBeUndefined();
    }
  });
});
