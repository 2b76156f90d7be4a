// Stale-while-revalidate for the popup's lists. The first page of each list lives in
// storage.local (issueCacheItem, src/shared/storage-items.ts) so the popup can paint before the worker answers; this
// decides when to answer from it and when to ask Jira, and always writes what Jira said,
// whether or not the popup is still open to hear it.
import type { IssuePage, IssueRow, ListRef, PageCursor } from '../../shared/issues';
import { LIST_REFRESH_WINDOW_MS, type CachedIssueList } from '../../shared/protocol/issues';
import { issueCacheItem, issueCacheItemAt } from '../../shared/storage-items';
import { CACHE_PREFIX } from '../../shared/storage-keys';
import { isCachedList } from '../../shared/lists';
import type { Store } from '../storage/store';

/** Fetches one page of a search from Jira: the first without `cursor`. */
export type FetchPage = (jql: string, cursor?: PageCursor) => Promise<IssuePage>;

/** A popup's request for a page of one list on one connection; `force`: skip a fresh cache. */
export interface ListRequest {
  connectionId: string;
  list: ListRef;
  jql: string;
  cursor?: PageCursor;
  force?: boolean;
}

/** The clock (epoch ms) and the freshness window (ms, default LIST_REFRESH_WINDOW_MS), for tests. */
export interface ListPolicyOptions {
  now?: () => number;
  windowMs?: number;
}

/** Whether a cached entry answers for `jql` at `now` (epoch ms): same query, cached less than `windowMs` ago. */
export function isFresh(
  entry: CachedIssueList | undefined,
  jql: string,
  now: number,
  windowMs = LIST_REFRESH_WINDOW_MS,
): entry is CachedIssueList {
  return !!entry && entry.jql === jql && now - entry.cachedAt >= 0 && now - entry.cachedAt < windowMs;
}

// Two popups (or a popup and a retry) asking for the same list at once share one request.
// Across worker restarts, freshness (cachedAt) does the same job.
const inFlight = new Map<string, Promise<IssuePage>>();

/**
 * A page of a list: the first page from a fresh cache entry, else from Jira (written through to
 * the cache; concurrent duplicates share one request); later pages and typed searches always
 * from Jira, never cached. Rejects with what `fetchPage` throws (the old entry stays).
 */
export async function listPage(
  store: Store,
  req: ListRequest,
  fetchPage: FetchPage,
  opts: ListPolicyOptions = {},
): Promise<{ page: IssuePage; fromCache: boolean }> {
  const now = opts.now ?? Date.now;
  // Later pages are fetched as asked and not cached: the cache holds what paints first.
  if (req.cursor) return { page: await fetchPage(req.jql, req.cursor), fromCache: false };
  if (!isCachedList(req.list)) return { page: await fetchPage(req.jql), fromCache: false };

  const item = issueCacheItem(req.connectionId, req.list);
  if (!req.force) {
    const entry = await store.read(item);
    if (isFresh(entry, req.jql, now(), opts.windowMs)) return { page: entry.page, fromCache: true };
  }
  const flightKey = `${item.key}\n${req.jql}`;
  let flight = inFlight.get(flightKey);
  if (!flight) {
    flight = (async () => {
      const page = await fetchPage(req.jql);
      await store.write(item, { page, cachedAt: now(), jql: req.jql });
      return page;
    })();
    inFlight.set(flightKey, flight);
    const clear = () => {
      if (inFlight.get(flightKey) === flight) inFlight.delete(flightKey);
    };
    flight.then(clear, clear);
  }
  return { page: await flight, fromCache: false };
}

/**
 * Puts `row` (an issue just changed from the popup, as Jira now has it) in place of its old row
 * in every cached list of connection `connectionId`, so the next opening shows the change. Rows
 * are only replaced, never added or removed: the list's own refresh decides which belong.
 */
export async function patchCachedRows(store: Store, connectionId: string, row: IssueRow): Promise<void> {
  const keys = (await store.keysStartingWith(`${CACHE_PREFIX}${connectionId}:`)).filter((k) => !k.includes(':~') && !k.includes(':issue:'));
  for (const key of keys) {
    const item = issueCacheItemAt(key);
    const cached = await store.read(item);
    if (!cached?.page.issues.some((r) => r.key === row.key)) continue;
    await store.updateForConnection(connectionId, item, (entry) => {
      const now = entry ?? cached;
      return { ...now, page: { ...now.page, issues: now.page.issues.map((r) => (r.key === row.key ? row : r)) } };
    });
  }
}
