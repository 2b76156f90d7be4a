// Jira issues and users -> the small shapes the popup renders.
import type { JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { IssueRow, StatusCategory } from '../../shared/issues';
import { issueSchema, type Myself } from './schemas';

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/**
 * A status category key of Jira ("new", "indeterminate", "done") as the popup's category;
 * anything else, or none, is 'unknown'. Source: docs/jira-api.md#jql-text-search.
 */
export function statusCategory(key: string | undefined): StatusCategory {
  return (CATEGORIES as readonly (string | undefined)[]).includes(key) ? (key as StatusCategory) : 'unknown';
}

function avatar(urls: Record<string, string> | undefined): string | undefined {
  return urls?.['48x48'] ?? urls?.['32x32'] ?? urls?.['24x24'];
}

/**
 * One issue of a search answer as the row the popup shows, tagged with `connectionId`. Accepts
 * a raw issue (parsed again here, so callers may pass Jira's JSON as is); parts Jira omits or
 * nulls are left out, a missing summary is '' and a missing status 'Unknown'. Throws AppError
 * invalid-response for an issue without a key.
 */
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

/**
 * Jira's /myself answer as the user shown with a connection: the display name falls back to the
 * user name, email, account id, then "Unknown user"; the avatar is the largest of 48, 32 and
 * 24 px. Fields Jira hides (an email, docs/jira-api.md#deployments) are left out. Never throws.
 */
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
