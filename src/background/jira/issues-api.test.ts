import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { COUNT_CAP, ROW_FIELDS, countIssues, favouriteFilters, getMyself, searchIssues, toIssueRow } from './issues-api';
import { statusCategory } from './rows';
import { fakeTransport, json, text, type RecordedCall } from './testing';

const CLOUD = 'https://acme.atlassian.net';
const SERVER = 'https://jira.corp.example/jira';

const transport = fakeTransport;

function issue(key: string, over: Record<string, unknown> = {}) {
  return {
    id: '10001',
    key,
    self: `${CLOUD}/rest/api/3/issue/10001`,
    fields: {
      summary: `Summary of ${key}`,
      status: { name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow' } },
      issuetype: { name: 'Bug', iconUrl: 'https://acme.atlassian.net/bug.svg', subtask: false },
      priority: { name: 'High', iconUrl: 'https://acme.atlassian.net/high.svg' },
      assignee: { displayName: 'Ann', avatarUrls: { '48x48': 'https://a/48', '24x24': 'https://a/24' }, accountId: 'x' },
      updated: '2026-01-02T03:04:05.000+0000',
      ...over,
    },
  };
}

/** No call may ever hit Cloud's removed /rest/api/{2,3}/search (410, CHANGE-2046). */
function expectNoRemovedSearch(calls: RecordedCall[]) {
  for (const c of calls) expect(c.url.pathname).not.toMatch(/\/rest\/api\/[23]\/search$/);
}

describe('toIssueRow', () => {
  it('maps a full issue', () => {
    expect(toIssueRow(issue('ACME-1'), 'c1')).toEqual({
      connectionId: 'c1',
      key: 'ACME-1',
      summary: 'Summary of ACME-1',
      issueType: { name: 'Bug', iconUrl: 'https://acme.atlassian.net/bug.svg' },
      status: { name: 'In Progress', category: 'indeterminate' },
      priority: { name: 'High', iconUrl: 'https://acme.atlassian.net/high.svg' },
      assignee: { displayName: 'Ann', avatarUrl: 'https://a/48' },
      updated: '2026-01-02T03:04:05.000+0000',
    });
  });

  it('tolerates null and malformed optional parts', () => {
    const row = toIssueRow(
      issue('ACME-2', { priority: null, assignee: null, issuetype: { name: 'Task' }, status: { name: 'Open' }, updated: null }),
      'c1',
    );
    expect(row).toEqual({
      connectionId: 'c1',
      key: 'ACME-2',
      summary: 'Summary of ACME-2',
      issueType: { name: 'Task' },
      status: { name: 'Open', category: 'unknown' },
    });
    const odd = toIssueRow({ key: 'ACME-3', fields: { summary: 5, priority: 'High', assignee: { nope: 1 } } }, 'c1');
    expect(odd).toEqual({ connectionId: 'c1', key: 'ACME-3', summary: '', status: { name: 'Unknown', category: 'unknown' } });
    expect(toIssueRow({ key: 'ACME-4' }, 'c1').key).toBe('ACME-4');
  });

  it('refuses an issue without a key', () => {
    expect(() => toIssueRow({ fields: {} }, 'c1')).toThrow(AppError);
  });

  it.each([
    ['new', 'new'],
    ['indeterminate', 'indeterminate'],
    ['done', 'done'],
    ['undefined', 'unknown'],
    [undefined, 'unknown'],
  ])('statusCategory(%s) = %s', (key, category) => expect(statusCategory(key)).toBe(category));
});

describe('searchIssues on Cloud', () => {
  it('uses GET /rest/api/3/search/jql with the row fields and pages by token', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/search/jql': [
        json({ issues: [issue('A-1'), issue('A-2')], nextPageToken: 'tok-2', isLast: false }),
        json({ issues: [issue('A-3')], isLast: true }),
      ],
    });
    const first = await searchIssues(t, 'cloud', 'c1', 'assignee = currentUser() ORDER BY updated DESC', undefined, 2);
    expect(first.issues.map((i) => i.key)).toEqual(['A-1', 'A-2']);
    expect(first.next).toEqual({ nextPageToken: 'tok-2' });
    expect(first.total).toBeUndefined();
    expect(typeof first.fetchedAt).toBe('number');
    const q = calls[0]!.url.searchParams;
    expect(calls[0]!.method).toBe('GET');
    expect(q.get('jql')).toBe('assignee = currentUser() ORDER BY updated DESC');
    expect(q.get('fields')).toBe(ROW_FIELDS.join(','));
    expect(q.get('maxResults')).toBe('2');
    expect(q.has('nextPageToken')).toBe(false);

    const second = await searchIssues(t, 'cloud', 'c1', 'x', first.next);
    expect(calls[1]!.url.searchParams.get('nextPageToken')).toBe('tok-2');
    expect(calls[1]!.url.searchParams.get('maxResults')).toBe('50');
    expect(second.next).toBeUndefined();
    expect(second.issues[0]).toMatchObject({ key: 'A-3', connectionId: 'c1' });
    expectNoRemovedSearch(calls);
  });

  it('isLast true ends the list even with a token', async () => {
    const { t } = transport(CLOUD, { 'GET /rest/api/3/search/jql': json({ issues: [], nextPageToken: 'x', isLast: true }) });
    expect((await searchIssues(t, 'cloud', 'c1', 'x')).next).toBeUndefined();
  });

  it('clamps the page size', async () => {
    const { t, calls } = transport(CLOUD, { 'GET /rest/api/3/search/jql': json({ issues: [] }) });
    await searchIssues(t, 'cloud', 'c1', 'x', undefined, 10_000);
    await searchIssues(t, 'cloud', 'c1', 'x', undefined, 0);
    expect(calls.map((c) => c.url.searchParams.get('maxResults'))).toEqual(['100', '1']);
  });

  it('refuses an offset cursor', async () => {
    const { t } = transport(CLOUD, {});
    await expect(searchIssues(t, 'cloud', 'c1', 'x', { startAt: 50 })).rejects.toMatchObject({ kind: 'internal' });
  });

  it('a wrong JQL shows Jira’s words', async () => {
    const { t } = transport(CLOUD, {
      'GET /rest/api/3/search/jql': json(
        { errorMessages: ["Field 'foo' does not exist or you do not have permission to view it."], errors: {} },
        400,
      ),
    });
    await expect(searchIssues(t, 'cloud', 'c1', 'foo = 1')).rejects.toMatchObject({
      kind: 'bad-request',
      message: "Field 'foo' does not exist or you do not have permission to view it.",
    });
  });
});

