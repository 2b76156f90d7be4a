// The checks of a New Jira Connection that need no network, declared once: the options form
// runs them before it asks the browser for access or sends anything, and the background runs
// them again on what it receives. Pure: no browser API.
import type { AuthMethod, ConnectionDraft, Deployment } from './connection';
import { AppError } from './errors';
import { normaliseSiteUrl, type NormalisedSite } from './site-url';

export interface CheckedDraft {
  site: NormalisedSite;
  deployment: Deployment;
  authMethod: AuthMethod;
  username: string;
  secret: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where a user finds a Cloud site's atlassian.net address when Jira is shown under a company domain (docs/jira-api.md#custom-domains). */
const WHERE_ATLASSIAN_ADDRESS =
  'your Jira administrator finds it in Atlassian Administration (admin.atlassian.com): Apps › App URLs › Custom domains › ' +
  'Show details, “Default URL”';

/**
 * Jira Cloud checked, an address that is no Jira Cloud host. API tokens work only at a Cloud
 * site's atlassian.net address, also where a company shows Jira under its own domain
 * (docs/jira-api.md#custom-domains): the one way out, or unchecking for a self-hosted Jira.
 */
export const CLOUD_ADDRESS_ONLY =
  'Jira Cloud works only at its https://<your-site>.atlassian.net address: Atlassian API tokens are not accepted at a ' +
  `company domain in front of it. Enter the site’s atlassian.net address (${WHERE_ATLASSIAN_ADDRESS}). ` +
  'If your company runs this Jira itself (Jira Server or Data Center), uncheck Jira Cloud.';

/**
 * Jira Cloud unchecked, and the site's serverInfo says Cloud: a company domain in front of Jira
 * Cloud (docs/jira-api.md#custom-domains). The one way out is the site's atlassian.net address:
 * `baseUrl` (serverInfo's) when it is one, else where to find it. Never "check Jira Cloud" for
 * this address, which Jira Cloud checked would refuse too (CLOUD_ADDRESS_ONLY): the form checks
 * Jira Cloud by itself once an atlassian.net address is entered.
 */
export function cloudBehindCompanyDomain(baseUrl: string | undefined): string {
  const base = baseUrl ? normaliseSiteUrlOrUndefined(baseUrl) : undefined;
  const address = base?.isCloud ? base.siteUrl : undefined;
  return (
    'This address shows Jira Cloud under your company’s own domain, where Atlassian API tokens are not accepted. ' +
    (address
      ? `Enter the site’s atlassian.net address instead: ${address}, then sign in with your Atlassian account email and an API token.`
      : `Enter the site’s atlassian.net address instead (${WHERE_ATLASSIAN_ADDRESS}), then sign in with your Atlassian account email and an API token.`)
  );
}

function normaliseSiteUrlOrUndefined(url: string): NormalisedSite | undefined {
  try {
    return normaliseSiteUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * The form's warning before a Server/Data Center site is used over plain http (NormalisedSite's
 * plainHttp): what travels unencrypted, and what to prefer.
 */
export const PLAIN_HTTP_WARNING =
  'This address uses http://, not https://: your password or personal access token, and everything Jira sends back, ' +
  'would travel across the network unencrypted, readable by anyone who can watch it. Use the https:// address if your Jira has one.';

/** The name of the form's control that confirms plain http (its accessible name: a public contract). */
export const PLAIN_HTTP_CONFIRM_LABEL = 'Send my password or token to this site unencrypted';

/**
 * The form's explicit confirmation of plain http: throws AppError 'insecure-http' (field
 * 'plainHttp', the confirmation control) when `checked.site` is plain http and the user has not
 * confirmed it. Only the options form asks: the background sends nothing to an http origin the
 * user has not granted after this confirmation (the browser's host permission for that origin).
 */
export function requirePlainHttpConfirmed(checked: CheckedDraft, confirmed: boolean): void {
  if (!checked.site.plainHttp || confirmed) return;
  throw new AppError({
    kind: 'insecure-http',
    field: 'plainHttp',
    message: `${PLAIN_HTTP_WARNING} To connect anyway, check “${PLAIN_HTTP_CONFIRM_LABEL}”.`,
  });
}

function invalid(field: keyof ConnectionDraft, message: string): AppError {
  return new AppError({ kind: 'invalid-input', field, message });
}

/**
 * Checks a draft in the order of the form (address, kind, username, secret) and returns it
 * normalised (site URL, trimmed username and secret). Throws AppError 'invalid-input' with the
 * draft field at fault, or normaliseSiteUrl's errors ('invalid-input', 'bad-url') for the
 * address. Jira Cloud is always https (normaliseSiteUrl upgrades an atlassian.net address); a
 * Server/Data Center address may be plain http (`site.plainHttp`), which the form accepts only
 * after the user confirms it (requirePlainHttpConfirmed).
 */
export function checkConnectionDraft(draft: Partial<ConnectionDraft>): CheckedDraft {
  const { deployment, authMethod } = draft;
  if (deployment !== 'cloud' && deployment !== 'server') throw invalid('deployment', 'Choose Jira Cloud or Jira Server / Data Center.');
  if (authMethod !== 'cloud-token' && authMethod !== 'password' && authMethod !== 'pat')
    throw invalid('authMethod', 'Choose how to sign in.');
  if (deployment === 'cloud' && authMethod !== 'cloud-token') {
    throw invalid('authMethod', 'Jira Cloud signs in with your Atlassian account email and an API token.');
  }
  if (deployment === 'server' && authMethod === 'cloud-token') {
    throw invalid('authMethod', 'Jira Server / Data Center signs in with a password or a personal access token.');
  }
  const site = normaliseSiteUrl(draft.siteUrl ?? '');
  // An Atlassian API token works for every site of the account: it is sent only to Atlassian's
  // own Cloud hosts, never to a mistyped, look-alike or company address.
  if (deployment === 'cloud' && !site.isCloud) throw invalid('siteUrl', CLOUD_ADDRESS_ONLY);
  if (deployment === 'server' && site.isCloud) {
    throw invalid('deployment', 'This is a Jira Cloud address: check Jira Cloud and sign in with your email and an API token.');
  }
  const username = (draft.username ?? '').trim();
  const secret = (draft.secret ?? '').trim();
  if (!username && authMethod !== 'pat') {
    throw invalid(
      'username',
      authMethod === 'cloud-token' ? 'Enter the email address of your Atlassian account.' : 'Enter your Jira username.',
    );
  }
  if (authMethod === 'cloud-token' && !EMAIL.test(username)) {
    throw invalid('username', 'For Jira Cloud, the username is the email address of your Atlassian account.');
  }
  if (!secret) {
    const message =
      authMethod === 'cloud-token'
        ? 'Enter an API token (or create one with the API Token link).'
        : authMethod === 'pat'
          ? 'Enter your personal access token.'
          : 'Enter your password.';
    throw invalid('secret', message);
  }
  return { site, deployment, authMethod, username, secret };
}
