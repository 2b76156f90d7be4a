// State of one list view per connection ("source"), and how Jira's answers change it.
import type { AppErrorInfo } from '../../shared/errors';
import type { IssueRow, PageCursor } from '../../shared/issues';
import { pageStop } from '../../shared/paging';
import type { CachedIssueList } from '../../shared/protocol/issues';
import { appendRows } from './merge';

export interface Source {
  rows: IssueRow[];
  next?: PageCursor;
  /** When Jira answered what is shown. */
  fetchedAt?: number;
  loading: boolean;
  loadingMore: boolean;
  error?: AppErrorInfo;
  /** When the popup retries by itself (a wait Jira asked for), epoch ms. */
  retryAt?: number;
  /** `error` came from the next page (Load more): the rows stay, Retry asks for that page. */
  failedMore?: boolean;
  /** Pages shown since the first (1 = the first page only). */
  pages?: number;
  /**
   * The last page added no issue, yet Jira named a next one (src/shared/paging.ts): the popup
   * asks for it only when the user presses Load more, never by itself.
   */
  stalled?: boolean;
  /** The first page on its way was asked past the background's cache (the user's Retry). */
  forced?: boolean;
}

export type Sources = Record<string, Source>;

export const emptySource: Source = { rows: [], loading: false, loadingMore: false };

export function sourcesFromCache(targets: string[], cache: Record<string, CachedIssueList | undefined>): Sources {
  return Object.fromEntries(
    targets.map((id) => {
      const c = cache[id];
      const s: Source = { ...emptySource, rows: Array.isArray(c?.page?.issues) ? c.page.issues : [] };
      if (c?.page?.next) s.next = c.page.next;
      if (c?.page?.fetchedAt) s.fetchedAt = c.page.fetchedAt;
      return [id, s];
    }),
  );
}

export function patchSource(all: Sources, id: string, change: Partial<Source>): Sources {
  const base = all[id] ?? emptySource;
  const next: Source = { ...base, ...change };
  for (const k of Object.keys(change) as (keyof Source)[]) if (change[k] === undefined) delete next[k];
  return { ...all, [id]: next };
}

/** A first page arrived: it replaces the rows (keys stay, so selection and scroll stay). */
export function withFirstPage(all: Sources, id: string, page: { issues: IssueRow[]; next?: PageCursor; fetchedAt: number }): Sources {
  return patchSource(all, id, {
    rows: page.issues,
    next: page.next,
    fetchedAt: page.fetchedAt,
    loading: false,
    loadingMore: false,
    error: undefined,
    retryAt: undefined,
    failedMore: undefined,
    pages: 1,
    stalled: undefined,
  });
}

/**
 * The next page arrived: its new rows go below (rows already shown are not repeated). A page that
 * added none leaves the cursor to the user's Load more (`stalled`); at the page cap the list ends.
 */
export function withNextPage(all: Sources, id: string, page: { issues: IssueRow[]; next?: PageCursor }): Sources {
  const s = all[id] ?? emptySource;
  const rows = appendRows(s.rows, page.issues);
  const pages = (s.pages ?? 1) + 1;
  const stop = pageStop({ added: rows.length - s.rows.length, pages, hasNext: !!page.next });
  return patchSource(all, id, {
    rows,
    next: stop === 'cap' ? undefined : page.next,
    loadingMore: false,
    error: undefined,
    retryAt: undefined,
    failedMore: undefined,
    pages,
    stalled: stop === 'no-progress' || undefined,
  });
}
