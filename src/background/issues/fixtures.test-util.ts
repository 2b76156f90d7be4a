// Test data shared by this folder's units.
import type { ConnectionSummary } from '../../shared/connection';
import type { IssuePage, IssueRow } from '../../shared/issues';

export function connection(id: string, over: Partial<ConnectionSummary> = {}): ConnectionSummary {
  return {
    id,
    name: id,
    siteUrl: `https://${id}.atlassian.net`,
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: 'me@example.com',
    user: { displayName: 'Me', accountId: 'a1' },
    siteTitle: id,
    scoped: false,
    createdAt: 1,
    updatedAt: 1,
    status: { state: 'ok' },
    ...over,
  };
}

export function row(connectionId: string, key: string, updated = '2026-11-01T00:00:00Z'): IssueRow {
  return { connectionId, key, summary: `Summary of ${key}`, status: { name: 'To Do', category: 'new' }, updated };
}

export function page(connectionId: string, keys: string[], fetchedAt = 0): IssuePage {
  return { issues: keys.map((k) => row(connectionId, k)), fetchedAt };
}
