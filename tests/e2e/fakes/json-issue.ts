// Issues as Jira's REST API shows them (GET /issue/{key}, search results): only the fields
// asked for (`*all` gives all, `*navigable` all but comments, `-name` removes one), the description as ADF on
// v3 and as wiki markup on v2, and `renderedFields` only with expand=renderedFields
// (docs/jira-api.md#issue-details).
import { adfParagraph } from './adf';
import { escapeHtml } from './http';
import { attachmentJson, commentPage, jiraDate } from './json-comments';
import { userRef } from './json-users';
import { RESOLUTIONS, type FakeIssue, type StatusCategoryKey } from './seed';
import type { JiraSite } from './site';
import { ROOT_CAUSE, usesOpsWorkflow } from './workflows';

const CATEGORY = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
} as const;

/** A status object with its category (issue fields, transition targets). */
export function statusJson(
  status: { id: string; name: string; category: StatusCategoryKey },
  apiBase: string,
  v: number,
  site: JiraSite,
): object {
  const c = CATEGORY[status.category];
  return {
    self: `${apiBase}/rest/api/${v}/status/${status.id}`,
    description: '',
    iconUrl: `${site.baseUrl}/`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${apiBase}/rest/api/${v}/statuscategory/${c.id}`,
      id: c.id,
      key: status.category,
      colorName: c.colorName,
      name: c.name,
    },
  };
}

/**
 * An issue type's icon: on Cloud a REST resource under the API base the caller used (the site,
 * or the gateway for a scoped token), on Data Center a /secure/ page of the site.
 */
export function typeIconUrl(site: JiraSite, avatarId: string, apiBase: string): string {
  return site.cloud
    ? `${apiBase}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium`
    : `${site.baseUrl}/secure/viewavatar?size=xsmall&avatarId=${avatarId}&avatarType=issuetype`;
}

/** `fields` as a request names them ("summary,status", "*all", "*navigable", "-comment") -> a test per field. */
export function fieldFilter(fieldsParam: string): (field: string) => boolean {
  const wanted = fieldsParam
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const all = wanted.includes('*all');
  // Comments are not a navigator column, so `*navigable` (Data Center's search default) leaves them out.
  const navigable = wanted.includes('*navigable');
  return (f) => !wanted.includes(`-${f}`) && (all || (navigable && f !== 'comment') || wanted.includes(f));
}

/** The issue object: id, key, self and the fields `fieldsParam` asks for; `expand` may add renderedFields. */
export function issueJson(site: JiraSite, i: FakeIssue, apiBase: string, v: number, fieldsParam: string, expand: string): object {
  const has = fieldFilter(fieldsParam);
  const api = `${apiBase}/rest/api/${v}`;
  const fields: Record<string, unknown> = {};
  if (has('summary')) fields.summary = i.summary;
  if (has('status')) fields.status = statusJson(i.status, apiBase, v, site);
  if (has('priority'))
    fields.priority = {
      self: `${api}/priority/${i.priority.id}`,
      iconUrl: site.baseUrl + i.priority.icon,
      name: i.priority.name,
      id: i.priority.id,
    };
  if (has('issuetype')) {
    const t = i.type;
    fields.issuetype = {
      self: `${api}/issuetype/${t.id}`,
      id: t.id,
      description: '',
      iconUrl: typeIconUrl(site, t.avatarId, apiBase),
      name: t.name,
      subtask: false,
    };
  }
  if (has('assignee')) fields.assignee = userRef(site, i.assignee, apiBase, v);
  if (has('reporter')) fields.reporter = userRef(site, i.reporter, apiBase, v);
  if (has('labels')) fields.labels = [...i.labels];
  if (has('updated')) fields.updated = jiraDate(i.updated);
  if (has('created')) fields.created = jiraDate(i.created);
  if (has('resolution')) fields.resolution = resolutionJson(i.resolution, api);
  if (has('project')) {
    const p = i.project;
    const avatarUrls = { '48x48': `${site.baseUrl}/secure/projectavatar?pid=${p.id}&size=48` };
    fields.project = { self: `${api}/project/${p.id}`, id: p.id, key: p.key, name: p.name, projectTypeKey: 'software', avatarUrls };
  }
  if (has('description')) fields.description = v === 3 ? (i.descriptionAdf ?? adfParagraph(i.description)) : i.description;
  if (has('attachment')) fields.attachment = i.attachments.map((a) => attachmentJson(site, a, apiBase, v));
  if (has('watches')) fields.watches = { self: `${api}/issue/${i.key}/watchers`, watchCount: i.watchers.length, isWatching: false };
  if (has('comment'))
    fields.comment = {
      ...commentPage(site, i, apiBase, v, { startAt: 0, maxResults: i.comments.length, newestFirst: false, rendered: false }),
      self: `${api}/issue/${i.id}/comment`,
    };
  if (usesOpsWorkflow(i) && has(ROOT_CAUSE.id)) fields[ROOT_CAUSE.id] = rootCauseJson(i, api);
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: i.id,
    self: `${api}/issue/${i.id}`,
    key: i.key,
    fields,
  };
  if (expand.split(',').includes('renderedFields')) {
    const rendered: Record<string, unknown> = {};
    if (has('description')) rendered.description = i.descriptionHtml ?? `<p>${escapeHtml(i.description)}</p>`;
    out.renderedFields = rendered;
  }
  return out;
}

function resolutionJson(name: string | null, api: string): object | null {
  const r = RESOLUTIONS.find((x) => x.name === name);
  return r ? { self: `${api}/resolution/${r.id}`, id: r.id, description: r.description, name: r.name } : null;
}

function rootCauseJson(i: FakeIssue, api: string): object | null {
  const o = ROOT_CAUSE.options.find((x) => x.id === i.custom?.[ROOT_CAUSE.id]);
  return o ? { self: `${api}/customFieldOption/${o.id}`, value: o.value, id: o.id } : null;
}
