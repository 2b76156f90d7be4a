import { describe, expect, it } from 'vitest';
import { findIssueRow, getComments, getIssueDetails } from './issue-api';
import { fakeTransport, json } from './testing';

const CLOUD = 'https://acme.atlassian.net';
const SERVER = 'https://jira.corp.example/jira';

const transport = fakeTransport;

const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Steps' }] }] };
const user = (n: string) => ({ accountId: `acc-${n}`, name: n, displayName: `User ${n}`, avatarUrls: { '48x48': `https://a/${n}` } });
const issue = (description: unknown, extra: Record<string, unknown> = {}) => ({
  id: '10001',
  key: 'ACME-7',
  fields: {
    summary: 'Fix login redirect',
    status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
    issuetype: { name: 'Bug', iconUrl: `${CLOUD}/bug.svg` },
    assignee: user('ann'),
    reporter: user('bob'),
    labels: ['login', 'web'],
    created: '2026-11-01T10:00:00.000+0000',
    updated: '2026-11-02T10:00:00.000+0000',
    project: { key: 'ACME', name: 'Acme' },
    resolution: null,
    description,
    attachment: [{ id: 5, filename: 'trace.log', size: 1200 }, { bad: true }],
  },
  ...extra,
});
const comment = (id: string, body: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  author: user('cat'),
  created: '2026-11-03T10:00:00.000+0000',
  body,
  ...extra,
});

describe('getIssueDetails', () => {
  it('Cloud: one issue request (v3, the fields shown) and the latest comments newest first, ADF kept as is', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/issue/ACME-7': json(issue(adf)),
      'GET /rest/api/3/issue/ACME-7/comment': json({
        comments: [comment('2', adf), comment('1', adf)],
        startAt: 0,
        maxResults: 5,
        total: 7,
      }),
    });
    const d = await getIssueDetails(t, 'cloud', 'c1', 'ACME-7');
    expect(d).toMatchObject({
      connectionId: 'c1',
      key: 'ACME-7',
      summary: 'Fix login redirect',
      status: { name: 'In Progress', category: 'indeterminate' },
      assignee: { displayName: 'User ann', accountId: 'acc-ann', avatarUrl: 'https://a/ann' },
      reporter: { displayName: 'User bob' },
      labels: ['login', 'web'],
      project: { key: 'ACME', name: 'Acme' },
      description: { adf },
      attachments: [{ id: '5', filename: 'trace.log', size: 1200 }],
      comments: { total: 7, nextStart: 2, comments: [{ id: '2', body: { adf } }, { id: '1' }] },
    });
    const [get, comments] = calls;
    expect(get!.url.searchParams.get('fields')).toContain('description');
    expect(get!.url.searchParams.has('expand')).toBe(false);
    expect(Object.fromEntries(comments!.url.searchParams)).toEqual({ startAt: '0', maxResults: '5', orderBy: '-created' });
  });

  it('Server/DC: v2 under the context path, rendered HTML for the description and comments', async () => {
    const { t, calls } = transport(SERVER, {
      'GET /jira/rest/api/2/issue/ACME-7': json(issue('h1. Steps', { renderedFields: { description: '<h1>Steps</h1>' } })),
      'GET /jira/rest/api/2/issue/ACME-7/comment': json({
        comments: [comment('1', '*bold*', { renderedBody: '<b>bold</b>' })],
        startAt: 0,
        total: 1,
      }),
    });
    const d = await getIssueDetails(t, 'server', 'c2', 'ACME-7');
    expect(d.description).toEqual({ html: '<h1>Steps</h1>' });
    expect(d.comments).toEqual({ total: 1, comments: [expect.objectContaining({ id: '1', body: { html: '<b>bold</b>' } })] });
    expect(calls[0]!.url.searchParams.get('expand')).toBe('renderedFields');
    expect(calls[1]!.url.searchParams.get('expand')).toBe('renderedBody');
  });

  it('no description is null; a wiki description without rendering is plain text', async () => {
    const { t } = transport(SERVER, {
      'GET /jira/rest/api/2/issue/ACME-7': [json(issue(null)), json(issue('plain *text*'))],
      'GET /jira/rest/api/2/issue/ACME-7/comment': json({ comments: [], total: 0 }),
    });
    expect((await getIssueDetails(t, 'server', 'c', 'ACME-7')).description).toBeNull();
    expect((await getIssueDetails(t, 'server', 'c', 'ACME-7')).description).toEqual({ text: 'plain *text*' });
  });
});

describe('getComments', () => {
  it('pages older comments from startAt, and ends at the total or at a page that adds nothing', async () => {
    const { t, calls } = transport(CLOUD, {
      'GET /rest/api/3/issue/ACME-7/comment': [
        json({ comments: [comment('5', adf), comment('4', adf)], startAt: 5, total: 9 }),
        json({ comments: [], startAt: 7, total: 9 }),
      ],
    });
    expect((await getComments(t, 'cloud', 'ACME-7', 5)).nextStart).toBe(7);
    expect(calls[0]!.url.searchParams.get('maxResults')).toBe('10');
    expect((await getComments(t, 'cloud', 'ACME-7', 7)).nextStart).toBeUndefined();
  });
});

describe('findIssueRow', () => {
  it('a key Jira has: its row; a key it does not: nothing, not an error', async () => {
    const { t } = transport(CLOUD, {
      'GET /rest/api/3/issue/ACME-7': json(issue(adf)),
      'GET /rest/api/3/issue/ACME-8': json(
        { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
        404,
      ),
    });
    expect(await findIssueRow(t, 'cloud', 'c1', 'ACME-7')).toMatchObject({ key: 'ACME-7', summary: 'Fix login redirect' });
    expect(await findIssueRow(t, 'cloud', 'c1', 'ACME-8')).toBeUndefined();
  });
});