describe('searchIssues on Server/DC', () => {
  it('uses GET /rest/api/2/search under the context path and pages by offset', async () => {
    const { t, calls } = transport(SERVER, {
      'GET /jira/rest/api/2/search': [
        json({ startAt: 0, maxResults: 2, total: 3, issues: [issue('S-1'), issue('S-2')] }),
        json({ startAt: 2, maxResults: 2, total: 3, issues: [issue('S-3')] }),
      ],
    });
    const first = await searchIssues(t, 'server', 'c2', 'project = S', undefined, 2);
    expect(first.total).toBe(3);
    expect(first.next).toEqual({ startAt: 2 });
    const q = calls[0]!.url.searchParams;
    expect(calls[0]!.url.pathname).toBe('/jira/rest/api/2/search');
    expect(q.get('startAt')).toBe('0');
    expect(q.get('maxResults')).toBe('2');
    expect(q.get('fields')).toBe('summary,status,issuetype,priority,assignee,updated');

    const second = await searchIssues(t, 'server', 'c2', 'project = S', first.next, 2);
    expect(calls[1]!.url.searchParams.get('startAt')).toBe('2');
    expect(second.next).toBeUndefined();
    expect(second.issues.map((i) => i.key)).toEqual(['S-3']);
  });

  it('an empty page before total ends the list', async () => {
    const { t } = transport(SERVER, { 'GET /jira/rest/api/2/search': json({ startAt: 50, maxResults: 50, total: 60, issues: [] }) });
    expect((await searchIssues(t, 'server', 'c2', 'x', { startAt: 50 })).next).toBeUndefined();
  });

  it('refuses a token cursor', async () => {
    const { t } = transport(SERVER, {});
    await expect(searchIssues(t, 'server', 'c2', 'x', { nextPageToken: 't' })).rejects.toMatchObject({ kind: 'internal' });
  });
});

