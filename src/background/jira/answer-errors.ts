// Jira's answers, or the lack of one, -> the AppErrors the pages act on (src/shared/errors.ts): a
// refused login, a login Jira refused to check (CAPTCHA, a blocked account), a scope a token
// lacks, a refused write, a missing page, a wait Jira asked for, a web page where Jira's JSON was
// expected, a timeout, an unreachable site. Jira's own words are shown only from its JSON error
// body (errors-body.ts).
import type { z } from 'zod';
import type { AuthMethod } from '../../shared/connection';
import { AppError, type AppErrorInfo } from '../../shared/errors';
import { formatWait } from '../../shared/time';
import type { Answer } from './body';
import { jiraErrorMessages } from './errors-body';
import { EXTENSION_SCOPES } from './scopes';
import { noSiteAccessError } from './site-access';

/** The message of a not-jira error: something other than Jira's REST API answered. */
export const NOT_JIRA_MESSAGE =
  'The site answered with a web page instead of Jira data. Check the address, or whether the site needs you to sign in first.';

const REDIRECT_MESSAGE =
  'Jira sent the request to another address (often a single sign-on page). Check the URL: use the address your browser shows for Jira.';

const INVALID_RESPONSE_MESSAGE = 'Jira answered with data this extension does not understand.';

/**
 * Reads Server/DC's X-Authentication-Denied-Reason header, e.g.
 * "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp": `captcha` when Jira wants a
 * CAPTCHA solved, with `loginUrl` only when it is an http(s) URL. Never throws.
 * Source: docs/jira-api.md#failed-logins.
 */
