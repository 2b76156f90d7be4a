// The one way the background talks to Jira: builds the request, authenticates it, retries
// what is safe to retry, and turns every failure into an AppError the pages can act on.
// Facts behind the odd lines: /work/shared/JIRA_FACTS.md.
import type { z } from 'zod';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { jiraErrorMessages } from './errors-body';
import { formatWait } from '../../shared/time';
import { memoryBudget, type RetryBudget } from './retry-budget';
import { parseRetryAfter, retryDelayMs } from './retry-policy';

export { parseRetryAfter } from './retry-policy';

export interface JiraAuth {
  authMethod: 'cloud-token' | 'password' | 'pat';
  username: string;
  secret: string;
}

export interface TransportOptions {
  /** Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 20000. */
  timeoutMs?: number;
  /**
   * Retries of a read, slept through here, after 429/503 (502/504: one retry). Default 3, and
   * never more than the connection's retry budget allows. Writes are never retried.
   * Background jobs pass 0: their next run is their retry.
   */
  maxRetries?: number;
  /**
   * The longest wait (retry-policy.ts: Retry-After as a floor, plus backoff) slept through before
   * retrying; a longer one is answered at once with retryAfterSeconds, for the caller to
   * schedule. Default DEFAULT_MAX_RETRY_AFTER_SECONDS.
   */
  maxRetryAfterSeconds?: number;
  /**
   * The connection's retry budget (retry-budget.ts), shared with every other request for it.
   * Default: one of this transport's own (a connection being tested has no id yet).
   */
  budget?: RetryBudget;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source, default Math.random. */
  random?: () => number;
  /** Default: permissions.contains of the extension API. */
  hasPermission?: (originPattern: string) => Promise<boolean>;
}

