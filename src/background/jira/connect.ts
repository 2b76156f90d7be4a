// Testing a connection the user typed: input checks, then serverInfo (is this Jira, which
// kind), then /myself (are these credentials good), then, for a Cloud token Jira rejects,
// the api.atlassian.com gateway that scoped tokens need (JIRA_FACTS.md).
import type { AuthMethod, ConnectionDraft, Deployment, JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { CLOUD_ADDRESS_ONLY, checkConnectionDraft, type CheckedDraft } from '../../shared/connection-draft';
import { originPatternFor, type NormalisedSite } from '../../shared/site-url';
import { getMyself, restApi } from './issues-api';
import { serverInfoSchema, tenantInfoSchema, type ServerInfo } from './schemas';
import { JiraTransport, NOT_JIRA_MESSAGE, type TransportOptions } from './transport';

export interface TestedConnection {
  siteUrl: string;
  deployment: 'cloud' | 'server';
  authMethod: 'cloud-token' | 'password' | 'pat';
  username: string;
  scoped: boolean;
  cloudId?: string;
  apiBase: string;
  user: JiraUser;
  siteTitle: string;
  version?: string;
  warnings: string[];
}

export const GATEWAY_BASE = 'https://api.atlassian.com/ex/jira';
export const GATEWAY_ORIGIN_PATTERN = 'https://api.atlassian.com/*';

interface ConnectionTarget {
  deployment: Deployment;
  siteUrl: string;
  scoped: boolean;
  cloudId?: string;
}

/** Where REST calls go: the site itself, or the gateway for a scoped Cloud token. */
export function apiBaseFor(c: ConnectionTarget): string {
  if (c.deployment === 'cloud' && c.scoped) {
    if (!c.cloudId || !/^[A-Za-z0-9-]+$/.test(c.cloudId)) {
      throw new AppError({
        kind: 'internal',
        message: 'This connection is missing its Jira Cloud id. Edit the connection and test it again.',
      });
    }
    return `${GATEWAY_BASE}/${c.cloudId}`;
  }
  return c.siteUrl.replace(/\/+$/, '');
}

export function transportFor(
  c: ConnectionTarget & { authMethod: AuthMethod; username: string },
  secret: string,
  opts?: TransportOptions,
): JiraTransport {
  const apiBase = apiBaseFor(c);
  const pattern = c.deployment === 'cloud' && c.scoped ? GATEWAY_ORIGIN_PATTERN : originPatternFor(c.siteUrl);
  return new JiraTransport(apiBase, { authMethod: c.authMethod, username: c.username, secret }, pattern, opts);
}

/**
 * serverInfo without credentials. Anything that is not Jira's JSON (a web page, a 404, some
 * other JSON) means "no Jira here". A site that hides serverInfo from anonymous users
 * (401/403) gives `undefined`: it is asked again with credentials after /myself.
 */
async function anonymousServerInfo(site: NormalisedSite, deployment: Deployment, opts?: TransportOptions): Promise<ServerInfo | undefined> {
  const t = new JiraTransport(site.siteUrl, null, site.originPattern, opts);
  const ask = async (d: Deployment) => requireJira(await t.requestJson({ path: `${restApi(d)}/serverInfo` }, serverInfoSchema));
  try {
    return await ask(deployment);
  } catch (e) {
    if (e instanceof AppError && (e.kind === 'auth' || e.kind === 'forbidden')) return undefined;
    // Cloud chosen for a Server/DC site: v3 does not exist there, v2 tells which kind it is.
    if (e instanceof AppError && e.kind === 'not-found' && deployment === 'cloud' && !site.isCloud) {
      try {
        return await ask('server');
      } catch {
        throw asNotJira(e);
      }
    }
    throw asNotJira(e);
  }
}

function requireJira(info: ServerInfo): ServerInfo {
  if (!info.deploymentType && !info.version && !info.baseUrl) {
    throw new AppError({ kind: 'not-jira', message: NOT_JIRA_ADDRESS });
  }
  return info;
}

const NOT_JIRA_ADDRESS =
  'No Jira answered at this address. Check the address (copy it from the browser while you are in Jira), or whether the site needs you to sign in first.';

function asNotJira(e: unknown): unknown {
  if (!(e instanceof AppError)) return e;
  if (e.kind === 'not-jira' || e.kind === 'not-found' || e.kind === 'gone' || e.kind === 'invalid-response' || e.kind === 'bad-request') {
    return new AppError({
      kind: 'not-jira',
      message: e.kind === 'not-jira' ? NOT_JIRA_MESSAGE : NOT_JIRA_ADDRESS,
      ...(e.status !== undefined ? { status: e.status } : {}),
    });
  }
  return e;
}

function checkDeployment(info: ServerInfo | undefined, checked: CheckedDraft): void {
  if (!info?.deploymentType) return;
  const isCloud = info.deploymentType.toLowerCase() === 'cloud';
  // Jira Cloud behind a company's own domain (an atlassian.net host never gets here): the same
  // one way out as when Jira Cloud is checked, so no two messages send the user back and forth.
  if (checked.deployment === 'server' && isCloud) {
    throw new AppError({ kind: 'invalid-input', field: 'siteUrl', message: CLOUD_ADDRESS_ONLY });
  }
  if (checked.deployment === 'cloud' && !isCloud) {
    throw new AppError({
      kind: 'invalid-input',
      field: 'deployment',
      message: 'This site runs Jira Server or Data Center, not Jira Cloud: uncheck Jira Cloud.',
    });
  }
}

function sameBase(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

const TRANSIENT = new Set<AppError['kind']>(['network', 'timeout', 'rate-limited', 'server']);

const CLOUD_TOKEN_REJECTED =
  'Jira rejected the API token. Check that it belongs to the account of the email address entered as Username, ' +
  'and that it has not expired or been revoked. Atlassian API tokens expire: you can create a new one at any time.';

/**
 * A Cloud token Jira rejected may be a scoped token, which only works through the gateway.
 * Returns the cloudId and user when the gateway accepts it; otherwise throws `original`.
 */
async function tryGateway(
  checked: CheckedDraft,
  original: AppError,
  opts?: TransportOptions,
): Promise<{ cloudId: string; user: JiraUser }> {
  const rejected = new AppError({
    kind: 'auth',
    message: CLOUD_TOKEN_REJECTED,
    ...(original.status !== undefined ? { status: original.status } : {}),
  });
  let cloudId: string;
  try {
    const tenant = new JiraTransport(checked.site.origin, null, checked.site.originPattern, opts);
    cloudId = (await tenant.requestJson({ path: '/_edge/tenant_info' }, tenantInfoSchema)).cloudId;
  } catch {
    throw rejected;
  }
  try {
    const gateway = transportFor(
      {
        deployment: 'cloud',
        siteUrl: checked.site.siteUrl,
        scoped: true,
        cloudId,
        authMethod: checked.authMethod,
        username: checked.username,
      },
      checked.secret,
      opts,
    );
    return { cloudId, user: await getMyself(gateway, 'cloud') };
  } catch (e) {
    // A gateway that is down or throttling says nothing about the token: report that instead.
    if (e instanceof AppError && TRANSIENT.has(e.kind)) throw e;
    throw rejected;
  }
}

export async function testConnection(draft: ConnectionDraft, opts?: TransportOptions): Promise<TestedConnection> {
  const checked = checkConnectionDraft(draft);
  const { site, deployment, authMethod } = checked;

  // 1. Is this Jira, and which kind?
  let info = await anonymousServerInfo(site, deployment, opts);
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
    try {
      info = requireJira(await authed.requestJson({ path: `${restApi(deployment)}/serverInfo` }, serverInfoSchema));
    } catch (e) {
      throw asNotJira(e);
    }
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
