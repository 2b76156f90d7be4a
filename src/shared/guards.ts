// Small hand-written checks of data read back from storage (written by an older version, a
// bug, or another extension page): cheap enough for the popup's start-up, where zod is too
// big (its budget is 20 KB gzip). They check the shape the code relies on, not every field.
import type { ConnectionSummary } from './connection';
import type { FavouriteFilter, IssuePage, IssueRow, ListRef, PageCursor, PopupScope, SavedQuery } from './issues';
import { BUILT_IN_KINDS } from './lists';

export type Guard<T> = (v: unknown) => v is T;

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The items of an array that pass `guard` (one bad entry does not hide the others); [] for a non-array. */
export function arrayOf<T>(v: unknown, guard: Guard<T>): T[] {
  return Array.isArray(v) ? v.filter(guard) : [];
}

/** A record's entries whose values pass `guard`; {} for a non-record. */
export function recordOf<T>(v: unknown, guard: Guard<T>): Record<string, T> {
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, T] => guard(e[1])));
}

/** A stored connection: ids, site, kind, sign-in method, user and status, each of the right type. */
export function isConnectionSummary(v: unknown): v is ConnectionSummary {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.name) &&
    isString(v.siteUrl) &&
    (v.deployment === 'cloud' || v.deployment === 'server') &&
    (v.authMethod === 'cloud-token' || v.authMethod === 'password' || v.authMethod === 'pat') &&
    isString(v.username) &&
    isRecord(v.user) &&
    isString(v.user.displayName) &&
    isRecord(v.status) &&
    isString(v.status.state)
  );
}

/** A next-page cursor: Cloud's token or Server/DC's non-negative offset. */
export function isPageCursor(v: unknown): v is PageCursor {
  return isRecord(v) && (isString(v.nextPageToken) || (Number.isInteger(v.startAt) && (v.startAt as number) >= 0));
}

/** A list row: its connection, key, summary and status name (the rest is optional). */
export function isIssueRow(v: unknown): v is IssueRow {
  return isRecord(v) && isString(v.connectionId) && isString(v.key) && isString(v.summary) && isRecord(v.status) && isString(v.status.name);
}

/** A page with its malformed rows dropped, or undefined when it is not a page at all. */
export function readIssuePage(v: unknown): IssuePage | undefined {
  if (!isRecord(v) || !Array.isArray(v.issues) || !isNumber(v.fetchedAt)) return undefined;
  const page: IssuePage = { issues: arrayOf(v.issues, isIssueRow), fetchedAt: v.fetchedAt };
  if (isPageCursor(v.next)) page.next = v.next;
  if (isNumber(v.total)) page.total = v.total;
  return page;
}

/** A saved JQL query of the settings. */
export function isSavedQuery(v: unknown): v is SavedQuery {
  return isRecord(v) && isString(v.id) && isString(v.name) && isString(v.jql);
}

/** A favourite filter as cached from Jira. */
export function isFavouriteFilter(v: unknown): v is FavouriteFilter {
  return isRecord(v) && isString(v.id) && isString(v.name) && isString(v.jql);
}

/** A list the popup can show: a built-in kind (src/shared/lists.ts), a filter, a saved query or a search. */
export function isListRef(v: unknown): v is ListRef {
  if (!isRecord(v) || !isString(v.kind)) return false;
  switch (v.kind) {
    case 'filter':
      return isString(v.filterId) && isString(v.name);
    case 'saved':
      return isString(v.queryId) && isString(v.name) && isString(v.jql);
    case 'text':
      return isString(v.text);
    case 'jql':
      return isString(v.jql);
    default:
      return (BUILT_IN_KINDS as readonly string[]).includes(v.kind);
  }
}

/** One connection, or all of them. */
export function isPopupScope(v: unknown): v is PopupScope {
  return isRecord(v) && (v.kind === 'all' || (v.kind === 'connection' && isString(v.connectionId)));
}
