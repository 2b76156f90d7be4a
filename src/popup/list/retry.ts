// When the popup retries a failed request by itself, and when it leaves that to the user's
// Retry. The background decides how many requests a connection may still send while Jira asks
// it to slow down (one retry budget per connection, src/background/jira/retry-policy.ts): the
// popup only waits the time the error names, and only while that budget is not spent.
import type { AppErrorInfo } from '../../shared/errors';

/** A longer wait than this (seconds) is not waited out in an open popup: Retry is the way on. */
export const MAX_AUTO_WAIT_SECONDS = 3600;

/**
 * Seconds until the popup asks again, or undefined when it does not by itself: only a rate
 * limit or an unavailable Jira (429, 503) whose connection's budget leaves a retry
 * (`retriesLeft`), after the wait it names (at least a second).
 */
export function autoRetryWait(error: AppErrorInfo): number | undefined {
  if (error.kind !== 'rate-limited' && error.kind !== 'server') return undefined;
  if (!error.retriesLeft || error.retriesLeft <= 0) return undefined;
  const wait = error.retryAfterSeconds;
  if (wait === undefined || !Number.isFinite(wait) || wait > MAX_AUTO_WAIT_SECONDS) return undefined;
  return Math.max(1, Math.ceil(wait));
}
