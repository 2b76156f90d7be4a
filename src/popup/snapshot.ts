// A small copy of the last painted view in localStorage (synchronous), so the popup paints
// its first screen before storage.local answers. storage.local stays the source of truth:
// boot() still reads it, and the App brings the view in line with what it read (app.tsx).
// Only what the first screen shows: a few connection fields (never a secret: a
// ConnectionSummary has none, and only some of its fields are kept), the scope, the list,
// and the first rows of that list's cached page.
import type { ConnectionSummary } from '../shared/connection';
import type { CachedIssueList } from '../shared/protocol/issues';
import { POPUP_SNAPSHOT_KEY } from '../shared/storage-keys';
import type { Boot } from './boot';

const SNAP_KEY = POPUP_SNAPSHOT_KEY;
/**
 * The stored form's version: `{ v, view }`. A snapshot written by another version of the
 * extension is ignored (its rows may lack a field this one reads); the next paint rewrites it.
 */
export const SNAPSHOT_VERSION = 1;
/** Seven rows in view plus the overscan that follows the first frame. */
export const SNAP_ROWS = 12;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function slimConnection(c: ConnectionSummary): ConnectionSummary {
  const s: Partial<ConnectionSummary> = {
    id: c.id,
    name: c.name,
    siteUrl: c.siteUrl,
    deployment: c.deployment,
    authMethod: c.authMethod,
    status: c.status,
  };
  if (c.tokenExpiresOn) s.tokenExpiresOn = c.tokenExpiresOn;
  return s as ConnectionSummary;
}

/** What the snapshot keeps of a Boot (also the form compared with the snapshot). */
export function slimBoot(b: Boot): Boot {
  const cache: Record<string, CachedIssueList | undefined> = {};
  for (const [id, c] of Object.entries(b.cache)) {
    const issues = Array.isArray(c?.page?.issues) ? c.page.issues : undefined;
    if (!c || !issues) continue;
    const page: CachedIssueList['page'] = { issues: issues.slice(0, SNAP_ROWS), fetchedAt: c.page.fetchedAt };
    // A cut page keeps a cursor only as a sign that there is more: Load more itself waits
    // for this view's first page from Jira (app.tsx), never a snapshot's cursor.
    if (c.page.next || issues.length > SNAP_ROWS) page.next = c.page.next ?? { startAt: SNAP_ROWS };
    cache[id] = { page, cachedAt: 0, jql: '' };
  }
  return {
    connections: b.connections.map(slimConnection),
    scope: b.scope,
    list: b.list,
    savedQueries: b.savedQueries,
    lists: b.lists,
    cache,
    filters: b.filters,
  };
}

export function readSnapshot(): Boot | undefined {
  try {
    const raw = localStorage.getItem(SNAP_KEY);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as unknown;
    if (!isObject(stored) || stored.v !== SNAPSHOT_VERSION) return undefined;
    const b = stored.view;
    if (
      !isObject(b) ||
      !Array.isArray(b.connections) ||
      !b.connections.length ||
      !isObject(b.scope) ||
      !isObject(b.list) ||
      !Array.isArray(b.savedQueries) ||
      !isObject(b.lists) ||
      !isObject(b.cache) ||
      !Array.isArray(b.filters)
    )
      return undefined;
    return b as unknown as Boot;
  } catch {
    return undefined;
  }
}

/** Remembers the view painted now; returns the text written (to skip identical writes). */
export function writeSnapshot(b: Boot, last?: string): string | undefined {
  try {
    if (!b.connections.length) {
      localStorage.removeItem(SNAP_KEY);
      return undefined;
    }
    const view = slimBoot(b);
    const text = JSON.stringify(view);
    if (text !== last) localStorage.setItem(SNAP_KEY, JSON.stringify({ v: SNAPSHOT_VERSION, view }));
    return text;
  } catch {
    return undefined;
  }
}

export function sameView(snapshot: Boot, real: Boot): boolean {
  return JSON.stringify(snapshot) === JSON.stringify(slimBoot(real));
}
