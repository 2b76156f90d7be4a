// The one rule for following a server's cursor (Jira Cloud's nextPageToken, Server/DC's
// startAt): a page may lead to the next one by itself only when it made progress. Jira has been
// seen answering a page that adds no issue yet still carries a token, and a proxy can answer the
// same page twice (docs/jira-api.md#search): a loop that trusts the cursor alone never ends.

/** Pages one list follows at most: 200 pages of 50 issues = 10,000 issues. */
export const MAX_LIST_PAGES = 200;

export interface PageStep {
  /** Items this page added that were not seen before. */
  added: number;
  /** Pages fetched so far, this one included. */
  pages: number;
  /** The server named a next page. */
  hasNext: boolean;
  /** The server said this is the last page (Cloud's `isLast`). */
  isLast?: boolean;
  /** At most this many pages (default MAX_LIST_PAGES). */
  maxPages?: number;
}

export type PageStop = 'last' | 'no-progress' | 'cap';

/**
 * Why following the cursor must stop after this page, or undefined when the next page may be
 * asked for by itself: never after the last page, a page that added nothing new, or the cap.
 */
export function pageStop(step: PageStep): PageStop | undefined {
  if (!step.hasNext || step.isLast === true) return 'last';
  if (step.added <= 0) return 'no-progress';
  if (step.pages >= (step.maxPages ?? MAX_LIST_PAGES)) return 'cap';
  return undefined;
}
