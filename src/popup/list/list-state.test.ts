import { describe, expect, it } from 'vitest';
import type { IssueRow, PageCursor } from '../../shared/issues';
import { initialListState, listReducer, type ListAction, type ListState } from './list-state';

const row = (c: string, n: number): IssueRow => ({
  connectionId: c,
  key: `${c.toUpperCase()}-${n}`,
  summary: `Issue ${n}`,
  status: { name: 'Open', category: 'new' },
});
const page = (c: string, from: number, count: number, next?: PageCursor) => ({
  issues: Array.from({ length: count }, (_, i) => row(c, from + i)),
  fetchedAt: 10,
  ...(next ? { next } : {}),
});
const run = (state: ListState, ...actions: ListAction[]) => actions.reduce(listReducer, state);
const keys = (s: ListState, id: string) => s.sources[id]!.rows.map((r) => r.key);

describe('list state', () => {
  const cached = initialListState('v1', ['a'], { a: { page: page('a', 1, 2, { nextPageToken: 'old' }), cachedAt: 1, jql: 'j' } });

  it('paints the cache, then the first page from Jira replaces it and may be followed', () => {
    expect(keys(cached, 'a')).toEqual(['A-1', 'A-2']);
    expect(cached.refreshed.has('a')).toBe(false); // a cached cursor is not followed
    const s = run(
      cached,
      { type: 'first-loading', viewKey: 'v1', id: 'a' },
      { type: 'first-page', viewKey: 'v1', id: 'a', page: page('a', 3, 2, { nextPageToken: 't' }) },
    );
    expect(keys(s, 'a')).toEqual(['A-3', 'A-4']);
    expect(s.refreshed.has('a')).toBe(true);
    expect(s.sources.a).toMatchObject({ loading: false, next: { nextPageToken: 't' }, pages: 1 });
  });

  it('drops an answer for a view the user has left', () => {
    const moved = run(cached, { type: 'view', viewKey: 'v2', targets: ['a'], cache: {} });
    const s = run(moved, { type: 'first-page', viewKey: 'v1', id: 'a', page: page('a', 9, 1) });
    expect(s).toBe(moved);
    expect(keys(s, 'a')).toEqual([]);
  });

  it('a search keeps the rows shown while it loads; a list view shows its own cache', () => {
    const search = run(cached, { type: 'view', viewKey: 'search', targets: ['a'] });
    expect(keys(search, 'a')).toEqual(['A-1', 'A-2']);
    expect(search.sources.a).toMatchObject({ loading: true });
    expect(search.sources.a!.next).toBeUndefined();
  });

  it('appends next pages; an empty one stalls the automatic loading; an expired cursor starts over', () => {
    let s = run(cached, { type: 'first-page', viewKey: 'v1', id: 'a', page: page('a', 1, 2, { nextPageToken: 't' }) });
    s = run(
      s,
      { type: 'more-loading', viewKey: 'v1', id: 'a' },
      { type: 'next-page', viewKey: 'v1', id: 'a', page: page('a', 3, 2, { nextPageToken: 'u' }) },
    );
    expect(keys(s, 'a')).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
    s = run(s, { type: 'next-page', viewKey: 'v1', id: 'a', page: { issues: [], fetchedAt: 11, next: { nextPageToken: 'w' } } });
    expect(s.sources.a).toMatchObject({ stalled: true, loadingMore: false });
    s = run(s, { type: 'next-page', viewKey: 'v1', id: 'a', page: page('a', 1, 2, { nextPageToken: 'x' }), restarted: true });
    expect(keys(s, 'a')).toEqual(['A-1', 'A-2']);
    expect(s.sources.a).toMatchObject({ pages: 1, next: { nextPageToken: 'x' } });
    expect(s.sources.a!.stalled).toBeUndefined();
  });

  it('a failure keeps the rows of a list, not of a search; a failed next page is marked for its Retry', () => {
    const error = { kind: 'network' as const, message: 'down' };
    const kept = run(cached, { type: 'failed', viewKey: 'v1', id: 'a', error, more: false, keepRows: true, retryAt: 5 });
    expect(keys(kept, 'a')).toEqual(['A-1', 'A-2']);
    expect(kept.sources.a).toMatchObject({ error, retryAt: 5, loading: false });
    const search = run(cached, { type: 'failed', viewKey: 'v1', id: 'a', error, more: false, keepRows: false });
    expect(keys(search, 'a')).toEqual([]);
    const more = run(cached, { type: 'failed', viewKey: 'v1', id: 'a', error, more: true, keepRows: false });
    expect(more.sources.a).toMatchObject({ failedMore: true });
    expect(keys(more, 'a')).toEqual(['A-1', 'A-2']);
  });

  it("storage's cache replaces a snapshot's rows, but never rows Jira already sent", () => {
    const a = initialListState('v1', ['a', 'b'], {});
    const s = run(
      a,
      { type: 'first-page', viewKey: 'v1', id: 'a', page: page('a', 7, 1) },
      {
        type: 'cache-read',
        viewKey: 'v1',
        ids: ['a', 'b'],
        cache: { a: { page: page('a', 1, 1), cachedAt: 1, jql: 'j' }, b: { page: page('b', 1, 3), cachedAt: 1, jql: 'j' } },
      },
    );
    expect(keys(s, 'a')).toEqual(['A-7']);
    expect(keys(s, 'b')).toEqual(['B-1', 'B-2', 'B-3']);
  });

  it('is answered once every first page came back', () => {
    expect(run(cached, { type: 'answered', viewKey: 'v1' }).answered).toBe(true);
    expect(run(cached, { type: 'answered', viewKey: 'other' }).answered).toBe(false);
  });
});
