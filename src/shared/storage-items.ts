// Every storage.local entry that more than one context reads, declared once: its key, what it
// reads as when missing or malformed, and the check applied on every read (the pattern of WXT's
// `defineItem` and fregante's `StorageItem`). Code reads an item with its `read`, never with a
// cast. Writers: the background, except the popup's own state. The popup never reads the
// background's secrets: they are declared in src/background/storage/items.ts, not here.
import type { ConnectionSummary } from './connection';
import {
  arrayOf,
  isConnectionSummary,
  isFavouriteFilter,
  isListRef,
  isNumber,
  isPopupScope,
  isRecord,
  isSavedQuery,
  isString,
  readIssuePage,
  recordOf,
} from './guards';
import type { ListRef } from './issues';
import { DEFAULT_SETTINGS, type CachedFilters, type CachedIssueList, type PopupState, type Settings } from './protocol/issues';
import {
  CONNECTIONS_KEY,
  DEFAULT_CONNECTION_KEY,
  EXPIRY_NOTIFIED_KEY,
  POPUP_STATE_KEY,
  SCHEMA_VERSION_KEY,
  SETTINGS_KEY,
  filtersCacheKey,
  iconsCacheKey,
  issueCacheKey,
  type CachedIcons,
} from './storage-keys';

export interface StorageItem<T> {
  readonly area: 'local' | 'session';
  readonly key: string;
  /** What a missing or malformed value reads as. */
  readonly fallback: T;
  /** The stored value, checked; the fallback when it is missing or does not pass. */
  read(raw: unknown): T;
}

/** Declares an item; `parse` returns the checked value, or undefined for the fallback. */
export function defineItem<T>(area: 'local' | 'session', key: string, fallback: T, parse: (raw: unknown) => T | undefined): StorageItem<T> {
  return { area, key, fallback, read: (raw) => (raw === undefined ? fallback : (parse(raw) ?? fallback)) };
}

export const schemaVersionItem = defineItem('local', SCHEMA_VERSION_KEY, 0, (v) =>
  Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined,
);

export const connectionsItem = defineItem<ConnectionSummary[]>('local', CONNECTIONS_KEY, [], (v) => arrayOf(v, isConnectionSummary));

export const defaultConnectionItem = defineItem<string | null>('local', DEFAULT_CONNECTION_KEY, null, (v) => (isString(v) ? v : undefined));

/** Settings field by field: a malformed field takes its default, the others stay. */
export const settingsItem = defineItem<Settings>('local', SETTINGS_KEY, DEFAULT_SETTINGS, (v) => {
  if (!isRecord(v)) return undefined;
  const interval = v.badgeIntervalMinutes;
  return {
    badgeEnabled: typeof v.badgeEnabled === 'boolean' ? v.badgeEnabled : DEFAULT_SETTINGS.badgeEnabled,
    badgeIntervalMinutes:
      Number.isInteger(interval) && (interval as number) >= 1 && (interval as number) <= 120
        ? (interval as number)
        : DEFAULT_SETTINGS.badgeIntervalMinutes,
    savedQueries: arrayOf(v.savedQueries, isSavedQuery),
  };
});

/** Per connection id, the expiry date (YYYY-MM-DD) already notified. */
export const expiryNotifiedItem = defineItem<Record<string, string>>('local', EXPIRY_NOTIFIED_KEY, {}, (v) => recordOf(v, isString));

export const popupStateItem = defineItem<PopupState | undefined>('local', POPUP_STATE_KEY, undefined, (v) => {
  if (!isRecord(v) || !isPopupScope(v.scope)) return undefined;
  return { scope: v.scope, lists: recordOf<ListRef>(v.lists, isListRef) };
});

/** The cached first page of one list on one connection (written by the background). */
export function issueCacheItem(connectionId: string, list: ListRef): StorageItem<CachedIssueList | undefined> {
  return issueCacheItemAt(issueCacheKey(connectionId, list));
}

/** The cached first page of a list under its storage key (issueCacheKey), for code that lists them. */
export function issueCacheItemAt(key: string): StorageItem<CachedIssueList | undefined> {
  return defineItem<CachedIssueList | undefined>('local', key, undefined, (v) => {
    if (!isRecord(v) || !isNumber(v.cachedAt) || !isString(v.jql)) return undefined;
    const page = readIssuePage(v.page);
    return page && { page, cachedAt: v.cachedAt, jql: v.jql };
  });
}

/** A connection's favourite filters as last read from Jira. */
export function filtersCacheItem(connectionId: string): StorageItem<CachedFilters | undefined> {
  return defineItem<CachedFilters | undefined>('local', filtersCacheKey(connectionId), undefined, (v) =>
    isRecord(v) && isNumber(v.cachedAt) ? { filters: arrayOf(v.filters, isFavouriteFilter), cachedAt: v.cachedAt } : undefined,
  );
}

const isIconEntry = (v: unknown): v is CachedIcons['icons'][string] =>
  isRecord(v) && isNumber(v.at) && isNumber(v.size) && (v.data === undefined || isString(v.data));

/** A connection's icons, fetched with its credentials (src/background/issues/icons.ts). */
export function iconsCacheItem(connectionId: string): StorageItem<CachedIcons> {
  return defineItem<CachedIcons>('local', iconsCacheKey(connectionId), { v: 1, icons: {} }, (v) =>
    isRecord(v) && v.v === 1 ? { v: 1, icons: recordOf(v.icons, isIconEntry) } : undefined,
  );
}
