// Jira issues and users -> the small shapes the popup renders.
import type { JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { IssueRow, StatusCategory } from '../../shared/issues';
import { issueSchema, type Myself } from './schemas';

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

export function statusCategory(key: string | undefined): StatusCategory {
  return (CATEGORIES as readonly (string | undefined)[]).includes(key) ? (key as StatusCategory) : 'unknown';
}

function avatar(urls: Record<string, string> | undefined): string | undefined {
  return urls?.['48x48'] ?? urls?.['32x32'] ?? urls?.['24x24'];
}

/** Accepts a raw issue (parsed again here, so callers may pass Jira's JSON as is). */
export function toIssueRow(raw: unknown, connectionId: string): IssueRow {
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError({ kind: 'invalid-response', message: 'Jira answered with an issue this extension does not understand.' });
  }
  const { key, fields } = parsed.data;
  const row: IssueRow = {
    connectionId,
    key,
    summary: fields?.summary ?? '',
    status: {
      name: fields?.status?.name ?? 'Unknown',
      category: statusCategory(fields?.status?.statusCategory?.key),
    },
  };
  const type = fields?.issuetype;
  if (type) row.issueType = { name: type.name, ...(type.iconUrl ? { iconUrl: type.iconUrl } : {}) };
  const priority = fields?.priority;
  if (priority) row.priority = { name: priority.name, ...(priority.iconUrl ? { iconUrl: priority.iconUrl } : {}) };
  const assignee = fields?.assignee;
  if (assignee) {
    const avatarUrl = avatar(assignee.avatarUrls);
    row.assignee = { displayName: assignee.displayName, ...(avatarUrl ? { avatarUrl } : {}) };
  }
  if (fields?.updated) row.updated = fields.updated;
  return row;
}

export function toJiraUser(m: Myself): JiraUser {
  const user: JiraUser = { displayName: m.displayName || m.name || m.emailAddress || m.accountId || 'Unknown user' };
  if (m.accountId) user.accountId = m.accountId;
  if (m.name) user.name = m.name;
  if (m.key) user.key = m.key;
  if (m.emailAddress) user.emailAddress = m.emailAddress;
  const avatarUrl = avatar(m.avatarUrls);
  if (avatarUrl) user.avatarUrl = avatarUrl;
  return user;
}
