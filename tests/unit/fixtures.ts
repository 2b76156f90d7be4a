// Test data shared by unit tests.
import type { ConnectionSummary } from '../../src/shared/connection';
import type { IssuePage, IssueRow } from '../../src/shared/issues';

/** A saved Jira Cloud connection `id` (named `Conn <id>`, at https://<id>.atlassian.net), status OK. */
export function connection(id: string, extra: Partial<ConnectionSummary> = {}): ConnectionSummary {
  return {
    id,
    name: `Conn ${id}`,
    siteUrl: `https://${id}.atlassian.net`,
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: `${id}@example.com`,
    user: { accountId: `acc-${id}`, displayName: `User ${id}` },
    siteTitle: 'Jira',
    scoped: false,
    createdAt: 1,
    updatedAt: 1,
    status: { state: 'ok' },
    ...extra,
  };
}

/** An issue row `key` of connection `connectionId`, in To Do. */
export function row(connectionId: string, key: string, updated = '2026-11-01T00:00:00Z'): IssueRow {
  return { connectionId, key, summary: `Summary of ${key}`, status: { name: 'To Do', category: 'new' }, updated };
}

/** A page of rows with these keys, fetched at `fetchedAt` (epoch ms). */
export function page(connectionId: string, keys: string[], fetchedAt = 0): IssuePage {
  return { issues: keys.map((k) => row(connectionId, k)), fetchedAt };
}
