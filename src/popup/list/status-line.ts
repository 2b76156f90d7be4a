// The popup's status line under the list tabs: what the list is doing or what a search found,
// and how old the rows are. Pure (status-line.test.ts).
import { LIST_REFRESH_WINDOW_MS } from '../../shared/protocol/issues';
import { relativeTime } from '../../shared/time';
import type { Search } from '../hooks/use-search';

export interface StatusInput {
  /** A connection's first page is on its way. */
  loading: boolean;
  search: Search | null;
  /** The view's first pages have all been answered. */
  answered: boolean;
  /** Rows shown, and whether more pages may follow. */
  count: number;
  more: boolean;
  /** Requests that failed (their alerts say why). */
  errors: number;
  /** When Jira answered the oldest part of what is shown (epoch ms). */
  oldest: number | undefined;
  /**
   * While loading: when Jira answered the oldest rows that may come back from the background's
   * cache (ListSummary); 0 or absent when Jira is asked.
   */
  loadingCachedAt?: number;
  now: number;
  /** The issue key typed in Search: Enter opens it. */
  typedKey: string | undefined;
}

/**
 * [announced, quiet?, announced tail?]: the status line is a live region, but what changes while
 * one types or every 30 s (the age of the list, what Enter opens) is in a part not announced.
 */
export function statusLine(i: StatusInput): [string, string?, string?] {
  const enterHint = i.typedKey ? `Enter opens ${i.typedKey}` : undefined;
  if (i.loading || (i.search && !i.answered)) {
    if (i.search) return ['Searching…'];
    if (!i.oldest) return ['Loading…'];
    // Rows younger than the background's refresh window come back from its cache, not from
    // Jira, within milliseconds: "Updating…" would only flash. They are what Jira said then.
    // Any other (a connection with nothing cached, the user's Retry) is a request to Jira.
    const age = i.now - (i.loadingCachedAt ?? 0); // none: Jira is asked (as if cached in 1970)
    if (!(age >= 0 && age < LIST_REFRESH_WINDOW_MS)) {
      return ['Updating… (updated ', relativeTime(i.oldest, i.now, 'long'), ')'];
    }
  }
  if (i.search && !i.errors) {
    // What the list shows now: how many results (at least, with pages to come), for what.
    const what = i.search.list.kind === 'text' ? ` for “${i.search.list.text}”` : '';
    const noun = i.count === 1 && !i.more ? 'result' : 'results';
    return [`${i.count}${i.more ? '+' : ''} ${noun}${what}`, enterHint && ` · ${enterHint}`];
  }
  if (enterHint) return ['', enterHint];
  if (i.oldest && !i.search) return ['Updated ', relativeTime(i.oldest, i.now, 'long')];
  return [''];
}
