import { describe, expect, it } from 'vitest';
import type { ConnectionDraft } from './connection';
import { CLOUD_ADDRESS_ONLY, checkConnectionDraft } from './connection-draft';

const cloud: ConnectionDraft = {
  siteUrl: 'acme.atlassian.net',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: ' ann@example.com ',
  secret: ' tok ',
};
const server: ConnectionDraft = {
  siteUrl: 'https://jira.corp.example/jira/browse/X-1',
  deployment: 'server',
  authMethod: 'password',
  username: 'ann',
  secret: 'pw',
};

describe('checkConnectionDraft', () => {
  it('normalises what it accepts', () => {
    expect(checkConnectionDraft(cloud)).toMatchObject({
      site: { siteUrl: 'https://acme.atlassian.net' },
      username: 'ann@example.com',
      secret: 'tok',
    });
    expect(checkConnectionDraft(server).site.siteUrl).toBe('https://jira.corp.example/jira');
    expect(checkConnectionDraft({ ...server, authMethod: 'pat', username: '' }).username).toBe('');
  });

  it.each([
    ['a company domain with Jira Cloud checked', { ...cloud, siteUrl: 'https://jira.acme.example' }, 'siteUrl', CLOUD_ADDRESS_ONLY],
    ['an atlassian.net address with Jira Cloud unchecked', { ...server, siteUrl: 'acme.atlassian.net' }, 'deployment', /check Jira Cloud/],
    ['no address', { ...cloud, siteUrl: ' ' }, 'siteUrl', /Enter the address/],
    ['a Cloud username that is not an e-mail', { ...cloud, username: 'ann' }, 'username', /email address/],
    ['no username on Server', { ...server, username: ' ' }, 'username', 'Enter your Jira username.'],
    ['no API token', { ...cloud, secret: ' ' }, 'secret', /API Token link/],
    ['no password', { ...server, secret: '' }, 'secret', 'Enter your password.'],
    ['a password on Cloud', { ...cloud, authMethod: 'password' }, 'authMethod', /API token/],
    ['an API token on Server', { ...server, authMethod: 'cloud-token' }, 'authMethod', /personal access token/],
    ['an unknown kind', { ...cloud, deployment: 'other' as never }, 'deployment', /Choose/],
  ] as [string, ConnectionDraft, string, string | RegExp][])('refuses %s before any request', (_name, draft, field, message) => {
    let error: unknown;
    try {
      checkConnectionDraft(draft);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      kind: 'invalid-input',
      field,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
  });
});
