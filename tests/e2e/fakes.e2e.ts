// The fakes themselves, checked from Node (no browser, ~1 s): they must be as strict as
// the real services (docs/jira-api.md), or the browser specs prove nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACME_CLOUD_ID,
  ACME_URL,
  ADA,
  BOB,
  GATEWAY_URL,
  HOSTS,
  SERVER_URL,
  TOKEN_PAGE_URL,
  basic,
  fakeRequest,
  startFakes,
  type Fakes,
} from './support/fakes';

let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
});
afterEach(() => fakes.reset());
afterAll(() => fakes.close());

const get = (url: string, headers: Record<string, string> = {}) => fakeRequest(fakes.port, url, { headers });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fakeRequest(fakes.port, url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const ada = { authorization: basic(ADA.email, ADA.classicToken) };
type SearchPage = {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
  total?: number;
};

describe('fake Jira Cloud', () => {
  it('serves serverInfo anonymously and myself only with a valid token', async () => {
    const info = await get(`${ACME_URL}/rest/api/3/serverInfo`);
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({ deploymentType: 'Cloud', serverTitle: 'Acme Jira', baseUrl: ACME_URL });

    const anon = await get(`${ACME_URL}/rest/api/3/myself`);
    expect(anon.status).toBe(401);
    expect(anon.headers['x-seraph-loginreason']).toBe('AUTHENTICATION_DENIED');
    expect(anon.headers['www-authenticate']).toMatch(/realm=/);
    expect(anon.json()).toEqual({ message: 'Client must be authenticated to access this resource.', 'status-code': 401 });

    const me = await get(`${ACME_URL}/rest/api/3/myself`, ada);
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ accountId: ADA.accountId, displayName: 'Ada Lovelace', emailAddress: ADA.email });

    for (const token of [ADA.revokedToken, ADA.scopedToken, 'wrong']) {
      expect((await get(`${ACME_URL}/rest/api/3/myself`, { authorization: basic(ADA.email, token) })).status).toBe(401);
    }
  });

  it('answers anonymous-allowed endpoints with 200 + AUTHENTICATED_FAILED for a bad token', async () => {
    const bad = { authorization: basic(ADA.email, ADA.revokedToken) };
    const info = await get(`${ACME_URL}/rest/api/3/serverInfo`, bad);
    expect(info.status).toBe(200);
    expect(info.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED');
    const search = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('assignee = currentUser()')}`, bad);
    expect(search.status).toBe(200);
    expect(search.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED');
    expect(search.json<SearchPage>().issues).toEqual([]);
  });

  it('has removed /search (410) and pages /search/jql by token without total', async () => {
    for (const v of [2, 3]) {
      const gone = await get(`${ACME_URL}/rest/api/${v}/search?jql=project%3DWEB`, ada);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain('CHANGE-2046');
    }
    const jql = encodeURIComponent('assignee = currentUser() ORDER BY updated DESC');
    const ids = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${jql}`, ada);
    const first = ids.json<SearchPage>();
    expect(first.issues).toHaveLength(50);
    expect(Object.keys(first.issues[0]!)).toEqual(['id']);
    expect(first).not.toHaveProperty('total');
    expect(first.isLast).toBe(false);

    let seen = 0;
    let token: string | undefined;
    do {
      const r = await get(
        `${ACME_URL}/rest/api/3/search/jql?jql=${jql}&fields=summary,status,assignee&maxResults=100${token ? `&nextPageToken=${token}` : ''}`,
        ada,
      );
      const page = r.json<SearchPage>();
      seen += page.issues.length;
      expect(page.issues[0]!.fields).toHaveProperty('status');
      token = page.nextPageToken;
      expect(page.isLast).toBe(token === undefined);
    } while (token);
    expect(seen).toBe(120);
  });

  it('refuses unbounded, unknown-field and malformed JQL with Jira messages', async () => {
    for (const q of ['', 'ORDER BY updated DESC']) {
      const r = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent(q)}`, ada);
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({
        errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
        errors: {},
      });
    }
    const unknown = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('foo = bar')}`, ada);
    expect(unknown.json<{ errorMessages: string[] }>().errorMessages).toEqual([
      `Field 'foo' does not exist or you do not have permission to view it.`,
    ]);
    const broken = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('project = WEB status = Done')}`, ada);
    expect(broken.status).toBe(400);
    expect(broken.json<{ errorMessages: string[] }>().errorMessages[0]).toMatch(/^Error in the JQL Query: Expecting either 'OR' or 'AND'/);
  });

  it('evaluates the JQL of the built-in lists', async () => {
    const count = async (jql: string) => {
      const r = await get(`${ACME_URL}/rest/api/3/search/jql?maxResults=5000&jql=${encodeURIComponent(jql)}`, ada);
      expect(r.status, r.text).toBe(200);
      return r.json<SearchPage>().issues.length;
    };
    expect(await count('assignee = currentUser()')).toBe(120);
    expect(await count('assignee = currentUser() AND statusCategory != Done')).toBe(96);
    expect(await count('assignee = currentUser() AND resolution = Unresolved')).toBe(96);
    expect(await count('reporter = currentUser()')).toBeGreaterThan(0);
    expect(await count('watcher = currentUser()')).toBeGreaterThan(0);
    expect(await count('issuekey in issueHistory() ORDER BY lastViewed DESC')).toBe(8);
    expect(await count('project = OPS OR project = API')).toBe(100);
    expect(await count('key = WEB-1')).toBe(1);
    expect(await count('filter = 10100')).toBeGreaterThan(0);
    expect(await count('filter = 10101')).toBeGreaterThan(0); // Grace's, shared with Ada
    const privateFilter = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('filter = 10102')}`, ada);
    expect(privateFilter.status).toBe(400); // Grace's private filter
    expect(await count('text ~ "checkout" AND assignee = currentUser()')).toBeGreaterThan(0);
    // Whole words, as Jira's index: a part of a word finds nothing unless it ends in `*`.
    expect(await count('text ~ "checko"')).toBe(0);
    expect(await count('text ~ "checko*"')).toBe(await count('text ~ "checkout*"'));
    expect(await count('text ~ "checko*"')).toBeGreaterThan(0);
    // A wildcard term is not stemmed, the index is: a whole plural word as a prefix misses.
    expect(await count('text ~ "fails"')).toBeGreaterThan(0);
    expect(await count('text ~ "fails*"')).toBe(0);
    const leading = await get(`${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('text ~ "*out"')}`, ada);
    expect(leading.status).toBe(400);
    const counted = await post(`${ACME_URL}/rest/api/3/search/approximate-count`, { jql: 'assignee = currentUser()' }, ada);
    expect(counted.json()).toEqual({ count: 120 });
  });

  it('serves the picker, favourite filters and tenant_info', async () => {
    const picker = await get(`${ACME_URL}/rest/api/3/issue/picker?query=WEB-1`, ada);
    const sections = picker.json<{ sections: { id: string; issues: { key: string; summaryText: string; img: string }[] }[] }>().sections;
    expect(sections.map((s) => s.id)).toEqual(['hs', 'cs']);
    expect(sections.flatMap((s) => s.issues.map((i) => i.key))).toContain('WEB-1');
    const filters = await get(`${ACME_URL}/rest/api/3/filter/favourite`, ada);
    expect(filters.json<{ name: string }[]>().map((f) => f.name)).toEqual(['My open bugs', 'Ops in progress']);
    expect((await get(`${ACME_URL}/_edge/tenant_info`)).json()).toEqual({ cloudId: ACME_CLOUD_ID });
  });

  it('applies the XSRF rule to browser POSTs, rate limits, HTML mode and stop', async () => {
    const mozilla = { 'user-agent': 'Mozilla/5.0 HeadlessChrome', 'x-atlassian-token': 'no-check' };
    const body = { jql: 'assignee = currentUser()' };
    const url = `${ACME_URL}/rest/api/3/search/approximate-count`;
    const moz = await post(url, body, { ...ada, ...mozilla, origin: 'moz-extension://1234' });
    expect([moz.status, moz.text]).toEqual([403, 'XSRF check failed']);
    expect((await post(url, body, { ...ada, ...mozilla, origin: 'chrome-extension://abc' })).status).toBe(200);

    fakes.acme.switches.rateLimitNext(1);
    const limited = await get(`${ACME_URL}/rest/api/3/myself`, ada);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect((await get(`${ACME_URL}/rest/api/3/myself`, ada)).status).toBe(200);

    fakes.acme.switches.answerHtml();
    const html = await get(`${ACME_URL}/rest/api/3/serverInfo`);
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html;charset=UTF-8']);
    fakes.acme.switches.answerHtml(false);

    fakes.acme.switches.stop();
    await expect(get(`${ACME_URL}/rest/api/3/serverInfo`)).rejects.toThrow();
    fakes.acme.switches.resume();

    const logged = fakes.requests.to(HOSTS.acme, '/rest/api/3/myself');
    expect(logged.at(-1)!.auth).toEqual({ scheme: 'Basic', user: ADA.email });
    expect(JSON.stringify(fakes.requests.all).includes(ADA.classicToken), 'a token in the request log').toBe(false);
  });
});

