import { describe, expect, it } from 'vitest';
import type { ConnectionDraft } from './connection';
import {
  CLOUD_ADDRESS_ONLY,
  PLAIN_HTTP_CONFIRM_LABEL,
  checkConnectionDraft,
  cloudBehindCompanyDomain,
  requirePlainHttpConfirmed,
} from './connection-draft';

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
    [
      'a look-alike of atlassian.net with Jira Cloud checked',
      { ...cloud, siteUrl: 'acme.atlassian.net.evil.example' },
      'siteUrl',
      CLOUD_ADDRESS_ONLY,
    ],
    ['an http company domain with Jira Cloud checked', { ...cloud, siteUrl: 'http://jira.acme.example' }, 'siteUrl', CLOUD_ADDRESS_ONLY],
    ['an IP address with Jira Cloud checked', { ...cloud, siteUrl: 'https://10.0.0.5' }, 'siteUrl', CLOUD_ADDRESS_ONLY],
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

describe('Jira Cloud at its atlassian.net address only', () => {
  it('says where the atlassian.net address is, and how to leave Jira Cloud for a self-hosted Jira', () => {
    expect(CLOUD_ADDRESS_ONLY).toMatch(/atlassian\.net address/);
    expect(CLOUD_ADDRESS_ONLY).toMatch(/admin\.atlassian\.com/);
    expect(CLOUD_ADDRESS_ONLY).toMatch(/uncheck Jira Cloud/);
  });

  it.each([
    // [serverInfo baseUrl, the address named]
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://ACME.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://legacy.jira.com', 'https://legacy.jira.com'],
  ])('Cloud behind a company domain, serverInfo base %s: names %s', (baseUrl, address) => {
    const message = cloudBehindCompanyDomain(baseUrl);
    expect(message).toContain(`: ${address},`);
    // One way out: never back to the Jira Cloud box, which would refuse this address too.
    expect(message).not.toMatch(/check Jira Cloud/i);
  });

  it.each([undefined, 'https://jira.acme.example', 'not a url'])(
    'Cloud behind a company domain, serverInfo base %s: says where to find it',
    (baseUrl) => {
      const message = cloudBehindCompanyDomain(baseUrl);
      expect(message).toMatch(/admin\.atlassian\.com/);
      expect(message).not.toContain('jira.acme.example');
      expect(message).not.toMatch(/check Jira Cloud/i);
    },
  );
});

describe('plain http', () => {
  const http: ConnectionDraft = { ...server, siteUrl: 'http://jira.corp.example:8080/jira/browse/X-1' };

  it('is accepted for Server/Data Center, marked plainHttp, and asks for that http origin only', () => {
    expect(checkConnectionDraft(http).site).toMatchObject({
      siteUrl: 'http://jira.corp.example:8080/jira',
      plainHttp: true,
      originPattern: 'http://jira.corp.example/*',
    });
  });

  it('never reaches Jira Cloud: an http atlassian.net address is its https site', () => {
    expect(checkConnectionDraft({ ...cloud, siteUrl: 'http://acme.atlassian.net' }).site).toMatchObject({
      siteUrl: 'https://acme.atlassian.net',
      plainHttp: false,
    });
  });

  it.each<[string, ConnectionDraft, boolean, boolean]>([
    // [case, draft, confirmed, refused]
    ['http to another computer, not confirmed', http, false, true],
    ['http to another computer, confirmed', http, true, false],
    ['https', server, false, false],
    ['http on this computer', { ...server, siteUrl: 'http://localhost:8080/jira' }, false, false],
    ['http atlassian.net (upgraded)', { ...cloud, siteUrl: 'http://acme.atlassian.net' }, false, false],
  ])('%s: refused %s', (_name, draft, confirmed, refused) => {
    const checked = checkConnectionDraft(draft);
    let error: unknown;
    try {
      requirePlainHttpConfirmed(checked, confirmed);
    } catch (e) {
      error = e;
    }
    if (!refused) {
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toMatchObject({ kind: 'insecure-http', field: 'plainHttp' });
    const message = (error as Error).message;
    expect(message).toMatch(/unencrypted/);
    expect(message).toContain(PLAIN_HTTP_CONFIRM_LABEL);
  });
});
