// The details view's people (reporter, comment authors): their avatars are fetched and cached
// like the assignee's, with the same checks: only the connection's own site, only icon paths,
// the same size cap and the same cache.
import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/connection';
import type { CommentPage } from '../../shared/issue-details';
import { iconsCacheItem } from '../../shared/storage-items';
import { fakeFetch, type Reply } from '../jira/testing';
import { JiraTransport } from '../jira/transport';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import { connection } from '../../../tests/unit/fixtures';
import { originPatternFor } from '../../shared/site-url';
import { detailsAvatarUrls, MAX_ICON_BYTES, refreshIcons } from './icons';

const DC_SITE = 'https://jira.corp.example/jira';
const avatar = (id: number) => `${DC_SITE}/secure/useravatar?size=small&ownerId=u${id}&avatarId=${id}`;
const png = (bytes = 8) => new Response(new Uint8Array(bytes), { headers: { 'content-type': 'image/png' } });

function setup(routes: Record<string, Reply | Reply[]>) {
  const c: ConnectionSummary = connection('c1', { siteUrl: DC_SITE, deployment: 'server', authMethod: 'pat' });
  const store = new Store(new MemoryStorageArea({ connections: [c], secrets: { c1: 'pat-secret' } }));
  const { fetch, calls } = fakeFetch(routes);
  const deps = {
    store,
    transport: (conn: ConnectionSummary, secret: string) =>
      new JiraTransport(conn.siteUrl, { authMethod: conn.authMethod, username: conn.username, secret }, originPatternFor(conn.siteUrl), {
        fetch,
        maxRetries: 0,
        hasPermission: async () => true,
      }),
    now: () => 1_000_000,
  };
  const icons = async () => (await store.read(iconsCacheItem('c1'))).icons;
  return { deps, calls, icons };
}

const comments = (...authors: ({ displayName: string; avatarUrl?: string } | undefined)[]): CommentPage => ({
  comments: authors.map((author, i) => ({ id: String(i), ...(author ? { author } : {}), body: null })),
  total: authors.length,
});

describe('detailsAvatarUrls', () => {
  it("lists the reporter's avatar, then each comment author's; people without one are skipped", () => {
    expect(
      detailsAvatarUrls(
        { displayName: 'Rita', avatarUrl: avatar(1) },
        comments({ displayName: 'Cai', avatarUrl: avatar(2) }, { displayName: 'No avatar' }, undefined),
      ),
    ).toEqual([avatar(1), avatar(2)]);
    expect(detailsAvatarUrls(undefined, comments())).toEqual([]);
  });
});

describe('refreshIcons with the details view’s avatars', () => {
  it("fetches each own-site avatar once with the connection's credentials, and caches it as a data: URL", async () => {
    const { deps, calls, icons } = setup({ 'GET /jira/secure/useravatar': () => png() });
    await refreshIcons(deps, 'c1', [], [avatar(1), avatar(2), avatar(1)]);
    expect(calls.map((c) => c.url.href)).toEqual([avatar(1), avatar(2)]);
    expect(calls.every((c) => c.credentials === 'omit' && /^Bearer /.test(String(c.headers.authorization)))).toBe(true);
    const got = await icons();
    expect(got[avatar(1)]!.data).toMatch(/^data:image\/png;base64,/);
    expect(got[avatar(2)]!.data).toMatch(/^data:image\/png;base64,/);
    // Cached: asked again only when old, like every icon.
    await refreshIcons(deps, 'c1', [], [avatar(1), avatar(2)]);
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['another site', 'https://evil.example/jira/secure/useravatar?avatarId=1'],
    ['a public avatar host (the popup loads it directly)', 'https://secure.gravatar.com/avatar/abc?d=mm&s=48'],
    ['a REST resource of the site', `${DC_SITE}/rest/api/2/myself`],
    ['a path outside the context path', 'https://jira.corp.example/secure/useravatar?avatarId=1'],
    ['plain http', 'http://jira.corp.example/jira/secure/useravatar?avatarId=1'],
  ])('never fetches %s with the credentials', async (_, url) => {
    const { deps, calls, icons } = setup({ 'GET /jira/secure/useravatar': () => png(), 'GET /jira/rest/api/2/myself': () => png() });
    await refreshIcons(deps, 'c1', [], [url]);
    expect(calls).toEqual([]);
    expect(await icons()).toEqual({});
  });

  it('keeps the size cap: a larger avatar is not stored', async () => {
    const { deps, icons } = setup({ 'GET /jira/secure/useravatar': png(MAX_ICON_BYTES + 1) });
    await refreshIcons(deps, 'c1', [], [avatar(3)]);
    expect((await icons())[avatar(3)]?.data).toBeUndefined();
  });
});
