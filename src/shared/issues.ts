// Domain types for issue lists, shared by the popup and the background.
import type { BuiltInKind } from './lists';

export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'unknown';

export interface IssueRow {
  /** Connection the issue comes from (rows of a merged list carry their own). */
  connectionId: string;
  key: string;
  summary: string;
  issueType?: { name: string; iconUrl?: string };
  status: { name: string; category: StatusCategory };
  priority?: { name: string; iconUrl?: string };
  assignee?: { displayName: string; avatarUrl?: string };
  /** ISO timestamp of the last update. */
  updated?: string;
}

/** The built-in lists (src/shared/lists.ts) and the user-made ones. */
export type ListRef =
  | { kind: BuiltInKind }
  | { kind: 'filter'; filterId: string; name: string }
  | { kind: 'saved'; queryId: string; name: string; jql: string }
  | { kind: 'text'; text: string }
  | { kind: 'jql'; jql: string };

/** Where the next page starts: Cloud pages by token, Server/DC by offset. */
export type PageCursor = { nextPageToken: string } | { startAt: number };

export interface IssuePage {
  issues: IssueRow[];
  /** Absent on the last page. */
  next?: PageCursor;
  /** Server/DC gives a total; Cloud's /search/jql does not. */
  total?: number;
  /** ms since epoch when Jira answered. */
  fetchedAt: number;
}

export interface FavouriteFilter {
  id: string;
  name: string;
  jql: string;
}

export interface SavedQuery {
  id: string;
  name: string;
  jql: string;
}

/** Which connection the popup shows: one connection, or one merged "Assigned to me". */
export type PopupScope = { kind: 'connection'; connectionId: string } | { kind: 'all' };
