// The fakes themselves, checked from Node (no browser, ~1 s): they must be as strict as
// the real services (docs/jira-api.md), or the browser specs prove nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACME_CLOUD_ID,
  ACME_URL,
  ADA,
  BOB,
  CHARLES,
  GATEWAY_URL,
  GRACE,
  HOSTS,
  RICH,
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

// ---- Issue details, comments, transitions and assignee (docs/jira-api.md#issue-details, #comments, #transitions, #assignee)

const send = (method: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
  fakeRequest(fakes.port, url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const grace = { authorization: basic(GRACE.email, GRACE.classicToken) };
const bob = { authorization: `Bearer ${BOB.pat}` };
const cloudIssue = (key: string, v = 3, tail = '') => `${ACME_URL}/rest/api/${v}/issue/${key}${tail}`;
const dcIssue = (key: string, tail = '') => `${SERVER_URL}/rest/api/2/issue/${key}${tail}`;
type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };
type Issue = { key: string; fields: Record<string, unknown>; renderedFields?: Record<string, unknown> };
type CommentPage = {
  startAt: number;
  maxResults: number;
  total: number;
  comments: { id: string; body: unknown; created: string; renderedBody?: string; author: Record<string, unknown> }[];
};
type Transitions = { transitions: { id: string; name: string; to: { name: string }; fields?: Record<string, Record<string, unknown>> }[] };
const err = (errorMessages: string[], errors: Record<string, string> = {}): ErrorBody => ({ errorMessages, errors });
const field = async (url: string, name: string, headers: Record<string, string> = ada) =>
  (await get(`${url}?fields=${name}`, headers)).json<Issue>().fields[name];

/** Every node type and mark type in an ADF tree, hrefs of links, and its text. */
function adfInventory(node: unknown, out = { nodes: new Set<string>(), marks: new Set<string>(), hrefs: [] as string[], text: '' }) {
  const n = node as {
    type?: string;
    text?: string;
    attrs?: Record<string, unknown>;
    marks?: { type: string; attrs?: { href?: string } }[];
    content?: unknown[];
  };
  if (n.type)
    out.nodes.add(n.type === 'heading' ? `heading${n.attrs?.level}` : n.type === 'panel' ? `panel:${n.attrs?.panelType}` : n.type);
  if (n.type === 'taskItem') out.nodes.add(`taskItem:${n.attrs?.state}`);
  if (n.text) out.text += n.text;
  for (const m of n.marks ?? []) {
    out.marks.add(m.type);
    if (m.attrs?.href) out.hrefs.push(m.attrs.href);
  }
  for (const c of n.content ?? []) adfInventory(c, out);
  return out;
}

describe('fake issue details', () => {
  it('gives only the fields asked for; v3 ADF, v2 wiki markup, renderedFields only with the expand', async () => {
    const url = cloudIssue(RICH.cloudIssue);
    const some = (await get(`${url}?fields=summary,labels,attachment`, ada)).json<Issue>();
    expect(Object.keys(some.fields).sort()).toEqual(['attachment', 'labels', 'summary']);
    expect(some).not.toHaveProperty('renderedFields');
    expect(some.fields.labels).toEqual(['release-notes', 'docs']);
    expect((some.fields.attachment as { filename: string; size: number }[]).map((a) => [a.filename, a.size])).toEqual([
      ['screenshot.png', 183_420],
      ['build-log.txt', 10_240],
    ]);
    const all = (await get(url, ada)).json<Issue>();
    for (const f of [
      'summary',
      'status',
      'issuetype',
      'priority',
      'assignee',
      'reporter',
      'labels',
      'created',
      'updated',
      'resolution',
      'project',
      'description',
      'attachment',
    ]) {
      expect(all.fields, f).toHaveProperty(f);
    }
    const v2 = (await get(`${cloudIssue(RICH.cloudIssue, 2)}?fields=description`, ada)).json<Issue>();
    expect(typeof v2.fields.description).toBe('string');
    const rendered = (await get(`${url}?fields=description&expand=renderedFields`, ada)).json<Issue>();
    expect(rendered.renderedFields?.description).toEqual(expect.stringContaining('<h1>'));
    expect(await field(cloudIssue('WEB-3'), 'description')).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps to reproduce issue WEB-3.' }] }],
    });
  });

  it("holds every node and mark the popup renders in WEB-2's description, and hostile bits", async () => {
    const inv = adfInventory(await field(cloudIssue(RICH.cloudIssue), 'description'));
    const nodes = ['paragraph', 'heading1', 'heading2', 'heading3', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'blockquote'];
    nodes.push('panel:info', 'panel:warning', 'panel:error', 'table', 'tableRow', 'tableHeader', 'tableCell', 'rule', 'hardBreak');
    nodes.push('mention', 'emoji', 'status', 'date', 'inlineCard', 'blockCard', 'mediaSingle', 'media', 'mediaGroup', 'expand');
    nodes.push('taskList', 'taskItem:DONE', 'taskItem:TODO', 'decisionList', 'decisionItem', 'futureWidget');
    for (const n of nodes) expect(inv.nodes.has(n), n).toBe(true);
    for (const m of ['strong', 'em', 'underline', 'strike', 'code', 'link', 'subsup', 'textColor']) expect(inv.marks.has(m), m).toBe(true);
    expect(inv.hrefs).toEqual(
      expect.arrayContaining(['http://example.com/plain', 'https://example.com/secure', 'mailto:support@acme.test', 'javascript:alert(1)']),
    );
    expect(inv.text).toContain('<script>alert(1)</script>');
  });

  it('renders the Data Center description as Jira does: code panel, relative links, user link, emoticon, thumbnail', async () => {
    const issue = (await get(`${dcIssue(RICH.serverIssue)}?fields=description,labels,attachment&expand=renderedFields`, bob)).json<Issue>();
    expect(issue.fields.description).toEqual(expect.stringContaining('{code:bash}'));
    const html = String(issue.renderedFields?.description);
    expect(html).toMatch(/<div class="code panel"[^>]*><div class="codeContent panelContent">\s*<pre class="code-bash">/);
    expect(html).toContain("<th class='confluenceTh'>Host</th>");
    expect(html).toContain('href="/jira/browse/INFRA-2"');
    expect(html).toContain('<a href="/jira/secure/ViewProfile.jspa?name=bob" class="user-hover" rel="bob">Bob Builder</a>');
    expect(html).toMatch(/<img class="emoticon" src="\/jira\/images\/icons\/emoticons\/smile.png"[^>]* alt="\(smile\)"/);
    const thumb = /<img src="(\/jira\/secure\/thumbnail\/10300\/[^"]+)"/.exec(html)![1]!;
    expect((await get(`https://${HOSTS.server}${thumb}`)).status).toBe(403);
    expect((await get(`https://${HOSTS.server}${thumb}`, bob)).status).toBe(200);
    expect((await get(`${SERVER_URL}/images/icons/emoticons/smile.png`)).status).toBe(200);
    expect(issue.fields.labels).toEqual(['network', 'maintenance']);
    expect((await get(`${SERVER_URL}/rest/api/3/issue/${RICH.serverIssue}`, bob)).status).toBe(404);
  });

  it.each([
    ['an unknown key', cloudIssue('WEB-9999'), ada],
    ['an issue only Grace may see', cloudIssue(RICH.hiddenFromAda), ada],
    ['an anonymous caller', cloudIssue('WEB-1'), {}],
    ['a revoked token', cloudIssue('WEB-1'), { authorization: basic(ADA.email, ADA.revokedToken) }],
    ['its comments, hidden', cloudIssue(RICH.hiddenFromAda, 3, '/comment'), ada],
    ['its transitions, hidden', cloudIssue(RICH.hiddenFromAda, 3, '/transitions'), ada],
    ['Data Center, unknown', dcIssue('INFRA-999'), bob],
  ])('answers 404 for %s', async (_what, url, headers) => {
    const r = await get(url, headers);
    expect([r.status, r.json()]).toEqual([404, err(['Issue does not exist or you do not have permission to see it.'])]);
  });

  it('shows the hidden issue to Grace, and finds comments with text search', async () => {
    expect((await get(cloudIssue(RICH.hiddenFromAda), grace)).status).toBe(200);
    const found = await get(`${ACME_URL}/rest/api/3/search/jql?fields=summary&jql=${encodeURIComponent('text ~ "flaky"')}`, ada);
    expect(found.json<SearchPage>().issues.map((i) => i.key)).toEqual([RICH.cloudIssue]);
  });
});

