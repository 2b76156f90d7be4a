// A loop that follows a server cursor in the background (counting a Cloud search page by page;
// comments and worklogs later), bounded by the rule of src/shared/paging.ts: it stops at the
// last page, at a page that adds no new item, when the cursor comes back unchanged, and at a
// page cap, so a server that keeps answering "there is more" cannot keep it running.
import { pageStop, type PageStop } from '../../shared/paging';

export interface CursorPage<C> {
  /** Ids of the page's items (to tell new ones from repeated ones). */
  ids: string[];
  next?: C;
  isLast?: boolean;
}

export interface FollowOptions<C> {
  maxPages: number;
  /** Stop once this many distinct items are seen. */
  maxItems?: number;
  /** A cursor's identity (default JSON): the same cursor twice is no progress. */
  cursorKey?: (cursor: C) => string;
}

/**
 * Calls `fetchPage` with no cursor, then with each next cursor while the rule allows. Returns the
 * distinct ids seen and why it stopped ('items' when maxItems was reached). Errors of
 * `fetchPage` propagate (no retry here: the transport's budget decides that).
 */
export async function followCursor<C>(
  fetchPage: (cursor: C | undefined) => Promise<CursorPage<C>>,
  opts: FollowOptions<C>,
): Promise<{ ids: Set<string>; stop: PageStop | 'items' }> {
  const keyOf = opts.cursorKey ?? ((c: C) => JSON.stringify(c));
  const ids = new Set<string>();
  const cursors = new Set<string>();
  let cursor: C | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    const before = ids.size;
    for (const id of page.ids) ids.add(id);
    const repeated = page.next !== undefined && cursors.has(keyOf(page.next));
    const stop = pageStop({
      added: repeated ? 0 : ids.size - before,
      pages,
      hasNext: page.next !== undefined,
      ...(page.isLast !== undefined ? { isLast: page.isLast } : {}),
      maxPages: opts.maxPages,
    });
    if (stop) return { ids, stop };
    if (opts.maxItems !== undefined && ids.size >= opts.maxItems) return { ids, stop: 'items' };
    cursor = page.next;
    cursors.add(keyOf(cursor!));
  }
}
