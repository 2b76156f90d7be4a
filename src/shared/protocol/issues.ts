import type { FavouriteFilter, IssuePage, ListRef, PageCursor, PopupScope, SavedQuery } from '../issues';

/** Requests the popup (and options page) make about issues and settings. */
export interface IssueRequests {
  /**
   * One page of a list. Without a cursor this is the list's first page: answered from the
   * cache when it is fresher than the refresh window unless `force`, otherwise fetched and
   * cached (storage.local, per connection and list). With a cursor Jira no longer knows (an
   * expired page token), the list's first page, with `restarted`.
   */
  'issues.list': {
    payload: { connectionId: string; list: ListRef; cursor?: PageCursor; force?: boolean };
    reply: { page: IssuePage; fromCache: boolean; restarted?: true };
  };
  'filters.favourite': {
    payload: { connectionId: string; force?: boolean };
    reply: { filters: FavouriteFilter[] };
  };
  /**
   * Asks the default connection's Jira whether a JQL query runs (a saved query being added).
   * `checkedOn`: the connection's name, absent when it could not be asked; `errors`: Jira's
   * messages when it refused the query (a 400); `notChecked`: why it could not be asked
   * (credentials failing, offline...), absent when there is no connection to ask.
   */
  'jql.check': {
    payload: { jql: string };
    reply: { checkedOn?: string; errors: string[]; notChecked?: string };
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

/**
 * What the background keeps in storage.local under issueCacheKey(connectionId, list): the
 * first page of a list as Jira last gave it. The popup reads it directly to paint at once.
 */
export interface CachedIssueList {
  page: IssuePage;
  /** ms since epoch when the background wrote it. */
  cachedAt: number;
  /** The JQL the page answers (a saved query edited since makes the entry stale). */
  jql: string;
}

/** storage.local under filtersCacheKey(connectionId). */
export interface CachedFilters {
  filters: FavouriteFilter[];
  cachedAt: number;
}

/** What the popup remembers between openings (storage.local POPUP_STATE_KEY; written by the popup). */
export interface PopupState {
  scope: PopupScope;
  /** The last list used, per connection. */
  lists?: Record<string, ListRef>;
}

/** A list opened within this window is answered from the cache (one search per minute at most). */
export const LIST_REFRESH_WINDOW_MS = 60_000;
/** Issues per page the popup asks for. */
export const LIST_PAGE_SIZE = 50;