describe('fake comments', () => {
  it('pages newest first: the latest 5, then pages of 10', async () => {
    const page = async (startAt: number, maxResults: number) =>
      (
        await get(cloudIssue(RICH.cloudIssue, 3, `/comment?startAt=${startAt}&maxResults=${maxResults}&orderBy=-created`), ada)
      ).json<CommentPage>();
    const first = await page(0, 5);
    expect(first).toMatchObject({ startAt: 0, maxResults: 5, total: RICH.cloudComments });
    expect(first.comments).toHaveLength(5);
    const created = first.comments.map((c) => Date.parse(c.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((first.comments[0]!.body as { type: string }).type).toBe('doc');
    expect((await page(5, 10)).comments).toHaveLength(10);
    expect((await page(15, 10)).comments).toHaveLength(RICH.cloudComments - 15);
    const oldestFirst = (await get(cloudIssue(RICH.cloudIssue, 3, '/comment'), ada)).json<CommentPage>();
    expect(oldestFirst.comments[0]!.id).toBe('10100');
    expect(oldestFirst.comments.map((c) => c.author.accountId)).toEqual(expect.arrayContaining([ADA.accountId, GRACE.accountId]));
  });

  it('gives Data Center wiki bodies, and renderedBody only with the expand', async () => {
    const plain = (await get(dcIssue(RICH.serverIssue, '/comment'), bob)).json<CommentPage>();
    expect(plain.total).toBe(RICH.serverComments);
    expect(plain.comments[0]).not.toHaveProperty('renderedBody');
    expect(plain.comments[0]!.body).toBe('Maintenance window *agreed* with the database team.');
    const rendered = (await get(dcIssue(RICH.serverIssue, '/comment?expand=renderedBody&orderBy=-created'), bob)).json<CommentPage>();
    expect(rendered.comments[0]!.renderedBody).toContain('class="user-hover" rel="carol"');
  });

  it('adds a comment by the caller: ADF on v3, a string on v2', async () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Looks good', marks: [{ type: 'strong' }] }] }],
    };
    const made = await send('POST', cloudIssue('WEB-1', 3, '/comment'), { body: doc }, ada);
    expect(made.status).toBe(201);
    expect(made.json()).toMatchObject({
      id: expect.any(String),
      author: { accountId: ADA.accountId },
      body: doc,
      created: expect.any(String),
    });
    expect(fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-1/comment').at(-1)!.body).toEqual({ body: doc });
    const list = (await get(cloudIssue('WEB-1', 3, '/comment'), ada)).json<CommentPage>();
    expect(list.comments.map((c) => c.body)).toEqual([doc]);
    const dc = await send('POST', dcIssue('INFRA-1', '/comment'), { body: 'Done, see *logs*.' }, bob);
    expect(dc.status).toBe(201);
    expect(dc.json()).toEqual({
      self: expect.stringMatching(new RegExp(`^${SERVER_URL}/rest/api/2/issue/\\d+/comment/\\d+$`)),
      id: expect.any(String),
      author: expect.objectContaining({ name: 'bob', key: BOB.key }),
      body: 'Done, see *logs*.',
      updateAuthor: expect.objectContaining({ name: 'bob' }),
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      updated: expect.any(String),
    });
    expect((await get(dcIssue('INFRA-1', '/comment'), bob)).json<CommentPage>().total).toBe(RICH.serverComments + 1);
    // Rendered as Jira renders wiki markup.
    const rendered = (await get(dcIssue('INFRA-1', '/comment?expand=renderedBody&orderBy=-created'), bob)).json<CommentPage>();
    expect(rendered.comments[0]!.renderedBody).toBe('<p>Done, see <b>logs</b>.</p>');
  });

  const para = (...content: unknown[]) => ({ type: 'paragraph', content });
  const t = (text: string, ...marks: unknown[]) => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  const li = (...content: unknown[]) => ({ type: 'listItem', content });
  it.each([
    [
      'marks, a link and a hard break',
      [
        para(
          t('bold', { type: 'strong' }),
          { type: 'hardBreak' },
          t('x', { type: 'code' }, { type: 'link', attrs: { href: 'https://e.x' } }),
        ),
      ],
    ],
    [
      'nested lists',
      [{ type: 'bulletList', content: [li(para(t('a')), { type: 'orderedList', attrs: { order: 3 }, content: [li(para(t('b')))] })] }],
    ],
    [
      'a code block and a panel',
      [
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('let x')] },
        { type: 'panel', attrs: { panelType: 'info' }, content: [para(t('i'))] },
      ],
    ],
    ['a mention', [para({ type: 'mention', attrs: { id: GRACE.accountId, text: '@Grace' } })]],
  ])('accepts a v3 comment with %s', async (_what, content) => {
    const r = await send('POST', cloudIssue('WEB-1', 3, '/comment'), { body: { type: 'doc', version: 1, content } }, ada);
    expect(r.status, r.text).toBe(201);
  });

  const emptyDoc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] };
  it.each([
    ['v3, a string', cloudIssue('WEB-1', 3, '/comment'), { body: 'plain' }, ada, err([], { comment: 'Comment body is not valid!' })],
    ['v3, no body', cloudIssue('WEB-1', 3, '/comment'), {}, ada, err([], { comment: 'Comment body can not be empty!' })],
    [
      'v3, an empty document',
      cloudIssue('WEB-1', 3, '/comment'),
      { body: emptyDoc },
      ada,
      err([], { comment: 'Comment body can not be empty!' }),
    ],
    [
      'v3, an unknown node',
      cloudIssue('WEB-1', 3, '/comment'),
      { body: { type: 'doc', version: 1, content: [{ type: 'marquee' }] } },
      ada,
      err(['INVALID_INPUT']),
    ],
    [
      'v3, empty text',
      cloudIssue('WEB-1', 3, '/comment'),
      { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] } },
      ada,
      err(['INVALID_INPUT']),
    ],
    [
      'v3, code with strong',
      cloudIssue('WEB-1', 3, '/comment'),
      {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }, { type: 'strong' }] }] }],
        },
      },
      ada,
      err(['INVALID_INPUT']),
    ],
    ['v3, no version', cloudIssue('WEB-1', 3, '/comment'), { body: { type: 'doc', content: [] } }, ada, err(['INVALID_INPUT'])],
    [
      'v2 on Cloud, a document',
      cloudIssue('WEB-1', 2, '/comment'),
      { body: emptyDoc },
      ada,
      err([], { comment: 'Comment body is not valid!' }),
    ],
    ['v2 on Cloud, blank', cloudIssue('WEB-1', 2, '/comment'), { body: '  ' }, ada, err([], { comment: 'Comment body can not be empty!' })],
    [
      'Data Center, an object',
      dcIssue('INFRA-1', '/comment'),
      { body: emptyDoc },
      bob,
      err([expect.stringMatching(/^Can not deserialize instance of java.lang.String/) as unknown as string]),
    ],
  ])('refuses a comment body: %s', async (_what, url, body, headers, expected) => {
    const r = await send('POST', url, body, headers);
    expect([r.status, r.json()]).toEqual([400, expected]);
  });
});

