// The storage items of the details view's cache (the pattern of storage-items.ts): apart, so the
// popup's first chunk does not carry them (the details view loads them with its own chunk).
import { arrayOf, isNumber, isRecord, isString } from './guards';
import type { CachedIssueDetails } from './issue-details';
import { type StorageItem, defineItem } from './storage-items';
import { CACHE_PREFIX, issueDetailsKey } from './storage-keys';

export interface RecentIssues {
  issues: { key: string; size: number }[];
}

/**
 * The details of an issue opened in the popup, as Jira last sent them (written by the
 * background, src/background/issues/details-cache.ts; bounded per connection).
 */
export function issueDetailsItem(connectionId: string, key: string): StorageItem<CachedIssueDetails | undefined> {
  return defineItem<CachedIssueDetails | undefined>('local', issueDetailsKey(connectionId, key), undefined, (v) => {
    if (!isRecord(v) || !isNumber(v.fetchedAt) || !isRecord(v.issue)) return undefined;
    const i = v.issue;
    const ok =
      isString(i.key) &&
      isString(i.connectionId) &&
      isString(i.summary) &&
      isRecord(i.status) &&
      isString(i.status.name) &&
      Array.isArray(i.labels) &&
      Array.isArray(i.attachments) &&
      isRecord(i.comments) &&
      Array.isArray(i.comments.comments) &&
      isNumber(i.comments.total);
    return ok ? (v as unknown as CachedIssueDetails) : undefined;
  });
}

/** Which issues' details a connection keeps, most recently opened first, with their sizes (characters). */
export function recentIssuesItem(connectionId: string): StorageItem<RecentIssues> {
  return defineItem<RecentIssues>('local', `${CACHE_PREFIX}${connectionId}:~recent`, { issues: [] }, (v) =>
    isRecord(v)
      ? { issues: arrayOf(v.issues, (e): e is RecentIssues['issues'][number] => isRecord(e) && isString(e.key) && isNumber(e.size)) }
      : undefined,
  );
}
