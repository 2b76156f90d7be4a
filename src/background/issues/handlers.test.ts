import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ search: vi.fn(), favourites: vi.fn() }));

// The browser is the in-memory polyfill (tests/unit/fake-browser.ts); Jira is mocked.
vi.mock('../jira/connect', () => ({ transportFor: () => ({}) }));
vi.mock('../jira/issues-api', () => ({
  searchIssues: mocks.search,
  favouriteFilters: mocks.favourites,
  countIssues: vi.fn(async () => 3),
}));

import browser, { calls, resetFakeBrowser } from '../../../tests/unit/fake-browser';
import { AppError } from '../../shared/errors';
import { connectionsItem } from '../../shared/storage-items';
import type { HandlerContext } from '../router';
import { connection, page } from '../../../tests/unit/fixtures';
import { issueHandlers } from './handlers';

const ctx = { sender: {}, senderKind: 'extension-page' } as HandlerContext;
const local = browser.storage.local.data;
const badgeText = () => calls.badge.flatMap((b) => (b.text === undefined ? [] : [b.text])).at(-1);

beforeEach(() => {
  resetFakeBrowser();
  local.set('connections', [connection('c1'), connection('c2', { deployment: 'server', authMethod: 'pat' })]);
  local.set('secrets', { c1: 'tok1', c2: 'tok2' });
  local.set('defaultConnectionId', 'c1');
  mocks.search.mockReset();
  mocks.search.mockImplementation(async () => page('c1', ['WEB-1', 'WEB-2'], Date.now()));
  mocks.favourites.mockReset();
  mocks.favourites.mockResolvedValue([{ id: '10100', name: 'Mine', jql: 'x' }]);
});

describe('payload schemas reject what the popup never sends', () => {
  const list = issueHandlers['issues.list'].payload;
  it.each([
    [{ connectionId: 'c1', list: { kind: 'assigned' }, extra: 1 }],
    [{ connectionId: 'c1', list: { kind: 'assigned', jql: 'project = X' } }],
    [{ connectionId: 'c1', list: { kind: 'filter', filterId: '1 OR 1=1', name: 'x' } }],
    [{ connectionId: 'c1', list: { kind: 'nope' } }],
    [{ connectionId: '', list: { kind: 'assigned' } }],
    [{ connectionId: 'c1', list: { kind: 'jql', jql: '' } }],
    [{ connectionId: 'c1', list: { kind: 'assigned' }, cursor: { startAt: -1 } }],
    [{ connectionId: 'c1', list: { kind: 'assigned' }, cursor: { url: 'https://evil.example' } }],
    [{ connectionId: 'c1', list: { kind: 'text', text: '   ' } }],
  ])('issues.list %j', (payload) => {
    expect(list.safeParse(payload).success).toBe(false);
  });

  it.each([
    [{ settings: { badgeIntervalMinutes: 0 } }],
    [{ settings: { badgeIntervalMinutes: 121 } }],
    [{ settings: { secrets: {} } }],
    [{ settings: { savedQueries: [{ id: 'q', name: '', jql: 'x' }] } }],
  ])('settings.update %j', (payload) => {
    expect(issueHandlers['settings.update'].payload.safeParse(payload).success).toBe(false);
  });

  it('only extension pages may ask', () => {
    for (const def of Object.values(issueHandlers)) expect(def.senders).toEqual(['extension-page']);
  });
});

