// The popup's first frame may come from a localStorage snapshot of the last view (snapshot.ts):
// once storage.local has been read, the view follows it in place (same keys, so scroll, selection
// and focus stay), and every view painted from storage.local is remembered for the next opening.
import { useEffect, useRef } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { FavouriteFilter, ListRef, PopupScope, SavedQuery } from '../../shared/issues';
import type { Boot } from '../boot';
import type { Sources } from '../list/sources';
import { SNAP_ROWS, sameView, writeSnapshot } from '../snapshot';

export interface SettleActions {
  /** Rows of `ids` from storage.local's cache. */
  cacheRead(ids: string[], cache: Boot['cache']): void;
  /** The connections as storage.local holds them (the snapshot keeps only a few fields of each). */
  connections(all: ConnectionSummary[]): void;
  /** storage.local holds another view than the snapshot: show it. */
  replace(real: Boot): void;
}

/**
 * Follows `settled` (what storage.local holds) when `init` was a snapshot. Returns whether
 * storage.local has been read (false while a snapshot is shown: its cursors are not real).
 */
export function useSettle(init: Boot, settled: Promise<Boot> | undefined, actions: SettleActions): () => boolean {
  const synced = useRef(!settled);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, for the snapshot the popup opened with
  useEffect(() => {
    if (!settled) return;
    let live = true;
    void settled.then((real) => {
      if (!live) return;
      synced.current = true;
      if (sameView(init, real)) {
        // Same view, but every field of the connections now (who the user is, for changes).
        actions.connections(real.connections);
        // Only the rows past the snapshot's first few (and the real cursor) are missing.
        const cut = Object.keys(real.cache).filter(
          (id) => (real.cache[id]?.page?.issues?.length ?? 0) > SNAP_ROWS || real.cache[id]?.page?.next,
        );
        if (cut.length) actions.cacheRead(cut, real.cache);
        return;
      }
      actions.replace(real);
    });
    return () => {
      live = false;
    };
  }, []);
  return () => synced.current;
}

export interface PaintedView {
  connections: ConnectionSummary[];
  scope: PopupScope;
  list: ListRef;
  savedQueries: SavedQuery[];
  lists: Record<string, ListRef>;
  filters: FavouriteFilter[];
  targets: string[];
  sources: Sources;
}

/**
 * Remembers the view painted now for the next opening's first frame, when it is a list from
 * storage.local (`current`: not a search, not a snapshot, its own rows).
 */
export function useSnapshotWriter(view: PaintedView, current: boolean, initial: Boot | undefined) {
  const last = useRef<string | undefined>(initial ? JSON.stringify(initial) : undefined);
  const { connections, scope, list, savedQueries, lists, filters, targets, sources } = view;
  useEffect(() => {
    if (!current) return;
    const cache = Object.fromEntries(
      targets.map((id) => {
        const s = sources[id];
        const page =
          s && (s.rows.length || s.fetchedAt)
            ? { issues: s.rows, fetchedAt: s.fetchedAt ?? 0, ...(s.next ? { next: s.next } : {}) }
            : undefined;
        return [id, page && { page, cachedAt: 0, jql: '' }];
      }),
    );
    last.current = writeSnapshot({ connections, scope, list, savedQueries, lists, cache, filters }, last.current);
  }, [current, connections, scope, list, savedQueries, lists, filters, targets, sources]);
  return {
    /** The snapshot shown no longer matches storage: the next write must not be skipped. */
    forget() {
      last.current = undefined;
    },
  };
}
