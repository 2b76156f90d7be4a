// When Client for Jira may ask Jira again after Jira asked it to slow down (429, or 503), and
// how many requests a connection may send while Jira keeps refusing before only a user's action
// sends another. Pure: the state lives wherever the caller keeps it (retry-budget.ts keeps it in
// storage.session, so a restarted service worker still honours it).
//
// Retry-After is a floor, never the whole wait: Jira may send `0`, an HTTP date, or nothing, and
// Atlassian asks clients to back off exponentially with jitter on top of it
// (docs/jira-api.md#rate-limits).

/** No retry comes sooner than this after a 429 or 503, whatever Retry-After says. */
export const RETRY_FLOOR_MS = 1_000;
/** The first backoff step; each further refusal in a row doubles it. */
export const BACKOFF_BASE_MS = 1_000;
/** No backoff step grows past this. */
export const BACKOFF_CAP_MS = 5 * 60_000;
/**
 * Requests one connection may send in a row that Jira answers with 429 or 503 (the first one
 * included) before it stops: after that only a user's explicit retry sends another.
 */
export const MAX_THROTTLED_ATTEMPTS = 3;
/** A refusal older than this (past its wait) no longer counts: the next one starts afresh. */
export const EPISODE_RESET_MS = 10 * 60_000;

/** What is remembered about a connection that Jira is slowing down. */
export interface ThrottleState {
  /** 429/503 answers in a row. */
  failures: number;
  /** Epoch ms before which no request may be sent without a user's action. */
  notBefore: number;
  /** What the last refusal was, to describe a request refused before it was sent. */
  status: 429 | 503;
}

/**
 * Retry-After as seconds: a non-negative integer, or an HTTP date (then seconds from `now`, at
 * least 0). Undefined when absent or unreadable. RFC 9110 section 10.2.3.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-3" or "1.5".
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Exponential backoff with "equal jitter" after the `failures`-th refusal in a row (1, 2, ...):
 * a random point in the upper half of min(cap, base x 2^(failures-1)) ms, so waits grow even at
 * the unluckiest draw. `random` returns [0, 1).
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The wait in ms after the `failures`-th refusal in a row: max(Retry-After, backoff, 1 s).
 * `retryAfterSeconds` undefined (no header) counts as 0.
 */
export function retryDelayMs(retryAfterSeconds: number | undefined, failures: number, random: () => number = Math.random): number {
  const asked = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : 0;
  return Math.max(RETRY_FLOOR_MS, asked, backoffMs(failures, random));
}

/** `state` unless it is over (its wait long past), then undefined. */
function current(state: ThrottleState | undefined, now: number): ThrottleState | undefined {
  return state && now - state.notBefore < EPISODE_RESET_MS ? state : undefined;
}

/**
 * Before a request at `now` (epoch ms): how long in ms it must still wait (0: it may go). A
 * user's explicit retry (`force`) may always go and gets a fresh count of attempts; the wait
 * Jira asked for is then the user's call. Returns the state to store (undefined: nothing to
 * remember).
 */
export function admit(state: ThrottleState | undefined, now: number, force = false): { waitMs: number; state: ThrottleState | undefined } {
  const live = current(state, now);
  if (!live) return { waitMs: 0, state: undefined };
  if (force) return { waitMs: 0, state: { ...live, failures: 0 } };
  return { waitMs: Math.max(0, live.notBefore - now), state: live };
}

/**
 * After Jira answered 429 or 503 at `now` (epoch ms): the wait in ms before the next request,
 * and how many more requests may be sent without a user's action (0: stop and wait for the
 * user). Returns the state to store. Source: docs/jira-api.md#rate-limits.
 */
export function afterRefusal(
  state: ThrottleState | undefined,
  status: 429 | 503,
  retryAfterSeconds: number | undefined,
  now: number,
  random: () => number = Math.random,
): { waitMs: number; retriesLeft: number; state: ThrottleState } {
  const failures = (current(state, now)?.failures ?? 0) + 1;
  const waitMs = retryDelayMs(retryAfterSeconds, failures, random);
  return { waitMs, retriesLeft: Math.max(0, MAX_THROTTLED_ATTEMPTS - failures), state: { failures, notBefore: now + waitMs, status } };
}

/** Requests still allowed without a user's action, for a request refused before it was sent. */
export function retriesLeftOf(state: ThrottleState | undefined): number {
  return Math.max(0, MAX_THROTTLED_ATTEMPTS - (state?.failures ?? 0));
}
