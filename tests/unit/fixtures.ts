// Test data shared by unit tests.
import type { ConnectionSummary } from '../../src/shared/connection';

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
