// The details of recently opened issues, kept per connection so that an issue opens at once the
// next time, and reads fine while Jira is unreachable. Bounded: at most MAX_CACHED_ISSUES issues
// and MAX_CACHED_CHARS characters of stored JSON per connection; the least recently opened go
// first. Written under the store's lock, and never for a connection deleted meanwhile.
import type { CachedIssueDetails, IssueDetails } from '../../shared/issue-details';
import { issueDetailsItem, recentIssuesItem } from '../../shared/details-items';
import type { Store } from '../storage/store';

export const MAX_CACHED_ISSUES = 30;
/** storage.local counts characters of JSON; 1.5 M of them is a few hundred large issues' worth. */
export const MAX_CACHED_CHARS = 1_500_000;

/** The cached details of `key` on connection `id`, if any. */
export function cachedDetails(store: Store, id: string, key: string): Promise<CachedIssueDetails | undefined> {
  return store.read(issueDetailsItem(id, key));
}

/**
 * Keeps `issue` as connection `id`'s most recently opened one, then drops the oldest entries
 * beyond the bounds. An issue larger than the whole budget is not kept (it is still shown).
 */
export async function keepDetails(store: Store, id: string, issue: IssueDetails, fetchedAt: number): Promise<void> {
  const entry: CachedIssueDetails = { issue, fetchedAt };
  const size = JSON.stringify(entry).length;
  if (size > MAX_CACHED_CHARS) return;
  let evicted: string[] = [];
  const kept = await store.updateForConnection(id, recentIssuesItem(id), (recent) => {
    const issues = [{ key: issue.key, size }, ...recent.issues.filter((e) => e.key !== issue.key)];
    let total = 0;
    const stay = issues.filter((e, i) => {
      total += e.size;
      return i < MAX_CACHED_ISSUES && total <= MAX_CACHED_CHARS;
    });
    evicted = issues.filter((e) => !stay.includes(e)).map((e) => e.key);
    return { issues: stay };
  });
  if (!kept) return;
  await store.updateForConnection(id, issueDetailsItem(id, issue.key), () => entry);
  if (evicted.length) await store.remove(evicted.map((k) => issueDetailsItem(id, k)));
}
