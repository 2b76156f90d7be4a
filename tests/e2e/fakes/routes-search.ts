// Issue search: Cloud's GET/POST /search/jql (token pages, no total, unbounded JQL refused),
// the removed Cloud /search (410), Data Center's /search (startAt pages with total), and
// Cloud's approximate count (docs/jira-api.md#search, #server-search, #approximate-count).
import type { ApiCall } from './api-router';
import { send, sendErrors } from './http';
import { issueJson } from './json-issue';
import { JqlError, parseJql, runJql, type JqlContext } from './jql';
import { decodePageToken, encodePageToken } from './page-token';
import type { FakeIssue, FakeUser } from './seed';
import type { JiraSite } from './site';

/** The issues a search finds, or the JSON error body Jira answers with (a 400). */
export type SearchOutcome = { issues: FakeIssue[] } | { errors: object };

/** The JQL context of `user`: only the issues they may see. */
function jqlContext(site: JiraSite, user: FakeUser | null): JqlContext {
  const d = site.data;
  return {
    currentUser: user?.id ?? null,
    users: d.users,
    issues: site.visibleIssues(user),
    filters: d.filters,
    history: d.history,
    now: Date.now(),
  };
}

/** Runs JQL as `user`; with `boundedOnly` (Cloud's /search/jql) a query with no restriction is refused. */
export function runSearch(site: JiraSite, jql: string, user: FakeUser | null, boundedOnly: boolean): SearchOutcome {
  try {
    const parsed = parseJql(jql);
    if (boundedOnly && !parsed.where) {
      return {
        errors: {
          errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
          errors: {},
        },
      };
    }
    return { issues: runJql(parsed, jqlContext(site, user)) };
  } catch (e) {
    if (e instanceof JqlError) {
      // Data Center answers a JQL error with its plain ErrorCollection, as public client
      // logs show it: {"errorMessages":["Error in the JQL Query: ..."],"errors":{}}.
      const cloudOnly = site.cloud ? { warningMessages: [] } : {};
      return { errors: { errorMessages: e.errorMessages, errors: {}, ...cloudOnly } };
    }
    throw e;
  }
}

/** Handles the search routes; false when the request is not one. */
export function searchRoutes(call: ApiCall): boolean {
  const { site, method, rest, res } = call;
  const body = method === 'POST' ? (call.body as Record<string, unknown> | undefined) : undefined;
  if (rest === 'search') {
    if (site.cloud) {
      sendErrors(res, 410, [
        'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
      ]);
    } else if (method !== 'GET' && method !== 'POST') send(res, 405, null);
    else serverSearch(call, body);
    return true;
  }
  if (site.cloud && rest === 'search/jql') {
    if (method !== 'GET' && method !== 'POST') send(res, 405, null);
    else cloudSearch(call, body);
    return true;
  }
  if (site.cloud && rest === 'search/approximate-count') {
    approximateCount(call, body);
    return true;
  }
  return false;
}

function approximateCount(call: ApiCall, body: Record<string, unknown> | undefined) {
  const { site, res } = call;
  if (call.method !== 'POST') return send(res, 405, null);
  const jql = body?.jql;
  if (typeof jql !== 'string') return sendErrors(res, 400, ['jql must not be null.']);
  const found = runSearch(site, jql, call.user, true);
  if ('errors' in found) return send(res, 400, found.errors);
  call.ok(200, { count: found.issues.length });
}

function cloudSearch(call: ApiCall, body: Record<string, unknown> | undefined) {
  const { site, res } = call;
  const get = (k: string): unknown => (body ? body[k] : (call.query.get(k) ?? undefined));
  const jql = get('jql');
  if (jql !== undefined && typeof jql !== 'string') return sendErrors(res, 400, ['Invalid request payload.']);
  const rawFields = get('fields');
  const fields = Array.isArray(rawFields)
    ? rawFields.map(String)
    : typeof rawFields === 'string'
      ? rawFields
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const idOnly = fields.every((f) => f === 'id' || f === 'key');
  const rawMax = get('maxResults');
  const max = rawMax === undefined ? 50 : Number(rawMax);
  if (!Number.isInteger(max) || max < 0) return sendErrors(res, 400, [`The value '${String(rawMax)}' is invalid for maxResults.`]);
  const pageSize = Math.min(max, idOnly ? 5000 : 100);
  const found = runSearch(site, jql ?? '', call.user, true);
  if ('errors' in found) return send(res, 400, found.errors);
  const sw = site.switches;
  let offset = 0;
  const token = get('nextPageToken');
  if (token !== undefined && token !== null) {
    // Tokens carry the query (long for a long JQL) and expire (docs/jira-api.md#search).
    const decoded = decodePageToken(String(token));
    const now = Date.now();
    if (!decoded || decoded.q !== (jql ?? '') || decoded.t < sw.tokensValidAfter || now - decoded.t > sw.pageTokenTtlMs) {
      return send(res, 400, { errorMessages: ['The provided next page token is invalid or expired.'], errors: {}, warningMessages: [] });
    }
    offset = sw.repeatFirstPage ? 0 : decoded.o;
    if (sw.emptyPagesWithToken) {
      return call.ok(200, { issues: [], nextPageToken: encodePageToken({ o: offset + pageSize, q: jql ?? '', t: now }), isLast: false });
    }
  }
  const page = found.issues.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= found.issues.length;
  const fieldList = fields.join(',');
  const expand = String(get('expand') ?? '');
  const issues = page.map((i) => (fields.length ? issueJson(site, i, call.apiBase, call.version, fieldList, expand) : { id: i.id }));
  call.ok(200, {
    issues,
    ...(isLast ? {} : { nextPageToken: encodePageToken({ o: offset + page.length, q: jql ?? '', t: Date.now() }) }),
    isLast,
  });
}

function serverSearch(call: ApiCall, body: Record<string, unknown> | undefined) {
  const { site, res } = call;
  const get = (k: string): unknown => (body ? body[k] : (call.query.get(k) ?? undefined));
  const jql = String(get('jql') ?? '');
  const startAt = Number(get('startAt') ?? 0);
  const max = Math.min(Number(get('maxResults') ?? 50), 1000);
  if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(max) || max < 0) {
    return sendErrors(res, 400, ['startAt and maxResults must be non-negative integers.']);
  }
  const rawFields = get('fields');
  const fields = Array.isArray(rawFields) ? rawFields.join(',') : typeof rawFields === 'string' ? rawFields : '*navigable';
  const found = runSearch(site, jql, call.user, false);
  if ('errors' in found) return send(res, 400, found.errors);
  // A broken cache in front of Jira: whatever was asked, the first page.
  const from = site.switches.repeatFirstPage ? 0 : startAt;
  const page = found.issues.slice(from, from + max);
  const expand = String(get('expand') ?? '');
  call.ok(200, {
    expand: 'schema,names',
    startAt: from,
    maxResults: max,
    total: found.issues.length,
    issues: page.map((i) => issueJson(site, i, call.apiBase, 2, fields, expand)),
  });
}
