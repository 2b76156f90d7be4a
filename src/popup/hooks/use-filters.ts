// Favourite filters for the list menu of a connection: its cached copy first, then the
// background's (which asks Jira at most once a minute).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FavouriteFilter, PopupScope } from '../../shared/issues';
import { afterFirstPaint } from '../after-paint';
import { readFilters } from '../boot';
import { request } from '../ext';

/** The filters of the connection shown (none in "All connections"); `initial` is what boot() read. */
export function useFilters(scope: PopupScope, initial: FavouriteFilter[]) {
  const [filters, setFilters] = useState<FavouriteFilter[]>(initial);
  const firstRun = useRef(true);
  const id = scope.kind === 'connection' ? scope.connectionId : undefined;
  useEffect(() => {
    // The first connection's cached filters are already shown: its refresh waits for the first paint.
    const first = firstRun.current;
    firstRun.current = false;
    if (id === undefined) return;
    let live = true;
    (first ? afterFirstPaint : (fn: () => void) => fn())(async () => {
      if (!first) {
        const cached = await readFilters(id);
        if (live) setFilters(cached);
      }
      try {
        const { filters: got } = await request('filters.favourite', { connectionId: id });
        if (live) setFilters(got);
      } catch {
        // The list's own request shows what is wrong.
      }
    });
    return () => {
      live = false;
    };
  }, [id]);
  return { filters, setFilters };
}
