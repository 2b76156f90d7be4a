import { describe, expect, it } from 'vitest';
import type { ConnectionDraft } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { cloudBehindCompanyDomain } from '../../shared/connection-draft';
import { GATEWAY_ORIGIN_PATTERN, apiBaseFor, testConnection, transportFor } from './connect';
import { myselfSchema } from './schemas';
import { fakeFetch, html, json, noSleep, type Reply } from './testing';
import { basicCredentials } from './credentials';

const TOKEN = 'ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789';
const GATEWAY = 'https://api.atlassian.com/ex/jira/0b1c-2d3e';

const cloudInfo = {
  baseUrl: 'https://acme.atlassian.net',
  version: '1001.0.0-SNAPSHOT',
  deploymentType: 'Cloud',
  buildNumber: 100,
  serverTitle: 'Acme Jira',
};
const serverInfo = {
  baseUrl: 'https://jira.corp.example/jira',
  version: '9.12.3',
  deploymentType: 'Server',
  buildNumber: 9,
  serverTitle: 'Corp Jira',
};
const cloudMe = {
  accountId: '5b10ac',
  displayName: 'Ann Example',
  emailAddress: 'ann@example.com',
  avatarUrls: { '48x48': 'https://av/48' },
};
const serverMe = {
  name: 'ann',
  key: 'JIRAUSER10000',
  displayName: 'Ann Example',
  emailAddress: 'ann@corp.example',
  avatarUrls: { '48x48': 'https://jira/av' },
};
const unauthorized = () =>
  json({ message: 'Client must be authenticated to access this resource.', 'status-code': 401 }, 401, {
    'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
  });

function run(draft: Partial<ConnectionDraft>, routes: Record<string, Reply | Reply[]>, hasPermission = async () => true) {
  const f = fakeFetch(routes);
  const full: ConnectionDraft = {
    siteUrl: 'https://acme.atlassian.net',
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: 'ann@example.com',
    secret: TOKEN,
    ...draft,
  };
  return { promise: testConnection(full, { fetch: f.fetch, sleep: noSleep, hasPermission }), calls: f.calls };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected failure');
}

