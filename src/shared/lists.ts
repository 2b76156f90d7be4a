// The built-in lists, declared once: a new list is one entry here and one row in lists.test.ts.
// The popup's tabs, their empty states, the JQL the background sends, the payload schema and
// the cache keys all read this table (docs/jira-api.md#jql-text-search for `issueHistory()`).
import type { ListRef } from './issues';

/** Open issues assigned to the user: "open" is a status category other than Done. */
export const ASSIGNED_OPEN_JQL = 'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC';

export interface BuiltInList {
  /** Stable: stored in the popup's state and in cache keys. */
  kind: string;
  /** The tab's name (an accessible name: a public contract). */
  label: string;
  jql: string;
  /** What the popup says when the list is empty. */
  empty: string;
  /** Offered in "All connections", merged by update time (its JQL orders by `updated DESC`). */
  merged: boolean;
}

export const BUILT_IN_LISTS = [
  { kind: 'assigned', label: 'Assigned to me', jql: ASSIGNED_OPEN_JQL, empty: 'No open issues are assigned to you.', merged: true },
  {
    kind: 'reported',
    label: 'Reported by me',
    jql: 'reporter = currentUser() ORDER BY updated DESC',
    empty: 'You have not reported any issues.',
    merged: false,
  },
  {
    kind: 'watching',
    label: 'Watching',
    jql: 'watcher = currentUser() ORDER BY updated DESC',
    empty: 'You are not watching any issues.',
    merged: false,
  },
  {
    kind: 'recent',
    label: 'Recently viewed',
    jql: 'issuekey in issueHistory() ORDER BY lastViewed DESC',
    empty: 'No recently viewed issues.',
    merged: false,
  },
] as const satisfies readonly BuiltInList[];

export type BuiltInKind = (typeof BUILT_IN_LISTS)[number]['kind'];

export const BUILT_IN_KINDS = BUILT_IN_LISTS.map((l) => l.kind) as [BuiltInKind, ...BuiltInKind[]];

/** The entry of a built-in kind, or undefined for any other kind (a filter, a search...). */
export function builtInList(kind: string): (typeof BUILT_IN_LISTS)[number] | undefined {
  return BUILT_IN_LISTS.find((l) => l.kind === kind);
}

/**
 * Whether a list's first page is cached (storage.local, per connection): every list but a search
 * typed by the user, which would leave an entry behind at every keystroke.
 */
export function isCachedList(list: ListRef): boolean {
  return list.kind !== 'text' && list.kind !== 'jql';
}
