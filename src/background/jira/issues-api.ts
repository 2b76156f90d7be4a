// The reads the popup and the badge need, for Cloud (REST v3) and Server/DC (REST v2).
// Cloud's old /rest/api/3/search is gone (410, CHANGE-2046): Cloud searches use GET
// /rest/api/3/search/jql, which pages by token and has no total (docs/jira-api.md#search).
import type { Deployment, JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { FavouriteFilter, IssuePage, PageCursor } from '../../shared/issues';
import { followCursor } from './paging';
import { toIssueRow, toJiraUser } from './rows';
import {
  approximateCountSchema,
  cloudIdsSearchSchema,
  cloudSearchSchema,
  favouriteFiltersSchema,
  myselfSchema,
  serverCountSchema,
  serverSearchSchema,
} from './schemas';
import type { z } from 'zod';
import type { JiraTransport } from './transport';

export { toIssueRow } from './rows';

/** Only what a row shows. */
export const ROW_FIELDS: string[] = ['summary', 'status', 'issuetype', 'priority', 'assignee', 'updated'];

/** Issues per page when the caller names no size; a size is clamped to 1..MAX_PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Cloud count fallback: ids-only pages of this size, at most COUNT_CAP issues counted. */
export const COUNT_PAGE_SIZE = 100;
export const COUNT_CAP = 1000;

/** "/rest/api/3" on Cloud, "/rest/api/2" on Server/DC (v3 does not exist there: docs/jira-api.md#deployments). */
export function restApi(deployment: Deployment): string {
  return deployment === 'cloud' ? '/rest/api/3' : '/rest/api/2';
}

function clampPageSize(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(n)));
}

/**
 * Who the transport's credentials belong to (GET /myself: the call that proves a login,
 * docs/jira-api.md#deployments). Throws the transport's errors (auth for refused credentials).
 */
export async function getMyself(t: JiraTransport, deployment: Deployment): Promise<JiraUser> {
  return toJiraUser(await t.requestJson({ path: `${restApi(deployment)}/myself` }, myselfSchema));
}

/**
 * The longest request URL sent as a GET. Jira's front ends and proxies refuse longer ones (414),
 * so a longer search goes as a POST with the same parameters in its body
 * (docs/jira-api.md#search).
 */
export const MAX_GET_URL_LENGTH = 8000;

export interface SearchOptions {
  /**
   * False where a POST meets Jira's XSRF rule (Firefox without the header rule,
   * docs/browsers.md#origin-header): a search too long for a GET is refused with a message then.
   */
  postAllowed?: boolean;
}

const TOO_LONG_FOR_FIREFOX =
  'This query is too long to send to Jira from Firefox. Shorten it (or save it as a filter in Jira and open the filter), or use it in Chrome.';

/**
 * One page of a JQL search, as rows. Cloud: GET (or, past MAX_GET_URL_LENGTH, POST)
 * /rest/api/3/search/jql, paged by nextPageToken; `next` is absent when Jira says the page is
 * the last. Server/DC: /rest/api/2/search paged by startAt; an empty page ends the list.
 * Throws AppError: 'internal' for a cursor of the other kind, 'invalid-input' for a query too
 * long for a GET where POSTs are not allowed, and the transport's errors (Jira's 400 for a wrong
 * JQL or an expired page token is 'bad-request' with Jira's words).
 */
export async function searchIssues(
  t: JiraTransport,
  deployment: Deployment,
  connectionId: string,
  jql: string,
  cursor?: PageCursor,
  pageSize?: number,
  opts: SearchOptions = {},
): Promise<IssuePage> {
  const maxResults = clampPageSize(pageSize);
  if (deployment === 'cloud') {
    if (cursor && !('nextPageToken' in cursor)) {
      throw new AppError({ kind: 'internal', message: 'This list cannot continue from here. Reload it.' });
    }
    const params = { jql, maxResults, nextPageToken: cursor?.nextPageToken };
    const page = await searchRequest(t, '/rest/api/3/search/jql', params, cloudSearchSchema, opts);
    const result: IssuePage = { issues: page.issues.map((i) => toIssueRow(i, connectionId)), fetchedAt: Date.now() };
    if (page.nextPageToken && page.isLast !== true) result.next = { nextPageToken: page.nextPageToken };
    return result;
  }

  if (cursor && !('startAt' in cursor)) {
    throw new AppError({ kind: 'internal', message: 'This list cannot continue from here. Reload it.' });
  }
  const startAt = cursor?.startAt ?? 0;
  // Server/DC only: on Cloud this endpoint is gone (410, CHANGE-2046); Cloud returned above.
  const page = await searchRequest(t, '/rest/api/2/search', { jql, startAt, maxResults }, serverSearchSchema, opts);
  const result: IssuePage = {
    issues: page.issues.map((i) => toIssueRow(i, connectionId)),
    total: page.total,
    fetchedAt: Date.now(),
  };
  const nextStart = page.startAt + page.issues.length;
  // An empty page before total (issues deleted meanwhile) ends the list rather than looping.
  if (page.issues.length > 0 && nextStart < page.total) result.next = { startAt: nextStart };
  return result;
}

