// Domain types for Jira connections, as the extension's pages see them.
// A ConnectionSummary never carries a secret: secrets live only in the background's
// storage.local entry (see src/background/storage).

export type Deployment = 'cloud' | 'server';
/** cloud-token: Basic email:API token. password: Basic user:password. pat: Bearer token (DC 8.14+). */
export type AuthMethod = 'cloud-token' | 'password' | 'pat';

export type ConnectionState = 'ok' | 'token-rejected' | 'captcha' | 'no-site-access' | 'unreachable' | 'unchecked';

export interface ConnectionStatus {
  state: ConnectionState;
  /** ms since epoch of the last check. */
  checkedAt?: number;
  /** User-facing detail for a failed state. */
  message?: string;
  /** For captcha. */
  loginUrl?: string;
}

export interface JiraUser {
  /** Cloud. */
  accountId?: string;
  /** Server/DC username and key. */
  name?: string;
  key?: string;
  displayName: string;
  emailAddress?: string;
  /** 48x48 avatar URL as Jira gave it. */
  avatarUrl?: string;
}

export interface ConnectionSummary {
  id: string;
  /** User-chosen name, defaulted from the site title. */
  name: string;
  /** Normalised site base URL: scheme + host (+ context path), no trailing slash. Web links start here. */
  siteUrl: string;
  deployment: Deployment;
  authMethod: AuthMethod;
  /** Atlassian account email (Cloud) or Jira username (Server/DC; may be empty for a PAT). */
  username: string;
  /** Who the credentials belong to, from /myself. */
  user: JiraUser;
  /** serverInfo.serverTitle. */
  siteTitle: string;
  /** Jira version string from serverInfo. */
  version?: string;
  /** A scoped Cloud token: REST calls go through api.atlassian.com/ex/jira/{cloudId}. */
  scoped: boolean;
  cloudId?: string;
  /** Token expiry as YYYY-MM-DD, when the user gave it or the token page showed it. */
  tokenExpiresOn?: string;
  createdAt: number;
  updatedAt: number;
  status: ConnectionStatus;
}

/** What the options form sends to test a connection. */
export interface ConnectionDraft {
  siteUrl: string;
  deployment: Deployment;
  authMethod: AuthMethod;
  username: string;
  secret: string;
  /** Set when re-authenticating (or renewing the token of) an existing connection. */
  connectionId?: string;
}

/** What a successful test tells the user before Finish. The secret stays in the background. */
export interface ConnectionTestResult {
  /** Handle for connections.save; valid 30 minutes, kept in storage.session. */
  testId: string;
  siteUrl: string;
  deployment: Deployment;
  authMethod: AuthMethod;
  username: string;
  user: JiraUser;
  siteTitle: string;
  version?: string;
  scoped: boolean;
  suggestedName: string;
  /** Set when re-authenticating. */
  connectionId?: string;
  /** Non-blocking notes, e.g. "the site answered from another base URL". */
  warnings: string[];
}

/** Days until the token expires (negative when expired), or undefined without a date. */
export function daysUntilExpiry(tokenExpiresOn: string | undefined, now: Date = new Date()): number | undefined {
  if (!tokenExpiresOn || !/^\d{4}-\d{2}-\d{2}$/.test(tokenExpiresOn)) return undefined;
  const [y, m, d] = tokenExpiresOn.split('-').map(Number) as [number, number, number];
  const expiry = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((expiry - today) / 86_400_000);
}

/** Days before expiry from which the UI warns. */
export const EXPIRY_WARNING_DAYS = 14;
/** Days before expiry when one browser notification is shown. */
export const EXPIRY_NOTIFY_DAYS = 7;

export const ATLASSIAN_TOKEN_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';

/** The origin of Atlassian's API tokens page (where the content script runs). */
export const TOKEN_PAGE_ORIGIN = 'https://id.atlassian.com';
/** The API tokens page's paths: the current one and the legacy one, each with any sub-path. */
const TOKEN_PAGE_PATHS = [/^\/manage-profile\/security\/api-tokens(\/|$)/, /^\/manage\/api-tokens(\/|$)/];

/**
 * `url` is on Atlassian's API tokens page: https://id.atlassian.com, a token page path (query
 * and fragment allowed). The one definition for the content script (where it offers capture)
 * and the background (which senders may submit a token); false for anything unparsable.
 */
export function isTokenPageUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.origin === TOKEN_PAGE_ORIGIN && !u.username && !u.password && TOKEN_PAGE_PATHS.some((re) => re.test(u.pathname));
}

/** A connection that needs a new token: rejected, or expiring within the warning window. */
export function needsRenewal(c: Pick<ConnectionSummary, 'status' | 'tokenExpiresOn' | 'deployment'>, now = new Date()): boolean {
  if (c.status.state === 'token-rejected') return true;
  const days = daysUntilExpiry(c.tokenExpiresOn, now);
  return days !== undefined && days <= EXPIRY_WARNING_DAYS;
}

/** Where the user revokes the credential a connection uses, if it is a token. */
export function revokeUrlFor(c: Pick<ConnectionSummary, 'authMethod' | 'siteUrl'>): string | null {
  if (c.authMethod === 'cloud-token') return ATLASSIAN_TOKEN_PAGE;
  if (c.authMethod === 'pat')
    return `${c.siteUrl}/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens`;
  return null;
}
