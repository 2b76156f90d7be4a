// Jira's answers about one issue -> the shapes the popup's details view renders.
import type { Deployment } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { CommentPage, IssueAttachment, IssueComment, IssueDetails, RichBody, UserRef } from '../../shared/issue-details';
import { attachmentSchema, commentSchema, issueDetailsSchema, type RawComment } from './detail-schemas';
import { toIssueRow } from './rows';

type RawUser = {
  displayName: string;
  accountId?: string | undefined;
  name?: string | undefined;
  avatarUrls?: Record<string, string> | undefined;
};

/** A Jira user as the popup shows it: the name, the id the writes need, the largest avatar. */
export function toUserRef(u: RawUser | null | undefined): UserRef | undefined {
  if (!u) return undefined;
  const ref: UserRef = { displayName: u.displayName };
  if (u.accountId) ref.accountId = u.accountId;
  if (u.name) ref.name = u.name;
  const avatar = u.avatarUrls?.['48x48'] ?? u.avatarUrls?.['32x32'] ?? u.avatarUrls?.['24x24'];
  if (avatar) ref.avatarUrl = avatar;
  return ref;
}

/**
 * A rich-text value as Jira sent it: on Cloud an ADF document; on Server/DC the rendered HTML
 * when there is some, else the wiki markup as plain text. Null for no text.
 */
export function richBody(deployment: Deployment, value: unknown, rendered: string | null | undefined): RichBody | null {
  if (deployment === 'cloud') {
    if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') return { adf: value };
    return typeof value === 'string' && value.trim() ? { text: value } : null;
  }
  if (typeof rendered === 'string' && rendered.trim()) return { html: rendered };
  return typeof value === 'string' && value.trim() ? { text: value } : null;
}

/** One comment of a comments page; undefined for one without an id (dropped, not fatal). */
export function toComment(raw: unknown, deployment: Deployment): IssueComment | undefined {
  const parsed = commentSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const c: RawComment = parsed.data;
  const comment: IssueComment = { id: String(c.id), body: richBody(deployment, c.body, c.renderedBody) };
  const author = toUserRef(c.author);
  if (author) comment.author = author;
  if (c.created) comment.created = c.created;
  if (c.updated && c.updated !== c.created) comment.updated = c.updated;
  return comment;
}

/**
 * A page of comments asked for newest first from `startAt`: the comments, the total, and where
 * the next (older) page starts. A page that adds no comment ends the paging (docs/jira-api.md#search:
 * a cursor must advance).
 */
export function toCommentPage(
  raw: { comments: unknown[]; startAt?: number | undefined; total?: number | undefined },
  deployment: Deployment,
  startAt: number,
): CommentPage {
  const comments = raw.comments.map((c) => toComment(c, deployment)).filter((c): c is IssueComment => !!c);
  const from = raw.startAt ?? startAt;
  const total = raw.total ?? from + comments.length;
  const next = from + raw.comments.length;
  return { comments, total, ...(raw.comments.length > 0 && next < total ? { nextStart: next } : {}) };
}

function toAttachments(raw: unknown[] | undefined): IssueAttachment[] {
  return (raw ?? []).flatMap((a) => {
    const p = attachmentSchema.safeParse(a);
    if (!p.success) return [];
    const att: IssueAttachment = { id: String(p.data.id), filename: p.data.filename };
    if (p.data.size !== undefined) att.size = p.data.size;
    if (p.data.created) att.created = p.data.created;
    return [att];
  });
}

/**
 * GET /rest/api/{3|2}/issue/{key} (and its latest comments) as the details view's issue.
 * Throws AppError invalid-response for an answer without a key.
 */
export function toIssueDetails(raw: unknown, comments: CommentPage, deployment: Deployment, connectionId: string): IssueDetails {
  const parsed = issueDetailsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError({ kind: 'invalid-response', message: 'Jira answered with an issue this extension does not understand.' });
  }
  const { fields, renderedFields } = parsed.data;
  const row = toIssueRow(raw, connectionId);
  const details: IssueDetails = {
    ...row,
    labels: fields?.labels ?? [],
    description: richBody(deployment, fields?.description, renderedFields?.description),
    attachments: toAttachments(fields?.attachment),
    comments,
  };
  delete (details as { assignee?: unknown }).assignee;
  const assignee = toUserRef(fields?.assignee);
  if (assignee) details.assignee = assignee;
  const reporter = toUserRef(fields?.reporter);
  if (reporter) details.reporter = reporter;
  if (parsed.data.id !== undefined) details.id = String(parsed.data.id);
  if (fields?.project) details.project = { key: fields.project.key, name: fields.project.name };
  if (fields?.resolution) details.resolution = fields.resolution.name;
  if (fields?.created) details.created = fields.created;
  return details;
}
