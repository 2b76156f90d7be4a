import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fakeFetch, html, json, noSleep, text, type Reply } from './testing';
import { MemoryStorageArea } from '../storage/area';
import { connectionBudget } from './retry-budget';
import { parseCaptchaHeader } from './answer-errors';
import { authorizationHeader, basicCredentials } from './credentials';
import { parseRetryAfter } from './retry-policy';
import { DEFAULT_MAX_RETRY_AFTER_SECONDS, JiraTransport, type JiraAuth, type TransportOptions } from './transport';

const SECRET = 'ATATT3xFfGF0-super-secret-token-value=';
const AUTH: JiraAuth = { authMethod: 'cloud-token', username: 'ann@example.com', secret: SECRET };
const PATTERN = 'https://jira.corp.example/*';
const anything = z.unknown();
const myself = z.object({ displayName: z.string() });

function setup(
  routes: Record<string, Reply | Reply[]>,
  opts: TransportOptions = {},
  auth: JiraAuth | null = AUTH,
  base = 'https://jira.corp.example/jira',
) {
  const f = fakeFetch(routes);
  const sleep = vi.fn(async (_ms: number) => undefined);
  const t = new JiraTransport(base, auth, PATTERN, { fetch: f.fetch, sleep, random: () => 0.5, hasPermission: async () => true, ...opts });
  return { t, calls: f.calls, sleep };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

function expectNoSecret(e: AppError) {
  const all = `${e.message} ${JSON.stringify(e.toInfo())} ${String(e)} ${e.stack ?? ''}`;
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain(basicCredentials(AUTH.username, SECRET));
  expect(all).not.toContain('Authorization');
}

describe('request building', () => {
  it('sends Accept, Basic auth, credentials omit, and joins the context path', async () => {
    const { t, calls } = setup({ 'GET /jira/rest/api/2/myself': json({ displayName: 'Ann' }) });
    await expect(t.requestJson({ path: '/rest/api/2/myself' }, myself)).resolves.toEqual({ displayName: 'Ann' });
    const [call] = calls;
    expect(call!.url.href).toBe('https://jira.corp.example/jira/rest/api/2/myself');
    expect(call!.method).toBe('GET');
    expect(call!.credentials).toBe('omit');
    expect(call!.headers.accept).toBe('application/json');
    expect(call!.headers.authorization).toBe(`Basic ${Buffer.from(`ann@example.com:${SECRET}`).toString('base64')}`);
    expect(call!.headers['content-type']).toBeUndefined();
    expect(call!.body).toBeUndefined();
  });

  it('encodes non-ASCII user names and passwords as UTF-8', () => {
    const header = authorizationHeader({ authMethod: 'password', username: 'jürgen', secret: 'pässwörd€' });
    expect(header).toBe(`Basic ${Buffer.from('jürgen:pässwörd€', 'utf8').toString('base64')}`);
  });

  it('sends a PAT as Bearer', async () => {
    const { t, calls } = setup(
      { 'GET /jira/rest/api/2/myself': json({ displayName: 'Ann' }) },
      {},
      { authMethod: 'pat', username: '', secret: 'pat-123' },
    );
    await t.requestJson({ path: '/rest/api/2/myself' }, myself);
    expect(calls[0]!.headers.authorization).toBe('Bearer pat-123');
  });

  it('sends no Authorization without auth', async () => {
    const { t, calls } = setup({ 'GET /jira/rest/api/2/serverInfo': json({}) }, {}, null);
    await t.requestJson({ path: '/rest/api/2/serverInfo' }, anything);
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('POST sends JSON with Content-Type and X-Atlassian-Token', async () => {
    const { t, calls } = setup({ 'POST /jira/rest/api/3/search/approximate-count': json({ count: 3 }) });
    await t.requestJson({ method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'a = b' } }, anything);
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.headers['x-atlassian-token']).toBe('no-check');
    expect(calls[0]!.body).toEqual({ jql: 'a = b' });
    expect(calls[0]!.credentials).toBe('omit');
  });

  it('encodes query values and skips undefined ones', () => {
    const { t } = setup({});
    const url = new URL(
      t.url({
        path: '/rest/api/3/search/jql',
        query: { jql: 'project = "A&B" ORDER BY updated', maxResults: 50, x: undefined, flag: true },
      }),
    );
    expect(url.pathname).toBe('/jira/rest/api/3/search/jql');
    expect(url.searchParams.get('jql')).toBe('project = "A&B" ORDER BY updated');
    expect(url.searchParams.get('maxResults')).toBe('50');
    expect(url.searchParams.get('flag')).toBe('true');
    expect(url.searchParams.has('x')).toBe(false);
  });

  it('tolerates a trailing slash on apiBase', () => {
    const { t } = setup({}, {}, AUTH, 'https://jira.corp.example/jira/');
    expect(t.url({ path: '/rest/api/2/myself' })).toBe('https://jira.corp.example/jira/rest/api/2/myself');
    const root = setup({}, {}, AUTH, 'https://acme.atlassian.net').t;
    expect(root.url({ path: '/rest/api/3/myself' })).toBe('https://acme.atlassian.net/rest/api/3/myself');
  });

  it.each(['rest/api/2/myself', '//evil.example/x', 'https://evil.example/x', '/rest/../../x', '/rest/api/2/x?y=1', '/a/./b', '/a\\b'])(
    'refuses a path that could leave apiBase: %s',
    (path) => {
      const { t } = setup({});
      expect(() => t.url({ path })).toThrow(AppError);
    },
  );
});

describe('failures', () => {
  it('401 -> auth, with a cloud-token message about expiry and renewal', async () => {
    const { t } = setup({
      'GET /jira/rest/api/3/myself': json({ message: 'Client must be authenticated to access this resource.', 'status-code': 401 }, 401, {
        'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
        'www-authenticate': 'OAuth realm="https%3A%2F%2Facme.atlassian.net"',
      }),
    });
    const e = await failure(t.requestJson({ path: '/rest/api/3/myself' }, myself));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/expire/);
    expect(e.message).toMatch(/new one|renew/i);
    expectNoSecret(e);
  });

  it.each([
    ['password', /username or password/],
    ['pat', /personal access token/],
  ] as const)('401 -> auth for %s', async (authMethod, message) => {
    const { t } = setup({ 'GET /jira/x': json({}, 401) }, {}, { authMethod, username: 'ann', secret: SECRET });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(message);
  });

  it.each(['AUTHENTICATED_FAILED', 'AUTHENTICATION_DENIED'])('200 with x-seraph-loginreason %s -> auth', async (reason) => {
    const { t } = setup({ 'GET /jira/rest/api/2/issue/picker': json({ sections: [] }, 200, { 'x-seraph-loginreason': reason }) });
    const e = await failure(t.requestJson({ path: '/rest/api/2/issue/picker' }, anything));
    expect(e.kind).toBe('auth');
  });

  it('x-seraph auth failure wins over an HTML body', async () => {
    const { t } = setup({ 'GET /jira/x': html('<html>login</html>', 200, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }) });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('auth');
  });

  it('x-seraph OK is not a failure', async () => {
    const { t } = setup({ 'GET /jira/x': json({ displayName: 'Ann' }, 200, { 'x-seraph-loginreason': 'OK' }) });
    await expect(t.requestJson({ path: '/x' }, myself)).resolves.toEqual({ displayName: 'Ann' });
  });

  it('403 CAPTCHA_CHALLENGE -> captcha with the login URL', async () => {
    const { t } = setup({
      'GET /jira/x': html('<html/>', 403, {
        'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
        'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.corp.example/jira/login.jsp',
      }),
    });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('captcha');
    expect(e.loginUrl).toBe('https://jira.corp.example/jira/login.jsp');
    expect(e.message).toMatch(/sign in/i);
  });

  it('a CAPTCHA login link on another host is replaced by the site’s own login page', async () => {
    const { t } = setup({
      'GET /jira/x': html('<html/>', 403, {
        'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://phish.example/login.jsp',
      }),
    });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).loginUrl).toBe('https://jira.corp.example/jira/login.jsp');
  });

  it('does not follow a redirect with credentials (e.g. to a single sign-on page)', async () => {
    const { t, calls } = setup({ 'GET /jira/x': new Response(null, { status: 302, headers: { location: 'https://sso.example/' } }) });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('not-jira');
    expect(calls[0]!.redirect).toBe('manual');
  });

  it('refuses paths that could climb out of the API base, encoded or not', async () => {
    const { t, calls } = setup({});
    for (const path of ['/%2e%2e/jira2/x', '/../x', '//evil.example/x', '/x?y=1', 'rest/api']) {
      expect((await failure(t.requestJson({ path }, anything))).kind).toBe('internal');
    }
    expect(calls).toHaveLength(0);
  });

  it('403 XSRF check failed -> forbidden with a clear message', async () => {
    const { t } = setup({ 'POST /jira/x': text('XSRF check failed', 403) });
    const e = await failure(t.requestJson({ method: 'POST', path: '/x', body: {} }, anything));
    expect(e.kind).toBe('forbidden');
    expect(e.message).toMatch(/XSRF/);
  });

  it('other 403 -> forbidden, with Jira’s words when given', async () => {
    const { t } = setup({ 'GET /jira/x': json({ errorMessages: ['You do not have the permission to see the specified issue.'] }, 403) });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('forbidden');
    expect(e.message).toBe('You do not have the permission to see the specified issue.');
    const plain = setup({ 'GET /jira/x': html('<html>denied</html>', 403) }).t;
    const e2 = await failure(plain.requestJson({ path: '/x' }, anything));
    expect(e2.kind).toBe('forbidden');
    expect(e2.message).not.toContain('denied</html>');
  });

  it.each([
    [404, 'not-found'],
    [410, 'gone'],
    [405, 'bad-request'],
    [500, 'server'],
  ])('%i -> %s', async (status, kind) => {
    const { t } = setup({ 'GET /jira/x': json({}, status) });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
  });

  it('400 -> bad-request with Jira’s errorMessages and errors in details, first one as message', async () => {
    const { t } = setup({
      'GET /jira/rest/api/2/search': json(
        {
          errorMessages: ["Error in the JQL Query: The character '%' is a reserved JQL character."],
          errors: { jql: 'Field does not exist' },
        },
        400,
      ),
    });
    const e = await failure(t.requestJson({ path: '/rest/api/2/search', query: { jql: '%' } }, anything));
    expect(e.kind).toBe('bad-request');
    expect(e.message).toBe("Error in the JQL Query: The character '%' is a reserved JQL character.");
    expect(e.details).toEqual(["Error in the JQL Query: The character '%' is a reserved JQL character.", 'Field does not exist']);
  });

  it('400 without Jira messages keeps a generic message and no raw body', async () => {
    const { t } = setup({ 'GET /jira/x': html('<html><body>Bad Request stack trace at com.atlassian</body></html>', 400) });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('bad-request');
    expect(e.message).not.toMatch(/stack trace/);
    expect(e.details).toEqual([]);
  });

  it.each([
    ['a login page (HTML)', html('<!DOCTYPE html><html><title>Log in</title></html>')],
    ['HTML served as JSON', new Response('<html>proxy</html>', { status: 200, headers: { 'content-type': 'application/json' } })],
    ['text/plain', text('hello', 200)],
    ['no content type', new Response('{"a":1}', { status: 200 })],
  ])('2xx with %s -> not-jira', async (_name, response) => {
    const { t } = setup({ 'GET /jira/x': response });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('not-jira');
    expect(e.message).toMatch(/web page instead of Jira data/);
  });

  it('JSON failing the schema -> invalid-response (paths only, no values)', async () => {
    const { t } = setup({ 'GET /jira/x': json({ displayName: 42, secretish: 'value-from-body' }) });
    const e = await failure(t.requestJson({ path: '/x' }, myself));
    expect(e.kind).toBe('invalid-response');
    expect(e.details).toEqual(['displayName']);
    expect(JSON.stringify(e.toInfo())).not.toContain('value-from-body');
  });

  it('broken JSON -> invalid-response', async () => {
    const { t } = setup({ 'GET /jira/x': new Response('{"a":', { status: 200, headers: { 'content-type': 'application/json' } }) });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('invalid-response');
  });

  it('204 parses as undefined', async () => {
    const { t } = setup({ 'POST /jira/x': new Response(null, { status: 204 }) });
    await expect(t.requestJson({ method: 'POST', path: '/x', body: {} }, z.undefined())).resolves.toBeUndefined();
  });

  it('fetch TypeError without host permission -> no-site-access with the pattern', async () => {
    const hasPermission = vi.fn(async () => false);
    const { t } = setup({ 'GET /jira/x': new TypeError('Failed to fetch') }, { hasPermission });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('no-site-access');
    expect(e.originPattern).toBe(PATTERN);
    expect(hasPermission).toHaveBeenCalledWith(PATTERN);
  });

  it('fetch TypeError with permission -> network, not retried', async () => {
    const { t, calls } = setup({ 'GET /jira/x': new TypeError('Failed to fetch') });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('network');
    expect(calls).toHaveLength(1);
  });

  it('a permission check that fails lets no credentials out: no-site-access, unsent', async () => {
    const { t, calls } = setup(
      { 'GET /jira/x': new TypeError('Failed to fetch') },
      { hasPermission: async () => Promise.reject(new Error('no api')) },
    );
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('no-site-access');
    expect(calls).toHaveLength(0);
  });

  it('an anonymous request that fails after a failing permission check still gives network', async () => {
    const { t } = setup(
      { 'GET /jira/x': new TypeError('Failed to fetch') },
      { hasPermission: async () => Promise.reject(new Error('no api')) },
      null,
    );
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('network');
  });

  it('without an extension API the default permission check assumes access (network)', async () => {
    const f = fakeFetch({ 'GET /x': new TypeError('Failed to fetch') });
    const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, { fetch: f.fetch });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('network');
  });

  it('the default permission check uses the extension API when present', async () => {
    const contains = vi.fn(async () => false);
    vi.stubGlobal('chrome', { permissions: { contains } });
    try {
      const f = fakeFetch({ 'GET /x': new TypeError('Failed to fetch') });
      const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, { fetch: f.fetch });
      expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('no-site-access');
      expect(contains).toHaveBeenCalledWith({ origins: [PATTERN] });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a fetch that never resolves -> timeout, and the request is aborted', async () => {
    let signal: AbortSignal | undefined;
    const never = (async (_u: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, { fetch: never, timeoutMs: 20, sleep: noSleep });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe('timeout');
    expect(signal?.aborted).toBe(true);
  });

  it('a body that never finishes -> timeout', async () => {
    const stalled = (async () =>
      new Response(new ReadableStream({ start() {} }), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, { fetch: stalled, timeoutMs: 20 });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('timeout');
  });
});