export function parseCaptchaHeader(value: string | null): { captcha: boolean; loginUrl?: string } {
  if (!value || !/CAPTCHA_CHALLENGE/i.test(value)) return { captcha: false };
  const match = /login-url=([^;\s]+)/i.exec(value);
  const url = match?.[1];
  if (url && /^https?:\/\//i.test(url)) return { captcha: true, loginUrl: url };
  return { captcha: true };
}

/**
 * Whether an answer is the API gateway's refusal of a scoped token that lacks the request's
 * scope: 401 with `X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK`, or the body
 * {"code":401,"message":"Unauthorized; scope does not match"}. The token itself was accepted.
 * Source: docs/jira-api.md#scoped-tokens.
 */
export function isScopeMismatch(answer: Pick<Answer, 'status' | 'headers' | 'text'>): boolean {
  if (answer.status !== 401) return false;
  if (/FAILURE_CLIENT_SCOPE_CHECK/i.test(answer.headers.get('x-failure-category') ?? '')) return true;
  return jiraErrorMessages(answer.text, answer.headers.get('content-type')).some((m) => /scope does not match/i.test(m));
}

/** What the user reads when a scoped token lacks `scope` (undefined: a scope not named). */
export function missingScopeMessage(scope: string | undefined): string {
  const which = scope ? `the scope “${scope}”, which Jira needs for this` : 'a scope Jira needs for this';
  return (
    `The API token works, but it lacks ${which}. Create a token with ${scope ? 'that scope' : 'the scopes'} ` +
    `(${EXTENSION_SCOPES.join(', ')} cover everything Client for Jira does) and use it instead of this one.`
  );
}

/**
 * Server/DC's X-Seraph-LoginReason AUTHENTICATION_DENIED without a CAPTCHA challenge: Jira did not
 * check the password at all (its elevated security check refused: too many failed sign-ins, or
 * an account an administrator blocked). Saying "wrong password" would send the user to retype a
 * password that may be right. Source: docs/jira-api.md#failed-logins.
 */
const LOGIN_DENIED_MESSAGE =
  'Jira refused to check the sign-in: after too many failed sign-ins, or because the account is blocked. ' +
  'Sign in once in the Jira web page (ask your Jira administrator if that fails too), then try again here.';

/** What the user can do about a refused login, by how the connection signs in (undefined: anonymously). */
export function authMessage(authMethod: AuthMethod | undefined): string {
  switch (authMethod) {
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

/**
 * Throws the AppError (with the answer's `status`) for an answer that is not a success: a 2xx
 * is one unless its headers say the login was refused. 429 and 503 are handled before
 * (throttledError). `base` is the API base the request went to (a login link is only kept on its
 * origin); `authMethod` words the auth message (undefined: an anonymous request); `scope` is the
 * scope the request needs from a scoped token (scopes.ts), named in a missing-scope error.
 * Kinds: captcha (X-Authentication-Denied-Reason; or, signed in with a password or personal
 * access token, X-Seraph-LoginReason AUTHENTICATION_DENIED: Jira refused to check the login),
 * missing-scope (the gateway's scope refusal), auth (401, or X-Seraph-LoginReason
 * AUTHENTICATED_FAILED, or AUTHENTICATION_DENIED with a Cloud token or none, on any status),
 * forbidden (403, with Jira's words or the XSRF refusal), not-found (404), gone (410), server
 * (5xx), bad-request (other 4xx), not-jira (1xx, 3xx). Jira's words, when its body has any, are
 * the message and the details. Sources: docs/jira-api.md#failed-logins,
 * docs/jira-api.md#scoped-tokens, docs/jira-api.md#error-bodies, docs/jira-api.md#xsrf.
 */
export function throwIfFailed(answer: Answer, base: URL, authMethod: AuthMethod | undefined, scope?: string): void {
  const { status, headers } = answer;
  const fail = (info: Omit<AppErrorInfo, 'status'>) => new AppError({ ...info, status });

  // CAPTCHA first: Jira sends it together with x-seraph-loginreason AUTHENTICATION_DENIED.
  const captcha = parseCaptchaHeader(headers.get('x-authentication-denied-reason'));
  if (captcha.captcha) {
    throw fail({
      kind: 'captcha',
      message: 'Jira wants a CAPTCHA after several failed sign-ins. Sign in once in the Jira web page, then try again here.',
      // A login link from a header is only followed on the site itself.
      loginUrl: captcha.loginUrl && new URL(captcha.loginUrl).origin === base.origin ? captcha.loginUrl : new URL('login.jsp', base).href,
    });
  }
  const loginReason = headers.get('x-seraph-loginreason') ?? '';
  // Server/DC only: on Cloud a refused API token is a refused token, whatever the header says.
  if (/AUTHENTICATION_DENIED/i.test(loginReason) && (authMethod === 'password' || authMethod === 'pat')) {
    throw fail({ kind: 'captcha', message: LOGIN_DENIED_MESSAGE, loginUrl: new URL('login.jsp', base).href });
  }
  if (isScopeMismatch(answer)) {
    throw fail({ kind: 'missing-scope', message: missingScopeMessage(scope), ...(scope ? { scope } : {}) });
  }
  // Endpoints open to anonymous users answer 200 for a bad token, with this header.
  if (/AUTHENTICATED_FAILED|AUTHENTICATION_DENIED/i.test(loginReason) || status === 401) {
    throw fail({ kind: 'auth', message: authMessage(authMethod) });
  }
  if (status >= 200 && status < 300) return;

  const jira = jiraErrorMessages(answer.text, headers.get('content-type'));
  const withDetails = jira.length ? { details: jira } : {};
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
      throw fail({ kind: 'forbidden', message: jira[0] ?? 'Jira says you do not have permission to do this.', ...withDetails });
    case 404:
      throw fail({
        kind: 'not-found',
        message: jira[0] ?? 'Jira could not find this (it may have been deleted or you may not have access).',
        ...withDetails,
      });
    case 410:
      throw fail({ kind: 'gone', message: 'This Jira feature is no longer available on this site.', ...withDetails });
  }
  if (status >= 500) {
    throw fail({ kind: 'server', message: `Jira had a problem answering (HTTP ${status}). Try again later.`, ...withDetails });
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

/**
 * The body of a successful answer, checked by `schema` (an empty body or a 204 is checked as
 * undefined). Throws AppError not-jira when the body is not JSON (a login or proxy page, often a
 * 200 text/html after redirects: docs/jira-api.md#error-bodies), and invalid-response when it
 * does not parse or does not match `schema` (details: the first three paths that do not).
 */
export function parseJsonAnswer<T>(answer: Answer, schema: z.ZodType<T>): T {
  const { status, headers, text } = answer;
  let data: unknown;
  if (status === 204 || text.trim() === '') {
    data = undefined;
  } else {
    const type = headers.get('content-type') ?? '';
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

/**
 * The error for a request Jira asked to wait for (`status` 429: rate-limited; 503: server),
 * answered or refused before it was sent. `seconds`: the wait, as retryAfterSeconds (the message
 * says at least 1 s); `retriesLeft`: the requests the connection's budget still allows without a
 * user's action; `answerStatus`: the HTTP status when Jira answered this request.
 * Source: docs/jira-api.md#rate-limits.
 */
export function throttledError(status: 429 | 503, seconds: number, retriesLeft: number, answerStatus?: number): AppError {
  const wait = formatWait(Math.max(1, seconds));
  const withStatus = answerStatus !== undefined ? { status: answerStatus } : {};
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

/**
 * not-jira: a request with credentials was redirected (not followed: the credentials must not
 * chase it, docs/browsers.md#credentials-omit).
 */
export function redirectError(): AppError {
  return new AppError({ kind: 'not-jira', message: REDIRECT_MESSAGE });
}

/** timeout: no answer, body included, within `timeoutMs` (ms; the message rounds to seconds). */
export function timeoutError(timeoutMs: number): AppError {
  return new AppError({
    kind: 'timeout',
    message: `Jira did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check your connection and try again.`,
  });
}

/**
 * The error for a fetch that rejected. fetch rejects with a TypeError for offline, DNS, TLS and
 * refused connections, and also when the extension lacks the host permission: only that case
 * has a fix in the UI, so it is no-site-access with `originPattern` (to request); the rest is
 * network. `hasPermission` failing counts as granted. Never throws.
 */
export async function unreachableError(
  originPattern: string,
  hasPermission: (originPattern: string) => Promise<boolean>,
): Promise<AppError> {
  let granted = true;
  try {
    granted = await hasPermission(originPattern);
  } catch {
    granted = true;
  }
  if (!granted) return noSiteAccessError(originPattern);
  return new AppError({
    kind: 'network',
    message:
      'Could not reach Jira: you may be offline, or the site may be down. If this persists, check the site address and its certificate.',
  });
}
