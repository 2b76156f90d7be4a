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

/**
 * API tokens work only at a Cloud site's atlassian.net address, also where a company shows Jira
 * under its own domain (docs/jira-api.md#custom-domains): the one way out.
 */
export const CLOUD_ADDRESS_ONLY =
  'Jira Cloud is reached at its https://<your-site>.atlassian.net address: API tokens work only there, even where your company ' +
  'shows Jira under its own domain. Enter the atlassian.net address (it is in the browser’s address bar when you open Jira from ' +
  'start.atlassian.com), or uncheck Jira Cloud for a Jira your company runs itself.';

function invalid(field: keyof ConnectionDraft, message: string): AppError {
  return new AppError({ kind: 'invalid-input', field, message });
}

/**
 * Checks a draft in the order of the form (address, kind, username, secret) and returns it
 * normalised (site URL, trimmed username and secret). Throws AppError 'invalid-input' with the
 * draft field at fault, or normaliseSiteUrl's errors ('invalid-input', 'bad-url',
 * 'insecure-http') for the address.
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
