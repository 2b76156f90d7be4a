// Comments and attachments as Jira's REST API shows them. A comment's body is ADF on Cloud v3
// and wiki markup (a string) on v2; `renderedBody` is the HTML Jira renders, only with
// expand=renderedBody (docs/jira-api.md#comments). Attachment links point at the site's
// content URLs (Cloud: REST resources; Data Center: /secure/ pages).
import { adfParagraph } from './adf';
import { escapeHtml } from './http';
import { userRef } from './json-users';
import type { FakeAttachment, FakeComment, FakeIssue } from './seed';
import type { JiraSite } from './site';

/** Jira's timestamp format: ISO 8601 with milliseconds and a +0000 offset. */
export function jiraDate(t: number): string {
  return new Date(t).toISOString().replace('Z', '+0000');
}

/** The comment's body in the form REST `v` gives it. */
export function commentBody(c: FakeComment, v: number): unknown {
  return v === 3 ? (c.adf ?? adfParagraph(c.text)) : (c.wiki ?? c.text);
}

/** One comment; `rendered` adds renderedBody (expand=renderedBody). */
export function commentJson(site: JiraSite, issue: FakeIssue, c: FakeComment, apiBase: string, v: number, rendered: boolean): object {
  const author = userRef(site, c.author, apiBase, v);
  return {
    self: `${apiBase}/rest/api/${v}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author,
    body: commentBody(c, v),
    ...(rendered ? { renderedBody: c.html ?? `<p>${escapeHtml(c.text)}</p>` } : {}),
    updateAuthor: author,
    created: jiraDate(c.created),
    updated: jiraDate(c.updated),
    ...(site.cloud ? { jsdPublic: true } : {}),
  };
}

/** A page of comments `{startAt, maxResults, total, comments}` (newest first when `newestFirst`). */
export function commentPage(
  site: JiraSite,
  issue: FakeIssue,
  apiBase: string,
  v: number,
  page: { startAt: number; maxResults: number; newestFirst: boolean; rendered: boolean },
): object {
  const ordered = page.newestFirst ? [...issue.comments].reverse() : issue.comments;
  const slice = ordered.slice(page.startAt, page.startAt + page.maxResults);
  return {
    startAt: page.startAt,
    maxResults: page.maxResults,
    total: issue.comments.length,
    comments: slice.map((c) => commentJson(site, issue, c, apiBase, v, page.rendered)),
  };
}

/** One attachment of an issue's `attachment` field. */
export function attachmentJson(site: JiraSite, a: FakeAttachment, apiBase: string, v: number): object {
  const content = site.cloud
    ? `${apiBase}/rest/api/${v}/attachment/content/${a.id}`
    : `${site.baseUrl}/secure/attachment/${a.id}/${a.filename}`;
  const thumbnail = site.cloud
    ? `${apiBase}/rest/api/${v}/attachment/thumbnail/${a.id}`
    : `${site.baseUrl}/secure/thumbnail/${a.id}/_thumb_${a.id}.png`;
  return {
    self: `${apiBase}/rest/api/${v}/attachment/${a.id}`,
    id: a.id,
    filename: a.filename,
    author: userRef(site, a.author, apiBase, v),
    created: jiraDate(a.created),
    size: a.size,
    mimeType: a.mimeType,
    content,
    ...(a.mimeType.startsWith('image/') ? { thumbnail } : {}),
  };
}
