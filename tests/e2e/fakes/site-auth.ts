// Who is calling a fake Jira site, and the answers Jira gives when it does not know: Cloud takes
// Basic email:API token only; Data Center takes Bearer PATs and Basic passwords and demands a
// CAPTCHA after failed logins (docs/jira-api.md#authentication, #failed-logins). Also the XSRF
// rule on writes (docs/jira-api.md#xsrf).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenKind } from './accounts';
import { parseAuth, send } from './http';
import type { FakeUser } from './seed';
import type { JiraSite } from './site';

/** A user, anonymous (`failed`: credentials were given and refused), or CAPTCHA-blocked. */
export type Caller = { user: FakeUser } | { anonymous: true; failed: boolean } | { captcha: true };

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
  const user = users.find((u) => u.id === auth.user);
  // A PAT sent as a Basic password is just a wrong password here (docs/jira-api.md#authentication).
  if (user && site.config.passwords?.[user.id] === auth.secret) {
    failed.delete(auth.user);
    return { user };
  }
  if (user) failed.set(auth.user, (failed.get(auth.user) ?? 0) + 1);
  return { anonymous: true, failed: true };
}

/** 401 as Jira sends it: Cloud's edge body or Data Center's ErrorCollection, with the Seraph header. */
export function sendUnauthorized(site: JiraSite, res: ServerResponse): void {
  const cloud = site.config.deployment === 'cloud';
  send(res, 401, cloud ? JSON_401_CLOUD : JSON_401_SERVER, {
    'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
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
