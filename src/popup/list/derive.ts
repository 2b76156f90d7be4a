// What the list view shows, derived from the list state: the rows (merged across connections,
// a searched key's issue first), whether more can load (by itself or only by Load more), and
// whether the list is at its end. Pure.
import { detectIssueKey } from '../../shared/issue-key';
import type { IssueRow, ListRef } from '../../shared/issues';
import { jqlForList } from '../../shared/jql';
import type { ListState } from './list-state';
import { mergeRows, rowId } from './merge';

export interface ListSummary {
  rows: IssueRow[];
  loading: boolean;
  loadingMore: boolean;
  /** The connections whose request failed, with their errors. */
  failures: { id: string; source: ListState['sources'][string] }[];
  /** The Load more button may ask. */
  canLoadMore: boolean;
  /** Scrolling near the end may ask by itself (only after a page that added rows). */
  canAutoLoad: boolean;
  /** More is named, but the last page added nothing: only Load more asks. */
  stalled: boolean;
  /** Every connection's list is loaded to its last page. */
  atEnd: boolean;
  /** Some connection names a next page. */
  more: boolean;
  /** When Jira answered the oldest part of the rows shown (epoch ms). */
  oldest: number | undefined;
  /**
   * While first pages are on their way and each of them may come from the background's cache
   * (every loading connection has cached rows, and none was asked past the cache): when Jira
   * answered the oldest of those rows (epoch ms). 0 when one must come from Jira (or none loads).
   */
  loadingCachedAt: number;
}

/**
 * The list view's summary. `pinned`: rows shown first whatever the list holds (a typed key's
 * issue); a row of the list that is pinned is not shown twice.
 */
export function summarise(state: ListState, targets: string[], view: ListRef, pinned: IssueRow[] = []): ListSummary {
  const states = targets.map((id) => ({ id, s: state.sources[id] }));
  // Rows wait for a connection's next page only where that page can come (a connection refreshed
  // and not failing: else its cached cursor would hide the others' rows for good), and only in a
  // list sorted by update, as the merge is.
  const byUpdate = /ORDER BY updated DESC$/i.test(jqlForList(view));
  const merged = mergeRows(
    states.map(({ s }) => s?.rows ?? []),
    states.map(({ id, s }) => byUpdate && !!s?.next && state.refreshed.has(id) && !s.failedMore && !s.error),
  );
  // A search for a key: that issue first when the results hold it.
  const searchedKey = view.kind === 'text' ? detectIssueKey(view.text) : undefined;
  const exact = searchedKey ? merged.findIndex((r) => r.key === searchedKey) : -1;
  const ordered = exact > 0 ? [merged[exact]!, ...merged.slice(0, exact), ...merged.slice(exact + 1)] : merged;
  const pinnedIds = new Set(pinned.map(rowId));
  const rows = pinned.length ? [...pinned, ...ordered.filter((r) => !pinnedIds.has(rowId(r)))] : ordered;
  // A connection with nothing cached and no answer yet is loading from the first frame, before
  // its request leaves (after the first paint): no "no issues" text flashes meanwhile.
  const unknown = !state.answered && states.some(({ id, s }) => !state.refreshed.has(id) && !s?.error && s?.fetchedAt === undefined);
  const loading = unknown || states.some(({ s }) => s?.loading);
  const loadingMore = states.some(({ s }) => s?.loadingMore);
  // More pages only after this view's first page came from Jira, and not where the last one failed (its Retry asks).
  const loadable = states.filter(({ id, s }) => !!s?.next && !s.failedMore && state.refreshed.has(id));
  const canLoadMore = loadable.length > 0 && !loadingMore;
  const canAutoLoad = canLoadMore && loadable.some(({ s }) => !s?.stalled);
  const fetched = states.map(({ s }) => s?.fetchedAt).filter((t): t is number => typeof t === 'number');
  // Per loading connection: when its cached rows came from Jira; 0 (long ago) when Jira is asked.
  const loadingAt = states.flatMap(({ s }) => (s?.loading ? [s.forced ? 0 : (s.fetchedAt ?? 0)] : []));
  return {
    rows,
    loading,
    loadingMore,
    failures: states.flatMap(({ id, s }) => (s?.error ? [{ id, source: s }] : [])),
    canLoadMore,
    canAutoLoad,
    stalled: loadable.length > 0 && !canAutoLoad,
    atEnd: !loading && state.answered && !states.some(({ s }) => s?.next || s?.error),
    more: states.some(({ s }) => s?.next),
    oldest: fetched.length ? Math.min(...fetched) : undefined,
    loadingCachedAt: unknown || !loadingAt.length ? 0 : Math.min(...loadingAt),
  };
}
