import type { FavouriteFilter, IssuePage, IssueRow, ListRef, PageCursor, SavedQuery } from '../issues';

/** Requests the popup (and options page) make about issues and settings (issue #4). */
export interface IssueRequests {
  /**
   * One page of a list. Without a cursor this is the list's first page: answered from the
   * cache when it is fresher than the refresh window unless `force`, otherwise fetched and
   * cached (storage.local, per connection and list).
   */
  'issues.list': {
    payload: { connectionId: string; list: ListRef; cursor?: PageCursor; force?: boolean };
    reply: { page: IssuePage; fromCache: boolean };
  };
  /** Quick search (issue picker) for text typed in the Search box. */
  'issues.pick': {
    payload: { connectionId: string; query: string };
    reply: { issues: IssueRow[] };
  };
  'filters.favourite': {
    payload: { connectionId: string; force?: boolean };
    reply: { filters: FavouriteFilter[] };
  };
  'settings.get': { payload: Record<string, never>; reply: { settings: Settings } };
  'settings.update': { payload: { settings: Partial<Settings> }; reply: { settings: Settings } };
}

export interface Settings {
  badgeEnabled: boolean;
  /** Minutes between badge refreshes (1..120). */
  badgeIntervalMinutes: number;
  savedQueries: SavedQuery[];
}

export const DEFAULT_SETTINGS: Settings = {
  badgeEnabled: true,
  badgeIntervalMinutes: 5,
  savedQueries: [],
};
