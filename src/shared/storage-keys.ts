// Names of storage.local entries that more than one context reads. The popup reads its
// cached lists straight from storage.local so it can paint before the service worker wakes;
// it never reads SECRETS_KEY (only the background does).
import type { ListRef } from './issues';

export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const CONNECTIONS_KEY = 'connections';
export const SECRETS_KEY = 'secrets';
export const DEFAULT_CONNECTION_KEY = 'defaultConnectionId';
export const SETTINGS_KEY = 'settings';
export const EXPIRY_NOTIFIED_KEY = 'expiryNotified';
export const POPUP_STATE_KEY = 'popupState';
/**
 * localStorage (extension origin) key of the popup's copy of its last painted view, read
 * synchronously for the first frame (src/popup/snapshot.ts). The options page drops it when a
 * connection is deleted, so a deleted connection's issues never flash in the popup.
 */
export const POPUP_SNAPSHOT_KEY = 'cfj.popup.view';

// The popup's comment drafts (localStorage) have their keys in comment-draft-keys.ts: only the
// details view and the options page use them, so they stay out of the popup's entry.

/** Stable key of a list, used in cache entry names. */
export function listKey(list: ListRef): string {
  switch (list.kind) {
    case 'filter':
      return `filter:${list.filterId}`;
    case 'saved':
      return `saved:${list.queryId}`;
    case 'text':
      return `text:${list.text}`;
    case 'jql':
      return `jql:${list.jql}`;
    default:
      return list.kind; // a built-in list (src/shared/lists.ts)
  }
}

export const CACHE_PREFIX = 'cache:';

/** storage.local key of the cached first page(s) of one list on one connection. */
export function issueCacheKey(connectionId: string, list: ListRef): string {
  return `${CACHE_PREFIX}${connectionId}:${listKey(list)}`;
}

/** storage.local key of an issue's cached details (the popup's details view). */
export function issueDetailsKey(connectionId: string, key: string): string {
  return `${CACHE_PREFIX}${connectionId}:issue:${key}`;
}

/** storage.local key of a connection's cached favourite filters. */
export function filtersCacheKey(connectionId: string): string {
  return `${CACHE_PREFIX}${connectionId}:~filters`;
}

/**
 * storage.local key of one connection's icons (issue types, priorities, avatars on its own
 * site), fetched with its credentials by the background as data: URLs (background/issues/icons.ts).
 */
export function iconsCacheKey(connectionId: string): string {
  return `${CACHE_PREFIX}${connectionId}:~icons`;
}

/** What iconsCacheKey holds: by image URL, its data: URL, or none when it could not be loaded. */
export interface CachedIcons {
  v: 1;
  icons: Record<string, { data?: string; at: number; size: number }>;
}
