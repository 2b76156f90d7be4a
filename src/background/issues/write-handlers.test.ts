import { beforeEach, describe, expect, it, vi } from 'vitest';

const jira = vi.hoisted(() => ({ details: vi.fn(), transition: vi.fn(), comment: vi.fn(), assign: vi.fn(), transitions: vi.fn() }));

// The browser is the in-memory polyfill (tests/unit/fake-browser.ts); Jira is mocked.
vi.mock('../jira/connect', () => ({ transportFor: () => ({}) }));
vi.mock('../jira/issue-api', () => ({ getIssueDetails: jira.details }));
vi.mock('../jira/issue-writes', () => ({
  getTransitions: jira.transitions,
  transitionIssue: jira.transition,
  addComment: jira.comment,
  assignIssue: jira.assign,
}));

import browser, { resetFakeBrowser } from '../../../tests/unit/fake-browser';
import { connection, row } from '../../../tests/unit/fixtures';
import { issueDetailsItem } from '../../shared/details-items';
import { AppError } from '../../shared/errors';
import type { IssueDetails } from '../../shared/issue-details';
import type { HandlerContext } from '../router';
import { writeHandlers } from './write-handlers';

const ctx = { sender: {}, senderKind: 'extension-page' } as HandlerContext;
const local = browser.storage.local.data;

function details(status: string): IssueDetails {
  return {
    ...row('c1', 'WEB-1'),
    status: { name: status, category: 'indeterminate' },
    labels: [],
    description: null,
    attachments: [],
    comments: { comments: [], total: 0 },
  };
}

beforeEach(() => {
  resetFakeBrowser();
  for (const f of Object.values(jira)) f.mockReset();
  local.set('connections', [
    connection('c1'),
    connection('c2', { deployment: 'server', authMethod: 'pat', user: { displayName: 'Bob', name: 'bob' } }),
  ]);
  local.set('secrets', { c1: 'tok1', c2: 'tok2' });
  local.set('cache:c1:assigned', { page: { issues: [row('c1', 'WEB-1'), row('c1', 'WEB-2')], fetchedAt: 1 }, cachedAt: 1, jql: 'j' });
  jira.details.mockResolvedValue(details('In Progress'));
});

describe('writes', () => {
  it('a transition: sent once, then the issue read again; its details cache and list rows follow', async () => {
    const reply = await writeHandlers['issue.transition'].handle({ connectionId: 'c1', key: 'WEB-1', transitionId: '21', values: {} }, ctx);
    expect(jira.transition).toHaveBeenCalledTimes(1);
    expect(jira.transition.mock.calls[0]!.slice(1)).toEqual(['cloud', 'WEB-1', '21', {}]);
    expect(reply).toMatchObject({ issue: { status: { name: 'In Progress' } } });
    expect(reply.answerLost).toBeUndefined();
    expect(issueDetailsItem('c1', 'WEB-1').read(local.get('cache:c1:issue:WEB-1'))?.issue.status.name).toBe('In Progress');
    const cached = local.get('cache:c1:assigned') as { page: { issues: { key: string; status: { name: string } }[] } };
    expect(cached.page.issues.map((i) => `${i.key} ${i.status.name}`)).toEqual(['WEB-1 In Progress', 'WEB-2 To Do']);
  });

  it.each([
    ['network', 'Could not reach Jira.'],
    ['timeout', 'Jira did not answer within 20 seconds.'],
  ] as const)('a write whose answer is lost (%s) is not sent again: the issue is read, with answerLost', async (kind, message) => {
    jira.comment.mockRejectedValue(new AppError({ kind, message }));
    const reply = await writeHandlers['issue.comment'].handle({ connectionId: 'c1', key: 'WEB-1', text: 'Hi' }, ctx);
    expect(jira.comment).toHaveBeenCalledTimes(1);
    expect(jira.details).toHaveBeenCalledTimes(1);
    expect(reply).toMatchObject({ answerLost: true, issue: { key: 'WEB-1' } });
  });

  it('an answer lost and Jira unreachable afterwards: a message that says the change may or may not be made', async () => {
    jira.assign.mockRejectedValue(new AppError({ kind: 'network', message: 'x' }));
    jira.details.mockRejectedValue(new AppError({ kind: 'network', message: 'x' }));
    await expect(writeHandlers['issue.assign'].handle({ connectionId: 'c1', key: 'WEB-1', to: 'me' }, ctx)).rejects.toMatchObject({
      message: expect.stringMatching(/answer was lost.*Open the issue in Jira/),
    });
    expect(jira.assign).toHaveBeenCalledTimes(1);
  });

  it("Jira's refusal reaches the popup with its reasons; nothing is read or cached", async () => {
    jira.transition.mockRejectedValue(
      new AppError({ kind: 'bad-request', status: 400, message: 'Resolution is required.', details: ['Resolution is required.'] }),
    );
    await expect(
      writeHandlers['issue.transition'].handle({ connectionId: 'c1', key: 'WEB-1', transitionId: '31', values: {} }, ctx),
    ).rejects.toMatchObject({
      kind: 'bad-request',
      details: ['Resolution is required.'],
    });
    expect(jira.details).not.toHaveBeenCalled();
    expect(local.has('cache:c1:issue:WEB-1')).toBe(false);
  });

  it.each([
    ['c1', 'me', { accountId: 'acc-c1' }],
    ['c1', 'nobody', null],
    ['c2', 'me', { name: 'bob' }],
  ] as const)('assign on %s to %s: the connection’s own user, never one the page names', async (id, to, who) => {
    await writeHandlers['issue.assign'].handle({ connectionId: id, key: 'WEB-1', to }, ctx);
    expect(jira.assign.mock.calls[0]!.slice(2)).toEqual(['WEB-1', who]);
  });
});

describe('payload schemas refuse what the popup never sends', () => {
  it.each([
    ['issue.transition', { connectionId: 'c1', key: 'WEB-1', transitionId: '21', values: {}, url: 'https://evil.example' }],
    ['issue.transition', { connectionId: 'c1', key: 'WEB-1/../x', transitionId: '21', values: {} }],
    ['issue.transition', { connectionId: 'c1', key: 'WEB-1', transitionId: '21; DROP', values: {} }],
    ['issue.transition', { connectionId: 'c1', key: 'WEB-1', transitionId: '21', values: { f: { nested: 1 } } }],
    ['issue.comment', { connectionId: 'c1', key: 'WEB-1', text: '   ' }],
    ['issue.comment', { connectionId: 'c1', key: 'web-1', text: 'hi' }],
    ['issue.assign', { connectionId: 'c1', key: 'WEB-1', to: { accountId: 'someone-else' } }],
    ['issue.assign', { connectionId: 'c1', key: 'WEB-1', to: 'me', token: 'x' }],
  ] as const)('%s %j', (name, payload) => {
    expect(writeHandlers[name].payload.safeParse(payload).success).toBe(false);
  });

  it('only extension pages may ask', () => {
    for (const def of Object.values(writeHandlers)) expect(def.senders).toEqual(['extension-page']);
  });
});
