// Pure text helpers for the options page: what a state, an expiry date or a user is called.
import {
  ATLASSIAN_TOKEN_PAGE,
  EXPIRY_WARNING_DAYS,
  daysUntilExpiry,
  type AuthMethod,
  type ConnectionState,
  type ConnectionSummary,
  type JiraUser,
} from '../shared/connection';
import { expiryPhrase, relativeTime } from '../shared/time';

const STATE_LABELS: Record<ConnectionState, string> = {
  ok: 'OK',
  'token-rejected': 'Token rejected',
  captcha: 'Sign-in blocked',
  'no-site-access': 'No site access',
  unreachable: 'Unreachable',
  unchecked: 'Not checked yet',
};

/** What a connection state is called on its card ("Token rejected"). */
export function stateLabel(state: ConnectionState): string {
  return STATE_LABELS[state] ?? STATE_LABELS.unchecked;
}

/** 'good' | 'bad' drive the colour of the state line. */
export function stateTone(state: ConnectionState): 'good' | 'bad' | 'neutral' {
  if (state === 'ok') return 'good';
  if (state === 'unchecked') return 'neutral';
  return 'bad';
}

export interface ExpiryInfo {
  text: string;
  level: 'ok' | 'warn' | 'expired';
}

/** "Token expires in N days" and how loudly to say it; undefined without a date. */
export function expiryInfo(tokenExpiresOn: string | undefined, now: Date = new Date()): ExpiryInfo | undefined {
  const days = daysUntilExpiry(tokenExpiresOn, now);
  if (days === undefined) return undefined;
  const text = `Token ${expiryPhrase(days)}`;
  return { text, level: days < 0 ? 'expired' : days <= EXPIRY_WARNING_DAYS ? 'warn' : 'ok' };
}

/** "user: Ada Lovelace (ada@example.com)"; the username is left out when empty or the same. */
export function userLine(user: Pick<JiraUser, 'displayName'>, username: string): string {
  const name = user.displayName || username;
  if (!username || username === name) return `user: ${name}`;
  return `user: ${name} (${username})`;
}

/** Label of the secret field for the chosen way to sign in. */
export function secretLabel(authMethod: AuthMethod): string {
  switch (authMethod) {
    case 'cloud-token':
      return 'API Token';
    case 'pat':
      return 'Personal access token';
    case 'password':
      return 'Password';
  }
}

/** Only http(s) addresses become links or image sources. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export interface RevokeHint {
  linkText: string;
  href: string;
}

/** After deleting: where the user revokes the credential that still works. None for passwords. */
export function revokeHint(
  connection: Pick<ConnectionSummary, 'authMethod' | 'siteUrl'>,
  revokeUrl: string | null,
): RevokeHint | undefined {
  if (connection.authMethod === 'cloud-token') {
    return { linkText: 'revoke the token', href: safeHttpUrl(revokeUrl ?? undefined) ?? ATLASSIAN_TOKEN_PAGE };
  }
  if (connection.authMethod === 'pat') {
    const href = safeHttpUrl(revokeUrl ?? undefined) ?? safeHttpUrl(connection.siteUrl);
    return href ? { linkText: 'revoke the personal access token in Jira', href } : undefined;
  }
  return undefined;
}

/** Today as YYYY-MM-DD in local time (min of the expiry date input). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "checked 3 minutes ago" for the last check; empty when never checked. */
export function checkedAgo(checkedAt: number | undefined, now: number = Date.now()): string {
  return checkedAt ? `checked ${relativeTime(checkedAt, now, 'long')}` : '';
}
