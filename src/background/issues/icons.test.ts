import { describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { iconsCacheItem } from '../../shared/storage-items';
import type { CachedIcons } from '../../shared/storage-keys';
import { fakeFetch, json, text, type Reply } from '../jira/testing';
import { JiraTransport } from '../jira/transport';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import { connection, row } from '../../../tests/unit/fixtures';
import { originPatternFor } from '../../shared/site-url';
import {
  ALL_ICONS_CHARS,
  ICON_FAILURE_TTL_MS,
  ICON_TTL_MS,
  MAX_FAILED_ICONS,
  MAX_ICONS_CHARS,
  iconBudget,
  iconRequest,
  pruneIcons,
  refreshIcons,
  siteIconUrls,
} from './icons';

const SITE = 'https://acme.atlassian.net';
const DC_SITE = 'https://jira.corp.example/jira';
const svg = (n: number) =>
  new Response(`<svg xmlns="http://www.w3.org/2000/svg" id="i${n}"/>`, { headers: { 'content-type': 'image/svg+xml' } });
const typeIcon = (id: number) => `${SITE}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${id}?size=medium`;

function rowWith(key: string, icons: { type?: string; priority?: string; avatar?: string }): IssueRow {
  return {
    ...row('c1', key),
    ...(icons.type ? { issueType: { name: 'Bug', iconUrl: icons.type } } : {}),
    ...(icons.priority ? { priority: { name: 'High', iconUrl: icons.priority } } : {}),
    ...(icons.avatar ? { assignee: { displayName: 'Ann', avatarUrl: icons.avatar } } : {}),
  };
}

function setup(routes: Record<string, Reply | Reply[]>, over: Partial<ConnectionSummary> = {}, start = 1_000_000) {
  const c = connection('c1', { siteUrl: SITE, ...over });
  const store = new Store(new MemoryStorageArea({ connections: [c], secrets: { c1: 'tok-secret' } }));
  const authed = fakeFetch(routes);
  const anon = fakeFetch(routes);
  let now = start;
  const deps = {
    store,
    transport: (conn: ConnectionSummary, secret: string) =>
      new JiraTransport(
        conn.scoped ? `https://api.atlassian.com/ex/jira/cloud-1` : conn.siteUrl,
        { authMethod: conn.authMethod, username: conn.username, secret },
        // The host permission of the requests' origin: checked before each one.
        conn.scoped ? 'https://api.atlassian.com/*' : originPatternFor(conn.siteUrl),
        {
          fetch: authed.fetch,
          maxRetries: 0,
          hasPermission: async () => true,
        },
      ),
    anonymous: (site: string) =>
      new JiraTransport(site, null, 'https://x/*', { fetch: anon.fetch, maxRetries: 0, hasPermission: async () => true }),
    now: () => now,
  };
  const icons = async () => (await store.read(iconsCacheItem('c1'))).icons;
  const advance = (ms: number) => {
    now += ms;
  };
  return { deps, store, calls: authed.calls, anonCalls: anon.calls, icons, advance };
}

describe('iconRequest / siteIconUrls', () => {
  it("takes only URLs on the connection's own site (and under its context path)", () => {
    expect(iconRequest(`${DC_SITE}/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype`, DC_SITE)).toEqual({
      path: '/secure/viewavatar',
      query: { size: 'xsmall', avatarId: '10303', avatarType: 'issuetype' },
    });
    expect(iconRequest('https://jira.corp.example/other/secure/viewavatar', DC_SITE)).toBeUndefined();
    expect(iconRequest('https://evil.example/jira/x.svg', DC_SITE)).toBeUndefined();
    expect(iconRequest('http://jira.corp.example/jira/x.svg', DC_SITE)).toBeUndefined();
    expect(iconRequest('https://u:p@jira.corp.example/jira/x.svg', DC_SITE)).toBeUndefined();
    expect(iconRequest('https://jira.corp.example/jira/a/%2e%2e/%2e%2e/x', DC_SITE)).toBeUndefined();
  });

  it('lists each own-site icon once; public avatar hosts and other sites are not fetched', () => {
    const rows = [
      rowWith('A-1', {
        type: typeIcon(1),
        priority: `${SITE}/images/icons/priorities/high.svg`,
        avatar: 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/a/48.png',
      }),
      rowWith('A-2', { type: typeIcon(1), avatar: 'https://other.atlassian.net/secure/useravatar?avatarId=1' }),
    ];
    expect(siteIconUrls(rows, connection('c1', { siteUrl: SITE }))).toEqual([typeIcon(1), `${SITE}/images/icons/priorities/high.svg`]);
  });
});

describe('refreshIcons', () => {
  it("stores each icon as a data: URL, fetched with the connection's credentials and no cookies", async () => {
    const { deps, calls, icons } = setup({ 'GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/1': svg(1) });
    await refreshIcons(deps, 'c1', [rowWith('A-1', { type: typeIcon(1) }), rowWith('A-2', { type: typeIcon(1) })]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.credentials).toBe('omit');
    expect(calls[0]!.headers.authorization).toMatch(/^Basic /);
    const got = await icons();
    expect(got[typeIcon(1)]!.data).toBe(`data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" id="i1"/>')}`);
    expect(JSON.stringify(got)).not.toContain('tok-secret');
  });

  it('asks again only when an icon is old: a week for an image, a day for a failure', async () => {
    const { deps, calls, advance } = setup({
      'GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/1': svg(1),
      'GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/2': json(
        { errorMessages: ['Could not find an avatar matching the provided parameters.'] },
        404,
      ),
    });
    const rows = [rowWith('A-1', { type: typeIcon(1) }), rowWith('A-2', { type: typeIcon(2) })];
    await refreshIcons(deps, 'c1', rows);
    await refreshIcons(deps, 'c1', rows);
    expect(calls).toHaveLength(2);
    advance(ICON_FAILURE_TTL_MS);
    await refreshIcons(deps, 'c1', rows);
    expect(calls.map((c) => c.url.pathname.split('/').pop())).toEqual(['1', '2', '2']);
    advance(ICON_TTL_MS);
    await refreshIcons(deps, 'c1', rows);
    expect(calls).toHaveLength(5);
  });

  it('stops at the first rejected credential or rate limit, and stores nothing for the rest', async () => {
    for (const reply of [
      text('', 401),
      text('', 429, { 'retry-after': '30' }),
      text('', 403, { 'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://acme.atlassian.net/login.jsp' }),
    ]) {
      const routes: Record<string, Reply> = {};
      for (let i = 1; i <= 12; i++) routes[`GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/${i}`] = reply;
      const { deps, calls, icons } = setup(routes);
      await refreshIcons(
        deps,
        'c1',
        Array.from({ length: 12 }, (_, i) => rowWith(`A-${i}`, { type: typeIcon(i + 1) })),
      );
      expect(calls.length).toBeGreaterThanOrEqual(1);
      expect(calls.length).toBeLessThanOrEqual(4); // the requests already in flight, no more
      expect(await icons()).toEqual({});
    }
  });

  it('stores nothing for a connection deleted while its icons were on the way', async () => {
    const { deps, store, calls, icons } = setup({
      'GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/1': async () => {
        await store.deleteConnection('c1');
        return svg(1);
      },
    });
    await refreshIcons(deps, 'c1', [rowWith('A-1', { type: typeIcon(1) })]);
    expect(calls).toHaveLength(1);
    expect(await icons()).toEqual({});
  });

  it('never calls Jira for a connection whose credentials are known to fail', async () => {
    const { deps, calls } = setup({}, { status: { state: 'token-rejected' } });
    await refreshIcons(deps, 'c1', [rowWith('A-1', { type: typeIcon(1) })]);
    expect(calls).toHaveLength(0);
  });

  it('with a scoped token, also fetches the icons Jira named under the gateway', () => {
    const gw = 'https://api.atlassian.com/ex/jira/cloud-1/rest/api/2/universal_avatar/view/type/issuetype/avatar/7?size=medium';
    const scoped = connection('c1', { siteUrl: SITE, scoped: true, cloudId: 'cloud-1' });
    expect(siteIconUrls([rowWith('A-1', { type: gw })], scoped)).toEqual([gw]);
    expect(siteIconUrls([rowWith('A-1', { type: gw.replace('cloud-1', 'cloud-2') })], scoped)).toEqual([]);
    expect(siteIconUrls([rowWith('A-1', { type: gw })], connection('c1', { siteUrl: SITE }))).toEqual([]);
  });

  it('with a scoped token, asks the gateway for REST icons and the site (no credentials) for static ones', async () => {
    const { deps, calls, anonCalls, icons } = setup(
      {
        'GET https://api.atlassian.com/ex/jira/cloud-1/rest/api/2/universal_avatar/view/type/issuetype/avatar/1': svg(1),
        'GET https://acme.atlassian.net/images/icons/priorities/high.svg': svg(2),
      },
      { scoped: true, cloudId: 'cloud-1' },
    );
    await refreshIcons(deps, 'c1', [rowWith('A-1', { type: typeIcon(1), priority: `${SITE}/images/icons/priorities/high.svg` })]);
    expect(calls.map((c) => c.url.href)).toEqual([
      'https://api.atlassian.com/ex/jira/cloud-1/rest/api/2/universal_avatar/view/type/issuetype/avatar/1?size=medium',
    ]);
    expect(anonCalls.map((c) => [c.url.href, c.headers.authorization])).toEqual([
      ['https://acme.atlassian.net/images/icons/priorities/high.svg', undefined],
    ]);
    expect(Object.values(await icons()).every((e) => e.data?.startsWith('data:image/svg+xml;base64,'))).toBe(true);
  });

  it('keeps the newest icons within the size budget, counting the stored (base64) text', () => {
    const big = 'x'.repeat(100 * 1024);
    const cache: CachedIcons = { v: 1, icons: {} };
    // `size` is the image's bytes; what storage holds is the longer data: URL.
    for (let i = 0; i < 10; i++) cache.icons[`${SITE}/i${i}`] = { data: big, at: i, size: 1 };
    const kept = Object.keys(pruneIcons(cache).icons);
    expect(kept.length).toBe(Math.floor(MAX_ICONS_CHARS / (big.length + `${SITE}/i0`.length + 64)));
    expect(kept[0]).toBe(`${SITE}/i9`);
    expect(Object.keys(pruneIcons(cache, 250 * 1024).icons)).toEqual([`${SITE}/i9`, `${SITE}/i8`]);
  });

  it('keeps at most MAX_FAILED_ICONS failures: they cannot push the images out', () => {
    const cache: CachedIcons = { v: 1, icons: {} };
    for (let i = 0; i < 50; i++) cache.icons[`${SITE}/ok${i}`] = { data: 'data:image/png;base64,AA==', at: i, size: 1 };
    for (let i = 0; i < 400; i++) cache.icons[`${SITE}/bad${i}`] = { at: 1000 + i, size: 0 };
    const kept = Object.entries(pruneIcons(cache).icons);
    expect(kept.filter(([, e]) => !e.data)).toHaveLength(MAX_FAILED_ICONS);
    expect(kept.filter(([, e]) => e.data)).toHaveLength(50);
  });

  it('shares one budget for all connections: a few get the most each, many share it, never more in all', () => {
    expect(iconBudget(1)).toBe(MAX_ICONS_CHARS);
    expect(iconBudget(8)).toBe(ALL_ICONS_CHARS / 8);
    for (const n of [3, 8, 21, 100, 1000]) expect(iconBudget(n) * n).toBeLessThanOrEqual(ALL_ICONS_CHARS);
  });

  it('fetches only where Jira serves icons: an icon URL naming another path of the site is not fetched with the token', () => {
    const c = connection('c1', { siteUrl: SITE });
    const ok = [
      typeIcon(1),
      `${SITE}/images/icons/priorities/high.svg`,
      `${SITE}/secure/viewavatar?avatarId=1&avatarType=issuetype`,
      `${SITE}/secure/useravatar?ownerId=u&avatarId=2`,
      `${SITE}/rest/api/3/universal_avatar/view/type/project/avatar/10400`,
    ];
    const refused = [
      `${SITE}/rest/api/2/myself`,
      `${SITE}/rest/api/2/issue/A-1`,
      `${SITE}/secure/admin/ViewApplicationProperties.jspa`,
      `${SITE}/images/icons/priorities/high.svg.jsp`,
      `${SITE}/plugins/servlet/something`,
      `${SITE}/rest/api/2/universal_avatar/view/type/issuetype/avatar/1/../../../../myself`,
    ];
    expect(
      siteIconUrls(
        [...ok, ...refused].map((u, i) => rowWith(`A-${i}`, { type: u })),
        c,
      ),
    ).toEqual(ok);
  });

  it('a credential rejected on an icon is recorded on the connection (no more calls), after one request only', async () => {
    const routes: Record<string, Reply> = {};
    for (let i = 1; i <= 12; i++) routes[`GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/${i}`] = text('', 401);
    const { deps, store, calls } = setup(routes);
    const onAuthFailure = vi.fn(async () => undefined);
    const rows = Array.from({ length: 12 }, (_, i) => rowWith(`A-${i}`, { type: typeIcon(i + 1) }));
    await refreshIcons({ ...deps, onAuthFailure }, 'c1', rows);
    expect(calls).toHaveLength(1);
    expect((await store.connection('c1'))!.status.state).toBe('token-rejected');
    expect(onAuthFailure).toHaveBeenCalledWith('c1');
    await refreshIcons({ ...deps, onAuthFailure }, 'c1', rows);
    expect(calls).toHaveLength(1);
  });

  it('a 401 for credentials replaced meanwhile (a renewed token) is not recorded against the new ones', async () => {
    const routes: Record<string, Reply> = {};
    let store!: Store;
    routes['GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/1'] = async () => {
      await store.replaceConnection('c1', (c) => c, 'tok-renewed');
      return text('', 401);
    };
    const s = setup(routes);
    store = s.store;
    await refreshIcons(s.deps, 'c1', [rowWith('A-1', { type: typeIcon(1) })]);
    expect((await store.connection('c1'))!.status.state).toBe('ok');
  });

  it("a scoped token's 401 on an icon (a scope it may lack) marks that icon failed, not the connection", async () => {
    const gw = (id: number) => `GET https://api.atlassian.com/ex/jira/cloud-1/rest/api/2/universal_avatar/view/type/issuetype/avatar/${id}`;
    const { deps, store, calls, icons } = setup({ [gw(1)]: text('', 401), [gw(2)]: text('', 401) }, { scoped: true, cloudId: 'cloud-1' });
    const onAuthFailure = vi.fn(async () => undefined);
    const rows = [rowWith('A-1', { type: typeIcon(1) }), rowWith('A-2', { type: typeIcon(2) })];
    await refreshIcons({ ...deps, onAuthFailure }, 'c1', rows);
    expect(calls).toHaveLength(1);
    expect((await store.connection('c1'))!.status.state).toBe('ok');
    expect(onAuthFailure).not.toHaveBeenCalled();
    expect(Object.values(await icons())).toEqual([{ at: expect.any(Number), size: 0 }]);
  });

  it("the gateway's scope refusal on icons marks each icon failed and goes on; the connection stays OK", async () => {
    const gw = (id: number) => `GET https://api.atlassian.com/ex/jira/cloud-1/rest/api/2/universal_avatar/view/type/issuetype/avatar/${id}`;
    const scope = json({ code: 401, message: 'Unauthorized; scope does not match' }, 401, {
      'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK',
    });
    const { deps, store, calls, icons } = setup({ [gw(1)]: scope, [gw(2)]: scope }, { scoped: true, cloudId: 'cloud-1' });
    const onAuthFailure = vi.fn(async () => undefined);
    await refreshIcons({ ...deps, onAuthFailure }, 'c1', [rowWith('A-1', { type: typeIcon(1) }), rowWith('A-2', { type: typeIcon(2) })]);
    expect(calls).toHaveLength(2);
    expect((await store.connection('c1'))!.status.state).toBe('ok');
    expect(onAuthFailure).not.toHaveBeenCalled();
    expect(Object.values(await icons())).toEqual([
      { at: expect.any(Number), size: 0 },
      { at: expect.any(Number), size: 0 },
    ]);
  });

  it('sends no credentials to a site whose host permission is not held: nothing fetched, nothing recorded', async () => {
    const { deps, store, icons } = setup({});
    const f = fakeFetch({ 'GET /rest/api/2/universal_avatar/view/type/issuetype/avatar/1': svg(1) });
    const transport = (conn: ConnectionSummary, secret: string) =>
      new JiraTransport(conn.siteUrl, { authMethod: conn.authMethod, username: conn.username, secret }, originPatternFor(conn.siteUrl), {
        fetch: f.fetch,
        maxRetries: 0,
        hasPermission: async () => false,
      });
    await refreshIcons({ ...deps, transport }, 'c1', [rowWith('A-1', { type: typeIcon(1) })]);
    expect(f.calls).toHaveLength(0);
    expect(await icons()).toEqual({});
    expect((await store.connection('c1'))!.status.state).toBe('ok');
  });
});
