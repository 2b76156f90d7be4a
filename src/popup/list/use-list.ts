// Connects a view's list state (list-state.ts) to the background: paints the view's cache, asks
// for each connection's first page (stale-while-revalidate), loads the next pages, and retries by
// itself only when the connection's retry budget allows it (retry.ts). The view only renders.
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { errorInfo } from '../error-info';
import type { IssueRow, ListRef } from '../../shared/issues';
import { isCachedList } from '../../shared/lists';
import type { CachedIssueList } from '../../shared/protocol/issues';
import { afterFirstPaint } from '../after-paint';
import { readCaches } from '../boot';
import { request } from '../ext';
import { initialListState, listReducer, type ListAction, type ListState } from './list-state';
import { autoRetryWait } from './retry';

export interface ListView {
  /** Changes whenever the scope, the list or the search does. */
  viewKey: string;
  /** The connections shown. */
  targets: string[];
  list: ListRef;
}

export interface ListLoader {
  state: ListState;
  /** The next page of each connection that has one; `auto` (scrolled near the end): only after a page that added rows. */
  loadMore(auto: boolean): void;
  /** The user's Retry for a connection: the request that failed, at once, past the cache. */
  retry(id: string): void;
  /** The cache of `ids` read from storage.local after a snapshot was painted. */
  cacheRead(ids: string[], cache: Record<string, CachedIssueList | undefined>): void;
  /** An issue changed from the popup: its row follows. */
  rowChanged(row: IssueRow): void;
}

/**
 * `initialCache`: what the first frame shows. `synced`: false while that is a snapshot (the next
 * pages wait for storage.local's cursors). `onFetch`: called when a view starts talking to the
 * background (the images may load then).
 */
export function useList(
  view: ListView,
  initialCache: Record<string, CachedIssueList | undefined>,
  synced: () => boolean,
  onFetch: (targets: string[]) => void,
): ListLoader {
  const [state, dispatch] = useReducer(listReducer, undefined, () => initialListState(view.viewKey, view.targets, initialCache));
  const latest = useRef(state);
  latest.current = state;
  /** The view the effects serve now (answers for another are dropped by the reducer too). */
  const current = useRef(view);
  current.current = view;
  /** Per connection: its pending automatic retry. */
  const timers = useRef(new Map<string, number>());
  /** Next pages asked for and not answered yet (marked at once: a second call meanwhile finds it). */
  const pendingMore = useRef(new Set<string>());
  const first = useRef(true);

  function cancelRetry(id?: string) {
    for (const [k, t] of timers.current) {
      if (id !== undefined && k !== id) continue;
      window.clearTimeout(t);
      timers.current.delete(k);
    }
  }

  function failed(v: ListView, id: string, e: unknown, more: boolean) {
    const error = errorInfo(e);
    const wait = autoRetryWait(error);
    const retryAt = wait === undefined ? undefined : Date.now() + wait * 1000;
    dispatch({ type: 'failed', viewKey: v.viewKey, id, error, more, keepRows: isCachedList(v.list), ...(retryAt ? { retryAt } : {}) });
    if (wait === undefined) return;
    timers.current.set(
      id,
      window.setTimeout(() => {
        timers.current.delete(id);
        if (current.current.viewKey === v.viewKey) void (more ? loadMoreOf(v, id) : fetchFirst(v, id, false));
      }, wait * 1000),
    );
  }

  async function fetchFirst(v: ListView, id: string, force: boolean) {
    cancelRetry(id);
    dispatch({ type: 'first-loading', viewKey: v.viewKey, id, force });
    try {
      const { page } = await request('issues.list', { connectionId: id, list: v.list, ...(force ? { force } : {}) });
      dispatch({ type: 'first-page', viewKey: v.viewKey, id, page });
    } catch (e) {
      failed(v, id, e, false);
    }
  }

  async function loadMoreOf(v: ListView, id: string, force = false) {
    cancelRetry(id);
    const s = latest.current.sources[id];
    if (latest.current.viewKey !== v.viewKey || !s?.next || pendingMore.current.has(id) || !latest.current.refreshed.has(id)) return;
    pendingMore.current.add(id);
    dispatch({ type: 'more-loading', viewKey: v.viewKey, id });
    try {
      const { page, restarted } = await request('issues.list', {
        connectionId: id,
        list: v.list,
        cursor: s.next,
        ...(force ? { force } : {}),
      });
      dispatch({ type: 'next-page', viewKey: v.viewKey, id, page, ...(restarted ? { restarted } : {}) });
    } catch (e) {
      failed(v, id, e, true);
    } finally {
      pendingMore.current.delete(id);
    }
  }

  // A new view (scope, list or search): paint its cache, then refresh from the background. The
  // first view's refresh waits until its cached rows are on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a view is its key and its connections; `view.list` is part of the key
  useEffect(() => {
    const v = view;
    cancelRetry();
    const initial = first.current;
    first.current = false;
    (initial ? afterFirstPaint : (fn: () => void) => fn())(async () => {
      onFetch(v.targets);
      if (!initial) {
        const cache = isCachedList(v.list) ? await readCaches(v.targets, v.list) : undefined;
        if (current.current.viewKey !== v.viewKey) return;
        dispatch({ type: 'view', viewKey: v.viewKey, targets: v.targets, ...(cache ? { cache } : {}) });
      }
      await Promise.all(v.targets.map((id) => fetchFirst(v, id, false)));
      dispatch({ type: 'answered', viewKey: v.viewKey });
    });
  }, [view.viewKey, view.targets.join(' ')]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only on unmount
  useEffect(() => () => cancelRetry(), []);

  return {
    state,
    loadMore(auto) {
      if (!synced()) return;
      for (const id of current.current.targets) {
        const s = latest.current.sources[id];
        // A connection whose next page failed waits for its Retry (or automatic retry): asking on
        // every scroll would hammer a Jira that is down or limiting us.
        if (s?.failedMore || (auto && s?.stalled)) continue;
        void loadMoreOf(current.current, id);
      }
    },
    retry(id) {
      const s = latest.current.sources[id];
      void (s?.failedMore ? loadMoreOf(current.current, id, true) : fetchFirst(current.current, id, true));
    },
    rowChanged(row) {
      dispatch({ type: 'row', row });
    },
    cacheRead(ids, cache) {
      dispatch({ type: 'cache-read', viewKey: current.current.viewKey, ids, cache } satisfies ListAction);
    },
  };
}
