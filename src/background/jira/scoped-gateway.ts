// A Cloud API token the site rejects may be a token "with scopes": those work only through
// Atlassian's API gateway, and nothing in the token tells the two kinds apart
// (docs/jira-api.md#scoped-tokens).
import type { JiraUser } from '../../shared/connection';
import type { CheckedDraft } from '../../shared/connection-draft';
import { AppError } from '../../shared/errors';
import { transportFor } from './connection-target';
import { getMyself } from './issues-api';
import { tenantInfoSchema } from './schemas';
import { JiraTransport, type TransportOptions } from './transport';

/**
 * Failures that say something else than "rejected": the gateway was down, slow or throttling
 * (nothing about the token), or it accepted the token but not for /myself (a scope it lacks).
 */
const NOT_REJECTED = new Set<AppError['kind']>(['network', 'timeout', 'rate-limited', 'server', 'missing-scope', 'no-site-access']);

const CLOUD_TOKEN_REJECTED =
  'Jira rejected the API token. Check that it belongs to the account of the email address entered as Username, ' +
  'and that it has not expired or been revoked. Atlassian API tokens expire: you can create a new one at any time.';

/**
 * Tries the draft's Cloud token through the gateway after the site answered `original` (an auth
 * error): reads the site's public cloud id (GET /_edge/tenant_info), then /myself through
 * `${GATEWAY_BASE}/{cloudId}`. Returns the cloud id and the user when the gateway accepts the
 * token. Throws the gateway's network, timeout, rate-limited, server, no-site-access or
 * missing-scope error (a scoped token without read:jira-user) as it is, and otherwise AppError
 * auth (with `original`'s status) saying the token was rejected.
 */
export async function tryGateway(
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
    // A gateway that is down or throttling says nothing about the token. One that names a missing
    // scope took the token for a token with scopes, but the site refused it first: whether it is
    // one lacking read:jira-user or a token the site rejects for another reason, nothing here
    // tells (docs/jira-api.md#scoped-tokens), so the message names both ways out.
    if (e instanceof AppError && e.kind === 'missing-scope') {
      throw new AppError({
        kind: 'missing-scope',
        message:
          `Jira refused this API token on ${checked.site.siteUrl}, and Atlassian's API gateway refused it for lacking the ` +
          `${e.scope ?? 'read:jira-user'} scope. If it is a token with scopes, create one that includes ${e.scope ?? 'read:jira-user'}, ` +
          `read:jira-work and write:jira-work; otherwise check that it belongs to the account of the email address entered as Username.`,
        ...(e.scope ? { scope: e.scope } : {}),
        ...(e.status !== undefined ? { status: e.status } : {}),
      });
    }
    if (e instanceof AppError && NOT_REJECTED.has(e.kind)) throw e;
    throw rejected;
  }
}