describe('fake transitions', () => {
  const ids = async (url: string, headers: Record<string, string>) =>
    (await get(url, headers)).json<Transitions>().transitions.map((t) => t.id);

  it('offers the moves of the issue’s workflow, never to the status it is in', async () => {
    expect(await ids(cloudIssue('WEB-2', 3, '/transitions'), ada)).toEqual(['11', '21', '31']); // In Review
    expect(await ids(cloudIssue('WEB-1', 3, '/transitions'), ada)).toEqual(['21', '31']); // To Do
    expect(await ids(cloudIssue('OPS-1', 3, '/transitions'), ada)).toEqual(['111', '131']); // In Progress
    expect(await ids(dcIssue('INFRA-1', '/transitions'), bob)).toEqual(['121', '131']); // To Do
    expect(await ids(dcIssue('HR-1', '/transitions'), bob)).toEqual(['11', '21', '31']); // Backlog
    const bare = (await get(cloudIssue('WEB-1', 3, '/transitions'), ada)).json<Transitions>();
    expect(bare.transitions[0]).not.toHaveProperty('fields');
  });

  it("lists each screen's fields in Jira's shape with expand=transitions.fields", async () => {
    const web = (await get(cloudIssue('WEB-1', 3, '/transitions?expand=transitions.fields'), ada)).json<Transitions>().transitions;
    expect(web.find((t) => t.name === 'Start progress')!.fields).toEqual({});
    const done = web.find((t) => t.name === 'Done')!.fields!;
    expect(Object.keys(done)).toEqual(['resolution', 'comment']);
    expect(done.resolution).toMatchObject({
      required: true,
      schema: { type: 'resolution', system: 'resolution' },
      name: 'Resolution',
      key: 'resolution',
      hasDefaultValue: false,
      operations: ['set'],
    });
    expect((done.resolution!.allowedValues as { id: string; name: string }[]).map((v) => v.name)).toEqual([
      'Done',
      "Won't Do",
      'Duplicate',
    ]);
    expect(done.comment).toMatchObject({ required: false, schema: { type: 'comments-page', system: 'comment' }, operations: ['add'] });
    const ops = (await get(dcIssue('INFRA-1', '/transitions?expand=transitions.fields'), bob)).json<Transitions>().transitions;
    const opsDone = ops.find((t) => t.id === '131')!.fields!;
    expect(Object.keys(opsDone)).toEqual(['resolution', 'customfield_10050', 'comment']);
    expect(opsDone.customfield_10050).toMatchObject({
      required: true,
      name: 'Root cause',
      schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 10050 },
    });
    expect(opsDone.customfield_10050).not.toHaveProperty('key'); // Data Center does not repeat the id
    expect((opsDone.customfield_10050!.allowedValues as { value: string }[]).map((v) => v.value)).toEqual(['Config', 'Code', 'Hardware']);
  });

  const done = { transition: { id: '31' }, fields: { resolution: { name: 'Done' } } };
  const opsDone = { transition: { id: '131' }, fields: { resolution: { id: '10000' }, customfield_10050: { value: 'Config' } } };
  const notOnScreen = (f: string) => `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`;
  it.each([
    ['an id of the current status', 'WEB-1', { transition: { id: '11' } }, err(["Transition id '11' is not valid for this issue."])],
    ["another workflow's id", 'WEB-1', { ...done, transition: { id: '131' } }, err(["Transition id '131' is not valid for this issue."])],
    ['no id', 'WEB-1', { transition: {} }, err(["'transition' identifier must be an integer"])],
    ['no resolution', 'WEB-1', { transition: { id: '31' } }, err([], { resolution: 'Resolution is required.' })],
    [
      'no root cause',
      'OPS-1',
      { ...opsDone, fields: { resolution: { id: '10000' } } },
      err([], { customfield_10050: 'Root cause is required.' }),
    ],
    [
      'a field on no screen',
      'WEB-1',
      { transition: { id: '21' }, fields: { resolution: { name: 'Done' } } },
      err([], { resolution: notOnScreen('resolution') }),
    ],
    [
      'a field not on this screen',
      'WEB-1',
      { ...done, fields: { ...done.fields, priority: { id: '1' } } },
      err([], { priority: notOnScreen('priority') }),
    ],
    [
      'an unknown resolution id',
      'WEB-1',
      { ...done, fields: { resolution: { id: '999' } } },
      err([], { resolution: "Resolution id '999' is not valid" }),
    ],
    [
      'an unknown resolution name',
      'WEB-1',
      { ...done, fields: { resolution: { name: 'Fixed' } } },
      err([], { resolution: "Resolution name 'Fixed' is not valid" }),
    ],
    [
      'a resolution as a string',
      'WEB-1',
      { ...done, fields: { resolution: 'Done' } },
      err([], { resolution: "Could not find valid 'id' or 'name' in resolution object." }),
    ],
    [
      'an unknown option id',
      'OPS-1',
      { ...opsDone, fields: { ...opsDone.fields, customfield_10050: { id: '1' } } },
      err([], { customfield_10050: "Option id '1' is not valid" }),
    ],
    [
      'an unknown option value',
      'OPS-1',
      { ...opsDone, fields: { ...opsDone.fields, customfield_10050: { value: 'Cosmic rays' } } },
      err([], { customfield_10050: "Option value 'Cosmic rays' is not valid" }),
    ],
    [
      'a string comment on v3',
      'WEB-1',
      { ...done, update: { comment: [{ add: { body: 'shipped' } }] } },
      err([], { comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' }),
    ],
  ])('refuses %s (400, nothing changes)', async (_what, key, body, expected) => {
    const before = await field(cloudIssue(key), 'status');
    const r = await send('POST', cloudIssue(key, 3, '/transitions'), body, ada);
    expect([r.status, r.json()]).toEqual([400, expected]);
    expect(await field(cloudIssue(key), 'status')).toEqual(before);
  });

  it('refuses a comment object on v2 (Cloud and Data Center)', async () => {
    const doc = { type: 'doc', version: 1, content: [] };
    const cloud = await send(
      'POST',
      cloudIssue('WEB-1', 2, '/transitions'),
      { ...done, update: { comment: [{ add: { body: doc } }] } },
      ada,
    );
    expect(cloud.json()).toEqual(err([], { comment: 'Comment body is not valid!' }));
    const dc = await send('POST', dcIssue('INFRA-1', '/transitions'), { ...opsDone, update: { comment: [{ add: { body: doc } }] } }, bob);
    expect(dc.json<ErrorBody>().errors.comment).toMatch(/^Can not deserialize instance of java.lang.String/);
  });

  it('moves the issue: status, category, resolution (set on Done, cleared after), updated, the comment', async () => {
    const url = cloudIssue('WEB-1');
    const before = (await get(`${url}?fields=updated`, ada)).json<Issue>().fields.updated as string;
    await new Promise((r) => setTimeout(r, 5));
    const comment = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Not needed' }] }] };
    const r = await send(
      'POST',
      `${url}/transitions`,
      { transition: { id: 31 }, fields: { resolution: { name: "Won't Do" } }, update: { comment: [{ add: { body: comment } }] } },
      ada,
    );
    expect([r.status, r.text]).toEqual([204, '']);
    const after = (await get(`${url}?fields=status,resolution,updated`, ada)).json<Issue>().fields as Record<
      string,
      Record<string, unknown>
    >;
    expect(after.status).toMatchObject({ name: 'Done', statusCategory: { key: 'done' } });
    expect(after.resolution).toMatchObject({ name: "Won't Do", id: '10001' });
    expect(Date.parse(String(after.updated))).toBeGreaterThan(Date.parse(before));
    expect((await get(`${url}/comment`, ada)).json<CommentPage>().comments.map((c) => c.body)).toEqual([comment]);
    expect(await ids(`${url}/transitions`, ada)).toEqual(['11', '21']);
    expect((await send('POST', `${url}/transitions`, { transition: { id: '11' } }, ada)).status).toBe(204);
    expect(await field(url, 'resolution')).toBeNull();
  });

  it('takes the Data Center Done screen with its root cause and a wiki comment', async () => {
    const r = await send(
      'POST',
      dcIssue('INFRA-1', '/transitions'),
      { ...opsDone, update: { comment: [{ add: { body: 'Root cause: *config*' } }] } },
      bob,
    );
    expect(r.status).toBe(204);
    const issue = (await get(`${dcIssue('INFRA-1')}?fields=status,resolution,customfield_10050`, bob)).json<Issue>();
    expect(issue.fields).toMatchObject({
      status: { name: 'Done' },
      resolution: { name: 'Done' },
      customfield_10050: { value: 'Config', id: '10100' },
    });
    expect((await get(dcIssue('INFRA-1', '/comment'), bob)).json<CommentPage>().total).toBe(RICH.serverComments + 1);
  });
});

describe('fake assignee', () => {
  it('takes {accountId} on Cloud: a user, null, or "-1"; refuses a name and unassignable users', async () => {
    const url = cloudIssue('WEB-1', 3, '/assignee');
    expect((await send('PUT', url, { accountId: GRACE.accountId }, ada)).status).toBe(204);
    expect(await field(cloudIssue('WEB-1'), 'assignee')).toMatchObject({ accountId: GRACE.accountId });
    expect((await send('PUT', url, { accountId: null }, ada)).status).toBe(204);
    expect(await field(cloudIssue('WEB-1'), 'assignee')).toBeNull();
    const byName = await send('PUT', url, { name: 'ada' }, ada);
    expect([byName.status, byName.json()]).toEqual([
      400,
      err(["'accountId' must be the only user identifying query parameter in GDPR strict mode."]),
    ]);
    for (const id of [CHARLES.accountId, '000000000000000000000000']) {
      const r = await send('PUT', url, { accountId: id }, ada);
      expect([r.status, r.json()]).toEqual([400, err([], { assignee: `User '${id}' cannot be assigned issues.` })]);
    }
  });

  it('takes {name} on Data Center; refuses unassignable users and Cloud fields', async () => {
    const url = dcIssue('INFRA-1', '/assignee');
    const before = (await get(`${dcIssue('INFRA-1')}?fields=updated`, bob)).json<Issue>().fields.updated as string;
    await new Promise((r) => setTimeout(r, 5));
    expect((await send('PUT', url, { name: 'carol' }, bob)).status).toBe(204);
    const after = (await get(`${dcIssue('INFRA-1')}?fields=assignee,updated`, bob)).json<Issue>().fields;
    expect(after.assignee).toMatchObject({ name: 'carol' });
    expect(Date.parse(String(after.updated))).toBeGreaterThan(Date.parse(before));
    expect((await send('PUT', url, { name: 'dave' }, bob)).json()).toEqual(err([], { assignee: "User 'dave' cannot be assigned issues." }));
    const cloudShape = await send('PUT', url, { accountId: 'x' }, bob);
    expect([cloudShape.status, cloudShape.json<ErrorBody>().errorMessages[0]]).toEqual([
      400,
      expect.stringMatching(/^Unrecognized field "accountId"/),
    ]);
    expect((await send('PUT', url, { name: null }, bob)).status).toBe(204);
    expect(await field(dcIssue('INFRA-1'), 'assignee', bob)).toBeNull();
  });
});

describe('fake writes: auth, XSRF and the write switches', () => {
  const writes: [string, string, string, unknown][] = [
    [
      'POST comment',
      'POST',
      cloudIssue('WEB-1', 3, '/comment'),
      { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } },
    ],
    ['POST transitions', 'POST', cloudIssue('WEB-1', 3, '/transitions'), { transition: { id: '21' } }],
    ['PUT assignee', 'PUT', cloudIssue('WEB-1', 3, '/assignee'), { accountId: ADA.accountId }],
  ];
  it.each(writes)(
    '%s: 401 without a valid token, 403 XSRF from moz-extension, accepted from chrome-extension',
    async (_n, method, url, body) => {
      for (const headers of [{}, { authorization: basic(ADA.email, ADA.revokedToken) }] as Record<string, string>[]) {
        const r = await send(method, url, body, headers);
        expect([r.status, r.headers['x-seraph-loginreason']]).toEqual([401, 'AUTHENTICATION_DENIED']);
      }
      const browser = { ...ada, 'user-agent': 'Mozilla/5.0 Firefox/140.0', 'x-atlassian-token': 'no-check' };
      const moz = await send(method, url, body, { ...browser, origin: 'moz-extension://1234' });
      expect([moz.status, moz.text]).toEqual([403, 'XSRF check failed']);
      expect((await send(method, url, body, { ...browser, origin: 'chrome-extension://abc' })).status).toBeLessThan(300);
    },
  );

  it('loseAnswerAfterWrite: the write happens, the answer never comes', async () => {
    fakes.acme.switches.loseAnswerAfterWrite();
    await expect(send('PUT', cloudIssue('WEB-1', 3, '/assignee'), { accountId: GRACE.accountId }, ada)).rejects.toThrow();
    expect(await field(cloudIssue('WEB-1'), 'assignee')).toMatchObject({ accountId: GRACE.accountId });
    expect(fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-1/assignee').at(-1)!.status).toBe(0);
    expect((await send('PUT', cloudIssue('WEB-1', 3, '/assignee'), { accountId: ADA.accountId }, ada)).status).toBe(204);

    fakes.server.switches.loseAnswerAfterWrite(2);
    for (let n = 0; n < 2; n++) await expect(send('POST', dcIssue('INFRA-1', '/comment'), { body: `again ${n}` }, bob)).rejects.toThrow();
    expect((await get(dcIssue('INFRA-1', '/comment'), bob)).json<CommentPage>().total).toBe(RICH.serverComments + 2);
    expect((await send('POST', dcIssue('INFRA-1', '/comment'), { body: 'third' }, bob)).status).toBe(201);
  });

  it('refuseWrites: the next write gets the canned answer and changes nothing; reads are untouched', async () => {
    const refusal = err(['You do not have permission to transition this issue.']);
    fakes.acme.switches.refuseWrites(403, refusal);
    expect((await get(cloudIssue('WEB-1', 3, '/transitions'), ada)).status).toBe(200);
    const r = await send('POST', cloudIssue('WEB-1', 3, '/transitions'), { transition: { id: '21' } }, ada);
    expect([r.status, r.json()]).toEqual([403, refusal]);
    expect(await field(cloudIssue('WEB-1'), 'status')).toMatchObject({ name: 'To Do' });
    expect((await send('POST', cloudIssue('WEB-1', 3, '/transitions'), { transition: { id: '21' } }, ada)).status).toBe(204);
  });

  it('slowNext delays one answer; reset() puts every switch back', async () => {
    fakes.acme.switches.slowNext(200);
    const t0 = Date.now();
    expect((await get(`${ACME_URL}/rest/api/3/serverInfo`)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    const t1 = Date.now();
    await get(`${ACME_URL}/rest/api/3/serverInfo`);
    expect(Date.now() - t1).toBeLessThan(150);
    fakes.acme.switches.loseAnswerAfterWrite(3);
    fakes.acme.switches.refuseWrites(500, null);
    fakes.acme.switches.slowNext(5000);
    fakes.reset();
    expect((await send('PUT', cloudIssue('WEB-1', 3, '/assignee'), { accountId: null }, ada)).status).toBe(204);
  });

  it('writes through the gateway with a scoped token, its own switches applying', async () => {
    const scoped = { authorization: basic(ADA.email, ADA.scopedToken) };
    const base = `${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/rest/api/3/issue/WEB-1`;
    const doc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'via gateway' }] }] };
    const made = await send('POST', `${base}/comment`, { body: doc }, scoped);
    expect([made.status, made.json<{ self: string }>().self.startsWith(`${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/`)]).toEqual([201, true]);
    fakes.gateway.switches.refuseWrites(403, refusalBody);
    expect((await send('POST', `${base}/comment`, { body: doc }, scoped)).status).toBe(403);
  });
});

