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
import type { CommentPage, UserRef } from '../../shared/issue-details';
import type { IssueRow } from '../../shared/issues';
import { iconsCacheItem } from '../../shared/storage-items';
import type { CachedIcons } from '../../shared/storage-keys';
import { apiBaseFor } from '../jira/connect';
import { JiraTransport, isSafeApiPath } from '../jira/transport';
import { originPatternFor } from '../../shared/site-url';
import type { Store } from '../storage/store';
import { blockedBy, connectionTransport } from './jira-access';
import { recordFailure } from '../connection-status';

/** A fetched icon is kept this long, then fetched again when a list shows it. */
export const ICON_TTL_MS = 7 * 24 * 3600_000;
/** An icon that failed (404, 403, not an image) is not asked for again before this. */
export const ICON_FAILURE_TTL_MS = 24 * 3600_000;
/** The largest icon fetched (bytes); a larger one counts as a failure. */
export const MAX_ICON_BYTES = 32 * 1024;
/**
 * What all connections' icons may take in storage.local (characters of the stored data: URLs
 * and their keys; base64 is a third larger than the image), shared out equally between
 * connections, at most MAX_ICONS_CHARS each. The oldest go first. Chrome's storage.local holds
 * 10 MB without unlimitedStorage: icons must never crowd out connections. (A connection's
 * share shrinks as connections are added; its icons are trimmed to it at their next refresh.)
 */
export const ALL_ICONS_CHARS = 2 * 1024 * 1024;
/** At most this many characters of icons per connection. */
export const MAX_ICONS_CHARS = 512 * 1024;
/** At most this many icons per connection. */
export const MAX_ICONS = 300;
/** Of those, failures (kept so they are not asked for again at once). */
export const MAX_FAILED_ICONS = 100;
/** Fetches per list reply, and at once. */
export const MAX_FETCHES = 24;
const PARALLEL = 4;
const TIMEOUT_MS = 10_000;

/** What refreshIcons needs; everything but the store has a default (replaced in tests). */
export interface IconDeps {
  store: Store;
  /** The transport for a connection (default: connectionTransport, no retries, short timeout). */
  transport?: (c: ConnectionSummary, secret: string) => JiraTransport;
  /** A transport without credentials for a site (scoped tokens: static icons on the site). */
  anonymous?: (siteUrl: string) => JiraTransport;
  now?: () => number;
  /** Called after the credentials were rejected (the badge shows it and stops polling). */
  onAuthFailure?: (connectionId: string) => Promise<void>;
}

const parse = (u: string): URL | undefined => {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
};

/**
 * Where Jira serves icons and avatars (after the context path): the only paths fetched with the
 * connection's credentials. Jira data (an admin-set icon URL) naming any other path of the
 * site, a REST resource say, is not requested with the user's token.
 */
const ICON_PATHS = [
  /^\/rest\/api\/[23]\/universal_avatar\/view\/type\/[a-z_]+\/avatar\/\d+$/,
  /^\/secure\/(?:viewavatar|useravatar|projectavatar)$/,
  /^\/images\/icons\/[\w./-]+\.(?:svg|png|gif|jpe?g|webp)$/i,
];

/** Whether a path (after the context path) is one where Jira serves icons and avatars. */
export const isIconPath = (path: string): boolean => ICON_PATHS.some((re) => re.test(path));

