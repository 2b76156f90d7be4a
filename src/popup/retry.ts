// When the popup retries a failed request by itself (issue #4: "rate limited → cached list and
// automatic retry after the wait"), and when it leaves that to the user's Retry.
import type { AppErrorInfo } from '../shared/errors';

/** Automatic retries of one connection's list before the popup stops and waits for Retry. */
export const MAX_AUTO_RETRIES = 3;
/** A longer wait than this (seconds) is not waited out in an open popup: Retry is the way on. */
export const MAX_AUTO_WAIT_SECONDS = 3600;
/** Without a Retry-After, the first wait after a 429; each automatic retry doubles it. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 30;

/**
 * Seconds until the popup asks again, or undefined when it does not by itself. `attempt` is the
 * number of automatic retries already made for this connection's list. Only a rate limit, or a
 * server error that said when to come back (a 503 with Retry-After), is retried: Jira's own
 * Retry-After is honoured as given (never earlier), a missing one backs off 30, 60, 120 s.
 */
export function autoRetryWait(error: AppErrorInfo, attempt: number): number | undefined {
  if (attempt >= MAX_AUTO_RETRIES) return undefined;
  const given = error.retryAfterSeconds;
  let wait: number;
  if (error.kind === 'rate-limited') wait = given ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS * 2 ** attempt;
  else if (error.kind === 'server' && given !== undefined) wait = given;
  else return undefined;
  if (!Number.isFinite(wait) || wait > MAX_AUTO_WAIT_SECONDS) return undefined;
  return Math.max(1, Math.ceil(wait));
}
