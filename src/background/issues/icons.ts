// Icons in issue rows that only the connection's credentials can load: issue type icons
// (Cloud: /rest/api/2/universal_avatar/..., Data Center: /secure/viewavatar...), Data Center
// avatars (/secure/useravatar...). An <img> in the popup would send the browser's Jira cookies,
// or nothing when the user is not logged in to Jira in this browser, and Jira answers 403. So
// the background fetches each icon once with the connection's token (credentials: "omit", like
// every Jira call), stores it in storage.local as a data: URL, and the popup shows that.
// Only URLs on the connection's own site are fetched, and only URLs Jira's own answer named:
// no message names one. Icons on Atlassian's public avatar hosts load directly (image-url.ts).
import type { ConnectionSummary } from '../../shared/connection';
import { isAppError, isAuthFailure } from '../../shared/errors';
import type { IssueRow } from '../../shared/issues';
import { iconsCacheKey, type CachedIcons } from '../../shared/storage-keys';
import { apiBaseFor, transportFor } from '../jira/connect';
import { JiraTransport, isSafeApiPath } from '../jira/transport';
import { originPatternFor } from '../../shared/site-url';
import type { Store } from '../storage/store';
import { blockedBy } from './jira-access';

/** A fetched icon is kept this long, then fetched again when a list shows it. */
export const ICON_TTL_MS = 7 * 24 * 3600_000;
/** An icon that failed (404, 403, not an image) is not asked for again before this. */
export const ICON_FAILURE_TTL_MS = 24 * 3600_000;
export const MAX_ICON_BYTES = 32 * 1024;
/** Per connection: the stored icons' total size, and their number. The oldest go first. */
export const MAX_ICONS_BYTES = 512 * 1024;
export const MAX_ICONS = 300;
/** Fetches per list reply, and at once. */
export const MAX_FETCHES = 24;
const PARALLEL = 4;
const TIMEOUT_MS = 10_000;

export interface IconDeps {
  store: Store;
  /** The transport for a connection (default: transportFor, no retries, short timeout). */
  transport?: (c: ConnectionSummary, secret: string) => JiraTransport;
  /** A transport without credentials for a site (scoped tokens: static icons on the site). */
  anonymous?: (siteUrl: string) => JiraTransport;
  now?: () => number;
}

const parse = (u: string): URL | undefined => {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
};

/** `url` as a request under the connection's site: its path after the context path, and its query. */
export function iconRequest(url: string, siteUrl: string): { path: string; query: Record<string, string> } | undefined {
  const u = parse(url);
  const site = parse(siteUrl);
  if (!u || !site || u.origin !== site.origin || u.username || u.password) return undefined;
  const base = site.pathname.replace(/\/+$/, '');
  if (!u.pathname.startsWith(`${base}/`)) return undefined;
  const path = u.pathname.slice(base.length);
  // What the transport would refuse (it could climb out of the site): never fetched, never stored.
  if (!isSafeApiPath(path)) return undefined;
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  return { path, query };
}

type IconTarget = Pick<ConnectionSummary, 'siteUrl' | 'deployment' | 'scoped' | 'cloudId'>;

/**
 * How `url` is fetched for connection `c`: the request under its site, or (a scoped token)
 * under the gateway its REST calls use, where Jira's answers put their REST resources. With a
 * scoped token, the site's static icons (/images/icons/...) are public: fetched without
 * credentials (the gateway serves only the REST API).
 */
export function iconSource(url: string, c: IconTarget): { req: { path: string; query: Record<string, string> }; anonymous: boolean } | undefined {
  const scoped = c.deployment === 'cloud' && c.scoped;
  const site = iconRequest(url, c.siteUrl);
  if (site) return { req: site, anonymous: scoped && !site.path.startsWith('/rest/') };
  if (!scoped) return undefined;
  let gateway: string;
  try {
    gateway = apiBaseFor(c);
  } catch {
    return undefined;
  }
  const req = iconRequest(url, gateway);
  return req ? { req, anonymous: false } : undefined;
}