/** A search as a GET, or as a POST (a read: retried like one) when its URL would be too long. */
async function searchRequest<T>(
  t: JiraTransport,
  path: string,
  params: Record<string, string | number | undefined>,
  schema: z.ZodType<T>,
  opts: SearchOptions,
): Promise<T> {
  const get = { path, query: { ...params, fields: ROW_FIELDS.join(',') } };
  if (t.url(get).length <= MAX_GET_URL_LENGTH) return t.requestJson(get, schema);
  if (opts.postAllowed === false) throw new AppError({ kind: 'invalid-input', message: TOO_LONG_FOR_FIREFOX });
  const body = Object.fromEntries(Object.entries({ ...params, fields: ROW_FIELDS }).filter(([, v]) => v !== undefined));
  return t.requestJson({ method: 'POST', idempotent: true, path, body }, schema);
}

/**
 * The user's favourite (starred) filters that carry a JQL, without one they cannot be listed;
 * ids as strings (docs/jira-api.md#favourite-filters). Throws the transport's errors.
 */
export async function favouriteFilters(t: JiraTransport, deployment: Deployment): Promise<FavouriteFilter[]> {
  const filters = await t.requestJson({ path: `${restApi(deployment)}/filter/favourite` }, favouriteFiltersSchema);
  return filters
    .filter((f): f is typeof f & { jql: string } => typeof f.jql === 'string')
    .map((f) => ({ id: String(f.id), name: f.name, jql: f.jql }));
}

/**
 * Number of issues matching a JQL (the badge).
 * Server/DC: /rest/api/2/search with maxResults=0 gives `total`.
 * Cloud: POST /rest/api/3/search/approximate-count. A POST from Firefox may meet Jira's XSRF
 * rule (403, docs/jira-api.md#xsrf), and a site may lack the endpoint (404): then count
 * ids-only pages of GET /search/jql, COUNT_PAGE_SIZE at a time, stopping at COUNT_CAP (the
 * result is then COUNT_CAP or a little more: "1000+" for a badge). Firefox's POSTs pass the XSRF
 * rule through the extension's header rule (docs/browsers.md#declarative-net-request); the
 * fallback stays for a site that refuses anyway. Throws the transport's errors, but a 403 or 404
 * of the POST. Sources: docs/jira-api.md#approximate-count, docs/jira-api.md#server-search.
 */
export async function countIssues(t: JiraTransport, deployment: Deployment, jql: string): Promise<number> {
  if (deployment === 'server') {
    // Server/DC only (v2 search still exists there and gives a total).
    const answer = await t.requestJson({ path: '/rest/api/2/search', query: { jql, maxResults: 0 } }, serverCountSchema);
    return answer.total;
  }
  try {
    const answer = await t.requestJson(
      { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } },
      approximateCountSchema,
    );
    return answer.count;
  } catch (e) {
    if (!(e instanceof AppError) || (e.kind !== 'forbidden' && e.kind !== 'not-found')) throw e;
  }
  // No `fields`: only ids come back, the cheapest page Jira serves. The loop stops at a page
  // that adds no new id or repeats a token, and at COUNT_CAP (paging.ts).
  const { ids } = await followCursor<string>(
    async (nextPageToken) => {
      const page = await t.requestJson(
        { path: '/rest/api/3/search/jql', query: { jql, maxResults: COUNT_PAGE_SIZE, nextPageToken } },
        cloudIdsSearchSchema,
      );
      return {
        ids: page.issues.map((i) => String(i.id)),
        ...(page.nextPageToken ? { next: page.nextPageToken } : {}),
        ...(page.isLast !== undefined ? { isLast: page.isLast } : {}),
      };
    },
    { maxPages: Math.ceil(COUNT_CAP / COUNT_PAGE_SIZE), maxItems: COUNT_CAP, cursorKey: (token) => token },
  );
  return ids.size;
}
