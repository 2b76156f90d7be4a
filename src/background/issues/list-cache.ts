// Stale-while-revalidate for the popup's lists. The first page of each list lives in
// storage.local (issueCacheKey) so the popup can paint before the worker answers; this
// decides when to answer from it and when to ask Jira, and always writes what Jira said,
// whether or not the popup is still open to hear it.
import type { IssuePage, ListRef, PageCursor } from '../../shared/issues';
import { LIST_REFRESH_WINDOW_MS, type CachedIssueList } from '../../shared/protocol/issues';
import { issueCacheKey } from '../../shared/storage-keys';
import type { Store } from '../storage/store';

export type FetchPage = (jql: string, cursor?: PageCursor) => Promise<IssuePage>;

export interface ListRequest {
  connectionId: string;
  list: ListRef;
  jql: string;
  cursor?: PageCursor;
  force?: boolean;
}

export interface ListPolicyOptions {
  now?: () => number;
  windowMs?: number;
}

/** Searches typed by the user are not kept: every keystroke would leave an entry behind. */
export function isCachedList(list: ListRef): boolean {
  return list.kind !== 'text' && list.kind !== 'jql';
}

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

  const key = issueCacheKey(req.connectionId, req.list);
  if (!req.force) {
    const entry = await store.getItem<CachedIssueList>(key);
    if (isFresh(entry, req.jql, now(), opts.windowMs)) return { page: entry.page, fromCache: true };
  }
  const flightKey = `${key}\n${req.jql}`;
  let flight = inFlight.get(flightKey);
  if (!flight) {
    flight = (async () => {
      const page = await fetchPage(req.jql);
      await store.setItem(key, { page, cachedAt: now(), jql: req.jql } satisfies CachedIssueList);
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
