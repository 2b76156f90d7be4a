// Every failure that can reach the UI, as data. The background turns each Jira failure
// into one of these; pages show `message` (written for users) in a role="alert" element
// and offer the way out that `kind` implies (Renew token, Grant access, Retry...).
// A message never contains a token or a request header.

export type AppErrorKind =
  // input checked before any request
  | 'invalid-input'
  | 'duplicate'
  | 'insecure-http'
  // site / transport
  | 'bad-url'
  | 'not-jira'
  | 'network'
  | 'timeout'
  | 'no-site-access'
  // Jira answered with a failure
  | 'auth'
  | 'captcha'
  // a scoped API token that lacks the scope a request needs (the token itself is accepted)
  | 'missing-scope'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'invalid-response'
  // the extension itself
  | 'rejected-sender'
  | 'unknown-request'
  | 'expired'
  | 'internal';

export interface AppErrorInfo {
  kind: AppErrorKind;
  message: string;
  /** Form field the error is about (invalid-input, duplicate). */
  field?: string;
  /** Seconds to wait before retrying (rate-limited, some server errors). */
  retryAfterSeconds?: number;
  /**
   * Requests the connection's retry budget still allows without a user's action after
   * retryAfterSeconds (src/background/jira/retry-policy.ts); 0 or absent: only the user retries.
   */
  retriesLeft?: number;
  /**
   * Where the user logs in once in the browser (Server/DC): to solve a CAPTCHA, or after Jira
   * refused to check a login at all (kind captcha in both cases).
   */
  loginUrl?: string;
  /** The scope the request needed (missing-scope), e.g. "read:jira-work". */
  scope?: string;
  /** Origin pattern to pass to permissions.request (no-site-access). */
  originPattern?: string;
  /** Jira's own error messages, e.g. for a wrong JQL. */
  details?: string[];
  /** HTTP status when Jira answered. */
  status?: number;
}

/**
 * A failure as data, thrown by the background and re-thrown in the page that asked
 * (src/shared/messaging.ts). `toInfo()` is what crosses the message channel.
 */
export class AppError extends Error implements AppErrorInfo {
  readonly kind: AppErrorKind;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  readonly retriesLeft?: number;
  readonly loginUrl?: string;
  readonly scope?: string;
  readonly originPattern?: string;
  readonly details?: string[];
  readonly status?: number;

  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'AppError';
    this.kind = info.kind;
    if (info.field !== undefined) this.field = info.field;
    if (info.retryAfterSeconds !== undefined) this.retryAfterSeconds = info.retryAfterSeconds;
    if (info.retriesLeft !== undefined) this.retriesLeft = info.retriesLeft;
    if (info.loginUrl !== undefined) this.loginUrl = info.loginUrl;
    if (info.scope !== undefined) this.scope = info.scope;
    if (info.originPattern !== undefined) this.originPattern = info.originPattern;
    if (info.details !== undefined) this.details = info.details;
    if (info.status !== undefined) this.status = info.status;
  }

  toInfo(): AppErrorInfo {
    const info: AppErrorInfo = { kind: this.kind, message: this.message };
    if (this.field !== undefined) info.field = this.field;
    if (this.retryAfterSeconds !== undefined) info.retryAfterSeconds = this.retryAfterSeconds;
    if (this.retriesLeft !== undefined) info.retriesLeft = this.retriesLeft;
    if (this.loginUrl !== undefined) info.loginUrl = this.loginUrl;
    if (this.scope !== undefined) info.scope = this.scope;
    if (this.originPattern !== undefined) info.originPattern = this.originPattern;
    if (this.details !== undefined) info.details = this.details;
    if (this.status !== undefined) info.status = this.status;
    return info;
  }
}

/** `e` is an AppError (a known failure with a message written for users). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Errors that mean "stop calling Jira with these credentials until the user acts". A missing
 * scope is not one: the token works for the other requests (docs/jira-api.md#scoped-tokens).
 */
export function isAuthFailure(kind: AppErrorKind): boolean {
  return kind === 'auth' || kind === 'captcha';
}
