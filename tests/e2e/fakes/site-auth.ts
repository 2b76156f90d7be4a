// Who is calling a fake Jira site, and the answers Jira gives when it does not know: Cloud takes
// Basic email:API token only; Data Center takes Bearer PATs and Basic passwords, demands a
// CAPTCHA after failed logins, and may refuse to check a login at all (its elevated security
// check: X-Seraph-LoginReason AUTHENTICATION_DENIED without the CAPTCHA header)
// (docs/jira-api.md#authentication, #failed-logins). Also the XSRF rule on writes
// (docs/jira-api.md#xsrf).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenKind } from './accounts';
import { parseAuth, send } from './http';
import type { FakeUser } from './seed';
import type { JiraSite } from './site';

/**
 * A user, anonymous (`failed`: credentials were given and refused; `denied`: Jira refused to
 * check them at all), or CAPTCHA-blocked.
 */
export type Caller = { user: FakeUser } | { anonymous: true; failed: boolean; denied?: true } | { captcha: true };

const JSON_401_CLOUD = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };
const JSON_401_SERVER = { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} };

/** The caller behind an Authorization header; counts failed Basic logins on Data Center. */
export function authenticate(site: JiraSite, header: string | undefined, kinds: TokenKind[]): Caller {
  const auth = parseAuth(header);
  if (!auth) return { anonymous: true, failed: false };
  const users = site.data.users;
  if (site.config.deployment === 'cloud') {
    // Cloud: Basic email:API token only (docs/jira-api.md#authentication). Passwords and Bearer are refused.
    if (auth.scheme !== 'basic') return { anonymous: true, failed: true };
    const user = users.find((u) => u.email.toLowerCase() === auth.user.toLowerCase());
    if (user && site.accounts.accepts(user.email, auth.secret, kinds)) return { user };
    return { anonymous: true, failed: true };
  }
  if (auth.scheme === 'bearer') {
    const username = site.config.pats?.[auth.secret];
    const user = username ? users.find((u) => u.id === username) : undefined;
    return user ? { user } : { anonymous: true, failed: true };
  }
  if (auth.scheme !== 'basic') return { anonymous: true, failed: true };
  const limit = site.config.captchaAfter ?? 3;
  const failed = site.failedLogins;
  if ((failed.get(auth.user) ?? 0) >= limit) return { captcha: true };
  // Seraph's elevated security check refused before the password was looked at (an account an
  // administrator blocked, or a security plugin): the right password is refused too.
  if (site.deniedLogins.has(auth.user)) return { anonymous: true, failed: true, denied: true };
  const user = users.find((u) => u.id === auth.user);
  // A PAT sent as a Basic password is just a wrong password here (docs/jira-api.md#authentication).
  if (user && site.config.passwords?.[user.id] === auth.secret) {
    failed.delete(auth.user);
    return { user };
  }
  if (user) failed.set(auth.user, (failed.get(auth.user) ?? 0) + 1);
  return { anonymous: true, failed: true };
}

/**
 * The X-Seraph-LoginReason on an answer of `status` to `caller`. Data Center, when credentials were
 * given and did not get through: AUTHENTICATED_FAILED for a wrong password or token,
 * AUTHENTICATION_DENIED when it refused to check them. Cloud: AUTHENTICATED_FAILED on the 200s of
 * endpoints open to anonymous users (docs/jira-api.md#failed-logins); on every 401
 * AUTHENTICATION_DENIED, the value that would mislead a client reading it as Data Center's "not
 * checked": on Cloud a 401 is a rejected token whatever the header says.
 */
export function loginReason(site: JiraSite, caller: Caller, status: number): string | undefined {
  if (site.config.deployment === 'cloud' && status === 401) return 'AUTHENTICATION_DENIED';
  if (!('failed' in caller) || !caller.failed) return undefined;
  return caller.denied ? 'AUTHENTICATION_DENIED' : 'AUTHENTICATED_FAILED';
}

/**
 * 401 as Jira sends it: Cloud's edge body or Data Center's ErrorCollection, with the Seraph
 * header of `caller` (default: credentials given and refused).
 */
export function sendUnauthorized(site: JiraSite, res: ServerResponse, caller: Caller = { anonymous: true, failed: true }): void {
  const cloud = site.config.deployment === 'cloud';
  const reason = loginReason(site, caller, 401);
  send(res, 401, cloud ? JSON_401_CLOUD : JSON_401_SERVER, {
    ...(reason ? { 'x-seraph-loginreason': reason } : {}),
    'www-authenticate': cloud ? `OAuth realm="${encodeURIComponent(site.origin)}"` : 'Basic realm="protected-area"',
  });
}

/** 403 with the CAPTCHA headers of Data Center (docs/jira-api.md#failed-logins). */
export function sendCaptcha(site: JiraSite, res: ServerResponse): void {
  send(res, 403, '<html><body>Forbidden: CAPTCHA required. Log in to Jira in your browser.</body></html>', {
    'content-type': 'text/html;charset=UTF-8',
    'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
    'x-authentication-denied-reason': `CAPTCHA_CHALLENGE; login-url=${site.baseUrl}/login.jsp`,
  });
}

/**
 * The XSRF rule on writes: a browser User-Agent passes only with the site's own Origin or a
 * chrome-extension:// one (docs/jira-api.md#xsrf). Tools without "Mozilla" in the User-Agent pass.
 */
export function xsrfOk(req: IncomingMessage, siteOrigin: string): boolean {
  const ua = req.headers['user-agent'] ?? '';
  if (!ua.includes('Mozilla')) return true;
  const origin = req.headers.origin ?? '';
  return origin === siteOrigin || origin.startsWith('chrome-extension://');
}