describe('issues.list', () => {
  const assigned = { connectionId: 'c1', list: { kind: 'assigned' as const } };

  it('fetches once, then answers from the cache within the window; force fetches', async () => {
    const a = await issueHandlers['issues.list'].handle(assigned, ctx);
    const b = await issueHandlers['issues.list'].handle(assigned, ctx);
    expect([a.fromCache, b.fromCache]).toEqual([false, true]);
    expect(mocks.search).toHaveBeenCalledTimes(1);
    expect(mocks.search).toHaveBeenCalledWith(
      {},
      'cloud',
      'c1',
      'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC',
      undefined,
      50,
    );
    await issueHandlers['issues.list'].handle({ ...assigned, force: true }, ctx);
    expect(mocks.search).toHaveBeenCalledTimes(2);
    expect(local.has('cache:c1:assigned')).toBe(true);
  });

  it('takes page tokens as long as Jira makes them (they carry the query)', async () => {
    const nextPageToken = 'x'.repeat(20_000);
    expect(issueHandlers['issues.list'].payload.safeParse({ ...assigned, cursor: { nextPageToken } }).success).toBe(true);
  });

  it('an expired page token starts the list again from its first page, once, instead of an error', async () => {
    const expired = new AppError({ kind: 'bad-request', status: 400, message: 'The provided next page token is invalid or expired.' });
    mocks.search.mockRejectedValueOnce(expired);
    const reply = await issueHandlers['issues.list'].handle({ ...assigned, cursor: { nextPageToken: 'old' } }, ctx);
    expect(reply).toMatchObject({ restarted: true, page: { issues: [{ key: 'WEB-1' }, { key: 'WEB-2' }] } });
    expect(mocks.search.mock.calls.map((c) => c[4])).toEqual([{ nextPageToken: 'old' }, undefined]);

    // Once: the first page failing too is an error; another 400 is never taken for an expiry.
    mocks.search.mockReset();
    mocks.search.mockRejectedValue(expired);
    local.delete('cache:c1:assigned');
    await expect(issueHandlers['issues.list'].handle({ ...assigned, cursor: { nextPageToken: 'old' } }, ctx)).rejects.toMatchObject({
      kind: 'bad-request',
    });
    expect(mocks.search).toHaveBeenCalledTimes(2);
    mocks.search.mockReset();
    mocks.search.mockRejectedValue(new AppError({ kind: 'bad-request', status: 400, message: "Field 'x' does not exist." }));
    await expect(issueHandlers['issues.list'].handle({ ...assigned, cursor: { nextPageToken: 'old' } }, ctx)).rejects.toMatchObject({
      kind: 'bad-request',
    });
    expect(mocks.search).toHaveBeenCalledTimes(1);
  });

  it('marks the connection at an auth failure, shows "!" and then stops calling Jira', async () => {
    mocks.search.mockRejectedValue(new AppError({ kind: 'auth', message: 'Token rejected.' }));
    await expect(issueHandlers['issues.list'].handle(assigned, ctx)).rejects.toMatchObject({ kind: 'auth' });
    const [c1] = connectionsItem.read(local.get('connections'));
    expect(c1!.status.state).toBe('token-rejected');
    expect(badgeText()).toBe('!');
    await expect(issueHandlers['issues.list'].handle({ ...assigned, list: { kind: 'watching' } }, ctx)).rejects.toMatchObject({
      kind: 'auth',
    });
    expect(mocks.search).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['token-rejected', 'auth'],
    ['captcha', 'captcha'],
  ] as const)('a %s connection is never hidden behind a fresh cache: every opening hears %s, the cache stays', async (state, kind) => {
    await issueHandlers['issues.list'].handle(assigned, ctx);
    const cached = local.get('cache:c1:assigned');
    // The background learnt it since (the badge's poll, another list).
    local.set('connections', [connection('c1', { status: { state, message: 'Known to fail.' } })]);
    for (let opening = 0; opening < 2; opening++) {
      await expect(issueHandlers['issues.list'].handle(assigned, ctx)).rejects.toMatchObject({ kind, message: 'Known to fail.' });
    }
    expect(mocks.search).toHaveBeenCalledTimes(1);
    expect(local.get('cache:c1:assigned')).toEqual(cached);
    // The user's explicit retry (force) asks Jira once more.
    await issueHandlers['issues.list'].handle({ ...assigned, force: true }, ctx);
    expect(mocks.search).toHaveBeenCalledTimes(2);
  });

  it('a missing scope fails that list only: the connection is not marked and the other lists still ask Jira', async () => {
    mocks.search.mockRejectedValueOnce(
      new AppError({ kind: 'missing-scope', status: 401, scope: 'read:jira-work', message: 'The token lacks read:jira-work.' }),
    );
    await expect(issueHandlers['issues.list'].handle(assigned, ctx)).rejects.toMatchObject({ kind: 'missing-scope' });
    const [c1] = connectionsItem.read(local.get('connections'));
    expect(c1!.status.state).toBe('ok');
    expect(badgeText()).not.toBe('!');
    await issueHandlers['issues.list'].handle({ ...assigned, list: { kind: 'watching' } }, ctx);
    expect(mocks.search).toHaveBeenCalledTimes(2);
  });

  it("searches a favourite filter in its owner's order (its JQL's ORDER BY, from the cached favourites)", async () => {
    mocks.favourites.mockResolvedValue([{ id: '10100', name: 'Mine', jql: 'project = OPS ORDER BY priority DESC' }]);
    await issueHandlers['filters.favourite'].handle({ connectionId: 'c1' }, ctx);
    await issueHandlers['issues.list'].handle({ connectionId: 'c1', list: { kind: 'filter', filterId: '10100', name: 'Mine' } }, ctx);
    expect(mocks.search.mock.calls[0]![3]).toBe('filter = 10100 ORDER BY priority DESC');
    // A filter not (or no longer) among the cached favourites: its conditions, Jira's order.
    await issueHandlers['issues.list'].handle({ connectionId: 'c1', list: { kind: 'filter', filterId: '10200', name: 'Gone' } }, ctx);
    expect(mocks.search.mock.calls[1]![3]).toBe('filter = 10200');
  });

  it("jql.check asks the default connection's Jira and returns its objections", async () => {
    mocks.search.mockRejectedValueOnce(
      new AppError({
        kind: 'bad-request',
        status: 400,
        message: 'Jira refused the query.',
        details: ["The value 'NOPE' does not exist for the field 'project'."],
      }),
    );
    expect(await issueHandlers['jql.check'].handle({ jql: ' project = NOPE ' }, ctx)).toEqual({
      checkedOn: 'Conn c1',
      errors: ["The value 'NOPE' does not exist for the field 'project'."],
    });
    expect(mocks.search).toHaveBeenLastCalledWith({}, 'cloud', 'c1', 'project = NOPE', undefined, 1);
    expect(await issueHandlers['jql.check'].handle({ jql: 'project = WEB' }, ctx)).toEqual({ checkedOn: 'Conn c1', errors: [] });
    // Jira cannot be asked, or answers with another 4xx: not checked, no objection, and why.
    mocks.search.mockRejectedValueOnce(new AppError({ kind: 'network', message: 'Could not reach Jira.' }));
    expect(await issueHandlers['jql.check'].handle({ jql: 'project = WEB' }, ctx)).toEqual({
      errors: [],
      notChecked: 'Conn c1: Could not reach Jira.',
    });
    mocks.search.mockRejectedValueOnce(
      new AppError({ kind: 'bad-request', status: 414, message: 'Jira did not accept the request (HTTP 414).' }),
    );
    expect(await issueHandlers['jql.check'].handle({ jql: 'project = WEB' }, ctx)).toEqual({
      errors: [],
      notChecked: 'Conn c1: Jira did not accept the request (HTTP 414).',
    });
  });

  it('jql.check never sends credentials known to fail, and says so', async () => {
    local.set('connections', [connection('c1', { status: { state: 'captcha' } })]);
    const reply = await issueHandlers['jql.check'].handle({ jql: 'project = WEB' }, ctx);
    expect(reply.errors).toEqual([]);
    expect(reply.notChecked).toMatch(/^Conn c1: .*CAPTCHA/);
    expect(mocks.search).not.toHaveBeenCalled();
  });

  it('passes Jira’s JQL errors through', async () => {
    mocks.search.mockRejectedValue(
      new AppError({ kind: 'bad-request', message: 'Jira refused the query.', details: ['Error in the JQL Query'] }),
    );
    await expect(
      issueHandlers['issues.list'].handle({ connectionId: 'c1', list: { kind: 'jql', jql: 'a = = b' } }, ctx),
    ).rejects.toMatchObject({
      kind: 'bad-request',
      details: ['Error in the JQL Query'],
    });
    const [c1] = connectionsItem.read(local.get('connections'));
    expect(c1!.status.state).toBe('ok');
  });

  it('refuses an unknown connection', async () => {
    await expect(issueHandlers['issues.list'].handle({ connectionId: 'gone', list: { kind: 'assigned' } }, ctx)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('filters.favourite and settings', () => {
  it('caches favourite filters for the refresh window', async () => {
    await issueHandlers['filters.favourite'].handle({ connectionId: 'c1' }, ctx);
    const again = await issueHandlers['filters.favourite'].handle({ connectionId: 'c1' }, ctx);
    expect(again.filters[0]!.name).toBe('Mine');
    expect(mocks.favourites).toHaveBeenCalledTimes(1);
  });

  it('updates settings and keeps the rest', async () => {
    const { settings } = await issueHandlers['settings.update'].handle({ settings: { badgeIntervalMinutes: 15 } }, ctx);
    expect(settings).toEqual({ badgeEnabled: true, badgeIntervalMinutes: 15, savedQueries: [] });
    expect((await issueHandlers['settings.get'].handle({}, ctx)).settings.badgeIntervalMinutes).toBe(15);
  });
});
