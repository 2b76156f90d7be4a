// issues.*, filters.* and settings.* requests. Only the extension's own pages
// (popup, options) may make them; the popup never sees a token: it asks, we call Jira.
import { z } from 'zod';
import type { FavouriteFilter, IssuePage, PageCursor } from '../../shared/issues';
import { filterJql, jqlForList, orderByOf } from '../../shared/jql';
import { BUILT_IN_KINDS } from '../../shared/lists';
import { AppError, isAppError } from '../../shared/errors';
import { LIST_PAGE_SIZE, LIST_REFRESH_WINDOW_MS, type IssueRequests } from '../../shared/protocol/issues';
import { filtersCacheItem } from '../../shared/storage-items';
import { favouriteFilters, searchIssues } from '../jira/issues-api';
import type { HandlerDef } from '../router';
import { localStore, type Store } from '../storage/store';
import { refreshBadge, scheduleBadge } from './badge';
import { blockedBy, withJira } from './jira-access';
import { jiraDeps } from './jira-deps';
import { refreshIcons } from './icons';
import { listPage } from './list-cache';

type Handlers = { [K in keyof IssueRequests]: HandlerDef<K> };

const PAGES = ['extension-page'] as const;

const connectionId = z.string().min(1).max(100);
const name = z.string().max(500);
const jql = z.string().min(1).max(10_000);

const listRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(BUILT_IN_KINDS) }),
  z.strictObject({ kind: z.literal('filter'), filterId: z.string().regex(/^\d{1,20}$/), name }),
  z.strictObject({ kind: z.literal('saved'), queryId: z.string().min(1).max(100), name, jql }),
  z.strictObject({ kind: z.literal('text'), text: z.string().trim().min(1).max(500) }),
  z.strictObject({ kind: z.literal('jql'), jql }),
]);

// Page tokens embed the query (long for a long JQL): a bound far above what Jira sends, only
// to refuse absurd messages (docs/jira-api.md#search).
const cursor: z.ZodType<PageCursor> = z.union([
  z.strictObject({ nextPageToken: z.string().min(1).max(200_000) }),
  z.strictObject({ startAt: z.number().int().min(0).max(1_000_000) }),
]);

const savedQuery = z.strictObject({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(200), jql });

const settingsPatch = z.strictObject({
  badgeEnabled: z.boolean().optional(),
  badgeIntervalMinutes: z.number().int().min(1).max(120).optional(),
  savedQueries: z.array(savedQuery).max(100).optional(),
});

/**
 * The ORDER BY of a favourite filter's own JQL, from the cached favourites (filters.favourite):
 * `filter = ID` alone would list it in Jira's default order, not the one its owner saved.
 */
export async function filterOrder(store: Store, connectionId: string, filterId: string): Promise<string | undefined> {
  const cached = await store.read(filtersCacheItem(connectionId));
  const f = cached?.filters.find((x) => x.id === filterId);
  return f ? orderByOf(f.jql) : undefined;
}

/** Jira's 400 for a page token it no longer knows: "The provided next page token is invalid or expired." */
export function isExpiredCursor(e: unknown, cursor: PageCursor): boolean {
  if (!('nextPageToken' in cursor) || !isAppError(e) || e.kind !== 'bad-request' || e.status !== 400) return false;
  return [e.message, ...(e.details ?? [])].some((m) => /next\s*page\s*token|nextPageToken/i.test(m));
}

