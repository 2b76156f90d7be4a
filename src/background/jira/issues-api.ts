// The reads the popup and the badge need, for Cloud (REST v3) and Server/DC (REST v2).
// Cloud's old /rest/api/3/search is gone (410, CHANGE-2046): Cloud searches use GET
// /rest/api/3/search/jql, which pages by token and has no total (JIRA_FACTS.md).
import type { JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { FavouriteFilter, IssuePage, PageCursor } from '../../shared/issues';
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
import type { JiraTransport } from './transport';

export { toIssueRow } from './rows';

export type DeploymentKind = 'cloud' | 'server';

/** Only what a row shows. */
export const ROW_FIELDS: string[] = ['summary', 'status', 'issuetype', 'priority', 'assignee', 'updated'];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** Cloud count fallback: ids-only pages of this size, at most COUNT_CAP issues counted. */
export const COUNT_PAGE_SIZE = 100;
export const COUNT_CAP = 1000;

/** "/rest/api/3" on Cloud, "/rest/api/2" on Server/DC (v3 does not exist there). */
export function restApi(deployment: DeploymentKind): string {
  return deployment === 'cloud' ? '/rest/api/3' : '/rest/api/2';
}

function clampPageSize(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(n)));
}

export async function getMyself(t: JiraTransport, deployment: DeploymentKind): Promise<JiraUser> {
  return toJiraUser(await t.requestJson({ path: `${restApi(deployment)}/myself` }, myselfSchema));
}

export async function searchIssues(
  t: JiraTransport,
  deployment: DeploymentKind,
  connectionId: string,
  jql: string,
  cursor?: PageCursor,
  pageSize?: number,
): Promise<IssuePage> {
  const maxResults = clampPageSize(pageSize);
  const fields = ROW_FIELDS.join(',');
  if (deployment === 'cloud') {
    if (cursor && !('nextPageToken' in cursor)) {
      throw new AppError({ kind: 'internal', message: 'This list cannot continue from here. Reload it.' });
    }
    const page = await t.requestJson(
      { path: '/rest/api/3/search/jql', query: { jql, fields, maxResults, nextPageToken: cursor?.nextPageToken } },
      cloudSearchSchema,
    );
    const result: IssuePage = { issues: page.issues.map((i) => toIssueRow(i, connectionId)), fetchedAt: Date.now() };
    if (page.nextPageToken && page.isLast !== true) result.next = { nextPageToken: page.nextPageToken };
    return result;
  }

  if (cursor && !('startAt' in cursor)) {
    throw new AppError({ kind: 'internal', message: 'This list cannot continue from here. Reload it.' });
  }
  const startAt = cursor?.startAt ?? 0;
  // Server/DC only: on Cloud this endpoint is gone (410, CHANGE-2046); Cloud returned above.
  const page = await t.requestJson(
    { path: '/rest/api/2/search', query: { jql, fields, startAt, maxResults } },
    serverSearchSchema,
  );
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

/** Favourite filters that carry a JQL (without one they cannot be listed). */
export async function favouriteFilters(t: JiraTransport, deployment: DeploymentKind): Promise<FavouriteFilter[]> {
  const filters = await t.requestJson({ path: `${restApi(deployment)}/filter/favourite` }, favouriteFiltersSchema);
  return filters
    .filter((f): f is typeof f & { jql: string } => typeof f.jql === 'string')
    .map((f) => ({ id: String(f.id), name: f.name, jql: f.jql }));
}

/**
 * Number of issues matching a JQL (the badge).
 * Server/DC: /rest/api/2/search with maxResults=0 gives `total`.
 * Cloud: POST /rest/api/3/search/approximate-count. A POST from Firefox may meet Jira's XSRF
 * rule (403, JIRA_FACTS.md), and a site may lack the endpoint (404): then count ids-only pages
 * of GET /search/jql, COUNT_PAGE_SIZE at a time, stopping at COUNT_CAP (the result is then
 * COUNT_CAP or a little more: "1000+" for a badge).
 */
export async function countIssues(
  t: JiraTransport,
  deployment: DeploymentKind,
  jql: string,
  opts: { readsOnly?: boolean } = {},
): Promise<number> {
  if (deployment === 'server') {
    // Server/DC only (v2 search still exists there and gives a total).
    const answer = await t.requestJson({ path: '/rest/api/2/search', query: { jql, maxResults: 0 } }, serverCountSchema);
    return answer.total;
  }
  // readsOnly: a browser whose POSTs meet Jira's XSRF rule (Firefox sends a moz-extension
  // Origin) would waste one refused request on every count.
  if (!opts.readsOnly) {
    try {
      const answer = await t.requestJson(
        { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } },
        approximateCountSchema,
      );
      return answer.count;
    } catch (e) {
      if (!(e instanceof AppError) || (e.kind !== 'forbidden' && e.kind !== 'not-found')) throw e;
    }
  }
  let counted = 0;
  let nextPageToken: string | undefined;
  do {
    // No `fields`: only ids come back, the cheapest page Jira serves.
    const page = await t.requestJson(
      { path: '/rest/api/3/search/jql', query: { jql, maxResults: COUNT_PAGE_SIZE, nextPageToken } },
      cloudIdsSearchSchema,
    );
    counted += page.issues.length;
    nextPageToken = page.isLast === true || page.issues.length === 0 ? undefined : (page.nextPageToken ?? undefined);
  } while (nextPageToken && counted < COUNT_CAP);
  return counted;
}
