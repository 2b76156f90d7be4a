// What the popup paints first, read straight from storage.local before any message to
// the background: connections, the remembered scope and list, and that list's cache.
import type { ConnectionSummary } from '../shared/connection';
import type { FavouriteFilter, ListRef, PopupScope, SavedQuery } from '../shared/issues';
import type { CachedIssueList, PopupState } from '../shared/protocol/issues';
import {
  connectionsItem,
  defaultConnectionItem,
  filtersCacheItem,
  issueCacheItem,
  popupStateItem,
  settingsItem,
} from '../shared/storage-items';
import { filtersCacheKey, issueCacheKey } from '../shared/storage-keys';
import { readLocal } from './ext';

export const ASSIGNED: ListRef = { kind: 'assigned' };

export interface Boot {
  connections: ConnectionSummary[];
  scope: PopupScope;
  list: ListRef;
  savedQueries: SavedQuery[];
  lists: Record<string, ListRef>;
  /** Cached first pages of the list, by connection id. */
  cache: Record<string, CachedIssueList | undefined>;
  filters: FavouriteFilter[];
}

/** The connections a scope shows. */
export function scopeTargets(scope: PopupScope, connections: ConnectionSummary[]): string[] {
  return scope.kind === 'all' ? connections.map((c) => c.id) : [scope.connectionId];
}

/** The scope to show: the remembered one if still valid, else the default connection. */
export function chooseScope(state: PopupState | undefined, connections: ConnectionSummary[], defaultId: unknown): PopupScope | undefined {
  if (!connections.length) return undefined;
  const s = state?.scope;
  if (s?.kind === 'all' && connections.length > 1) return s;
  if (s?.kind === 'connection' && connections.some((c) => c.id === s.connectionId)) return s;
  const id = typeof defaultId === 'string' && connections.some((c) => c.id === defaultId) ? defaultId : connections[0]!.id;
  return { kind: 'connection', connectionId: id };
}

/** The remembered list of a scope, if it still exists ("All connections" is always Assigned). */
export function chooseList(scope: PopupScope, lists: Record<string, ListRef>, saved: SavedQuery[]): ListRef {
  if (scope.kind === 'all') return ASSIGNED;
  const list = lists[scope.connectionId];
  if (!list || list.kind === 'text' || list.kind === 'jql') return ASSIGNED;
  if (list.kind === 'saved') {
    const q = saved.find((x) => x.id === list.queryId);
    return q ? { kind: 'saved', queryId: q.id, name: q.name, jql: q.jql } : ASSIGNED;
  }
  return list;
}

/** The cached first page of `list` on each of `targets`, read through their storage items. */
export async function readCaches(targets: string[], list: ListRef): Promise<Record<string, CachedIssueList | undefined>> {
  const items = targets.map((id) => issueCacheItem(id, list));
  const got = await readLocal(items.map((i) => i.key));
  return Object.fromEntries(targets.map((id, i) => [id, items[i]!.read(got[items[i]!.key])]));
}

/** The cached favourite filters of a connection ([] when none are cached). */
export async function readFilters(connectionId: string): Promise<FavouriteFilter[]> {
  const item = filtersCacheItem(connectionId);
  return item.read((await readLocal([item.key]))[item.key])?.filters ?? [];
}

// The keys the last opening needed beyond the fixed ones, kept in localStorage (synchronous,
// key names only) so the first storage.local read can already include the cached list:
// one round trip before the first paint instead of two.
const HINT_KEY = 'cfj.popup.keys';

function readHint(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(HINT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string' && k.startsWith('cache:')).slice(0, 20) : [];
  } catch {
    return [];
  }
}

/** Remembers which cache entries the popup shows now, for the next opening's first read. */
export function writeHint(keys: string[]): void {
  try {
    localStorage.setItem(HINT_KEY, JSON.stringify(keys));
  } catch {
    // storage full or disabled: the next opening reads twice
  }
}

/** Cache entries a view reads: its list per connection, and the filter menu's. */
export function viewKeys(scope: PopupScope, targets: string[], list: ListRef): string[] {
  const keys = targets.map((id) => issueCacheKey(id, list));
  if (scope.kind === 'connection') keys.push(filtersCacheKey(scope.connectionId));
  return keys;
}

/**
 * What the popup paints first, from one storage.local read when the last opening's hint names the
 * entries this one needs (two reads otherwise). Every entry is read through its item: a missing
 * or malformed one reads as its fallback.
 */
export async function boot(): Promise<Boot> {
  const hint = readHint();
  const fixed = [popupStateItem, connectionsItem, defaultConnectionItem, settingsItem];
  const got = await readLocal([...fixed.map((i) => i.key), ...hint]);
  const connections = connectionsItem.read(got[connectionsItem.key]);
  const state = popupStateItem.read(got[popupStateItem.key]);
  const savedQueries = settingsItem.read(got[settingsItem.key]).savedQueries;
  const lists = state?.lists ?? {};
  const scope = chooseScope(state, connections, defaultConnectionItem.read(got[defaultConnectionItem.key]));
  if (!scope) return { connections, scope: { kind: 'all' }, list: ASSIGNED, savedQueries, lists, cache: {}, filters: [] };
  const list = chooseList(scope, lists, savedQueries);
  const targets = scopeTargets(scope, connections);
  const keys = viewKeys(scope, targets, list);
  // A second read only when the remembered view changed since the hint was written.
  const missing = keys.filter((k) => !hint.includes(k));
  const more = missing.length ? { ...got, ...(await readLocal(missing)) } : got;
  writeHint(keys);
  const cache = Object.fromEntries(
    targets.map((id) => {
      const item = issueCacheItem(id, list);
      return [id, item.read(more[item.key])];
    }),
  );
  const filters = scope.kind === 'connection' ? filtersCacheItem(scope.connectionId) : undefined;
  return { connections, scope, list, savedQueries, lists, cache, filters: filters?.read(more[filters.key])?.filters ?? [] };
}
