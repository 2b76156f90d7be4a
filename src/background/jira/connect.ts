// Testing a connection the user typed: input checks, then serverInfo (is this Jira, which kind:
// server-info.ts), then /myself (are these credentials good), then, for a Cloud token the site
// rejects, the api.atlassian.com gateway that scoped tokens need (scoped-gateway.ts).
// Sources: docs/jira-api.md#deployments, docs/jira-api.md#failed-logins, docs/jira-api.md#scoped-tokens.
import type { AuthMethod, ConnectionDraft, Deployment, JiraUser } from '../../shared/connection';
import { type CheckedDraft, checkConnectionDraft, cloudBehindCompanyDomain } from '../../shared/connection-draft';
import { AppError } from '../../shared/errors';
import { apiBaseFor, transportFor } from './connection-target';
import { getMyself } from './issues-api';
import { tryGateway } from './scoped-gateway';
import type { ServerInfo } from './schemas';
import { anonymousServerInfo, checkDeployment, serverInfoOf } from './server-info';
import type { TransportOptions } from './transport';

// Imported from here by the rest of the background (and mocked here by its tests).
export { GATEWAY_BASE, GATEWAY_ORIGIN_PATTERN, apiBaseFor, transportFor } from './connection-target';

/** What a successful test found: everything a connection is saved with, but the secret. */
export interface TestedConnection {
  /** Normalised site URL (context path kept, no trailing slash). */
  siteUrl: string;
  deployment: Deployment;
  authMethod: AuthMethod;
  /** As typed; for a personal access token typed without one, the token owner's user name. */
  username: string;
  /** The Cloud token works only through the gateway. */
  scoped: boolean;
  /** The site's cloud id, for a scoped token. */
  cloudId?: string;
  /** Where REST calls go (apiBaseFor). */
  apiBase: string;
  /** Who the credentials belong to, from /myself. */
  user: JiraUser;
  /** serverInfo's serverTitle, else the site's host name. */
  siteTitle: string;
  /** serverInfo's version. */
  version?: string;
  /** Sentences for the user: the connection works, but something looks off. */
  warnings: string[];
}

/**
 * Jira Cloud unchecked, but serverInfo says Cloud: Jira Cloud under a company's own domain, where
 * API tokens are not accepted (docs/jira-api.md#custom-domains). Throws AppError invalid-input
 * (field siteUrl) naming the one way out, the site's atlassian.net address. Runs before
 * checkDeployment and before any credential is sent. An atlassian.net host never gets here:
 * checkConnectionDraft refuses it with Jira Cloud unchecked.
 */
function refuseCloudBehindCompanyDomain(info: ServerInfo | undefined, checked: CheckedDraft): void {
  if (checked.deployment !== 'server' || info?.deploymentType?.toLowerCase() !== 'cloud') return;
  throw new AppError({ kind: 'invalid-input', field: 'siteUrl', message: cloudBehindCompanyDomain(info.baseUrl) });
}

function sameBase(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Tests `draft` against Jira and says what it found. Sends, in order: serverInfo without
 * credentials, /myself with them, for a Cloud token the site rejects the gateway
 * (tenant_info, /myself), and serverInfo again with the credentials if it needed them. Throws
 * AppError: checkConnectionDraft's input errors (invalid-input, bad-url); not-jira when no Jira
 * answers at the address; invalid-input (siteUrl or deployment) when the Jira Cloud box does not
 * match the site (siteUrl with the atlassian.net address for Jira Cloud behind a company domain); auth / captcha when the credentials are refused;
 * and the transport's errors (network, timeout, no-site-access, rate-limited, server, ...).
 * Warns when Jira gives another base URL than the one typed, or a personal access token belongs
 * to another user than the one typed.
 */
export async function testConnection(draft: ConnectionDraft, opts?: TransportOptions): Promise<TestedConnection> {
  const checked = checkConnectionDraft(draft);
  const { site, deployment, authMethod } = checked;

  // 1. Is this Jira, and which kind?
  let info = await anonymousServerInfo(site, deployment, opts);
  refuseCloudBehindCompanyDomain(info, checked);
  checkDeployment(info, checked);

  // 2. Are the credentials good?
  const direct = transportFor(
    { deployment, siteUrl: site.siteUrl, scoped: false, authMethod, username: checked.username },
    checked.secret,
    opts,
  );
  let user: JiraUser;
  let scoped = false;
  let cloudId: string | undefined;
  try {
    user = await getMyself(direct, deployment);
  } catch (e) {
    // 3. Cloud: a scoped token gets 401 on the site and works only through the gateway.
    if (!(e instanceof AppError) || e.kind !== 'auth' || deployment !== 'cloud') throw e;
    ({ cloudId, user } = await tryGateway(checked, e, opts));
    scoped = true;
  }

  if (!info) {
    // serverInfo needed credentials: ask again, now that they are known to work.
    const authed = scoped
      ? transportFor(
          { deployment, siteUrl: site.siteUrl, scoped, ...(cloudId ? { cloudId } : {}), authMethod, username: checked.username },
          checked.secret,
          opts,
        )
      : direct;
    info = await serverInfoOf(authed, deployment);
    refuseCloudBehindCompanyDomain(info, checked);
    checkDeployment(info, checked);
  }

  const warnings: string[] = [];
  if (info.baseUrl && !sameBase(info.baseUrl, site.siteUrl)) {
    warnings.push(
      `Jira gives its own address as ${info.baseUrl}, not ${site.siteUrl}. Links will use the address you entered; ` +
        'if they do not open, use Jira’s address instead.',
    );
  }
  if (authMethod === 'pat' && checked.username && user.name && checked.username.toLowerCase() !== user.name.toLowerCase()) {
    warnings.push(`This token belongs to ${user.name}, not ${checked.username}.`);
  }

  const result: TestedConnection = {
    siteUrl: site.siteUrl,
    deployment,
    authMethod,
    // A PAT needs no username: show whose token it is.
    username: checked.username || user.name || '',
    scoped,
    apiBase: apiBaseFor({ deployment, siteUrl: site.siteUrl, scoped, ...(cloudId ? { cloudId } : {}) }),
    user,
    siteTitle: info.serverTitle?.trim() || new URL(site.siteUrl).hostname,
    warnings,
  };
  if (cloudId) result.cloudId = cloudId;
  if (info.version) result.version = info.version;
  return result;
}
