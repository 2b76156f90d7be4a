// GET and POST /issue/{key}/comment (docs/jira-api.md#comments). Reads page with startAt and
// maxResults (Jira's default page is 5000), oldest first unless orderBy=-created, and add
// renderedBody with expand=renderedBody. Writes take {"body": ...}: an ADF document on Cloud
// v3, a wiki-markup string on v2. Refusals use the bodies public client reports show:
// a string on v3 -> errors.comment "Comment body is not valid!"; a document the schema refuses
// -> errorMessages ["INVALID_INPUT"]; nothing to say -> errors.comment "Comment body can not be empty!";
// an object on Data Center's v2 -> Jackson's "Can not deserialize instance of java.lang.String".
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/
import { renderWiki } from './wiki-render';
import type { ApiCall } from './api-router';
import { adfText, isValidAdf } from './adf';
import { sendErrors } from './http';
import { commentJson, commentPage } from './json-comments';
import type { FakeComment, FakeIssue, FakeUser } from './seed';
import type { JiraSite } from './site';

export const COMMENT_NOT_VALID = 'Comment body is not valid!';
export const COMMENT_EMPTY = 'Comment body can not be empty!';
export const NOT_A_STRING =
  'Can not deserialize instance of java.lang.String out of START_OBJECT token\n at [Source: org.apache.catalina.connector.CoyoteInputStream; line: 1, column: 2] (through reference chain: com.atlassian.jira.issue.fields.rest.json.beans.CommentJsonBean["body"])';

/** GET: one page of the issue's comments. */
export function listComments(call: ApiCall, issue: FakeIssue) {
  const q = call.query;
  const startAt = Number(q.get('startAt') ?? 0);
  const maxResults = Number(q.get('maxResults') ?? 5000);
  if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 0) {
    return sendErrors(call.res, 400, ['startAt and maxResults must be non-negative integers.']);
  }
  const newestFirst = q.get('orderBy') === '-created';
  const rendered = (q.get('expand') ?? '').split(',').includes('renderedBody');
  call.ok(
    200,
    commentPage(call.site, issue, call.apiBase, call.version, { startAt, maxResults: Math.min(maxResults, 5000), newestFirst, rendered }),
  );
}

/**
 * Checks a comment body as REST `v` of this site reads it. Returns the comment's content, or the
 * refusal to answer with (`field`: the errors key Jira uses for it).
 */
export function readCommentBody(
  site: JiraSite,
  v: number,
  body: unknown,
  field = 'comment',
): { text: string; adf?: object; wiki?: string; html?: string } | { errors: Record<string, string>; errorMessages: string[] } {
  const refuse = (message: string) => ({ errors: { [field]: message }, errorMessages: [] });
  if (body === undefined || body === null) return refuse(COMMENT_EMPTY);
  if (v === 3) {
    if (typeof body !== 'object') return refuse(COMMENT_NOT_VALID);
    if (!isValidAdf(body)) return { errors: {}, errorMessages: ['INVALID_INPUT'] };
    const text = adfText(body);
    return text.trim() ? { text, adf: body } : refuse(COMMENT_EMPTY);
  }
  if (typeof body !== 'string') return site.cloud ? refuse(COMMENT_NOT_VALID) : { errors: {}, errorMessages: [NOT_A_STRING] };
  return body.trim() ? { text: body, wiki: body, html: renderWiki(body) } : refuse(COMMENT_EMPTY);
}

/** Stores a new comment by `author` on `issue` (which is now updated) and returns it. */
export function storeComment(
  site: JiraSite,
  issue: FakeIssue,
  author: FakeUser,
  content: { text: string; adf?: object; wiki?: string; html?: string },
): FakeComment {
  const ids = site.data.issues.flatMap((i) => i.comments.map((c) => Number(c.id)));
  const now = Date.now();
  const comment: FakeComment = { id: String(Math.max(10_000, ...ids) + 1), author: author.id, created: now, updated: now, ...content };
  issue.comments.push(comment);
  issue.updated = now;
  return comment;
}

/** POST: adds a comment by the caller; 201 with the comment. */
export function addComment(call: ApiCall, issue: FakeIssue, user: FakeUser) {
  const payload = call.body;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return sendErrors(call.res, 400, [], { comment: COMMENT_EMPTY });
  const read = readCommentBody(call.site, call.version, (payload as { body?: unknown }).body);
  if ('errors' in read) return sendErrors(call.res, 400, read.errorMessages, read.errors);
  const comment = storeComment(call.site, issue, user, read);
  call.ok(201, commentJson(call.site, issue, comment, call.apiBase, call.version, false));
}
