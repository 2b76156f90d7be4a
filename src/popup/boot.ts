// What the popup paints first, read straight from storage.local before any message to
// the background: connections, the remembered scope and list, and that list's cache.
import type { ConnectionSummary } from '../shared/connection';
import type { FavouriteFilter, ListRef, PopupScope, SavedQuery } from '../shared/issues';
import type { CachedFilters, CachedIssueList, PopupState } from '../shared/protocol/issues';
import {
  CONNECTIONS_KEY,
  DEFAULT_CONNECTION_KEY,
  POPUP_STATE_KEY,
  SETTINGS_KEY,
  filtersCacheKey,
  issueCacheKey,
} from '../shared/storage-keys';
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

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

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

export async function readCaches(targets: string[], list: ListRef): Promise<Record<string, CachedIssueList | undefined>> {
  const keys = targets.map((id) => issueCacheKey(id, list));
  const got = await readLocal(keys);
  return Object.fromEntries(targets.map((id, i) => [id, got[keys[i]!] as CachedIssueList | undefined]));
}

export async function readFilters(connectionId: string): Promise<FavouriteFilter[]> {
  const key = filtersCacheKey(connectionId);
  const cached = (await readLocal([key]))[key] as CachedFilters | undefined;
  return Array.isArray(cached?.filters) ? cached.filters : [];
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

export async function boot(): Promise<Boot> {
  const hint = readHint();
  const got = await readLocal([POPUP_STATE_KEY, CONNECTIONS_KEY, DEFAULT_CONNECTION_KEY, SETTINGS_KEY, ...hint]);
  const connections = (Array.isArray(got[CONNECTIONS_KEY]) ? got[CONNECTIONS_KEY] : []) as ConnectionSummary[];
  const state = isObject(got[POPUP_STATE_KEY]) ? (got[POPUP_STATE_KEY] as unknown as PopupState) : undefined;
  const settings = isObject(got[SETTINGS_KEY]) ? got[SETTINGS_KEY] : {};
  const savedQueries = (Array.isArray(settings.savedQueries) ? settings.savedQueries : []) as SavedQuery[];
  const lists = isObject(state?.lists) ? (state.lists as Record<string, ListRef>) : {};
  const scope = chooseScope(state, connections, got[DEFAULT_CONNECTION_KEY]);
  if (!scope) return { connections, scope: { kind: 'all' }, list: ASSIGNED, savedQueries, lists, cache: {}, filters: [] };
  const list = chooseList(scope, lists, savedQueries);
  const targets = scopeTargets(scope, connections);
  const keys = viewKeys(scope, targets, list);
  // A second read only when the remembered view changed since the hint was written.
  const missing = keys.filter((k) => !hint.includes(k));
  const more = missing.length ? { ...got, ...(await readLocal(missing)) } : got;
  writeHint(keys);
  const cache = Object.fromEntries(targets.map((id) => [id, more[issueCacheKey(id, list)] as CachedIssueList | undefined]));
  const f = scope.kind === 'connection' ? (more[filtersCacheKey(scope.connectionId)] as CachedFilters | undefined) : undefined;
  return { connections, scope, list, savedQueries, lists, cache, filters: Array.isArray(f?.filters) ? f.filters : [] };
}