describe('searchIssues: a query too long for a URL', () => {
  const long = `project = WEB AND (${Array.from({ length: 700 }, (_, i) => `summary ~ "w${i}"`).join(' OR ')})`;

  it.each([
    ['cloud', CLOUD, 'POST /rest/api/3/search/jql', { issues: [issue('A-1')], nextPageToken: 'n'.repeat(5000) }],
    ['server', SERVER, 'POST /jira/rest/api/2/search', { startAt: 0, total: 1, issues: [issue('A-1')] }],
  ] as const)(
    '%s: goes as a POST with the same parameters, and a long token comes back as the cursor',
    async (deployment, base, route, answer) => {
      const { t, calls } = transport(base, { [route]: json(answer) });
      const page = await searchIssues(t, deployment, 'c1', long, undefined, 50);
      expect(page.issues.map((i) => i.key)).toEqual(['A-1']);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.method).toBe('POST');
      expect(calls[0]!.url.search).toBe('');
      expect(calls[0]!.body).toMatchObject({
        jql: long,
        maxResults: 50,
        fields: ['summary', 'status', 'issuetype', 'priority', 'assignee', 'updated'],
      });
      if (deployment === 'cloud') expect(page.next).toEqual({ nextPageToken: 'n'.repeat(5000) });
    },
  );

  it('a short query stays a GET', async () => {
    const { t, calls } = transport(CLOUD, { 'GET /rest/api/3/search/jql': json({ issues: [] }) });
    await searchIssues(t, 'cloud', 'c1', 'project = WEB');
    expect(calls[0]!.method).toBe('GET');
  });

  it('where POSTs meet the XSRF rule (Firefox), it says the query is too long, and sends nothing', async () => {
    const { t, calls } = transport(CLOUD, {});
    await expect(searchIssues(t, 'cloud', 'c1', long, undefined, 50, { postAllowed: false })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/too long/),
    });
    expect(calls).toHaveLength(0);
  });
});

describe('favouriteFilters', () => {
  it.each([
    ['cloud', CLOUD, '/rest/api/3/filter/favourite'],
    ['server', SERVER, '/jira/rest/api/2/filter/favourite'],
  ] as const)('%s: id as string, filters without JQL left out', async (deployment, base, path) => {
    const { t } = transport(base, {
      [`GET ${path}`]: json([
        { id: '10000', name: 'My open', jql: 'assignee = currentUser() AND resolution = Unresolved', owner: {} },
        { id: 10001, name: 'Numeric id', jql: 'project = A' },
        { id: '10002', name: 'No JQL' },
      ]),
    });
    expect(await favouriteFilters(t, deployment)).toEqual([
      { id: '10000', name: 'My open', jql: 'assignee = currentUser() AND resolution = Unresolved' },
      { id: '10001', name: 'Numeric id', jql: 'project = A' },
    ]);
  });
});

