import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ firefox: true, rules: [] as { id: number }[], updates: [] as { remove: number[]; add: unknown[] }[] }));
vi.mock('./browser-api', () => ({
  postsMeetXsrf: () => api.firefox,
  extensionUrl: (path: string) => `moz-extension://6f0c8a52-3c1e-4d7b-9a2f-5e8b1c4d7a90/${path}`,
  sessionRules: async () => api.rules,
  updateSessionRules: async (remove: number[], add: unknown[]) => {
    api.updates.push({ remove, add });
  },
}));

import { connection } from '../../tests/unit/fixtures';
import { XSRF_RULE_BASE, syncXsrfRules, writeOrigins, xsrfRules } from './xsrf-rules';

const EXTENSION_HOST = '6f0c8a52-3c1e-4d7b-9a2f-5e8b1c4d7a90';
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

  it('a rule sets Origin to the request’s own origin, for the extension’s writes outside any tab, to that origin only', () => {
    const [rule] = xsrfRules(['https://jira.corp.example:8443'], EXTENSION_HOST);
    expect(rule).toEqual({
      id: XSRF_RULE_BASE,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'set', value: 'https://jira.corp.example:8443' }] },
      condition: {
        urlFilter: '|https://jira.corp.example:8443/',
        tabIds: [-1],
        // Only this extension's requests: not a web site's service worker (also outside any tab).
        initiatorDomains: [EXTENSION_HOST],
        requestMethods: ['post', 'put', 'delete', 'patch'],
      },
    });
  });

  it('follows the connections: its old rules are replaced, other rules are left alone', async () => {
    api.rules = [{ id: 7 }, { id: XSRF_RULE_BASE }, { id: XSRF_RULE_BASE + 1 }];
    await syncXsrfRules([ACME]);
    expect(api.updates).toEqual([
      { remove: [XSRF_RULE_BASE, XSRF_RULE_BASE + 1], add: xsrfRules(['https://acme.atlassian.net'], EXTENSION_HOST) },
    ]);
    await syncXsrfRules([]);
    expect(api.updates[1]!.add).toEqual([]);
  });

  it('Chrome needs none (Jira accepts its chrome-extension:// Origin): nothing is installed', async () => {
    api.firefox = false;
    await syncXsrfRules([ACME]);
    expect(api.updates).toEqual([]);
  });
});