describe("fake Jira's paging and limits (the switches)", () => {
  const search = (query: string) => get(`${ACME_URL}/rest/api/3/search/jql?${query}`, ada);
  const assigned = `jql=${encodeURIComponent('assignee = currentUser() ORDER BY updated DESC')}&fields=summary`;

  it('page tokens carry the query, fit only it, and expire', async () => {
    const first = (await search(assigned)).json<SearchPage>();
    const token = first.nextPageToken!;
    expect(Buffer.from(token, 'base64url').toString()).toContain('currentUser()');
    const other = await search(`jql=${encodeURIComponent('project = WEB')}&nextPageToken=${token}`);
    expect(other.status).toBe(400);
    expect((await search(`${assigned}&nextPageToken=${token}`)).status).toBe(200);
    fakes.acme.switches.expirePageTokens();
    const expired = await search(`${assigned}&nextPageToken=${token}`);
    expect(expired.status).toBe(400);
    expect(expired.json<{ errorMessages: string[] }>().errorMessages).toEqual(['The provided next page token is invalid or expired.']);
  });

  it('can answer pages that add nothing yet carry a token, or the first page again', async () => {
    const token = (await search(assigned)).json<SearchPage>().nextPageToken!;
    fakes.acme.switches.emptyPagesWithToken = true;
    const empty = (await search(`${assigned}&nextPageToken=${token}`)).json<SearchPage>();
    expect(empty).toMatchObject({ issues: [], isLast: false, nextPageToken: expect.any(String) });
    fakes.acme.switches.reset();
    fakes.acme.switches.repeatFirstPage = true;
    const again = (await search(`${assigned}&nextPageToken=${token}`)).json<SearchPage>();
    expect(again.issues[0]!.key).toBe('WEB-1');
  });

  it('refuses a request line over 8 KB with 414', async () => {
    const long = await search(`jql=${encodeURIComponent(`key = WEB-1 ${'AND key = WEB-1 '.repeat(600)}`)}`);
    expect(long.status).toBe(414);
  });

  it('answers 429 without Retry-After or with 0, and 503 with an HTML page', async () => {
    fakes.acme.switches.rateLimitNext(1, null);
    const none = await search(assigned);
    expect([none.status, none.headers['retry-after']]).toEqual([429, undefined]);
    fakes.acme.switches.rateLimitNext(1, 0);
    expect((await search(assigned)).headers['retry-after']).toBe('0');
    fakes.acme.switches.unavailableNext(1, 5);
    const down = await search(assigned);
    expect([down.status, down.headers['retry-after'], down.headers['content-type']]).toEqual([503, '5', 'text/html;charset=UTF-8']);
    expect((await search(assigned)).status).toBe(200);
  });
});

