import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../shared/connection';
import type { IssueRow } from '../shared/issues';
import { ASSIGNED, chooseList, chooseScope, scopeTargets, viewKeys } from './boot';
import { ROW_HEIGHT, VIEW_HEIGHT, visibleRange } from './list/issue-list';
import { MAX_LIST_PAGES } from '../shared/paging';
import { sourcesFromCache, withFirstPage, withNextPage } from './list/sources';

const c = (id: string) => ({ id }) as ConnectionSummary;
const row = (key: string): IssueRow => ({ connectionId: 'a', key, summary: key, status: { name: 'Open', category: 'new' } });

describe('chooseScope', () => {
  it('keeps a remembered connection that still exists', () => {
    expect(chooseScope({ scope: { kind: 'connection', connectionId: 'b' } }, [c('a'), c('b')], 'a')).toEqual({
      kind: 'connection',
      connectionId: 'b',
    });
  });
  it('falls back to the default connection, then the first', () => {
    expect(chooseScope({ scope: { kind: 'connection', connectionId: 'gone' } }, [c('a'), c('b')], 'b')).toEqual({
      kind: 'connection',
      connectionId: 'b',
    });
    expect(chooseScope(undefined, [c('a'), c('b')], null)).toEqual({ kind: 'connection', connectionId: 'a' });
  });
  it('keeps "All connections" only while there are several', () => {
    expect(chooseScope({ scope: { kind: 'all' } }, [c('a'), c('b')], 'a')).toEqual({ kind: 'all' });
    expect(chooseScope({ scope: { kind: 'all' } }, [c('a')], 'a')).toEqual({ kind: 'connection', connectionId: 'a' });
  });
  it('has no scope without connections', () => {
    expect(chooseScope(undefined, [], null)).toBeUndefined();
  });
});

describe('chooseList', () => {
  const scope = { kind: 'connection', connectionId: 'a' } as const;
  it('remembers the last list per connection', () => {
    expect(chooseList(scope, { a: { kind: 'watching' } }, [])).toEqual({ kind: 'watching' });
    expect(chooseList(scope, { b: { kind: 'watching' } }, [])).toEqual(ASSIGNED);
  });
  it('follows an edited saved query and drops a deleted one', () => {
    const lists = { a: { kind: 'saved', queryId: 'q', name: 'Old', jql: 'old' } as const };
    expect(chooseList(scope, lists, [{ id: 'q', name: 'New', jql: 'new' }])).toEqual({
      kind: 'saved',
      queryId: 'q',
      name: 'New',
      jql: 'new',
    });
    expect(chooseList(scope, lists, [])).toEqual(ASSIGNED);
  });
  it('never reopens a typed search; "All connections" is always Assigned', () => {
    expect(chooseList(scope, { a: { kind: 'text', text: 'x' } }, [])).toEqual(ASSIGNED);
    expect(chooseList({ kind: 'all' }, { a: { kind: 'watching' } }, [])).toEqual(ASSIGNED);
  });
});

describe('viewKeys', () => {
  it('names the list caches and the filter menu cache', () => {
    expect(viewKeys({ kind: 'connection', connectionId: 'a' }, ['a'], ASSIGNED)).toEqual(['cache:a:assigned', 'cache:a:~filters']);
    expect(viewKeys({ kind: 'all' }, scopeTargets({ kind: 'all' }, [c('a'), c('b')]), ASSIGNED)).toEqual([
      'cache:a:assigned',
      'cache:b:assigned',
    ]);
  });
});

describe('sources (stale-while-revalidate in the popup)', () => {
  it('starts from the cache, then a fresh first page replaces the rows in place', () => {
    let s = sourcesFromCache(['a'], {
      a: { page: { issues: [row('A-1'), row('A-2')], next: { startAt: 2 }, fetchedAt: 5 }, cachedAt: 5, jql: 'j' },
    });
    expect(s.a!.rows.map((r) => r.key)).toEqual(['A-1', 'A-2']);
    s = withFirstPage({ a: { ...s.a!, loading: true, error: { kind: 'network', message: 'x' } } }, 'a', {
      issues: [row('A-3'), row('A-1')],
      fetchedAt: 9,
    });
    expect(s.a).toEqual({ rows: [row('A-3'), row('A-1')], fetchedAt: 9, loading: false, loadingMore: false, pages: 1 });
  });
  it('a next page that adds nothing new keeps the cursor for Load more but stalls the automatic loading', () => {
    let s = withFirstPage({}, 'a', { issues: [row('A-1'), row('A-2')], next: { nextPageToken: 't' }, fetchedAt: 1 });
    s = withNextPage(s, 'a', { issues: [row('A-1')], next: { nextPageToken: 'u' } });
    expect(s.a).toMatchObject({ stalled: true, next: { nextPageToken: 'u' }, pages: 2 });
    s = withNextPage(s, 'a', { issues: [row('A-3')], next: { nextPageToken: 'v' } });
    expect(s.a!.stalled).toBeUndefined();
  });
  it(`ends the list at ${MAX_LIST_PAGES} pages`, () => {
    let s = withFirstPage({}, 'a', { issues: [row('A-0')], next: { startAt: 1 }, fetchedAt: 1 });
    for (let i = 1; i < MAX_LIST_PAGES; i++) s = withNextPage(s, 'a', { issues: [row(`A-${i}`)], next: { startAt: i + 1 } });
    expect(s.a!.rows).toHaveLength(MAX_LIST_PAGES);
    expect(s.a!.next).toBeUndefined();
  });
  it('appends later pages without duplicates and ends when there is no next cursor', () => {
    let s = withFirstPage({}, 'a', { issues: [row('A-1'), row('A-2')], next: { nextPageToken: 't' }, fetchedAt: 1 });
    s = withNextPage(s, 'a', { issues: [row('A-2'), row('A-3')] });
    expect(s.a!.rows.map((r) => r.key)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(s.a!.next).toBeUndefined();
  });
  it('an empty cache is an empty source', () => {
    expect(sourcesFromCache(['a'], {}).a).toEqual({ rows: [], loading: false, loadingMore: false });
  });
});

describe('visibleRange (virtual list)', () => {
  it('renders the visible rows plus a little overscan, even for 5,000 issues', () => {
    const [start, end] = visibleRange(2_000 * ROW_HEIGHT, 5_000);
    expect(start).toBe(1_996);
    expect(end - start).toBeLessThanOrEqual(Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 8);
    expect(visibleRange(0, 3)).toEqual([0, 3]);
  });
});
