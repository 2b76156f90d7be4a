// The one way the background talks to Jira: builds the request, signs it (credentials.ts),
// admits and retries it under the connection's retry budget (retry-policy.ts, retry-budget.ts),
// reads the answer (body.ts) and turns every failure into an AppError the pages can act on
// (answer-errors.ts).
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { parseJsonAnswer, redirectError, throttledError, throwIfFailed, timeoutError, unreachableError } from './answer-errors';
import { type Answer, imageOf, readImageAnswer, readTextAnswer } from './body';
import { authorizationHeader, type JiraAuth, scrubSecret } from './credentials';
import { memoryBudget, type RetryBudget } from './retry-budget';
import { parseRetryAfter, retryDelayMs } from './retry-policy';
import { neededScope } from './scopes';
import { assertSiteAccess, defaultHasPermission } from './site-access';

export type { JiraAuth } from './credentials';

export interface TransportOptions {
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Ms per attempt, reading the body included. Default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /**
   * Retries of a read, slept through here, after 429/503 (502/504: one retry). Default 3, and
   * never more than the connection's retry budget allows. Writes are never retried.
   * Background jobs pass 0: their next run is their retry.
   */
  maxRetries?: number;
  /**
   * The longest wait in seconds (retry-policy.ts: Retry-After as a floor, plus backoff) slept
   * through before retrying; a longer one is answered at once with retryAfterSeconds, for the
   * caller to schedule. Default DEFAULT_MAX_RETRY_AFTER_SECONDS.
   */
  maxRetryAfterSeconds?: number;
  /**
   * The connection's retry budget (retry-budget.ts), shared with every other request for it.
   * Default: one of this transport's own (a connection being tested has no id yet).
   */
  budget?: RetryBudget;
  /** Sleeps `ms` before a retry. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source returning [0, 1), default Math.random. */
  random?: () => number;
  /**
   * Whether the extension holds a host permission (default: permissions.contains of the
   * extension API): asked before every request that carries credentials (site-access.ts), and
   * after a fetch that failed.
   */
  hasPermission?: (originPattern: string) => Promise<boolean>;
}

export interface JiraRequest {
  method?: 'GET' | 'POST' | 'PUT';
  /**
   * A POST that only reads (a search sent as POST because its URL would be too long): it may be
   * retried like a GET.
   */
  idempotent?: boolean;
  /** Starts with "/", e.g. "/rest/api/3/myself". Joined after apiBase's context path. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON with a POST. */
  body?: unknown;
}

/** Ms an attempt may take, reading the body included. */
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 3;
/**
 * A Retry-After longer than this (seconds) is not waited for: the caller gets the error at once,
 * with retryAfterSeconds. The default suits requests someone is watching (the popup, the options
 * page): a burst-limit blip of a second or two is cheaper to wait out here (at most
 * maxRetries x 2 s) than to show; a longer wait is better shown than slept through behind
 * "Updating…": the popup keeps the cached list, says Jira is limiting requests and counts
 * down to its own retry.
 */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 2;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether `path` stays under the API base once joined to it: it starts with one "/", has no dot
 * segments, no query or fragment, no "%" (an encoded dot segment, %2e%2e, would climb out of
 * the base after parsing) and no backslash. Never throws.
 */
export function isSafeApiPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !/(^|\/)\.\.?(\/|$)/.test(path) && !/[?#\\%]/.test(path);
}

class TimeoutSignal extends Error {}

/**
 * The requests of one connection (or of a connection being tested). `apiBase`: the site with
 * its context path, or the API gateway's base for a scoped Cloud token (connect.ts); `auth`:
 * null for an anonymous request; `siteOriginPattern`: the host permission the requests need,
 * checked before any request that carries credentials and named in a no-site-access error.
 * Every request omits cookies (docs/browsers.md#credentials-omit) and its errors never contain
 * the secret.
 */
export class JiraTransport {
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly budget: RetryBudget;
  private readonly hasPermission: (originPattern: string) => Promise<boolean>;
  private readonly base: URL;

