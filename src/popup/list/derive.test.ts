import { describe, expect, it } from 'vitest';
import type { IssueRow, ListRef } from '../../shared/issues';
import { summarise } from './derive';
import { initialListState, listReducer, type ListAction, type ListState } from './list-state';

const ASSIGNED: ListRef = { kind: 'assigned' };
const row = (n: number): IssueRow => ({
  connectionId: 'a',
  key: `A-${n}`,
  summary: `Issue ${n}`,
  status: { name: 'Open', category: 'new' },
});
const run = (state: ListState, ...actions: ListAction[]) => actions.reduce(listReducer, state);
const cachedPage = (issues: IssueRow[]) => ({ a: { page: { issues, fetchedAt: 10 }, cachedAt: 10, jql: 'j' } });

describe('summarise: what the first frames say', () => {
  it('nothing cached and no answer yet: loading from the first frame (no "no issues" before Jira answered)', () => {
    const first = initialListState('v', ['a'], {});
    expect(summarise(first, ['a'], ASSIGNED)).toMatchObject({ loading: true, atEnd: false, rows: [] });
  });

  it('an empty list from Jira: no longer loading, and at its end', () => {
    const s = run(
      initialListState('v', ['a'], {}),
      { type: 'first-loading', viewKey: 'v', id: 'a' },
      { type: 'first-page', viewKey: 'v', id: 'a', page: { issues: [], fetchedAt: 20 } },
      { type: 'answered', viewKey: 'v' },
    );
    expect(summarise(s, ['a'], ASSIGNED)).toMatchObject({ loading: false, atEnd: true, rows: [] });
  });

  it('a cached empty list is what Jira said then: shown as empty at once, not as loading', () => {
    const s = initialListState('v', ['a'], cachedPage([]));
    expect(summarise(s, ['a'], ASSIGNED).loading).toBe(false);
  });

  it('a failed first request is not loading (its alert says why)', () => {
    const s = run(initialListState('v', ['a'], {}), {
      type: 'failed',
      viewKey: 'v',
      id: 'a',
      error: { kind: 'network', message: 'x' },
      more: false,
      keepRows: true,
    });
    expect(summarise(s, ['a'], ASSIGNED)).toMatchObject({ loading: false, failures: [{ id: 'a' }] });
  });

  it('cached rows are shown while the refresh is on its way', () => {
    const s = run(initialListState('v', ['a'], cachedPage([row(1)])), { type: 'first-loading', viewKey: 'v', id: 'a' });
    expect(summarise(s, ['a'], ASSIGNED)).toMatchObject({ loading: true, rows: [row(1)] });
  });

  it("says when the rows on their way may come from the background's cache, and when Jira is asked", () => {
    const two = (cacheB: boolean) =>
      initialListState('v', ['a', 'b'], {
        ...cachedPage([row(1)]),
        ...(cacheB ? { b: { page: { issues: [], fetchedAt: 30 }, cachedAt: 30, jql: 'j' } } : {}),
      });
    const loading = (s: ListState, force = false) =>
      run(s, { type: 'first-loading', viewKey: 'v', id: 'a', force }, { type: 'first-loading', viewKey: 'v', id: 'b' });
    expect(summarise(loading(two(true)), ['a', 'b'], ASSIGNED).loadingCachedAt).toBe(10);
    // b has nothing cached: its page comes from Jira.
    expect(summarise(loading(two(false)), ['a', 'b'], ASSIGNED).loadingCachedAt).toBe(0);
    // The user's Retry goes past the cache.
    expect(summarise(loading(two(true), true), ['a', 'b'], ASSIGNED).loadingCachedAt).toBe(0);
  });
});
