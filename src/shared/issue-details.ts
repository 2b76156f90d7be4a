// An issue as the popup's details view shows it, shared by the background (which builds it
// from Jira's answer) and the popup (which renders it). Rich text stays Jira's: Cloud's ADF
// document, or Server/DC's rendered HTML, turned into nodes only by the popup's allowlist
// (src/popup/rich-text). Nothing here carries a token.
import type { IssueRow, StatusCategory } from './issues';

/** Rich text as Jira sent it: ADF (Cloud, REST v3), rendered HTML (Server/DC), or plain text. */
export type RichBody = { adf: unknown } | { html: string } | { text: string };

export interface UserRef {
  displayName: string;
  /** Cloud. */
  accountId?: string;
  /** Server/DC user name. */
  name?: string;
  avatarUrl?: string;
}

export interface IssueComment {
  id: string;
  author?: UserRef;
  /** ISO timestamps. */
  created?: string;
  updated?: string;
  body: RichBody | null;
}

export interface IssueAttachment {
  id: string;
  filename: string;
  /** Bytes. */
  size?: number;
  created?: string;
}

/** A page of an issue's comments, newest first. */
export interface CommentPage {
  comments: IssueComment[];
  /** All the issue's comments (as Jira counts them when it says; else those seen). */
  total: number;
  /** Where the next, older page starts (absent: no older comments). */
  nextStart?: number;
}

export interface IssueDetails {
  connectionId: string;
  key: string;
  id?: string;
  summary: string;
  issueType?: { name: string; iconUrl?: string };
  status: { name: string; category: StatusCategory };
  priority?: { name: string; iconUrl?: string };
  assignee?: UserRef;
  reporter?: UserRef;
  project?: { key: string; name: string };
  labels: string[];
  resolution?: string;
  created?: string;
  updated?: string;
  description: RichBody | null;
  attachments: IssueAttachment[];
  /** The latest comments (newest first), with the way to older ones. */
  comments: CommentPage;
}

/** A details view's cache entry (storage.local, written by the background). */
export interface CachedIssueDetails {
  issue: IssueDetails;
  /** When Jira answered (epoch ms). */
  fetchedAt: number;
}

/** The list row of an issue, from its details (a typed key shown as the first row). */
export function rowOf(d: IssueDetails): IssueRow {
  const row: IssueRow = { connectionId: d.connectionId, key: d.key, summary: d.summary, status: d.status };
  if (d.issueType) row.issueType = d.issueType;
  if (d.priority) row.priority = d.priority;
  if (d.assignee)
    row.assignee = { displayName: d.assignee.displayName, ...(d.assignee.avatarUrl ? { avatarUrl: d.assignee.avatarUrl } : {}) };
  if (d.updated) row.updated = d.updated;
  return row;
}