export interface JiraRequest {
  method?: 'GET' | 'POST';
  /**
   * A POST that only reads (a search sent as POST because its URL would be too long): it may be
   * retried like a GET.
   */
  idempotent?: boolean;
  /** Starts with "/", e.g. "/rest/api/3/myself". Joined after apiBase's context path. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 3;
/**
 * A Retry-After longer than this is not waited for: the caller gets the error at once, with
 * retryAfterSeconds. The default suits requests someone is watching (the popup, the options
 * page): a burst-limit blip of a second or two is cheaper to wait out here (at most
 * maxRetries x 2 s) than to show; a longer wait is better shown than slept through behind
 * "Updating…": the popup keeps the cached list, says Jira is limiting requests and counts
 * down to its own retry.
 */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 2;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface PermissionsApi {
  permissions?: { contains(p: { origins: string[] }): Promise<boolean> };
}

/**
 * Reads the extension API from globalThis rather than importing webextension-polyfill:
 * a dynamic import() is not allowed in a service worker, and unit tests run without it.
 * Both Firefox's `browser` and MV3 Chrome's `chrome` return promises here.
 */
async function defaultHasPermission(originPattern: string): Promise<boolean> {
  const g = globalThis as { browser?: PermissionsApi; chrome?: PermissionsApi };
  const api = g.browser?.permissions ?? g.chrome?.permissions;
  if (!api) return true;
  return api.contains({ origins: [originPattern] });
}

/** Basic credentials as UTF-8 (btoa alone throws on non-ASCII user names and passwords). */
export function basicCredentials(username: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function authorizationHeader(auth: JiraAuth): string {
  // Data Center PATs are Bearer tokens; sent as a Basic password they get 401 (JIRA_FACTS.md).
  return auth.authMethod === 'pat' ? `Bearer ${auth.secret}` : `Basic ${basicCredentials(auth.username, auth.secret)}`;
}

/** "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp" -> the login URL. */
export function parseCaptchaHeader(value: string | null): { captcha: boolean; loginUrl?: string } {
  if (!value || !/CAPTCHA_CHALLENGE/i.test(value)) return { captcha: false };
  const match = /login-url=([^;\s]+)/i.exec(value);
  const url = match?.[1];
  if (url && /^https?:\/\//i.test(url)) return { captcha: true, loginUrl: url };
  return { captcha: true };
}

class TimeoutSignal extends Error {}

interface Answer {
  status: number;
  headers: Headers;
  /** The body as text ('' for an image request). */
  text: string;
  /** The body's bytes, for an image request only. */
  bytes?: ArrayBuffer;
}

/** Image types an icon may have: what an <img> shows without running anything. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);

/**
 * A path that stays under the API base once joined to it: starts with one "/", no dot
 * segments, no query or fragment, no "%" (an encoded dot segment, %2e%2e, would climb out of
 * the base after parsing), no backslash.
 */
export function isSafeApiPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !/(^|\/)\.\.?(\/|$)/.test(path) && !/[?#\\%]/.test(path);
}

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

  /** apiBase + path + query; refuses paths that would leave apiBase (absolute, "//", ".."). */
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

  async requestJson<T>(req: JiraRequest, schema: z.ZodType<T>): Promise<T> {
    try {
      return await this.run(req, schema);
    } catch (e) {
      throw this.scrub(e);
    }
  }

  /**
   * One GET of an image under apiBase (an issue type icon, an avatar that needs the user's
   * credentials), for src/background/issues/icons.ts. Never retried: an icon is not worth a
   * wait. Fails like requestJson for Jira's failures; an answer that is not an image of a
   * known type, or is empty or larger than maxBytes, fails as invalid-response.
   */
  async image(req: Pick<JiraRequest, 'path' | 'query'>, maxBytes: number): Promise<{ type: string; bytes: Uint8Array }> {
    try {
      const init = this.init('GET', undefined);
      (init.headers as Record<string, string>).Accept = 'image/png,image/svg+xml,image/*;q=0.8';
      const url = this.url(req);
      await this.admit();
      const answer = await this.attempt(url, init, maxBytes);
      await this.throwIfThrottled(answer, true, false);
      this.throwIfFailed(answer);
      const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const size = answer.bytes?.byteLength ?? 0;
      if (!IMAGE_TYPES.has(type) || size === 0 || size > maxBytes) {
        throw new AppError({ kind: 'invalid-response', status: answer.status, message: 'Jira did not answer with an image.' });
      }
      return { type, bytes: new Uint8Array(answer.bytes!) };
    } catch (e) {
      throw this.scrub(e);
    }
  }

  private async run<T>(req: JiraRequest, schema: z.ZodType<T>): Promise<T> {
    const method = req.method ?? 'GET';
    const url = this.url(req);
    const init = this.init(method, req.body);
    // Only reads are retried: a write that timed out or was throttled may have happened.
    const isRead = method === 'GET' || req.idempotent === true;
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
      return this.interpret(answer, schema);
    }
  }

  /**
   * Before a request: refuses it, unsent, while the connection's budget says Jira asked to wait
   * (a 429 or 503 moments ago, for this or another request of the same connection).
   */
  private async admit(): Promise<void> {
    const { waitMs, retriesLeft, status } = await this.budget.wait();
    if (waitMs > 0) throw this.throttledError(status, Math.ceil(waitMs / 1000), retriesLeft);
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
    throw this.throttledError(status, Math.ceil(waitMs / 1000), isRead ? retriesLeft : 0, answer);
  }

  private throttledError(status: 429 | 503, seconds: number, retriesLeft: number, answer?: Answer): AppError {
    const wait = formatWait(Math.max(1, seconds));
    const withStatus = answer ? { status: answer.status } : {};
    if (status === 429) {
      return new AppError({
        kind: 'rate-limited',
        message: `Jira is limiting requests right now. Try again in ${wait}.`,
        retryAfterSeconds: seconds,
        retriesLeft,
        ...withStatus,
      });
    }
    return new AppError({
      kind: 'server',
      message: `Jira is unavailable for the moment (HTTP 503). Try again in ${wait}.`,
      retryAfterSeconds: seconds,
      retriesLeft,
      ...withStatus,
    });
  }

  private init(method: 'GET' | 'POST', body: unknown): RequestInit {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.auth) headers.Authorization = authorizationHeader(this.auth);
    const init: RequestInit = {
      method,
      headers,
      // The user's Jira cookies must not mix with token auth (JIRA_FACTS.md).
      credentials: 'omit',
      cache: 'no-store',
      // With credentials, a redirect is not followed: the answer would not be Jira's REST API
      // (often a single sign-on page), and the credentials must not chase it elsewhere.
      redirect: this.auth ? 'manual' : 'follow',
    };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      // Jira's XSRF filter lets a write through with this header (unless Origin is refused).
      headers['X-Atlassian-Token'] = 'no-check';
      init.body = JSON.stringify(body ?? {});
    }
    return init;
  }

  /** One fetch plus body read, under one timeout; with `maxBytes`, the body is read as bytes. */
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
          throw new AppError({ kind: 'not-jira', message: REDIRECT_MESSAGE });
        }
        if (maxBytes === undefined) return { status: response.status, headers: response.headers, text: await response.text() };
        // An image: its error page is read only far enough to say what went wrong.
        if (!response.ok) {
          const { bytes } = await readAtMost(response, ERROR_BODY_LIMIT, controller);
          return { status: response.status, headers: response.headers, text: new TextDecoder().decode(bytes) };
        }
        // A body announced as too large is not read at all, and one that turns out too large
        // is not read past the limit.
        const tooLarge = () => new AppError({ kind: 'invalid-response', status: response.status, message: 'The image is too large.' });
        if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
          controller.abort();
          throw tooLarge();
        }
        const { bytes, truncated } = await readAtMost(response, maxBytes, controller);
        if (truncated) throw tooLarge();
        return { status: response.status, headers: response.headers, text: '', bytes: bytes.buffer as ArrayBuffer };
      })();
      exchange.catch(() => undefined); // the loser of the race must not be an unhandled rejection
      return await Promise.race([exchange, timeout]);
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof TimeoutSignal) {
        throw new AppError({
          kind: 'timeout',
          message: `Jira did not answer within ${Math.round(this.timeoutMs / 1000)} seconds. Check your connection and try again.`,
        });
      }
      throw await this.networkError();
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * fetch rejects with a TypeError for offline, DNS, TLS and refused connections, and also when
   * the extension lacks the host permission. Only the permission case has a fix in the UI.
   */
  private async networkError(): Promise<AppError> {
    let granted = true;
    try {
      granted = await this.hasPermission(this.siteOriginPattern);
    } catch {
      granted = true;
    }
    if (!granted) {
      return new AppError({
        kind: 'no-site-access',
        originPattern: this.siteOriginPattern,
        message: 'The extension does not have access to this Jira site yet. Grant access and try again.',
      });
    }
    return new AppError({
      kind: 'network',
      message:
        'Could not reach Jira: you may be offline, or the site may be down. If this persists, check the site address and its certificate.',
    });
  }

  private interpret<T>(answer: Answer, schema: z.ZodType<T>): T {
    this.throwIfFailed(answer);
    return this.parseBody(answer, schema);
  }

  /**
   * Throws the AppError for Jira's answer unless it is a success (2xx, and not a denied login).
   * 429 and 503 were handled before (throwIfThrottled).
   */
  private throwIfFailed(answer: Answer): void {
    const { status, headers } = answer;
    const fail = (info: Omit<AppErrorInfo, 'status'>) => new AppError({ ...info, status });

    // CAPTCHA first: Jira sends it together with x-seraph-loginreason AUTHENTICATION_DENIED.
    const captcha = parseCaptchaHeader(headers.get('x-authentication-denied-reason'));
    if (captcha.captcha) {
      throw fail({
        kind: 'captcha',
        message: 'Jira wants a CAPTCHA after several failed sign-ins. Sign in once in the Jira web page, then try again here.',
        // A login link from a header is only followed on the site itself.
        loginUrl:
          captcha.loginUrl && new URL(captcha.loginUrl).origin === this.base.origin
            ? captcha.loginUrl
            : new URL('login.jsp', this.base).href,
      });
    }
    // Endpoints open to anonymous users answer 200 for a bad token, with this header (JIRA_FACTS.md).
    if (/AUTHENTICATED_FAILED|AUTHENTICATION_DENIED/i.test(headers.get('x-seraph-loginreason') ?? '') || status === 401) {
      throw fail({ kind: 'auth', message: this.authMessage() });
    }
    if (status >= 200 && status < 300) return;

    const jira = jiraErrorMessages(answer.text, headers.get('content-type'));
    switch (status) {
      case 403:
        if (/XSRF check failed/i.test(answer.text)) {
          throw fail({
            kind: 'forbidden',
            message:
              'Jira refused the change with “XSRF check failed”: it does not accept changes sent from this browser extension. ' +
              'Make the change in Jira itself.',
          });
        }
        throw fail({
          kind: 'forbidden',
          message: jira[0] ?? 'Jira says you do not have permission to do this.',
          ...(jira.length ? { details: jira } : {}),
        });
      case 404:
        throw fail({
          kind: 'not-found',
          message: jira[0] ?? 'Jira could not find this (it may have been deleted or you may not have access).',
        });
      case 410:
        throw fail({ kind: 'gone', message: 'This Jira feature is no longer available on this site.' });
    }
    if (status >= 500) {
      throw fail({ kind: 'server', message: `Jira had a problem answering (HTTP ${status}). Try again later.` });
    }
    if (status >= 400) {
      throw fail({
        kind: 'bad-request',
        message: jira[0] ?? `Jira did not accept the request (HTTP ${status}).`,
        details: jira,
      });
    }
    // 1xx/3xx reaching here (fetch follows redirects): not an answer from Jira's REST API.
    throw fail({ kind: 'not-jira', message: NOT_JIRA_MESSAGE });
  }

  private parseBody<T>(answer: Answer, schema: z.ZodType<T>): T {
    const { status, headers, text } = answer;
    let data: unknown;
    if (status === 204 || text.trim() === '') {
      data = undefined;
    } else {
      const type = headers.get('content-type') ?? '';
      // A login or proxy page often comes back as 200 text/html after redirects.
      if (!/json/i.test(type) || /^\s*</.test(text)) {
        throw new AppError({ kind: 'not-jira', status, message: NOT_JIRA_MESSAGE });
      }
      try {
        data = JSON.parse(text);
      } catch {
        throw new AppError({ kind: 'invalid-response', status, message: INVALID_RESPONSE_MESSAGE });
      }
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((i) => i.path.map(String).join('.') || '(root)')
        .join(', ');
      throw new AppError({ kind: 'invalid-response', status, message: INVALID_RESPONSE_MESSAGE, details: [where] });
    }
    return parsed.data;
  }

  private authMessage(): string {
    switch (this.auth?.authMethod) {
      case 'cloud-token':
        return (
          'Jira rejected the API token: it may have expired or been revoked, or belong to another Atlassian account ' +
          'than the username (email). Create a new API token to renew it.'
        );
      case 'password':
        return 'Jira rejected the username or password. Check them, or whether the password was changed.';
      case 'pat':
        return 'Jira rejected the personal access token: it may have expired or been revoked. Create a new one in your Jira profile.';
      default:
        return 'This Jira site requires signing in.';
    }
  }

  /** Last line of defence: no message or detail may contain the secret or its encodings. */
  private scrub(e: unknown): unknown {
    if (!(e instanceof AppError) || !this.auth || this.auth.secret.length < 4) return e;
    const secrets = [this.auth.secret, authorizationHeader(this.auth), basicCredentials(this.auth.username, this.auth.secret)];
    const clean = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('[hidden]'), s);
    const info = e.toInfo();
    const hasSecret = [info.message, ...(info.details ?? [])].some((s) => secrets.some((secret) => s.includes(secret)));
    if (!hasSecret) return e;
    return new AppError({ ...info, message: clean(info.message), ...(info.details ? { details: info.details.map(clean) } : {}) });
  }
}

const REDIRECT_MESSAGE =
  'Jira sent the request to another address (often a single sign-on page). Check the URL: use the address your browser shows for Jira.';

export const NOT_JIRA_MESSAGE =
  'The site answered with a web page instead of Jira data. Check the address, or whether the site needs you to sign in first.';
const INVALID_RESPONSE_MESSAGE = 'Jira answered with data this extension does not understand.';

/** Of an image request's error page, this much is read (enough for Jira's JSON or a login page's title). */
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * The first `limit` bytes of a body; `truncated` when there was more, and then the rest is
 * neither read nor downloaded (the request is aborted).
 */
export async function readAtMost(
  response: Response,
  limit: number,
  controller: AbortController,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return all.byteLength > limit ? { bytes: all.slice(0, limit), truncated: true } : { bytes: all, truncated: false };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      truncated = true;
      controller.abort();
      void reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, truncated };
}
