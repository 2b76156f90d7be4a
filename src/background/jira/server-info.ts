// Is this Jira, and which kind? serverInfo answers anonymously on most sites and tells Cloud from
// Server/DC (docs/jira-api.md#deployments); anything else at the address means "no Jira here".
import type { Deployment } from '../../shared/connection';
import { CLOUD_ADDRESS_ONLY, type CheckedDraft } from '../../shared/connection-draft';
import { AppError } from '../../shared/errors';
import type { NormalisedSite } from '../../shared/site-url';
import { NOT_JIRA_MESSAGE } from './answer-errors';
import { restApi } from './issues-api';
import { type ServerInfo, serverInfoSchema } from './schemas';
import { JiraTransport, type TransportOptions } from './transport';

const NOT_JIRA_ADDRESS =
  'No Jira answered at this address. Check the address (copy it from the browser while you are in Jira), or whether the site needs you to sign in first.';

/**
 * serverInfo without credentials. Anything that is not Jira's JSON (a web page, a 404, some
 * other JSON) means "no Jira here": AppError not-jira. A site that hides serverInfo from
 * anonymous users (401/403) gives `undefined`: ask again with credentials (serverInfoOf) once
 * /myself accepted them. A Server/DC site tested as Cloud is asked on REST v2 after v3's 404.
 * Throws the transport's other errors as they are (network, timeout, no-site-access, ...).
 */
export async function anonymousServerInfo(
  site: NormalisedSite,
  deployment: Deployment,
  opts?: TransportOptions,
): Promise<ServerInfo | undefined> {
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

/** serverInfo through `t` (signed with credentials Jira accepted). Throws like anonymousServerInfo, without its `undefined`. */
export async function serverInfoOf(t: JiraTransport, deployment: Deployment): Promise<ServerInfo> {
  try {
    return requireJira(await t.requestJson({ path: `${restApi(deployment)}/serverInfo` }, serverInfoSchema));
  } catch (e) {
    throw asNotJira(e);
  }
}

function requireJira(info: ServerInfo): ServerInfo {
  if (!info.deploymentType && !info.version && !info.baseUrl) {
    throw new AppError({ kind: 'not-jira', message: NOT_JIRA_ADDRESS });
  }
  return info;
}

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

/**
 * Refuses a draft whose Jira Cloud box does not match what serverInfo says (nothing to check
 * without a deploymentType). Throws AppError invalid-input: field siteUrl with CLOUD_ADDRESS_ONLY
 * for Cloud tested as Server/DC (Cloud behind a company's own domain, docs/jira-api.md#custom-domains),
 * field deployment for Server/DC tested as Cloud.
 */
export function checkDeployment(info: ServerInfo | undefined, checked: CheckedDraft): void {
  if (!info?.deploymentType) return;
  const isCloud = info.deploymentType.toLowerCase() === 'cloud';
  // An atlassian.net host never gets here: the same one way out as when Jira Cloud is checked,
  // so no two messages send the user back and forth.
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