/** The issues.*, filters.*, jql.check and settings.* entries of the handler table (src/background/handlers/index.ts). */
export const issueHandlers: Handlers = {
  'issues.list': {
    senders: PAGES,
    payload: z.strictObject({ connectionId, list: listRef, cursor: cursor.optional(), force: z.boolean().optional() }),
    async handle({ connectionId: id, list, cursor: at, force }) {
      const deps = jiraDeps();
      let query: string;
      try {
        query = list.kind === 'filter' ? filterJql(list.filterId, await filterOrder(deps.store, id, list.filterId)) : jqlForList(list);
      } catch {
        throw new AppError({ kind: 'invalid-input', message: 'That list cannot be searched.' });
      }
      // Credentials known to fail are never hidden behind a fresh cache: every opening hears it,
      // with the cached list kept under the warning (the popup keeps a cached list's rows).
      const conn = force ? undefined : await deps.store.connection(id);
      const blocked = conn && blockedBy(conn);
      if (blocked) throw blocked;
      const fetchPage = (q: string, c?: PageCursor) =>
        withJira(deps, id, (t, conn) => searchIssues(t, conn.deployment, id, q, c, LIST_PAGE_SIZE), {
          force: !!force,
        });
      let result: { page: IssuePage; fromCache: boolean; restarted?: true };
      try {
        result = await listPage(
          deps.store,
          { connectionId: id, list, jql: query, ...(at ? { cursor: at } : {}), ...(force ? { force } : {}) },
          fetchPage,
        );
      } catch (e) {
        if (!at || !isExpiredCursor(e, at)) throw e;
        // Jira's page tokens expire (docs/jira-api.md#search): the list starts again from its
        // first page, once, rather than showing an error. From Jira, not the cache: the cached
        // page's own token may be as old.
        result = { ...(await listPage(deps.store, { connectionId: id, list, jql: query, force: true }, fetchPage)), restarted: true };
      }
      // The rows' icons that need the connection's credentials (icons.ts): the list does not
      // wait for them; the popup shows each as it lands in storage.local. A page from the cache
      // had its icons seen to when Jira sent it: no second read of the icons per opening.
      if (!result.fromCache)
        void refreshIcons(
          { store: deps.store, ...(deps.onAuthFailure ? { onAuthFailure: deps.onAuthFailure } : {}) },
          id,
          result.page.issues,
        ).catch(() => undefined);
      return result;
    },
  },

  'filters.favourite': {
    senders: PAGES,
    payload: z.strictObject({ connectionId, force: z.boolean().optional() }),
    async handle({ connectionId: id, force }) {
      const deps = jiraDeps();
      const item = filtersCacheItem(id);
      const cached = await deps.store.read(item);
      if (cached && !force && Date.now() - cached.cachedAt < LIST_REFRESH_WINDOW_MS) return { filters: cached.filters };
      const filters: FavouriteFilter[] = await withJira(deps, id, (t, c) => favouriteFilters(t, c.deployment), { force: !!force });
      await deps.store.write(item, { filters, cachedAt: Date.now() });
      return { filters };
    },
  },

  'jql.check': {
    senders: PAGES,
    payload: z.strictObject({ jql }),
    async handle({ jql: query }) {
      const deps = jiraDeps();
      const id = await deps.store.defaultConnectionId();
      const c = id ? await deps.store.connection(id) : undefined;
      if (!id || !c) return { errors: [] };
      // A connection whose credentials are known to fail is not asked (no login for a check).
      const blocked = blockedBy(c);
      if (blocked) return { errors: [], notChecked: `${c.name}: ${blocked.message}` };
      try {
        await withJira(deps, id, (t, conn) => searchIssues(t, conn.deployment, id, query.trim(), undefined, 1));
        return { checkedOn: c.name, errors: [] };
      } catch (e) {
        // Only a 400 is Jira's verdict on the query; anything else says it could not be asked.
        if (isAppError(e) && e.kind === 'bad-request' && e.status === 400)
          return { checkedOn: c.name, errors: e.details?.length ? e.details : [e.message] };
        return { errors: [], notChecked: `${c.name}: ${isAppError(e) ? e.message : 'Jira could not be asked.'}` };
      }
    },
  },

  'settings.get': {
    senders: PAGES,
    payload: z.strictObject({}),
    async handle() {
      return { settings: await localStore().settings() };
    },
  },

  'settings.update': {
    senders: PAGES,
    payload: z.strictObject({ settings: settingsPatch }),
    async handle({ settings: patch }) {
      const change = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const settings = await localStore().updateSettings(change);
      if ('badgeEnabled' in change || 'badgeIntervalMinutes' in change) {
        await scheduleBadge();
        await refreshBadge();
      }
      return { settings };
    },
  },
};