describe('countIssues', () => {
  it('Server: /rest/api/2/search with maxResults=0 gives total', async () => {
    const { t, calls } = transport(SERVER, { 'GET /jira/rest/api/2/search': json({ startAt: 0, maxResults: 0, total: 17, issues: [] }) });
    expect(await countIssues(t, 'server', 'assignee = currentUser()')).toBe(17);
    expect(calls[0]!.url.searchParams.get('maxResults')).toBe('0');
  });

  it('Cloud: POST approximate-count', async () => {
    const { t, calls } = transport(CLOUD, { 'POST /rest/api/3/search/approximate-count': json({ count: 42 }) });
    expect(await countIssues(t, 'cloud', 'assignee = currentUser()')).toBe(42);
    expect(calls[0]!.body).toEqual({ jql: 'assignee = currentUser()' });
    expectNoRemovedSearch(calls);
  });

  it('Cloud: XSRF 403 falls back to counting ids pages', async () => {
    const { t, calls } = transport(CLOUD, {
      'POST /rest/api/3/search/approximate-count': text('XSRF check failed', 403),
      'GET /rest/api/3/search/jql': [
        json({ issues: Array.from({ length: 100 }, (_, i) => ({ id: String(i) })), nextPageToken: 'p2' }),
        json({ issues: [{ id: 'a' }, { id: 'b' }], isLast: true }),
      ],
    });
    expect(await countIssues(t, 'cloud', 'x')).toBe(102);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'POST /rest/api/3/search/approximate-count',
      'GET /rest/api/3/search/jql',
      'GET /rest/api/3/search/jql',
    ]);
    expect(calls[1]!.url.searchParams.has('fields')).toBe(false);
    expect(calls[1]!.url.searchParams.get('maxResults')).toBe('100');
    expect(calls[2]!.url.searchParams.get('nextPageToken')).toBe('p2');
    expectNoRemovedSearch(calls);
  });

  it('Cloud fallback stops at the cap', async () => {
    let n = 0;
    const page = () => {
      n++;
      return json({ issues: Array.from({ length: 100 }, (_, i) => ({ id: `${n}-${i}` })), nextPageToken: `t${n}` });
    };
    const { t, calls } = transport(CLOUD, {
      'POST /rest/api/3/search/approximate-count': json({}, 404),
      'GET /rest/api/3/search/jql': page,
    });
    expect(await countIssues(t, 'cloud', 'x')).toBe(COUNT_CAP);
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(COUNT_CAP / 100);
  });

  // Answers seen from real sites (docs/jira-api.md#search): the loop must end by itself.
  it.each([
    ['a page that adds no issue but still carries a token', () => json({ issues: [], nextPageToken: 'again', isLast: false })],
    ['the same page again, with the same token', () => json({ issues: [{ id: '1' }, { id: '2' }], nextPageToken: 'same' })],
    [
      'the same issues again, under a new token each time',
      (() => {
        let n = 0;
        return () => json({ issues: [{ id: '1' }, { id: '2' }], nextPageToken: `t${++n}` });
      })(),
    ],
  ])('Cloud fallback stops after %s', async (_name, reply) => {
    const first = json({ issues: [{ id: '1' }, { id: '2' }], nextPageToken: 'p2' });
    const { t, calls } = transport(CLOUD, {
      'POST /rest/api/3/search/approximate-count': json({}, 404),
      'GET /rest/api/3/search/jql': [first, reply as () => Response],
    });
    expect(await countIssues(t, 'cloud', 'x')).toBe(2);
    expect(calls.filter((c) => c.method === 'GET').length).toBeLessThanOrEqual(3);
  });

  it('Cloud: other failures are not hidden by the fallback', async () => {
    const { t, calls } = transport(CLOUD, { 'POST /rest/api/3/search/approximate-count': json({ errorMessages: ['bad jql'] }, 400) });
    await expect(countIssues(t, 'cloud', 'x')).rejects.toMatchObject({ kind: 'bad-request', message: 'bad jql' });
    expect(calls).toHaveLength(1);
  });
});

describe('getMyself', () => {
  it('Cloud v3 user', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/myself': json({
        accountId: '5b10',
        displayName: 'Ann',
        emailAddress: 'ann@example.com',
        avatarUrls: { '48x48': 'https://av/48' },
        active: true,
      }),
    });
    expect(await getMyself(t, 'cloud')).toEqual({
      accountId: '5b10',
      displayName: 'Ann',
      emailAddress: 'ann@example.com',
      avatarUrl: 'https://av/48',
    });
    expect(calls[0]!.url.pathname).toBe('/rest/api/3/myself');
  });

  it('Server v2 user without a visible email', async () => {
    const { t } = transport(SERVER, { 'GET /jira/rest/api/2/myself': json({ name: 'ann', key: 'JIRAUSER1', displayName: 'Ann' }) });
    expect(await getMyself(t, 'server')).toEqual({ name: 'ann', key: 'JIRAUSER1', displayName: 'Ann' });
  });
});