describe('fake gateway (scoped tokens)', () => {
  it('accepts the scoped token only through api.atlassian.com/ex/jira/{cloudId}', async () => {
    const scoped = { authorization: basic(ADA.email, ADA.scopedToken) };
    expect((await get(`${ACME_URL}/rest/api/3/myself`, scoped)).status).toBe(401);
    const me = await get(`${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/rest/api/3/myself`, scoped);
    expect(me.status).toBe(200);
    expect((await get(`${GATEWAY_URL}/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself`, scoped)).status).toBe(404);
  });
});

describe('fake icons', () => {
  it('serves issue type icons and /secure/ avatars to signed-in callers only; static icons to anyone', async () => {
    const search = await get(
      `${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('assignee = currentUser()')}&fields=issuetype,priority,assignee&maxResults=1`,
      ada,
    );
    const fields = search.json<SearchPage>().issues[0]!.fields as {
      issuetype: { iconUrl: string };
      priority: { iconUrl: string };
      assignee: { avatarUrls: Record<string, string> };
    };
    expect(fields.issuetype.iconUrl).toMatch(
      new RegExp(`^${ACME_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/\\d+\\?size=medium$`),
    );
    const anon = await get(fields.issuetype.iconUrl);
    expect([anon.status, anon.json()]).toEqual([403, { errorMessages: ['You do not have permission to view the avatar.'], errors: {} }]);
    const mine = await get(fields.issuetype.iconUrl, ada);
    expect([mine.status, mine.headers['content-type']]).toEqual([200, 'image/svg+xml;charset=UTF-8']);
    expect((await get(`${ACME_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/1`, ada)).status).toBe(404);
    expect((await get(fields.assignee.avatarUrls['48x48']!)).status).toBe(403);
    expect((await get(fields.assignee.avatarUrls['48x48']!, ada)).status).toBe(200);
    expect((await get(fields.priority.iconUrl)).status).toBe(200);

    // Through the gateway (a scoped token), the REST icon is named under the gateway.
    const scoped = { authorization: basic(ADA.email, ADA.scopedToken) };
    const viaGateway = await get(
      `${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/rest/api/3/search/jql?jql=${encodeURIComponent('assignee = currentUser()')}&fields=issuetype&maxResults=1`,
      scoped,
    );
    const gwIcon = (viaGateway.json<SearchPage>().issues[0]!.fields as { issuetype: { iconUrl: string } }).issuetype.iconUrl;
    expect(gwIcon.startsWith(`${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/rest/api/2/universal_avatar/`)).toBe(true);
    expect((await get(gwIcon, scoped)).status).toBe(200);

    const dc = `${SERVER_URL}/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype`;
    expect((await get(dc)).status).toBe(403);
    expect((await get(dc, { authorization: `Bearer ${BOB.pat}` })).status).toBe(200);
    expect(
      (await get(`${SERVER_URL}/secure/viewavatar?size=xsmall&avatarId=1&avatarType=issuetype`, { authorization: `Bearer ${BOB.pat}` }))
        .status,
    ).toBe(404);
  });
});