describe('testConnection: Cloud', () => {
  it('connects with an unscoped token', async () => {
    const { promise, calls } = run(
      { siteUrl: 'https://acme.atlassian.net/browse/ACME-1' },
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': json(cloudMe),
      },
    );
    expect(await promise).toEqual({
      siteUrl: 'https://acme.atlassian.net',
      deployment: 'cloud',
      authMethod: 'cloud-token',
      username: 'ann@example.com',
      scoped: false,
      apiBase: 'https://acme.atlassian.net',
      user: { accountId: '5b10ac', displayName: 'Ann Example', emailAddress: 'ann@example.com', avatarUrl: 'https://av/48' },
      siteTitle: 'Acme Jira',
      version: '1001.0.0-SNAPSHOT',
      warnings: [],
    });
    expect(calls.map((c) => c.url.href)).toEqual([
      'https://acme.atlassian.net/rest/api/3/serverInfo',
      'https://acme.atlassian.net/rest/api/3/myself',
    ]);
    expect(calls[0]!.headers.authorization).toBeUndefined();
    expect(calls[1]!.headers.authorization).toBe(`Basic ${basicCredentials('ann@example.com', TOKEN)}`);
    expect(calls.every((c) => c.credentials === 'omit')).toBe(true);
  });

  it('trims the site, username and secret', async () => {
    const { promise, calls } = run(
      { siteUrl: '  acme.atlassian.net/  ', username: '  ann@example.com ', secret: `\n ${TOKEN}  \n` },
      { 'GET /rest/api/3/serverInfo': json(cloudInfo), 'GET /rest/api/3/myself': json(cloudMe) },
    );
    const tested = await promise;
    expect(tested.siteUrl).toBe('https://acme.atlassian.net');
    expect(tested.username).toBe('ann@example.com');
    expect(calls[1]!.headers.authorization).toBe(`Basic ${basicCredentials('ann@example.com', TOKEN)}`);
  });

  it('connects a scoped token through the gateway', async () => {
    const { promise, calls } = run(
      {},
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': unauthorized(),
        'GET /_edge/tenant_info': json({ cloudId: '0b1c-2d3e' }),
        [`GET ${GATEWAY}/rest/api/3/myself`]: json(cloudMe),
      },
    );
    const tested = await promise;
    expect(tested).toMatchObject({
      scoped: true,
      cloudId: '0b1c-2d3e',
      apiBase: GATEWAY,
      siteUrl: 'https://acme.atlassian.net',
      siteTitle: 'Acme Jira',
    });
    expect(calls.map((c) => c.url.href)).toEqual([
      'https://acme.atlassian.net/rest/api/3/serverInfo',
      'https://acme.atlassian.net/rest/api/3/myself',
      'https://acme.atlassian.net/_edge/tenant_info',
      `${GATEWAY}/rest/api/3/myself`,
    ]);
    expect(calls[2]!.headers.authorization).toBeUndefined();
    expect(calls[3]!.headers.authorization).toBe(`Basic ${basicCredentials('ann@example.com', TOKEN)}`);
  });

  it('a wrong token -> auth, after the gateway also refuses it', async () => {
    const { promise, calls } = run(
      {},
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': unauthorized(),
        'GET /_edge/tenant_info': json({ cloudId: '0b1c-2d3e' }),
        [`GET ${GATEWAY}/rest/api/3/myself`]: unauthorized(),
      },
    );
    const e = await failure(promise);
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/Username/);
    expect(e.message).toMatch(/expired|revoked/);
    expect(JSON.stringify(e.toInfo())).not.toContain(TOKEN);
    expect(calls).toHaveLength(4);
  });

  it('a gateway outage is reported as such, not as a rejected token', async () => {
    const { promise } = run(
      {},
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': unauthorized(),
        'GET /_edge/tenant_info': json({ cloudId: '0b1c-2d3e' }),
        [`GET ${GATEWAY}/rest/api/3/myself`]: json({}, 500),
      },
    );
    expect((await failure(promise)).kind).toBe('server');
  });

  it('a wrong token -> auth when tenant_info is unavailable', async () => {
    const { promise, calls } = run(
      {},
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': unauthorized(),
        'GET /_edge/tenant_info': html('<html/>', 404),
      },
    );
    expect((await failure(promise)).kind).toBe('auth');
    expect(calls).toHaveLength(3);
  });

  it('a 200 myself with AUTHENTICATED_FAILED is not a success', async () => {
    const { promise } = run(
      {},
      {
        'GET /rest/api/3/serverInfo': json(cloudInfo),
        'GET /rest/api/3/myself': json(cloudMe, 200, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }),
        'GET /_edge/tenant_info': json({ cloudId: '0b1c-2d3e' }),
        [`GET ${GATEWAY}/rest/api/3/myself`]: unauthorized(),
      },
    );
    expect((await failure(promise)).kind).toBe('auth');
  });

  it.each(['https://jira.acme.example', 'https://acme.atlasian.net', 'https://jira.corp.example/jira'])(
    'an API token is never sent to a host that is not Atlassian Cloud (%s)',
    async (siteUrl) => {
      const { promise, calls } = run({ siteUrl }, {});
      const e = await failure(promise);
      expect(e).toMatchObject({ kind: 'invalid-input', field: 'siteUrl' });
      expect(e.message).toMatch(/atlassian\.net/);
      expect(calls).toHaveLength(0);
    },
  );
});

