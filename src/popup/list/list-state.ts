// The state of the list a popup view shows, per connection ("source"), as a reducer: pure, so
// the loading rules are tested without a DOM (list-state.test.ts). Every action names the view it
// answers; an answer for a view the user has left is dropped, never painted over the new one.
import type { AppErrorInfo } from '../../shared/errors';
import type { IssuePage, IssueRow } from '../../shared/issues';
import type { CachedIssueList } from '../../shared/protocol/issues';
import { patchSource, sourcesFromCache, withFirstPage, withNextPage, type Sources } from './sources';

export interface ListState {
  /** The view the sources answer: scope, list and search (app.tsx's viewKey). */
  viewKey: string;
  sources: Sources;
  /**
   * Connections whose first page came from Jira in this view. Only their cursors are followed:
   * a cached cursor may be stale, and the refresh would replace the rows loaded after it.
   */
  refreshed: ReadonlySet<string>;
  /** Every first page of the view has been answered (or has failed). */
  answered: boolean;
}

export type ListAction =
  /** A new view: its rows from `cache`, or (a search, no cache) the rows shown kept while it loads. */
  | { type: 'view'; viewKey: string; targets: string[]; cache?: Record<string, CachedIssueList | undefined> }
  /** storage.local's cache, read after a snapshot was painted: it replaces the rows of `ids` not refreshed yet. */
  | { type: 'cache-read'; viewKey: string; ids: string[]; cache: Record<string, CachedIssueList | undefined> }
  /** `force`: asked past the background's cache (the user's Retry). */
  | { type: 'first-loading'; viewKey: string; id: string; force?: boolean }
  | { type: 'first-page'; viewKey: string; id: string; page: IssuePage }
  | { type: 'more-loading'; viewKey: string; id: string }
  /** `restarted`: Jira no longer knew the cursor; `page` is the list's first page again. */
  | { type: 'next-page'; viewKey: string; id: string; page: IssuePage; restarted?: boolean }
  | { type: 'failed'; viewKey: string; id: string; error: AppErrorInfo; more: boolean; keepRows: boolean; retryAt?: number }
  | { type: 'answered'; viewKey: string }
  /** An issue changed from the popup: its row, wherever the list shows it, becomes `row`. */
  | { type: 'row'; row: IssueRow };

/** The state of a view painted from `cache` (the first frame: a snapshot, or storage.local's cache). */
export function initialListState(viewKey: string, targets: string[], cache: Record<string, CachedIssueList | undefined>): ListState {
  return { viewKey, sources: sourcesFromCache(targets, cache), refreshed: new Set(), answered: false };
}

export function listReducer(state: ListState, action: ListAction): ListState {
  if (action.type === 'view') {
    const sources = action.cache
      ? sourcesFromCache(action.targets, action.cache)
      : // A search keeps the rows shown until its results arrive (no flash of an empty list).
        Object.fromEntries(
          action.targets.map((id) => {
            const s = state.sources[id] ?? { rows: [], loadingMore: false, loading: false };
            const { error: _e, next: _n, retryAt: _r, failedMore: _f, stalled: _s, ...kept } = s;
            return [id, { ...kept, loading: true, loadingMore: false }];
          }),
        );
    return { viewKey: action.viewKey, sources, refreshed: new Set(), answered: false };
  }
  if (action.type === 'row') {
    const { row } = action;
    const s = state.sources[row.connectionId];
    if (!s?.rows.some((r) => r.key === row.key)) return state;
    return { ...state, sources: patchSource(state.sources, row.connectionId, { rows: s.rows.map((r) => (r.key === row.key ? row : r)) }) };
  }
  if (action.viewKey !== state.viewKey) return state;
  const { id } = 'id' in action ? action : { id: '' };
  switch (action.type) {
    case 'cache-read': {
      const fresh = sourcesFromCache(action.ids, action.cache);
      let sources = state.sources;
      for (const x of action.ids) {
        if (state.refreshed.has(x)) continue; // Jira's answer is newer than any cache
        const f = fresh[x]!;
        sources = patchSource(sources, x, { rows: f.rows, next: f.next, fetchedAt: f.fetchedAt });
      }
      return { ...state, sources };
    }
    case 'first-loading':
      return {
        ...state,
        sources: patchSource(state.sources, id, { loading: true, retryAt: undefined, forced: action.force || undefined }),
      };
    case 'first-page':
      return { ...state, sources: withFirstPage(state.sources, id, action.page), refreshed: new Set(state.refreshed).add(id) };
    case 'more-loading':
      return { ...state, sources: patchSource(state.sources, id, { loadingMore: true, retryAt: undefined }) };
    case 'next-page': {
      const sources = action.restarted ? withFirstPage(state.sources, id, action.page) : withNextPage(state.sources, id, action.page);
      return { ...state, sources };
    }
    case 'failed': {
      const { error, more, keepRows, retryAt } = action;
      const rows = keepRows || more ? {} : { rows: [], next: undefined };
      const change = { loading: false, loadingMore: false, error, retryAt, failedMore: more || undefined, ...rows };
      return { ...state, sources: patchSource(state.sources, id, change) };
    }
    case 'answered':
      return { ...state, answered: true };
  }
}