const refusalBody = { errorMessages: ['You do not have permission to add comments to this issue.'], errors: {} };

describe('fake refusals, as strict as Jira (docs/jira-api.md#failed-logins, #scoped-tokens, #error-bodies, #avatars)', () => {
  const gw = (rest: string) => `${GATEWAY_URL}/ex/jira/${ACME_CLOUD_ID}/rest/api/3/${rest}`;
  const scoped = { authorization: basic(ADA.email, ADA.scopedToken) };

  it('Data Center: a wrong password is AUTHENTICATED_FAILED; a login it refuses to check is AUTHENTICATION_DENIED without CAPTCHA', async () => {
    const wrong = await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, 'nope') });
    expect([wrong.status, wrong.headers['x-seraph-loginreason']]).toEqual([401, 'AUTHENTICATED_FAILED']);
    fakes.server.clearCaptcha();

    fakes.server.denyLogins(BOB.username);
    const denied = await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, BOB.password) });
    expect([denied.status, denied.headers['x-seraph-loginreason'], denied.headers['x-authentication-denied-reason']]).toEqual([
      401,
      'AUTHENTICATION_DENIED',
      undefined,
    ]);
    expect(denied.json()).toEqual({
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    });
    // Endpoints open to anonymous users answer 200, with the header.
    const info = await get(`${SERVER_URL}/rest/api/2/serverInfo`, { authorization: basic(BOB.username, BOB.password) });
    expect([info.status, info.headers['x-seraph-loginreason']]).toEqual([200, 'AUTHENTICATION_DENIED']);
    // A personal access token is not a password login: it still works.
    expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: `Bearer ${BOB.pat}` })).status).toBe(200);
    fakes.server.allowLogins();
    expect((await get(`${SERVER_URL}/rest/api/2/myself`, { authorization: basic(BOB.username, BOB.password) })).status).toBe(200);
    // No credentials, no login attempted: no Seraph header on Data Center.
    expect((await get(`${SERVER_URL}/rest/api/2/myself`)).headers['x-seraph-loginreason']).toBeUndefined();
  });

  it('the gateway refuses a scoped token the scope a call needs, with its exact 401; classic tokens and granted scopes pass', async () => {
    fakes.accounts.setScopes(ADA.scopedToken, ['read:jira-user']);
    const search = await get(gw(`search/jql?jql=${encodeURIComponent('assignee = currentUser()')}`), scoped);
    expect([search.status, search.headers['x-failure-category'], search.headers['content-type']]).toEqual([
      401,
      'FAILURE_CLIENT_SCOPE_CHECK',
      'application/json;charset=UTF-8',
    ]);
    expect(search.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect((await get(gw('myself'), scoped)).status).toBe(200);
    const longSearch = await post(gw('search/jql'), { jql: 'assignee = currentUser()' }, scoped);
    expect(longSearch.status).toBe(401);
    // The site never saw the refused calls.
    expect(fakes.requests.to(HOSTS.gateway).map((r) => r.status)).toEqual([401, 200, 401]);

    fakes.accounts.setScopes(ADA.scopedToken, ['read:jira-user', 'read:jira-work']);
    expect((await get(gw(`search/jql?jql=${encodeURIComponent('assignee = currentUser()')}`), scoped)).status).toBe(200);
    const comment = { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } };
    expect((await post(gw('issue/WEB-1/comment'), comment, scoped)).status).toBe(401);
    // A classic token through the gateway has no scopes to check.
    expect((await post(gw('issue/WEB-1/comment'), comment, ada)).status).toBe(201);
    // A revoked scoped token is refused as a token, not as a scope.
    const dead = await get(gw('myself'), { authorization: basic(ADA.email, ADA.revokedToken) });
    expect([dead.status, dead.headers['x-failure-category']]).toEqual([401, undefined]);
  });

  it.each([
    [
      'warningMessages only',
      { errorMessages: [], errors: {}, warningMessages: ["The value 'NOPE' does not exist for the field 'project'."] },
    ],
    ["Cloud's edge {message}", { message: 'The request is too large.', 'status-code': 400 }],
  ])('refuseReads answers the next search with a body whose reason is in %s, after authentication', async (_name, body) => {
    fakes.acme.switches.refuseReads(400, body);
    const url = `${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('assignee = currentUser()')}`;
    const refused = await get(url, ada);
    expect([refused.status, refused.json()]).toEqual([400, body]);
    // Once: the next search is answered; other reads were never affected.
    expect((await get(url, ada)).status).toBe(200);
    fakes.acme.switches.refuseReads(400, body);
    expect((await get(`${ACME_URL}/rest/api/3/myself`, ada)).status).toBe(200);
    expect((await post(`${ACME_URL}/rest/api/3/search/jql`, { jql: 'assignee = currentUser()' }, ada)).status).toBe(400);
  });

  it("Cloud avatars, with publicAvatars: Atlassian's public avatar host or Gravatar with its fallback there, never the site's /secure/", async () => {
    fakes.acme.publicAvatars = true;
    const me = (await get(`${ACME_URL}/rest/api/3/myself`, ada)).json<{ avatarUrls: Record<string, string> }>();
    const found = await get(
      `${ACME_URL}/rest/api/3/search/jql?jql=${encodeURIComponent('project = WEB')}&fields=assignee,reporter&maxResults=100`,
      ada,
    );
    const people = found
      .json<SearchPage>()
      .issues.flatMap((i) => [i.fields?.assignee, i.fields?.reporter])
      .filter((p): p is { avatarUrls: Record<string, string> } => !!p);
    const urls = [me, ...people].flatMap((p) => Object.values(p.avatarUrls)).map((u) => new URL(u));
    const avatarHost = /^avatar-management--avatars\.[a-z0-9-]+\.prod\.public\.atl-paas\.net$/;
    expect(urls.filter((u) => u.hostname !== 'secure.gravatar.com' && !avatarHost.test(u.hostname)).map(String)).toEqual([]);
    // Both shapes occur; each Gravatar falls back to Atlassian's initials avatar.
    const gravatars = urls.filter((u) => u.hostname === 'secure.gravatar.com');
    expect(gravatars.length).toBeGreaterThan(0);
    expect(gravatars.length).toBeLessThan(urls.length);
    for (const g of gravatars) expect(new URL(g.searchParams.get('d')!).hostname).toMatch(avatarHost);
    fakes.reset();
    const again = (await get(`${ACME_URL}/rest/api/3/myself`, ada)).json<{ avatarUrls: Record<string, string> }>();
    expect(again.avatarUrls['48x48']!.startsWith(`${ACME_URL}/secure/useravatar`)).toBe(true);
  });
});
