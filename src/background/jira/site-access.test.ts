// Credentials only to granted hosts: every kind of credentialed request is refused unsent
// without the host permission; anonymous ones are not (they carry nothing of the user's).
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { assertSiteAccess } from './site-access';
import { fakeFetch, json, type Reply } from './testing';
import { JiraTransport, type JiraAuth } from './transport';

const AUTH: JiraAuth = { authMethod: 'pat', username: '', secret: 'pat-secret-value' };
const SITE = 'https://jira.corp.example/jira';
const SITE_PATTERN = 'https://jira.corp.example/*';
const GATEWAY = 'https://api.atlassian.com/ex/jira/cloud-1';
const GATEWAY_PATTERN = 'https://api.atlassian.com/*';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

const svg = () => new Response('<svg xmlns="http://www.w3.org/2000/svg"/>', { headers: { 'content-type': 'image/svg+xml' } });

type Send = (t: JiraTransport) => Promise<unknown>;
const REQUESTS: Array<[string, string, string, string, Reply, Send]> = [
  [
    'a read on the site',
    SITE,
    SITE_PATTERN,
    'GET /jira/rest/api/2/myself',
    json({}),
    (t) => t.requestJson({ path: '/rest/api/2/myself' }, z.unknown()),
  ],
  [
    'a write on the site',
    SITE,
    SITE_PATTERN,
    'POST /jira/rest/api/2/issue/A-1/comment',
    json({}),
    (t) => t.requestJson({ method: 'POST', path: '/rest/api/2/issue/A-1/comment', body: { body: 'x' } }, z.unknown()),
  ],
  [
    'a search sent as POST',
    SITE,
    SITE_PATTERN,
    'POST /jira/rest/api/2/search',
    json({}),
    (t) => t.requestJson({ method: 'POST', idempotent: true, path: '/rest/api/2/search', body: {} }, z.unknown()),
  ],
  ['an image on the site', SITE, SITE_PATTERN, 'GET /jira/secure/viewavatar', svg(), (t) => t.image({ path: '/secure/viewavatar' }, 1024)],
  [
    'a read through the gateway',
    GATEWAY,
    GATEWAY_PATTERN,
    `GET ${GATEWAY}/rest/api/3/myself`,
    json({}),
    (t) => t.requestJson({ path: '/rest/api/3/myself' }, z.unknown()),
  ],
  [
    'an image through the gateway',
    GATEWAY,
    GATEWAY_PATTERN,
    `GET ${GATEWAY}/rest/api/2/universal_avatar/view/type/issuetype/avatar/1`,
    svg(),
    (t) => t.image({ path: '/rest/api/2/universal_avatar/view/type/issuetype/avatar/1' }, 1024),
  ],
];

describe('credentials only to granted hosts (docs/browsers.md#host-permissions)', () => {
  it.each(REQUESTS)('%s: refused unsent without the permission, sent with it', async (_name, base, pattern, route, reply, send) => {
    for (const answer of [false, 'throws'] as const) {
      const f = fakeFetch({ [route]: reply });
      const hasPermission = vi.fn(async () => (answer === 'throws' ? Promise.reject(new Error('no api')) : answer));
      const e = await failure(send(new JiraTransport(base, AUTH, pattern, { fetch: f.fetch, hasPermission })));
      expect([e.kind, e.originPattern]).toEqual(['no-site-access', pattern]);
      expect(hasPermission).toHaveBeenCalledWith(pattern);
      expect(f.calls).toHaveLength(0);
    }
    const f = fakeFetch({ [route]: reply });
    await send(new JiraTransport(base, AUTH, pattern, { fetch: f.fetch, hasPermission: async () => true }));
    expect(f.calls).toHaveLength(1);
  });

  it('a refused request spends nothing of the retry budget and is never retried', async () => {
    const f = fakeFetch({ 'GET /jira/x': json({}) });
    const sleep = vi.fn(async () => undefined);
    const t = new JiraTransport(SITE, AUTH, SITE_PATTERN, { fetch: f.fetch, sleep, hasPermission: async () => false });
    await failure(t.requestJson({ path: '/x' }, z.unknown()));
    expect(sleep).not.toHaveBeenCalled();
    expect(f.calls).toHaveLength(0);
  });

  it('an anonymous request carries nothing of the user: not checked beforehand', async () => {
    const f = fakeFetch({ 'GET /jira/rest/api/2/serverInfo': json({}) });
    const hasPermission = vi.fn(async () => false);
    await new JiraTransport(SITE, null, SITE_PATTERN, { fetch: f.fetch, hasPermission }).requestJson(
      { path: '/rest/api/2/serverInfo' },
      z.unknown(),
    );
    expect(f.calls).toHaveLength(1);
    expect(hasPermission).not.toHaveBeenCalled();
  });

  it.each([
    ['https://jira.corp.example/jira/rest/api/2/myself', SITE_PATTERN, 'ok'],
    ['https://jira.corp.example:8443/jira/rest', SITE_PATTERN, 'ok'],
    ['https://other.example/rest', SITE_PATTERN, 'internal'],
    ['http://jira.corp.example/jira/rest', SITE_PATTERN, 'internal'],
    ['https://evil.jira.corp.example/rest', SITE_PATTERN, 'internal'],
    ['https://api.atlassian.com/ex/jira/c/rest', SITE_PATTERN, 'internal'],
    ['https://api.atlassian.com/ex/jira/c/rest', GATEWAY_PATTERN, 'ok'],
  ])('assertSiteAccess(%s, %s) -> %s', async (url, pattern, outcome) => {
    const hasPermission = vi.fn(async () => true);
    const result = await assertSiteAccess(url, pattern, hasPermission).then(
      () => 'ok',
      (e: AppError) => e.kind,
    );
    expect(result).toBe(outcome);
    // A URL outside the pattern is refused before the browser is even asked.
    expect(hasPermission).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
  });
});