  constructor(
    readonly apiBase: string,
    private readonly auth: JiraAuth | null,
    readonly siteOriginPattern: string,
    opts: TransportOptions = {},
  ) {
    // Bind: calling an unbound window.fetch throws "Illegal invocation" in browsers.
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = Math.max(0, opts.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.maxRetryAfterSeconds = Math.max(0, opts.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS);
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    this.budget = opts.budget ?? memoryBudget({ random: this.random });
    this.hasPermission = opts.hasPermission ?? defaultHasPermission;
    this.base = new URL(apiBase.endsWith('/') ? apiBase : `${apiBase}/`);
  }

  /**
   * apiBase + path + query (undefined values left out). Throws AppError internal for a path that
   * would leave apiBase (absolute, "//", "..", see isSafeApiPath).
   */
  url(req: Pick<JiraRequest, 'path' | 'query'>): string {
    const { path } = req;
    if (!isSafeApiPath(path)) {
      throw new AppError({ kind: 'internal', message: 'The extension built an invalid Jira request.' });
    }
    const url = new URL(this.base.href.replace(/\/$/, '') + path);
    if (url.origin !== this.base.origin || !url.pathname.startsWith(this.base.pathname)) {
      throw new AppError({ kind: 'internal', message: 'The extension built an invalid Jira request.' });
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) params.append(key, String(value));
    }
    const search = params.toString();
    if (search) url.search = search;
    return url.href;
  }

  /**
   * Sends `req` and returns its JSON body checked by `schema`. Reads (GET, or `idempotent`) are
   * retried here after a 429/503 whose wait is short, and once after a 502/504; writes never.
   * Throws AppError: internal (bad path), no-site-access (before sending, when the host
   * permission is not held), network, timeout, not-jira (a redirect or a web page), rate-limited /
   * server (with retryAfterSeconds and retriesLeft), and Jira's failures as answer-errors.ts maps
   * them (auth, captcha, missing-scope with the scope `req` needs, forbidden, not-found, gone,
   * bad-request, server, invalid-response). Source: docs/jira-api.md#rate-limits.
   */
  async requestJson<T>(req: JiraRequest, schema: z.ZodType<T>): Promise<T> {
    try {
      return await this.run(req, schema);
    } catch (e) {
      throw scrubSecret(e, this.auth);
    }
  }

  /**
   * One GET of an image under apiBase (an issue type icon, an avatar that needs the user's
   * credentials), for src/background/issues/icons.ts: its media type and at most `maxBytes`
   * bytes. Never retried: an icon is not worth a wait. Fails like requestJson for Jira's
   * failures; an answer that is not an image of a known type, or is empty or larger than
   * maxBytes, fails as invalid-response.
   */
  async image(req: Pick<JiraRequest, 'path' | 'query'>, maxBytes: number): Promise<{ type: string; bytes: Uint8Array }> {
    try {
      const init = this.init('GET', undefined);
      (init.headers as Record<string, string>).Accept = 'image/png,image/svg+xml,image/*;q=0.8';
      const url = this.url(req);
      await this.checkAccess(url);
      await this.admit();
      const answer = await this.attempt(url, init, maxBytes);
      await this.throwIfThrottled(answer, true, false);
      throwIfFailed(answer, this.base, this.auth?.authMethod, neededScope('GET', req.path));
      return imageOf(answer, maxBytes);
    } catch (e) {
      throw scrubSecret(e, this.auth);
    }
  }

  private async run<T>(req: JiraRequest, schema: z.ZodType<T>): Promise<T> {
    const method = req.method ?? 'GET';
    const url = this.url(req);
    const init = this.init(method, req.body);
    // Only reads are retried: a write that timed out or was throttled may have happened.
    const isRead = method === 'GET' || req.idempotent === true;
    await this.checkAccess(url);
    await this.admit();
    for (let attempt = 0; ; attempt++) {
      const answer = await this.attempt(url, init);
      const wait = await this.throwIfThrottled(answer, isRead, attempt < this.maxRetries);
      if (wait !== undefined) {
        await this.sleep(wait);
        continue;
      }
      // 502 and 504 (a proxy or gateway hiccup): once, after the shortest wait.
      if ((answer.status === 502 || answer.status === 504) && isRead && attempt === 0 && this.maxRetries > 0) {
        await this.sleep(retryDelayMs(undefined, 1, this.random));
        continue;
      }
      throwIfFailed(answer, this.base, this.auth?.authMethod, neededScope(method, req.path, req.idempotent));
      return parseJsonAnswer(answer, schema);
    }
  }

