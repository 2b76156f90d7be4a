// A Cloud token the site refuses, tried through the gateway: a scope the token lacks is said as
// such, never as a rejected token (docs/jira-api.md#scoped-tokens).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { checkConnectionDraft } from '../../shared/connection-draft';
import { tryGateway } from './scoped-gateway';
import { fakeFetch, json, noSleep, type Reply } from './testing';

const TOKEN = 'ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789';
const GATEWAY = 'https://api.atlassian.com/ex/jira/0b1c-2d3e';
const SITE_401 = new AppError({ kind: 'auth', status: 401, message: 'Jira rejected the API token.' });
const SCOPE_401 = () =>
  json({ code: 401, message: 'Unauthorized; scope does not match' }, 401, { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' });

async function gatewayFailure(myself: Reply, hasPermission = async () => true): Promise<{ e: AppError; calls: number }> {
  const f = fakeFetch({
    'GET /_edge/tenant_info': json({ cloudId: '0b1c-2d3e' }),
    [`GET ${GATEWAY}/rest/api/3/myself`]: myself,
  });
  const checked = checkConnectionDraft({
    siteUrl: 'https://acme.atlassian.net',
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: 'ann@example.com',
    secret: TOKEN,
  });
  try {
    await tryGateway(checked, SITE_401, { fetch: f.fetch, sleep: noSleep, hasPermission });
  } catch (e) {
    if (e instanceof AppError) return { e, calls: f.calls.length };
    throw e;
  }
  throw new Error('expected a failure');
}

describe('tryGateway', () => {
  it('a scoped token without read:jira-user: missing-scope naming it, not "rejected"', async () => {
    const { e } = await gatewayFailure(SCOPE_401());
    expect([e.kind, e.scope]).toEqual(['missing-scope', 'read:jira-user']);
    expect(e.message).toContain('read:jira-user');
    expect(e.message).not.toMatch(/rejected|expired|revoked/);
    expect(JSON.stringify(e.toInfo())).not.toContain(TOKEN);
  });

  it('a token the gateway refuses too stays rejected', async () => {
    const { e } = await gatewayFailure(json({ message: 'Client must be authenticated to access this resource.', 'status-code': 401 }, 401));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/rejected/);
  });

  it('without the gateway host permission, asks for it and sends the token nowhere', async () => {
    const { e, calls } = await gatewayFailure(json({}), async () => false);
    expect([e.kind, e.originPattern]).toEqual(['no-site-access', 'https://api.atlassian.com/*']);
    expect(calls).toBe(1); // tenant_info only: public, no credentials
  });
});
