// The small read routes around search: the issue picker (docs/jira-api.md#issue-picker), the
// caller's favourite filters (#favourite-filters), JQL autocomplete data, and Cloud's issue type
// icons, an API resource for signed-in users only (#avatars).
import type { ApiCall } from './api-router';
import { escapeHtml, send, sendErrors, svgIcon } from './http';
import { userJson } from './json-users';
import type { FakeIssue, FakeUser, SiteData } from './seed';
import type { JiraSite } from './site';

const AUTOCOMPLETE_FIELDS = [
  'assignee',
  'reporter',
  'status',
  'statusCategory',
  'project',
  'priority',
  'resolution',
  'text',
  'summary',
  'type',
  'updated',
  'created',
];

/** Handles the lookup routes; false when the request is not one. */
export function lookupRoutes(call: ApiCall): boolean {
  const { site, user, method, rest, res } = call;
  const route = `${method} ${rest}`;
  if (route === 'GET issue/picker') {
    call.ok(200, picker(site, call.query.get('query') ?? '', user));
    return true;
  }
  if (route === 'GET filter/favourite') {
    const mine = user ? site.data.filters.filter((f) => f.favouriteOf.includes(user.id)) : [];
    call.ok(
      200,
      mine.map((f) => filterJson(site, f, call.apiBase, call.version)),
    );
    return true;
  }
  if (route === 'GET jql/autocompletedata') {
    call.ok(200, {
      visibleFieldNames: AUTOCOMPLETE_FIELDS.map((f) => ({ value: f, displayName: f, operators: ['=', '!=', 'in', 'not in'] })),
      visibleFunctionNames: [
        { value: 'currentUser()', displayName: 'currentUser()' },
        { value: 'issueHistory()', displayName: 'issueHistory()' },
      ],
      jqlReservedWords: ['and', 'or', 'not', 'empty', 'null', 'order', 'by', 'asc', 'desc'],
    });
    return true;
  }
  const avatar = /^universal_avatar\/view\/type\/issuetype\/avatar\/(\d+)$/.exec(rest);
  if (site.cloud && avatar && method === 'GET') {
    if (!user) sendErrors(res, 403, ['You do not have permission to view the avatar.']);
    else if (!site.typeByAvatar(avatar[1]!)) sendErrors(res, 404, ['Could not find an avatar matching the provided parameters.']);
    else send(res, 200, svgIcon(`issuetype ${avatar[1]}`, '#e5493a'), { 'content-type': 'image/svg+xml;charset=UTF-8' });
    return true;
  }
  return false;
}

function picker(site: JiraSite, query: string, user: FakeUser | null): object {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const visible = site.visibleIssues(user);
  const matches = q
    ? visible.filter((i) => i.key.toLowerCase().startsWith(q) || words.every((w) => i.summary.toLowerCase().includes(w)))
    : [];
  const history = user ? (site.data.history[user.id] ?? []) : [];
  const { contextPath } = site.config;
  const entry = (i: FakeIssue) => ({
    id: Number(i.id),
    key: i.key,
    keyHtml: i.key,
    // The picker names its icon by a path on the site.
    img: site.cloud
      ? `${contextPath}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${i.type.avatarId}?size=xsmall`
      : `${contextPath}/secure/viewavatar?size=xsmall&avatarId=${i.type.avatarId}&avatarType=issuetype`,
    summary: highlight(i.summary, words),
    summaryText: i.summary,
  });
  const hs = matches.filter((i) => history.includes(i.key)).slice(0, 10);
  const cs = matches.filter((i) => !history.includes(i.key)).slice(0, 20);
  return {
    sections: [
      { label: 'History Search', sub: `Showing ${hs.length} of ${hs.length} matching issues`, id: 'hs', issues: hs.map(entry) },
      {
        label: 'Current Search',
        sub: `Showing ${cs.length} of ${matches.length - hs.length} matching issues`,
        id: 'cs',
        issues: cs.map(entry),
      },
    ],
  };
}

function filterJson(site: JiraSite, f: SiteData['filters'][number], apiBase: string, v: number): object {
  const owner = site.user(f.owner);
  return {
    expand: 'sharedUsers,subscriptions',
    self: `${apiBase}/rest/api/${v}/filter/${f.id}`,
    id: f.id,
    name: f.name,
    ...(owner ? { owner: userJson(site, owner, apiBase, v) } : {}),
    jql: f.jql,
    viewUrl: `${site.baseUrl}/issues/?filter=${f.id}`,
    searchUrl: `${apiBase}/rest/api/${v}/search${site.cloud ? '/jql' : ''}?jql=${encodeURIComponent(f.jql)}`,
    favourite: true,
    favouritedCount: f.favouriteOf.length,
    sharePermissions: [],
    isWritable: true,
    subscriptions: { size: 0, items: [], 'max-results': 0, 'start-index': 0, 'end-index': 0 },
  };
}

function highlight(text: string, words: string[]): string {
  let html = escapeHtml(text);
  for (const w of words) {
    if (!w) continue;
    html = html.replace(new RegExp(escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig'), (s) => `<b>${s}</b>`);
  }
  return html;
}