describe('retries', () => {
  // random 0.5: backoff after the 1st, 2nd, 3rd refusal is 750, 1500, 3000 ms (retry-policy.ts).
  it('GET 429 waits Retry-After (never less than the backoff), then succeeds', async () => {
    const { t, calls, sleep } = setup({
      'GET /jira/x': [json({}, 429, { 'retry-after': '2' }), json({}, 429, { 'retry-after': '1' }), json({ ok: 1 })],
    });
    await expect(t.requestJson({ path: '/x' }, anything)).resolves.toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([2000, 1500]);
  });

  it.each([
    ['0', '0'],
    ['missing', undefined],
    ['an HTTP date in the past', new Date(Date.now() - 60_000).toUTCString()],
    ['unreadable', 'soon'],
  ])('Retry-After %s: at least 1 s, growing, and 3 requests in all before the user must act', async (_name, header) => {
    const headers: Record<string, string> = header === undefined ? {} : { 'retry-after': header };
    const { t, calls, sleep } = setup({ 'GET /jira/x': [json({}, 429, headers), json({ ok: 1 })] });
    // The first refusal, then success: one wait of the floor.
    await expect(t.requestJson({ path: '/x' }, anything)).resolves.toEqual({ ok: 1 });
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([1000]);

    const stuck = setup({ 'GET /jira/x': json({}, 429, headers) });
    const e = await failure(stuck.t.requestJson({ path: '/x' }, anything));
    expect(e.toInfo()).toMatchObject({ kind: 'rate-limited', status: 429, retriesLeft: 0, retryAfterSeconds: 3 });
    expect(stuck.calls).toHaveLength(3);
    expect(stuck.sleep.mock.calls.map((c) => c[0])).toEqual([1000, 1500]);
    expect(calls).toHaveLength(2);
  });

  it('an HTTP date in the future is waited for', async () => {
    const at = new Date(Math.ceil((Date.now() + 2_500) / 1000) * 1000).toUTCString();
    const { t, sleep } = setup({ 'GET /jira/x': [json({}, 429, { 'retry-after': at }), json({ ok: 1 })] }, { maxRetryAfterSeconds: 10 });
    await t.requestJson({ path: '/x' }, anything);
    expect(sleep.mock.calls[0]![0]).toBeGreaterThanOrEqual(2000);
    expect(sleep.mock.calls[0]![0]).toBeLessThanOrEqual(4000);
  });

  it('503 with an HTML body and Retry-After: retried within the budget, then server with the wait', async () => {
    const page = html('<html><body><h1>Service Unavailable</h1></body></html>', 503, { 'retry-after': '1' });
    const { t, calls, sleep } = setup({ 'GET /jira/x': page });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.toInfo()).toMatchObject({ kind: 'server', status: 503, retryAfterSeconds: 3, retriesLeft: 0 });
    expect(e.message).toMatch(/HTTP 503/);
    expect(e.message).not.toMatch(/Service Unavailable|<h1>/);
    expect(calls).toHaveLength(3);
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([1000, 1500]);
  });

  it('a wait above maxRetryAfterSeconds is not slept through: the caller gets it, with the requests left', async () => {
    const { t, calls, sleep } = setup({ 'GET /jira/x': json({}, 429, { 'retry-after': '3600' }) });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.toInfo()).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 3600, retriesLeft: 2 });
    expect(e.message).toMatch(/Try again in about 60 min\./);
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it.each([
    [429, 'rate-limited'],
    [503, 'server'],
  ])('GET %i with a Retry-After above DEFAULT_MAX_RETRY_AFTER_SECONDS answers at once, with retryAfterSeconds', async (status, kind) => {
    const wait = String(DEFAULT_MAX_RETRY_AFTER_SECONDS + 1);
    const { t, calls, sleep } = setup({ 'GET /jira/x': [json({}, status, { 'retry-after': wait }), json({ ok: 1 })] });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.toInfo()).toMatchObject({ kind, status, retryAfterSeconds: DEFAULT_MAX_RETRY_AFTER_SECONDS + 1 });
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('maxRetryAfterSeconds sets the threshold', async () => {
    const { t, calls, sleep } = setup(
      { 'GET /jira/x': [json({}, 429, { 'retry-after': '10' }), json({ ok: 1 })] },
      { maxRetryAfterSeconds: 10 },
    );
    await expect(t.requestJson({ path: '/x' }, anything)).resolves.toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledWith(10_000);
  });

  describe('one budget per connection, shared by its transports', () => {
    function shared(routes: Record<string, Reply | Reply[]>, force = false) {
      const f = fakeFetch(routes);
      const make = (forced = force) =>
        new JiraTransport('https://jira.corp.example', AUTH, PATTERN, {
          fetch: f.fetch,
          sleep: noSleep,
          random: () => 0.5,
          hasPermission: async () => true,
          budget: connectionBudget(area, 'c1', { force: forced, now: () => clock }),
        });
      return { make, calls: f.calls };
    }
    let area: MemoryStorageArea;
    let clock: number;
    beforeEach(() => {
      area = new MemoryStorageArea();
      clock = 1_000_000;
    });

    it('while Jira asked to wait, another request of the connection is refused unsent', async () => {
      const { make, calls } = shared({ 'GET /x': [json({}, 429, { 'retry-after': '30' }), json({ ok: 1 })] });
      expect((await failure(make().requestJson({ path: '/x' }, anything))).retryAfterSeconds).toBe(30);
      clock += 10_000;
      const e = await failure(make().requestJson({ path: '/x' }, anything));
      expect(e.toInfo()).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 20, retriesLeft: 2 });
      expect(e.status).toBeUndefined(); // not Jira's answer: nothing was sent
      expect(calls).toHaveLength(1);
      // After the wait it goes, and success clears the budget.
      clock += 20_000;
      await expect(make().requestJson({ path: '/x' }, anything)).resolves.toEqual({ ok: 1 });
      expect(await area.get(null)).toEqual({});
    });

    it('the count of refusals carries over between requests: the third one in a row leaves none', async () => {
      const { make, calls } = shared({ 'GET /x': json({}, 429, { 'retry-after': '30' }) });
      const left: (number | undefined)[] = [];
      for (let i = 0; i < 3; i++) {
        left.push((await failure(make().requestJson({ path: '/x' }, anything))).retriesLeft);
        clock += 31_000;
      }
      expect(left).toEqual([2, 1, 0]);
      expect(calls).toHaveLength(3);
    });

    it("a user's retry (force) may go at once, with a fresh count", async () => {
      const { make, calls } = shared({ 'GET /x': [json({}, 429, { 'retry-after': '30' }), json({ ok: 1 })] });
      await failure(make().requestJson({ path: '/x' }, anything));
      await expect(make(true).requestJson({ path: '/x' }, anything)).resolves.toEqual({ ok: 1 });
      expect(calls).toHaveLength(2);
    });

    it('an image request honours and feeds the same budget', async () => {
      const { make, calls } = shared({ 'GET /icon': json({}, 429, { 'retry-after': '30' }), 'GET /x': json({ ok: 1 }) });
      await failure(make().image({ path: '/icon' }, 1000));
      expect((await failure(make().requestJson({ path: '/x' }, anything))).kind).toBe('rate-limited');
      expect(calls).toHaveLength(1);
    });
  });

  describe('with real timers faked (default sleep)', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    function realSleepTransport(routes: Record<string, Reply | Reply[]>) {
      const f = fakeFetch(routes);
      const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, {
        fetch: f.fetch,
        random: () => 0.5,
        hasPermission: async () => true,
      });
      return { t, calls: f.calls };
    }

    it('sleeps Retry-After (2 s) before retrying', async () => {
      const { t, calls } = realSleepTransport({ 'GET /x': [json({}, 429, { 'retry-after': '2' }), json({ ok: 1 })] });
      const answer = t.requestJson({ path: '/x' }, anything);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toEqual({ ok: 1 });
      expect(calls).toHaveLength(2);
    });

    it('a 429 with Retry-After 0 is not retried before 1 s', async () => {
      const { t, calls } = realSleepTransport({ 'GET /x': [json({}, 429, { 'retry-after': '0' }), json({ ok: 1 })] });
      const answer = t.requestJson({ path: '/x' }, anything);
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toEqual({ ok: 1 });
    });

    it('a 429 with Retry-After 30 reaches the caller without any wait', async () => {
      const { t, calls } = realSleepTransport({ 'GET /x': [json({}, 429, { 'retry-after': '30' }), json({ ok: 1 })] });
      const answer = failure(t.requestJson({ path: '/x' }, anything));
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.getTimerCount()).toBe(0); // no sleep pending (the attempt's timeout is cleared)
      const e = await answer;
      expect(e).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 30 });
      expect(e.message).toMatch(/Try again in 30 s\./);
      expect(calls).toHaveLength(1);
    });
  });

  it.each([502, 504])('GET %i is retried once, after at least 1 s', async (status) => {
    const { t, calls, sleep } = setup({ 'GET /jira/x': json({}, status) });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('server');
    expect(calls).toHaveLength(2);
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([1000]);
  });

  it.each([500, 400, 401, 404])('GET %i is not retried', async (status) => {
    const { t, calls } = setup({ 'GET /jira/x': json({}, status) });
    await failure(t.requestJson({ path: '/x' }, anything));
    expect(calls).toHaveLength(1);
  });

  it.each([429, 503, 502])('POST %i is never retried, and leaves no automatic retry to the caller', async (status) => {
    const { t, calls, sleep } = setup({ 'POST /jira/x': [json({}, status, { 'retry-after': '1' }), json({ ok: 1 })] });
    const e = await failure(t.requestJson({ method: 'POST', path: '/x', body: {} }, anything));
    expect(e.kind).toBe(status === 429 ? 'rate-limited' : 'server');
    if (status !== 502) expect(e.toInfo()).toMatchObject({ retryAfterSeconds: 1, retriesLeft: 0 });
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('a POST that only reads (idempotent) is retried like a GET', async () => {
    const { t, calls } = setup({ 'POST /jira/x': [json({}, 429, { 'retry-after': '1' }), json({ ok: 1 })] });
    await expect(t.requestJson({ method: 'POST', idempotent: true, path: '/x', body: {} }, anything)).resolves.toEqual({ ok: 1 });
    expect(calls).toHaveLength(2);
  });

  it.each([429, 503, 502, 504])('maxRetries 0 (background jobs) never retries a GET %i', async (status) => {
    const { t, calls, sleep } = setup({ 'GET /jira/x': [json({}, status, { 'retry-after': '1' }), json({ ok: 1 })] }, { maxRetries: 0 });
    const e = await failure(t.requestJson({ path: '/x' }, anything));
    expect(e.kind).toBe(status === 429 ? 'rate-limited' : 'server');
    if (status === 429 || status === 503) expect(e.retryAfterSeconds).toBe(1);
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('each attempt has its own timeout', async () => {
    let n = 0;
    const f = (async () => {
      n++;
      if (n === 1) return json({}, 503);
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const t = new JiraTransport('https://jira.corp.example', AUTH, PATTERN, { fetch: f, timeoutMs: 20, sleep: noSleep, random: () => 0 });
    expect((await failure(t.requestJson({ path: '/x' }, anything))).kind).toBe('timeout');
    expect(n).toBe(2);
  });
});

describe('secrets never leak', () => {
  const cases: Array<[string, Reply]> = [
    ['401', json({ message: `bad token ${SECRET}` }, 401)],
    [
      '400 echoing the secret',
      json({ errorMessages: [`Invalid value ${SECRET}`], errors: { x: `sent Basic ${basicCredentials(AUTH.username, SECRET)}` } }, 400),
    ],
    ['403', json({ errorMessages: [`nope ${SECRET}`] }, 403)],
    ['404', json({ errorMessages: [`missing ${SECRET}`] }, 404)],
    ['429', json({}, 429, { 'retry-after': '999' })],
    ['500', text(`Internal error ${SECRET}`, 500)],
    ['html', html(`<html>${SECRET}</html>`)],
    ['schema', json({ displayName: SECRET.length })],
    ['network', new TypeError(`fetch failed ${SECRET}`)],
  ];
  it.each(cases)('%s', async (_name, reply) => {
    const { t } = setup({ 'GET /jira/x': reply });
    const e = await failure(t.requestJson({ path: '/x' }, myself));
    expectNoSecret(e);
  });
});

describe('header parsers', () => {
  it('parseRetryAfter', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });

  it('parseCaptchaHeader', () => {
    expect(parseCaptchaHeader(null)).toEqual({ captcha: false });
    expect(parseCaptchaHeader('CAPTCHA_CHALLENGE; login-url=https://j.example/login.jsp')).toEqual({
      captcha: true,
      loginUrl: 'https://j.example/login.jsp',
    });
    expect(parseCaptchaHeader('CAPTCHA_CHALLENGE; login-url=javascript:alert(1)')).toEqual({ captcha: true });
    expect(parseCaptchaHeader('CAPTCHA_CHALLENGE')).toEqual({ captcha: true });
  });
});

describe('image', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"/>';
  const image = (body: string | Uint8Array<ArrayBuffer>, type = 'image/svg+xml', status = 200, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers: { 'content-type': type, ...headers } });

  it('GETs an image under the site with the credentials, cookies omitted, and returns its bytes', async () => {
    const { t, calls } = setup({ 'GET /jira/secure/viewavatar': image(svg, 'image/svg+xml;charset=UTF-8') });
    const got = await t.image({ path: '/secure/viewavatar', query: { size: 'xsmall', avatarId: 10303, avatarType: 'issuetype' } }, 1024);
    expect(got.type).toBe('image/svg+xml');
    expect(new TextDecoder().decode(got.bytes)).toBe(svg);
    const [call] = calls;
    expect(call!.url.href).toBe('https://jira.corp.example/jira/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype');
    expect(call!.credentials).toBe('omit');
    expect(call!.redirect).toBe('manual');
    expect(call!.headers.authorization).toMatch(/^Basic /);
    expect(call!.headers.accept).toMatch(/^image\//);
  });

  it('refuses what an <img> must not get: HTML, JSON, unknown types, empty or oversized bodies', async () => {
    for (const reply of [
      html('<html>login</html>'),
      json({ ok: true }),
      image('x', 'application/octet-stream'),
      image('', 'image/png'),
      image(new Uint8Array(2048), 'image/png'),
      image(new Uint8Array(10), 'image/png', 200, { 'content-length': '4096' }),
    ]) {
      const { t } = setup({ 'GET /jira/i.png': reply });
      expect((await failure(t.image({ path: '/i.png' }, 1024))).kind).toBe('invalid-response');
    }
  });

  it('stops reading a body without a length at the limit: an endless image is not downloaded', async () => {
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(c) {
          pulled++;
          c.enqueue(new Uint8Array(512));
        },
      });
    const { t } = setup({ 'GET /jira/big.png': new Response(endless(), { headers: { 'content-type': 'image/png' } }) });
    expect((await failure(t.image({ path: '/big.png' }, 1024))).kind).toBe('invalid-response');
    expect(pulled).toBeLessThan(6);

    pulled = 0;
    const { t: t2 } = setup({ 'GET /jira/err': new Response(endless(), { status: 403, headers: { 'content-type': 'text/html' } }) });
    expect((await failure(t2.image({ path: '/err' }, 1024))).kind).toBe('forbidden');
    expect(pulled).toBeLessThan(200); // 64 KB of an error page at most
  });

  it("fails like a JSON call for Jira's failures, without retrying, and never leaks the secret", async () => {
    const { t, calls } = setup({
      'GET /jira/a': json({ errorMessages: ['You do not have permission to view the avatar.'] }, 403),
      'GET /jira/b': text('', 401),
      'GET /jira/c': text('', 429, { 'retry-after': '1' }),
      'GET /jira/d': new Response(null, { status: 302, headers: { location: 'https://sso.example/' } }),
    });
    const kinds = [];
    for (const path of ['/a', '/b', '/d', '/c', '/a']) {
      const e = await failure(t.image({ path }, 1024));
      expectNoSecret(e);
      kinds.push(e.kind);
    }
    // After the 429, the next image waits too: it is not sent.
    expect(kinds).toEqual(['forbidden', 'auth', 'not-jira', 'rate-limited', 'rate-limited']);
    expect(calls).toHaveLength(4);
  });
});
