// issue.get and issue.comments ask for the avatars of the people the details view shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ details: vi.fn(), comments: vi.fn(), refreshIcons: vi.fn(async () => undefined) }));

// The browser is the in-memory polyfill (tests/unit/fake-browser.ts); Jira is mocked.
vi.mock('../jira/connect', () => ({ transportFor: () => ({}) }));
vi.mock('../jira/issue-api', () => ({ getIssueDetails: mocks.details, getComments: mocks.comments, findIssueRow: vi.fn() }));
vi.mock('./icons', async (actual) => ({ ...(await actual<typeof import('./icons')>()), refreshIcons: mocks.refreshIcons }));

import browser, { resetFakeBrowser } from '../../../tests/unit/fake-browser';
import type { IssueDetails } from '../../shared/issue-details';
import type { HandlerContext } from '../router';
import { connection } from '../../../tests/unit/fixtures';
import { detailsHandlers } from './details-handlers';

const ctx = { sender: {}, senderKind: 'extension-page' } as HandlerContext;
const SITE = 'https://jira.corp.example';
const av = (n: number) => `${SITE}/secure/useravatar?avatarId=${n}`;

const issue: IssueDetails = {
  connectionId: 'c1',
  key: 'WEB-1',
  summary: 'Fix it',
  status: { name: 'Open', category: 'new' },
  assignee: { displayName: 'Ann', avatarUrl: av(1) },
  reporter: { displayName: 'Rita', avatarUrl: av(2) },
  labels: [],
  description: null,
  attachments: [],
  comments: { comments: [{ id: '1', author: { displayName: 'Cai', avatarUrl: av(3) }, body: null }], total: 2, nextStart: 1 },
};

beforeEach(() => {
  resetFakeBrowser();
  browser.storage.local.data.set('connections', [connection('c1', { siteUrl: SITE, deployment: 'server', authMethod: 'pat' })]);
  browser.storage.local.data.set('secrets', { c1: 'tok1' });
  mocks.refreshIcons.mockClear();
  mocks.details.mockResolvedValue(issue);
  mocks.comments.mockResolvedValue({ comments: [{ id: '0', author: { displayName: 'Old', avatarUrl: av(4) }, body: null }], total: 2 });
});

describe('the details view’s avatars', () => {
  it('issue.get refreshes the row’s icons and the reporter’s and comment authors’ avatars', async () => {
    await detailsHandlers['issue.get'].handle({ connectionId: 'c1', key: 'WEB-1' }, ctx);
    await vi.waitFor(() => expect(mocks.refreshIcons).toHaveBeenCalledOnce());
    const [, id, rows, avatars] = mocks.refreshIcons.mock.calls[0] as unknown as [
      unknown,
      string,
      { assignee?: { avatarUrl?: string } }[],
      string[],
    ];
    expect(id).toBe('c1');
    expect(rows.map((r) => r.assignee?.avatarUrl)).toEqual([av(1)]);
    expect(avatars).toEqual([av(2), av(3)]);
  });

  it('issue.comments refreshes the avatars of the older comments’ authors', async () => {
    await detailsHandlers['issue.comments'].handle({ connectionId: 'c1', key: 'WEB-1', startAt: 1 }, ctx);
    await vi.waitFor(() => expect(mocks.refreshIcons).toHaveBeenCalledOnce());
    expect(mocks.refreshIcons.mock.calls[0]!.slice(1)).toEqual(['c1', [], [av(4)]]);
  });
});