  /** Before a request with credentials: the host permission for `url` is held (site-access.ts). */
  private async checkAccess(url: string): Promise<void> {
    if (this.auth) await assertSiteAccess(url, this.siteOriginPattern, this.hasPermission);
  }

  /**
   * Before a request: refuses it, unsent, while the connection's budget says Jira asked to wait
   * (a 429 or 503 moments ago, for this or another request of the same connection).
   */
  private async admit(): Promise<void> {
    const { waitMs, retriesLeft, status } = await this.budget.wait();
    if (waitMs > 0) throw throttledError(status, Math.ceil(waitMs / 1000), retriesLeft);
  }

  /**
   * After an answer: nothing for an answer that is not a 429 or 503 (the budget is settled).
   * For a 429 or 503, the ms to sleep before retrying here when this is a read, `retryHere`, the
   * budget allows it and the wait is short; otherwise the error, with the wait and the requests
   * the budget still allows (0 for a write: a write is never sent again by itself). Timeouts and
   * network failures are not retried: the user sees them at once.
   */
  private async throwIfThrottled(answer: Answer, isRead: boolean, retryHere: boolean): Promise<number | undefined> {
    const { status } = answer;
    if (status !== 429 && status !== 503) {
      await this.budget.settled();
      return undefined;
    }
    const retryAfter = parseRetryAfter(answer.headers.get('retry-after'));
    const { waitMs, retriesLeft } = await this.budget.refused(status, retryAfter);
    if (isRead && retryHere && retriesLeft > 0 && waitMs <= this.maxRetryAfterSeconds * 1000) return waitMs;
    throw throttledError(status, Math.ceil(waitMs / 1000), isRead ? retriesLeft : 0, answer.status);
  }

  private init(method: 'GET' | 'POST' | 'PUT', body: unknown): RequestInit {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.auth) headers.Authorization = authorizationHeader(this.auth);
    const init: RequestInit = {
      method,
      headers,
      // The user's Jira cookies must not mix with token auth (docs/browsers.md#credentials-omit).
      credentials: 'omit',
      cache: 'no-store',
      // With credentials, a redirect is not followed: the answer would not be Jira's REST API
      // (often a single sign-on page), and the credentials must not chase it elsewhere.
      redirect: this.auth ? 'manual' : 'follow',
    };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      // Jira's XSRF filter lets a write through with this header (unless Origin is refused):
      // docs/jira-api.md#xsrf.
      headers['X-Atlassian-Token'] = 'no-check';
      init.body = JSON.stringify(body ?? {});
    }
    return init;
  }

  /** One fetch plus body read, under one timeout; with `maxBytes`, the body is read as an image's bytes. */
  private async attempt(url: string, init: RequestInit, maxBytes?: number): Promise<Answer> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new TimeoutSignal());
      }, this.timeoutMs);
    });
    try {
      const exchange = (async () => {
        const response = await this.fetchFn(url, { ...init, signal: controller.signal });
        if (response.type === 'opaqueredirect' || (init.redirect === 'manual' && response.status >= 300 && response.status < 400)) {
          throw redirectError();
        }
        return maxBytes === undefined ? readTextAnswer(response) : readImageAnswer(response, maxBytes, controller);
      })();
      exchange.catch(() => undefined); // the loser of the race must not be an unhandled rejection
      return await Promise.race([exchange, timeout]);
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof TimeoutSignal) throw timeoutError(this.timeoutMs);
      throw await unreachableError(this.siteOriginPattern, this.hasPermission);
    } finally {
      clearTimeout(timer);
    }
  }
}