/** `url` as a request under the connection's site: its path after the context path, and its query. */
export function iconRequest(url: string, siteUrl: string): { path: string; query: Record<string, string> } | undefined {
  const u = parse(url);
  const site = parse(siteUrl);
  if (!u || !site || u.origin !== site.origin || u.username || u.password) return undefined;
  const base = site.pathname.replace(/\/+$/, '');
  if (!u.pathname.startsWith(`${base}/`)) return undefined;
  const path = u.pathname.slice(base.length);
  // What the transport would refuse (it could climb out of the site), or what is not an icon:
  // never fetched, never stored.
  if (!isSafeApiPath(path) || !isIconPath(path)) return undefined;
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
export function iconSource(
  url: string,
  c: IconTarget,
): { req: { path: string; query: Record<string, string> }; anonymous: boolean } | undefined {
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

/**
 * The avatars the details view shows besides the assignee's (which its row carries): the
 * reporter's and the comment authors' (src/popup/details/issue-fields.tsx, comments.tsx). Any
 * URL Jira named: refreshIcons keeps only those the connection must fetch.
 */
export function detailsAvatarUrls(reporter: UserRef | undefined, comments: CommentPage): string[] {
  return [reporter, ...comments.comments.map((c) => c.author)].flatMap((u) => (typeof u?.avatarUrl === 'string' ? [u.avatarUrl] : []));
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

function fresh(entry: CachedIcons['icons'][string] | undefined, now: number): boolean {
  if (!entry || entry.at > now) return false;
  return now - entry.at < (entry.data ? ICON_TTL_MS : ICON_FAILURE_TTL_MS);
}

/** A connection's share of ALL_ICONS_CHARS when there are `connections` of them. */
export function iconBudget(connections: number): number {
  return Math.min(MAX_ICONS_CHARS, Math.floor(ALL_ICONS_CHARS / Math.max(1, connections)));
}

/** What an entry takes in storage: its data: URL, its key, and its JSON around them. */
const storedChars = (url: string, e: CachedIcons['icons'][string]) => (typeof e.data === 'string' ? e.data.length : 0) + url.length + 64;

/** Keeps the newest icons within MAX_ICONS (MAX_FAILED_ICONS of them failures) and `budget` characters. */
export function pruneIcons(cache: CachedIcons, budget = MAX_ICONS_CHARS): CachedIcons {
  const entries = Object.entries(cache.icons).sort(([, a], [, b]) => b.at - a.at);
  const kept: CachedIcons['icons'] = {};
  let chars = 0;
  let count = 0;
  let failed = 0;
  for (const [url, e] of entries) {
    if (count >= MAX_ICONS) break;
    if (!e.data && ++failed > MAX_FAILED_ICONS) continue;
    chars += storedChars(url, e);
    if (chars > budget) break;
    kept[url] = e;
    count++;
  }
  return { v: 1, icons: kept };
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Fetches the icons of `rows`, the user's avatar and `avatarUrls` (the details view's people:
 * detailsAvatarUrls) that `connectionId`'s cache lacks or holds too long, after a list or
 * details answer or a save (so its credentials just worked). Each URL passes the same checks
 * (the connection's site or gateway, an icon path), size cap and cache as a row's. Icons are
 * never worth a failed login (a CAPTCHA, a lock): the first request goes alone, the rest
 * follow only if it did not fail for the credentials; a rejection is recorded on the connection
 * like any call's (no more calls until the user fixes it). Stops, too, when Jira limits us.
 */
export async function refreshIcons(deps: IconDeps, connectionId: string, rows: IssueRow[], avatarUrls: string[] = []): Promise<void> {
  const now = deps.now ?? Date.now;
  const c = await deps.store.connection(connectionId);
  if (!c || blockedBy(c)) return;
  const item = iconsCacheItem(connectionId);
  const cached = await deps.store.read(item);
  // The user's own avatar too (the options page shows it on the connection's card).
  const user = c.user?.avatarUrl && iconSource(c.user.avatarUrl, c) ? [c.user.avatarUrl] : [];
  const people = avatarUrls.filter((u) => iconSource(u, c));
  const wanted = [...new Set([...user, ...siteIconUrls(rows, c), ...people])]
    .filter((u) => !fresh(cached.icons[u], now()))
    .slice(0, MAX_FETCHES);
  if (!wanted.length) return;
  const secret = await deps.store.secret(connectionId);
  if (secret === undefined) return;

  const authed = (deps.transport ?? ((conn, s) => connectionTransport(conn, s, { maxRetries: 0, timeoutMs: TIMEOUT_MS })))(c, secret);
  const anonymous = () =>
    (deps.anonymous ?? ((site) => new JiraTransport(site, null, originPatternFor(site), { maxRetries: 0, timeoutMs: TIMEOUT_MS })))(
      c.siteUrl,
    );
  const scoped = c.deployment === 'cloud' && !!c.scoped;
  const got: CachedIcons['icons'] = {};
  let stop = false;
  let rejected: unknown;
  const fetchOne = async (u: string) => {
    const { req, anonymous: plain } = iconSource(u, c)!;
    const t = plain ? anonymous() : authed;
    try {
      const img = await t.image(req, MAX_ICON_BYTES);
      got[u] = { data: `data:${img.type};base64,${base64(img.bytes)}`, at: now(), size: img.bytes.length };
    } catch (e) {
      if (!plain && isAppError(e) && e.kind === 'missing-scope') {
        // A scope the token lacks for images: not asked for again for a day; the token is fine.
        got[u] = { at: now(), size: 0 };
      } else if (!plain && isAppError(e) && isAuthFailure(e.kind)) {
        stop = true;
        // A scoped token's 401 on an image that does not name a scope may still be one it lacks:
        // that icon is not asked for again for a day, and the connection is left as it is.
        if (scoped && e.kind === 'auth') got[u] = { at: now(), size: 0 };
        else rejected ??= e;
      } else if (
        !isAppError(e) ||
        e.kind === 'rate-limited' ||
        e.kind === 'no-site-access' ||
        e.kind === 'network' ||
        e.kind === 'timeout'
      ) {
        stop = true; // tried again with the next list answer
      } else {
        got[u] = { at: now(), size: 0 };
      }
    }
  };
  const [first, ...rest] = wanted;
  // One request alone first: credentials that stopped working fail once, not PARALLEL times.
  await fetchOne(first!);
  const worker = async () => {
    for (let u = rest.shift(); u !== undefined && !stop; u = rest.shift()) await fetchOne(u);
  };
  if (!stop) await Promise.all(Array.from({ length: Math.min(PARALLEL, rest.length) }, worker));
  // Recorded only if the credentials tried are still the stored ones: a 401 for an old token
  // that lands after the user saved a renewed one says nothing about the new one.
  if (rejected !== undefined && (await deps.store.secret(connectionId)) === secret) {
    await recordFailure(connectionId, rejected, deps.store);
    await deps.onAuthFailure?.(connectionId);
  }
  if (!Object.keys(got).length) return;
  const budget = iconBudget((await deps.store.connections()).length);
  // Under the store's lock, from a fresh read (another list's icons may have landed
  // meanwhile), and nothing for a connection deleted meanwhile (its caches went with it).
  await deps.store.updateForConnection(connectionId, item, (old) => pruneIcons({ v: 1, icons: { ...old.icons, ...got } }, budget));
}
