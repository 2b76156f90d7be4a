// How a request proves who is asking (docs/jira-api.md#authentication), and the rule that the
// secret behind it never leaves the background inside an error.
import type { AuthMethod } from '../../shared/connection';
import { AppError } from '../../shared/errors';

/** What every request of one connection is signed with. */
export interface JiraAuth {
  authMethod: AuthMethod;
  /** Cloud: the Atlassian account email. Server/DC: the user name ('' allowed with a personal access token). */
  username: string;
  /** The API token, password or personal access token, as the user gave it. */
  secret: string;
}

/**
 * `username:secret` encoded as UTF-8 then base64: the credentials of an HTTP Basic header.
 * btoa alone throws on non-ASCII user names and passwords. Never throws.
 */
export function basicCredentials(username: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The Authorization header value for `auth`: `Bearer <token>` for a Data Center personal access
 * token (sent as a Basic password it gets 401), `Basic <base64(username:secret)>` for a Cloud API
 * token or a password. Source: docs/jira-api.md#authentication.
 */
export function authorizationHeader(auth: JiraAuth): string {
  return auth.authMethod === 'pat' ? `Bearer ${auth.secret}` : `Basic ${basicCredentials(auth.username, auth.secret)}`;
}

/**
 * Last line of defence before an error leaves the transport: `e` as it is, unless it is an
 * AppError whose message or details contain the secret, its Basic credentials or the whole
 * Authorization header (Jira echoes input in some error bodies); then a copy with each of them
 * replaced by "[hidden]". A secret shorter than 4 characters is not searched for: it would
 * blank out ordinary words. Never throws.
 */
export function scrubSecret(e: unknown, auth: JiraAuth | null): unknown {
  if (!(e instanceof AppError) || !auth || auth.secret.length < 4) return e;
  const secrets = [auth.secret, authorizationHeader(auth), basicCredentials(auth.username, auth.secret)];
  const clean = (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('[hidden]'), s);
  const info = e.toInfo();
  const hasSecret = [info.message, ...(info.details ?? [])].some((s) => secrets.some((secret) => s.includes(secret)));
  if (!hasSecret) return e;
  return new AppError({ ...info, message: clean(info.message), ...(info.details ? { details: info.details.map(clean) } : {}) });
}