/** The distinct image URLs in `rows` that only the connection can fetch (its site, its gateway). */
export function siteIconUrls(rows: IssueRow[], c: IconTarget): string[] {
  const urls = new Set<string>();
  for (const r of rows) {
    for (const u of [r.issueType?.iconUrl, r.priority?.iconUrl, r.assignee?.avatarUrl]) {
      if (typeof u === 'string' && iconSource(u, c)) urls.add(u);
    }
  }
  return [...urls];
}

export function readIcons(value: unknown): CachedIcons {
  const v = value as Partial<CachedIcons> | undefined;
  if (!v || v.v !== 1 || !v.icons || typeof v.icons !== 'object') return { v: 1, icons: {} };
  return { v: 1, icons: { ...v.icons } };
}

function fresh(entry: CachedIcons['icons'][string] | undefined, now: number): boolean {
  if (!entry || typeof entry.at !== 'number' || entry.at > now) return false;
  return now - entry.at < (entry.data ? ICON_TTL_MS : ICON_FAILURE_TTL_MS);
}

/** Keeps the newest icons within MAX_ICONS and MAX_ICONS_BYTES. */
export function pruneIcons(cache: CachedIcons): CachedIcons {
  const entries = Object.entries(cache.icons).sort(([, a], [, b]) => b.at - a.at);
  const kept: CachedIcons['icons'] = {};
  let bytes = 0;
  for (const [url, e] of entries.slice(0, MAX_ICONS)) {
    bytes += (e.size ?? 0) + url.length;
    if (bytes > MAX_ICONS_BYTES) break;
    kept[url] = e;
  }
  return { v: 1, icons: kept };
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Fetches the icons of `rows` (and the user's avatar) that `connectionId`'s cache lacks or
 * holds too long, after a list answer or a save (so its credentials just worked). Stops at the first sign that they no longer
 * do, or that Jira is limiting us: icons are never worth a failed login (a CAPTCHA, a lock).
 */
export async function refreshIcons(deps: IconDeps, connectionId: string, rows: IssueRow[]): Promise<void> {
  const now = deps.now ?? Date.now;
  const c = await deps.store.connection(connectionId);
  if (!c || blockedBy(c)) return;
  const key = iconsCacheKey(connectionId);
  const cached = readIcons(await deps.store.getItem(key));
  // The user's own avatar too (the options page shows it on the connection's card).
  const user = c.user?.avatarUrl && iconSource(c.user.avatarUrl, c) ? [c.user.avatarUrl] : [];
  const wanted = [...new Set([...user, ...siteIconUrls(rows, c)])].filter((u) => !fresh(cached.icons[u], now())).slice(0, MAX_FETCHES);
  if (!wanted.length) return;
  const secret = await deps.store.secret(connectionId);
  if (secret === undefined) return;

  const authed = (deps.transport ?? ((conn, s) => transportFor(conn, s, { maxRetries: 0, timeoutMs: TIMEOUT_MS })))(c, secret);
  const anonymous = () =>
    (deps.anonymous ?? ((site) => new JiraTransport(site, null, originPatternFor(site), { maxRetries: 0, timeoutMs: TIMEOUT_MS })))(c.siteUrl);
  const got: CachedIcons['icons'] = {};
  let stop = false;
  const queue = [...wanted];
  const worker = async () => {
    for (let u = queue.shift(); u !== undefined && !stop; u = queue.shift()) {
      const { req, anonymous: plain } = iconSource(u, c)!;
      const t = plain ? anonymous() : authed;
      try {
        const img = await t.image(req, MAX_ICON_BYTES);
        got[u] = { data: `data:${img.type};base64,${base64(img.bytes)}`, at: now(), size: img.bytes.length };
      } catch (e) {
        if (!isAppError(e) || isAuthFailure(e.kind) || e.kind === 'rate-limited' || e.kind === 'no-site-access' || e.kind === 'network' || e.kind === 'timeout') {
          stop = true; // tried again with the next list answer
        } else {
          got[u] = { at: now(), size: 0 };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, wanted.length) }, worker));
  // Nothing for a connection deleted meanwhile (its cache entries went with it).
  if (!Object.keys(got).length || !(await deps.store.connection(connectionId))) return;
  // Read again: another list's icons may have landed meanwhile.
  const latest = readIcons(await deps.store.getItem(key));
  await deps.store.setItem(key, pruneIcons({ v: 1, icons: { ...latest.icons, ...got } }));
}
