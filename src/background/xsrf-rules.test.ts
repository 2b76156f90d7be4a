import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ firefox: true, rules: [] as { id: number }[], updates: [] as { remove: number[]; add: unknown[] }[] }));
vi.mock('./browser-api', () => ({
  postsMeetXsrf: () => api.firefox,
  sessionRules: async () => api.rules,
  updateSessionRules: async (remove: number[], add: unknown[]) => {
    api.updates.push({ remove, add });
  },
}));

import { connection } from '../../tests/unit/fixtures';
import { XSRF_RULE_BASE, syncXsrfRules, writeOrigins, xsrfRules } from './xsrf-rules';

const ACME = connection('acme');
const DC = connection('corp', { siteUrl: 'https://jira.corp.example:8443/jira', deployment: 'server', authMethod: 'pat' });
const SCOPED = connection('scoped', { scoped: true, cloudId: 'c0ffee-1' });

beforeEach(() => {
  api.firefox = true;
  api.rules = [];
  api.updates = [];
});

describe('the XSRF header rules (Firefox)', () => {
  it('one origin per place the background writes to: the site, or the gateway for a scoped token', () => {
    expect(writeOrigins([ACME, DC, SCOPED, { ...ACME, id: 'again' }])).toEqual([
      'https://acme.atlassian.net',
      'https://api.atlassian.com',
      'https://jira.corp.example:8443',
    ]);
  });

  it('a rule sets Origin to the request’s own origin, for writes outside any tab, to that origin only', () => {
    const [rule] = xsrfRules(['https://jira.corp.example:8443']);
    expect(rule).toEqual({
      id: XSRF_RULE_BASE,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'set', value: 'https://jira.corp.example:8443' }] },
      condition: { urlFilter: '|https://jira.corp.example:8443/', tabIds: [-1], requestMethods: ['post', 'put', 'delete', 'patch'] },
    });
  });

  it('follows the connections: its old rules are replaced, other rules are left alone', async () => {
    api.rules = [{ id: 7 }, { id: XSRF_RULE_BASE }, { id: XSRF_RULE_BASE + 1 }];
    await syncXsrfRules([ACME]);
    expect(api.updates).toEqual([{ remove: [XSRF_RULE_BASE, XSRF_RULE_BASE + 1], add: xsrfRules(['https://acme.atlassian.net']) }]);
    await syncXsrfRules([]);
    expect(api.updates[1]!.add).toEqual([]);
  });

  it('Chrome needs none (Jira accepts its chrome-extension:// Origin): nothing is installed', async () => {
    api.firefox = false;
    await syncXsrfRules([ACME]);
    expect(api.updates).toEqual([]);
  });
});