describe('fake Jira Data Center', () => {
  it('lives under /jira, speaks v2 only, takes passwords as Basic and PATs as Bearer', async () => {
    expect((await get(`${SERVER_URL}/rest/api/2/serverInfo`)).json()).toMatchObject({ deploymentType: 'Server', baseUrl: SERVER_URL });
    expect((await get(`${SERVER_URL}/rest/api/3/serverInfo`)).status).toBe(404);
    expect((await get(`https://${HOSTS.server}/rest/api/2/serverInfo`)).status).toBe(404);
    expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, BOB.password) })).json()).toMatchObject({
      name: 'bob',
    });
    expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: `Bearer ${BOB.pat}` })).status).toBe(200);
    expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, BOB.pat) })).status).toBe(401);
    const search = await get(`${SERVER_URL}/rest/api/2/search?jql=assignee%3DcurrentUser()&maxResults=10`, {
      authorization: `Bearer ${BOB.pat}`,
    });
    expect(search.json<SearchPage>()).toMatchObject({ startAt: 0, maxResults: 10, total: 25 });
  });

  it("answers the popup's lists on v2: reported, watching, history, favourite filters, startAt pages, JQL errors", async () => {
    const bob = { authorization: `Bearer ${BOB.pat}` };
    const search = async (jql: string, extra = '') => {
      const r = await get(`${SERVER_URL}/rest/api/2/search?jql=${encodeURIComponent(jql)}${extra}`, bob);
      return { status: r.status, body: r.json<SearchPage & { startAt: number; errorMessages?: string[] }>() };
    };
    const total = async (jql: string) => {
      const r = await search(jql, '&maxResults=0');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.total;
    };
    expect(await total('assignee = currentUser()')).toBe(25);
    expect(await total('reporter = currentUser()')).toBe(65);
    expect(await total('watcher = currentUser()')).toBe(17);
    // No restriction is fine on Data Center (Cloud's /search/jql refuses it).
    expect(await total('ORDER BY created DESC')).toBe(85);
    const recent = await search('issuekey in issueHistory() ORDER BY lastViewed DESC', '&fields=summary');
    expect(recent.body.issues.map((i) => i.key)).toEqual(['SEC-4', 'INFRA-1', 'HR-2']);

    const page2 = await search('reporter = currentUser() ORDER BY updated DESC', '&startAt=50&maxResults=50&fields=summary');
    expect(page2.body).toMatchObject({ startAt: 50, maxResults: 50, total: 65 });
    expect(page2.body.issues).toHaveLength(15);

    // Favourite filters: Bob's only, on v2 (there is no v3 on Data Center); anonymous gets none.
    const favourites = await get(`${SERVER_URL}/rest/api/2/filter/favourite`, bob);
    expect(favourites.json<{ id: string; name: string; jql: string }[]>().map((f) => [f.id, f.name])).toEqual([['12000', 'Infra open']]);
    expect((await get(`${SERVER_URL}/rest/api/3/filter/favourite`, bob)).status).toBe(404);
    expect((await get(`${SERVER_URL}/rest/api/2/filter/favourite`)).json()).toEqual([]);
    expect(await total('filter = 12000')).toBeGreaterThan(0);
    // Carol's private filter does not exist for Bob.
    const hidden = await search('filter = 12001');
    expect([hidden.status, hidden.body]).toEqual([
      400,
      { errorMessages: ["The value '12001' does not exist for the field 'filter'."], errors: {} },
    ]);

    // JQL errors: Data Center's plain ErrorCollection, with Jira's words.
    const broken = await search('project = = INFRA');
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.body).sort()).toEqual(['errorMessages', 'errors']);
    expect(broken.body.errorMessages![0]).toMatch(/^Error in the JQL Query: Expecting either a value, list or function but got '='\./);
    expect((await search('project = NOPE')).body).toEqual({
      errorMessages: ["The value 'NOPE' does not exist for the field 'project'."],
      errors: {},
    });
  });

  it('demands a CAPTCHA after 3 failed logins, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, 'nope') })).status).toBe(401);
    }
    const blocked = await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, BOB.password) });
    expect(blocked.status).toBe(403);
    expect(blocked.headers['x-authentication-denied-reason']).toBe(`CAPTCHA_CHALLENGE; login-url=${SERVER_URL}/login.jsp`);
  });
});

describe('fake token page', () => {
  it('serves both shapes on both paths and issues tokens the fake Jira accepts', async () => {
    for (const path of ['/manage-profile/security/api-tokens', '/manage/api-tokens']) {
      const page = await get(`https://${HOSTS.id}${path}?shape=b`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('"shape":"b"');
      expect(page.text).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    }
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    fakes.tokenPage.configure({ createDelayMs: [0, 0] });
    const created = await post(
      `${TOKEN_PAGE_URL.replace(/\/manage-profile.*/, '')}/gateway/api/api-tokens`,
      { label: 'x', expiresOn },
      { origin: 'https://id.atlassian.com' },
    );
    const { token } = created.json<{ token: string }>();
    expect(/^ATATT3[A-Za-z0-9_\-=]{186}$/.test(token), 'token format').toBe(true);
    expect(token === fakes.tokenPage.lastToken, 'the page created the token it reports').toBe(true);
    expect((await get(`${ACME_URL}/rest/api/3/myself`, { authorization: basic(ADA.email, token) })).status).toBe(200);
  });
});