describe('testConnection: Server / Data Center', () => {
  it('connects with a password under a context path', async () => {
    const { promise, calls } = run(
      {
        siteUrl: 'https://jira.corp.example/jira/browse/X-1',
        deployment: 'server',
        authMethod: 'password',
        username: 'ann',
        secret: 'pässword',
      },
      { 'GET /jira/rest/api/2/serverInfo': json(serverInfo), 'GET /jira/rest/api/2/myself': json(serverMe) },
    );
    expect(await promise).toEqual({
      siteUrl: 'https://jira.corp.example/jira',
      deployment: 'server',
      authMethod: 'password',
      username: 'ann',
      scoped: false,
      apiBase: 'https://jira.corp.example/jira',
      user: {
        name: 'ann',
        key: 'JIRAUSER10000',
        displayName: 'Ann Example',
        emailAddress: 'ann@corp.example',
        avatarUrl: 'https://jira/av',
      },
      siteTitle: 'Corp Jira',
      version: '9.12.3',
      warnings: [],
    });
    expect(calls[1]!.headers.authorization).toBe(`Basic ${Buffer.from('ann:pässword', 'utf8').toString('base64')}`);
    expect(calls.map((c) => c.url.pathname)).toEqual(['/jira/rest/api/2/serverInfo', '/jira/rest/api/2/myself']);
  });

  it('connects a PAT with Bearer and no username', async () => {
    const { promise, calls } = run(
      { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'pat', username: '  ', secret: ' NjM0-pat ' },
      { 'GET /jira/rest/api/2/serverInfo': json(serverInfo), 'GET /jira/rest/api/2/myself': json(serverMe) },
    );
    const tested = await promise;
    expect(calls[1]!.headers.authorization).toBe('Bearer NjM0-pat');
    expect(tested.username).toBe('ann');
    expect(tested.warnings).toEqual([]);
  });

  it('warns when a PAT belongs to someone else than the username given', async () => {
    const { promise } = run(
      { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'pat', username: 'bob', secret: 'pat' },
      { 'GET /jira/rest/api/2/serverInfo': json(serverInfo), 'GET /jira/rest/api/2/myself': json(serverMe) },
    );
    const tested = await promise;
    expect(tested.username).toBe('bob');
    expect(tested.warnings[0]).toMatch(/belongs to ann/);
  });

  it('a wrong password -> auth, and no gateway attempt', async () => {
    const { promise, calls } = run(
      {
        siteUrl: 'https://jira.corp.example/jira',
        deployment: 'server',
        authMethod: 'password',
        username: 'ann',
        secret: 'wrong-password',
      },
      { 'GET /jira/rest/api/2/serverInfo': json(serverInfo), 'GET /jira/rest/api/2/myself': json({}, 401) },
    );
    const e = await failure(promise);
    expect(e.kind).toBe('auth');
    expect(e.message).not.toContain('wrong-password');
    expect(calls).toHaveLength(2);
  });

  it('CAPTCHA on myself -> captcha with the login URL', async () => {
    const { promise } = run(
      { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
      {
        'GET /jira/rest/api/2/serverInfo': json(serverInfo),
        'GET /jira/rest/api/2/myself': json({}, 403, {
          'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.corp.example/jira/login.jsp',
        }),
      },
    );
    expect(await failure(promise)).toMatchObject({ kind: 'captcha', loginUrl: 'https://jira.corp.example/jira/login.jsp' });
  });

  it.each([
    // [serverInfo's baseUrl, the one way out the message names]
    ['https://acme.atlassian.net', /: https:\/\/acme\.atlassian\.net,/],
    ['https://jira.acme.example', /admin\.atlassian\.com/],
  ])(
    'Jira Cloud on a company domain (serverInfo base %s) -> the atlassian.net address, before any credential is sent',
    async (baseUrl, way) => {
      for (const siteUrl of ['https://jira.acme.example', 'http://jira.acme.example']) {
        const { promise, calls } = run(
          { siteUrl, deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
          { 'GET /rest/api/2/serverInfo': json({ ...cloudInfo, baseUrl }) },
        );
        const error = await failure(promise);
        expect(error).toMatchObject({ kind: 'invalid-input', field: 'siteUrl', message: cloudBehindCompanyDomain(baseUrl) });
        expect(error.message).toMatch(way);
        expect(error.message).not.toMatch(/check Jira Cloud/i);
        expect(calls.map((c) => c.url.href)).toEqual([`${siteUrl}/rest/api/2/serverInfo`]);
        expect(calls.every((c) => !('authorization' in c.headers))).toBe(true);
      }
    },
  );

  it('Jira Cloud on a company domain whose serverInfo needs a login -> the same way out after /myself', async () => {
    const { promise } = run(
      { siteUrl: 'https://jira.acme.example', deployment: 'server', authMethod: 'pat', username: '', secret: 'pat' },
      {
        'GET /rest/api/2/serverInfo': [json({}, 401), json(cloudInfo)],
        'GET /rest/api/2/myself': json(serverMe),
      },
    );
    expect(await failure(promise)).toMatchObject({ field: 'siteUrl', message: cloudBehindCompanyDomain(cloudInfo.baseUrl) });
  });

  it('connects a plain-http Server/Data Center site (the form asked the user first)', async () => {
    const { promise, calls } = run(
      {
        siteUrl: 'http://jira.corp.example:8080/jira/browse/X-1',
        deployment: 'server',
        authMethod: 'password',
        username: 'ann',
        secret: 'pw',
      },
      {
        'GET /jira/rest/api/2/serverInfo': json({ ...serverInfo, baseUrl: 'http://jira.corp.example:8080/jira' }),
        'GET /jira/rest/api/2/myself': json(serverMe),
      },
    );
    expect(await promise).toMatchObject({
      siteUrl: 'http://jira.corp.example:8080/jira',
      apiBase: 'http://jira.corp.example:8080/jira',
      warnings: [],
    });
    expect(calls.map((c) => c.url.href)).toEqual([
      'http://jira.corp.example:8080/jira/rest/api/2/serverInfo',
      'http://jira.corp.example:8080/jira/rest/api/2/myself',
    ]);
  });

  it('serverInfo hidden from anonymous users is asked again with credentials', async () => {
    const { promise, calls } = run(
      { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
      { 'GET /jira/rest/api/2/serverInfo': [json({}, 401), json(serverInfo)], 'GET /jira/rest/api/2/myself': json(serverMe) },
    );
    expect((await promise).siteTitle).toBe('Corp Jira');
    expect(calls.map((c) => [c.url.pathname, Boolean(c.headers.authorization)])).toEqual([
      ['/jira/rest/api/2/serverInfo', false],
      ['/jira/rest/api/2/myself', true],
      ['/jira/rest/api/2/serverInfo', true],
    ]);
  });

  it('warns when Jira’s base URL differs from the address entered', async () => {
    const { promise } = run(
      { siteUrl: 'https://jira-alias.corp.example/jira', deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
      { 'GET /jira/rest/api/2/serverInfo': json(serverInfo), 'GET /jira/rest/api/2/myself': json(serverMe) },
    );
    expect((await promise).warnings).toHaveLength(1);
  });
});

describe('testConnection: not Jira', () => {
  it.each([
    ['an HTML page', html('<!DOCTYPE html><html><body>Welcome</body></html>')],
    ['a 404', html('<html>Not found</html>', 404)],
    ['other JSON', json({ hello: 'world' })],
    ['a 410', json({}, 410)],
  ])('%s -> not-jira, before any credentials are sent', async (_name, reply) => {
    const { promise, calls } = run(
      { siteUrl: 'https://www.corp.example', deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
      { 'GET /rest/api/2/serverInfo': reply },
    );
    expect((await failure(promise)).kind).toBe('not-jira');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('no host permission -> no-site-access with the site pattern', async () => {
    const { promise } = run(
      { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'password', username: 'ann', secret: 'pw' },
      { 'GET /jira/rest/api/2/serverInfo': new TypeError('Failed to fetch') },
      async () => false,
    );
    expect(await failure(promise)).toMatchObject({ kind: 'no-site-access', originPattern: 'https://jira.corp.example/*' });
  });
});

describe('testConnection: input checks (no request made)', () => {
  it.each<[string, Partial<ConnectionDraft>, string, string]>([
    ['empty username', { username: '   ' }, 'invalid-input', 'username'],
    ['username not an email on Cloud', { username: 'ann' }, 'invalid-input', 'username'],
    ['empty secret', { secret: ' \n ' }, 'invalid-input', 'secret'],
    [
      'empty password',
      { deployment: 'server', authMethod: 'password', siteUrl: 'https://jira.corp.example', username: 'ann', secret: '' },
      'invalid-input',
      'secret',
    ],
    [
      'empty username with a password',
      { deployment: 'server', authMethod: 'password', siteUrl: 'https://jira.corp.example', username: '' },
      'invalid-input',
      'username',
    ],
    ['Cloud with a password', { authMethod: 'password' }, 'invalid-input', 'authMethod'],
    ['Server with a Cloud token', { deployment: 'server' }, 'invalid-input', 'authMethod'],
    ['Server for an atlassian.net host', { deployment: 'server', authMethod: 'pat', username: '' }, 'invalid-input', 'deployment'],
    ['empty site', { siteUrl: ' ' }, 'invalid-input', 'siteUrl'],
    ['a company domain with Jira Cloud checked', { siteUrl: 'https://jira.acme.example' }, 'invalid-input', 'siteUrl'],
    ['an http company domain with Jira Cloud checked', { siteUrl: 'http://jira.acme.example' }, 'invalid-input', 'siteUrl'],
    ['ftp site', { siteUrl: 'ftp://jira.corp.example' }, 'bad-url', 'siteUrl'],
  ])('%s', async (_name, draft, kind, field) => {
    const { promise, calls } = run(draft, {});
    expect(await failure(promise)).toMatchObject({ kind, field });
    expect(calls).toHaveLength(0);
  });
});

describe('apiBaseFor / transportFor', () => {
  it('uses the site, or the gateway for a scoped Cloud token', () => {
    expect(apiBaseFor({ deployment: 'server', siteUrl: 'https://jira.corp.example/jira', scoped: false })).toBe(
      'https://jira.corp.example/jira',
    );
    expect(apiBaseFor({ deployment: 'cloud', siteUrl: 'https://acme.atlassian.net', scoped: false })).toBe('https://acme.atlassian.net');
    expect(apiBaseFor({ deployment: 'cloud', siteUrl: 'https://acme.atlassian.net', scoped: true, cloudId: 'abc-123' })).toBe(
      'https://api.atlassian.com/ex/jira/abc-123',
    );
    expect(() => apiBaseFor({ deployment: 'cloud', siteUrl: 'https://acme.atlassian.net', scoped: true })).toThrow(AppError);
    expect(() => apiBaseFor({ deployment: 'cloud', siteUrl: 'https://acme.atlassian.net', scoped: true, cloudId: '../x' })).toThrow(
      AppError,
    );
  });

  it('gives the transport the permission pattern it needs', () => {
    const scoped = transportFor(
      {
        deployment: 'cloud',
        siteUrl: 'https://acme.atlassian.net',
        scoped: true,
        cloudId: 'abc',
        authMethod: 'cloud-token',
        username: 'a@b.c',
      },
      's',
    );
    expect(scoped.siteOriginPattern).toBe(GATEWAY_ORIGIN_PATTERN);
    expect(scoped.apiBase).toBe('https://api.atlassian.com/ex/jira/abc');
    const server = transportFor(
      { deployment: 'server', siteUrl: 'https://jira.corp.example:8443/jira', scoped: false, authMethod: 'pat', username: '' },
      's',
    );
    expect(server.siteOriginPattern).toBe('https://jira.corp.example/*');
  });

  it('a gateway transport sends requests to api.atlassian.com', async () => {
    const f = fakeFetch({ [`GET ${GATEWAY}/rest/api/3/myself`]: json(cloudMe) });
    const t = transportFor(
      {
        deployment: 'cloud',
        siteUrl: 'https://acme.atlassian.net',
        scoped: true,
        cloudId: '0b1c-2d3e',
        authMethod: 'cloud-token',
        username: 'ann@example.com',
      },
      TOKEN,
      { fetch: f.fetch },
    );
    await t.requestJson({ path: '/rest/api/3/myself' }, myselfSchema);
    expect(f.calls[0]!.url.href).toBe(`${GATEWAY}/rest/api/3/myself`);
  });
});
