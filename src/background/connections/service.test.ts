import { describe, expect, it, vi } from 'vitest';
import type { ConnectionDraft, JiraUser } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { TestedConnection } from '../jira/connect';
import { connection } from '../../../tests/unit/fixtures';
import { SessionMap } from '../session-item';
import { MemoryStorageArea } from '../storage/area';
import { testedDraftItems } from '../storage/items';
import { Store } from '../storage/store';
import {
  checkConnection,
  deleteConnection,
  listConnections,
  saveTested,
  testDraft,
  updateConnection,
  type ConnectionDeps,
} from './service';

const ada: JiraUser = { accountId: 'acc-ada', displayName: 'Ada Lovelace', emailAddress: 'ada@acme.test' };
const TOKEN = `ATATT3${'x'.repeat(186)}`;

function tested(over: Partial<TestedConnection> = {}): TestedConnection {
  return {
    siteUrl: 'https://acme.atlassian.net',
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: 'ada@acme.test',
    scoped: false,
    apiBase: 'https://acme.atlassian.net',
    user: ada,
    siteTitle: 'Acme Jira',
    warnings: [],
    ...over,
  };
}

const draft = (over: Partial<ConnectionDraft> = {}): ConnectionDraft => ({
  siteUrl: 'https://acme.atlassian.net/browse/ACME-1',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: 'ada@acme.test',
  secret: `  ${TOKEN}\n`,
  ...over,
});

function setup(now = { t: Date.UTC(2026, 10, 28) }) {
  const local = new MemoryStorageArea();
  const session = new MemoryStorageArea();
  let n = 0;
  const deps: ConnectionDeps = {
    store: new Store(local),
    drafts: new SessionMap(
      () => session,
      testedDraftItems,
      () => now.t,
    ),
    testConnection: vi.fn(async (d: ConnectionDraft) => tested({ username: d.username.trim() })),
    checkCredentials: vi.fn(async () => ada),
    hasOriginPermission: vi.fn(async () => true),
    newId: () => `id-${++n}`,
    now: () => now.t,
  };
  return { deps, local, session, now };
}

describe('connections service', () => {
  it('tests, then saves with the secret kept only in the background', async () => {
    const { deps, local, session } = setup();
    const result = await testDraft(deps, draft());
    expect(result).toMatchObject({ user: ada, siteTitle: 'Acme Jira', suggestedName: 'acme.atlassian.net' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(Object.fromEntries(session.data))).toContain(TOKEN);

    const saved = await saveTested(deps, { testId: result.testId, name: ' Acme ', tokenExpiresOn: '2027-01-31' });
    expect(saved).toMatchObject({ name: 'Acme', tokenExpiresOn: '2027-01-31', status: { state: 'ok' } });
    expect(await deps.store.secret(saved.id)).toBe(TOKEN); // trimmed
    expect(JSON.stringify(local.data.get('connections'))).not.toContain(TOKEN);
    // the tested draft is used once
    await expect(saveTested(deps, { testId: result.testId, name: 'Again' })).rejects.toMatchObject({ kind: 'expired' });
  });

  it('a failed test saves nothing', async () => {
    const { deps, local, session } = setup();
    deps.testConnection = vi.fn(async () => {
      throw new AppError({ kind: 'auth', message: 'Token rejected' });
    });
    await expect(testDraft(deps, draft())).rejects.toMatchObject({ kind: 'auth' });
    expect(local.data.get('connections')).toBeUndefined();
    expect(session.data.size).toBe(0);
  });

  it('a tested draft expires after 30 minutes', async () => {
    const { deps, now } = setup();
    const { testId } = await testDraft(deps, draft());
    now.t += 31 * 60_000;
    await expect(saveTested(deps, { testId, name: 'x' })).rejects.toMatchObject({ kind: 'expired' });
  });

  it('rejects a duplicate (same site and user, any case) before calling Jira', async () => {
    const { deps } = setup();
    await deps.store.putConnection(
      connection('a', { siteUrl: 'https://acme.atlassian.net', username: 'Ada@Acme.test', name: 'Work' }),
      's',
    );
    await expect(testDraft(deps, draft())).rejects.toMatchObject({ kind: 'duplicate', field: 'siteUrl' });
    expect(deps.testConnection).not.toHaveBeenCalled();
  });

  it.each([
    // [saved site, the same site as typed again]
    ['https://acme.atlassian.net', 'ACME.atlassian.net'],
    ['https://acme.atlassian.net', 'http://acme.atlassian.net:443/jira/software/projects/WEB/boards/1'],
    ['https://acme.atlassian.net', 'https://acme.atlassian.net./'],
    ['https://jira.corp.example/jira', 'https://JIRA.corp.example:443/jira/browse/INFRA-1'],
    ['https://jira.corp.example/jira', 'jira.corp.example/jira/secure/Dashboard.jspa'],
    ['https://jira.corp.example:8443/jira', 'jira.corp.example:8443/jira/'],
    ['https://jira.xn--bcher-kva.example', 'https://JIRA.BÜCHER.example/browse/X-1'],
    // A connection saved before addresses were canonical (a trailing dot, a default port).
    ['https://jira.corp.example.:443/jira/', 'https://jira.corp.example/jira'],
  ])('a site saved as %s is a duplicate when typed as %s', async (saved, typed) => {
    const { deps } = setup();
    await deps.store.putConnection(connection('a', { siteUrl: saved, username: 'ann', name: 'Work' }), 's');
    const error = testDraft(deps, draft({ siteUrl: typed, username: ' ANN ' }));
    await expect(error).rejects.toMatchObject({ kind: 'duplicate', field: 'siteUrl' });
    expect(deps.testConnection).not.toHaveBeenCalled();
  });

  it.each([
    ['https://jira.corp.example/jira', 'https://jira.corp.example:8443/jira'],
    ['https://jira.corp.example/jira', 'http://jira.corp.example/jira'],
    ['https://jira.corp.example/jira', 'https://jira.corp.example/other'],
  ])('a site saved as %s is another site than %s', async (saved, typed) => {
    const { deps } = setup();
    await deps.store.putConnection(connection('a', { siteUrl: saved, username: 'ann', name: 'Work' }), 's');
    await testDraft(deps, draft({ siteUrl: typed, username: 'ann' }));
    expect(deps.testConnection).toHaveBeenCalledOnce();
  });

  it('rejects bad URLs before calling Jira', async () => {
    const { deps } = setup();
    for (const siteUrl of [
      'ftp://acme.atlassian.net',
      'https://acme .atlassian.net',
      '',
      'https://',
      'https://ada:pw@acme.atlassian.net',
    ]) {
      await expect(testDraft(deps, draft({ siteUrl }))).rejects.toBeInstanceOf(AppError);
    }
    expect(deps.testConnection).not.toHaveBeenCalled();
  });

  it.each([
    // [the tested site, Jira's title for it, the name a new connection gets]
    ['https://acme.atlassian.net', 'Jira', 'acme.atlassian.net'],
    ['https://acme.atlassian.net', 'Acme Jira', 'acme.atlassian.net'],
    ['https://jira.corp.example:8443/jira', 'Jira', 'jira.corp.example:8443'],
    ['http://jira.intranet.test/jira', '', 'jira.intranet.test'],
  ])('a new connection to %s (titled %j) is named %s by default', async (siteUrl, siteTitle, name) => {
    const { deps } = setup();
    vi.mocked(deps.testConnection).mockResolvedValueOnce(tested({ siteUrl, siteTitle }));
    expect((await testDraft(deps, draft())).suggestedName).toBe(name);
  });

  it('a re-authentication keeps the connection’s name', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('c1', { name: 'My Acme', username: 'ada@acme.test', user: ada }), 'old-secret');
    expect((await testDraft(deps, draft({ connectionId: 'c1' }))).suggestedName).toBe('My Acme');
  });

  it('re-authentication tests against the saved site, not one the message names, and keeps the id', async () => {
    const { deps } = setup();
    await deps.store.putConnection(
      connection('c1', {
        siteUrl: 'https://acme.atlassian.net',
        username: 'ada@acme.test',
        user: ada,
        status: { state: 'token-rejected' },
      }),
      'old-secret',
    );
    const result = await testDraft(deps, draft({ connectionId: 'c1', siteUrl: 'https://evil.example' }));
    expect(deps.testConnection).toHaveBeenCalledWith(expect.objectContaining({ siteUrl: 'https://acme.atlassian.net' }));
    const saved = await saveTested(deps, { testId: result.testId, name: 'Conn c1' });
    expect(saved.id).toBe('c1');
    expect(saved.status.state).toBe('ok');
    expect(await deps.store.secret('c1')).toBe(TOKEN);
    expect(await deps.store.connections()).toHaveLength(1);
  });

  it('re-authentication refuses credentials of another account', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('c1', { user: { accountId: 'someone-else', displayName: 'Bob' } }), 'old');
    await expect(testDraft(deps, draft({ connectionId: 'c1' }))).rejects.toMatchObject({ kind: 'invalid-input', field: 'secret' });
    expect(await deps.store.secret('c1')).toBe('old');
  });

  it('validates name and expiry on save and update', async () => {
    const { deps } = setup();
    const { testId } = await testDraft(deps, draft());
    await expect(saveTested(deps, { testId, name: '   ' })).rejects.toMatchObject({ field: 'name' });
    await expect(saveTested(deps, { testId, name: 'x', tokenExpiresOn: '2027-02-30' })).rejects.toMatchObject({ field: 'tokenExpiresOn' });
    await expect(saveTested(deps, { testId, name: 'x', tokenExpiresOn: '2030-01-01' })).rejects.toMatchObject({ field: 'tokenExpiresOn' });
    const saved = await saveTested(deps, { testId, name: 'x', tokenExpiresOn: '' });
    expect(saved.tokenExpiresOn).toBeUndefined();
    const updated = await updateConnection(deps, { id: saved.id, name: 'Renamed', tokenExpiresOn: '2027-03-01' });
    expect(updated).toMatchObject({ name: 'Renamed', tokenExpiresOn: '2027-03-01' });
    expect((await updateConnection(deps, { id: saved.id, tokenExpiresOn: null })).tokenExpiresOn).toBeUndefined();
  });

  it('delete removes the secret and says where to revoke', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('a'), 'sa');
    await deps.store.putConnection(connection('p', { deployment: 'server', authMethod: 'pat', siteUrl: 'https://jira.corp/jira' }), 'sp');
    expect(await deleteConnection(deps, 'a')).toEqual({ revokeUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens' });
    expect((await deleteConnection(deps, 'p')).revokeUrl).toMatch(/^https:\/\/jira\.corp\/jira\/secure\/ViewProfile\.jspa/);
    expect(await deps.store.secret('a')).toBeUndefined();
    await expect(deleteConnection(deps, 'a')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('lists missing site access live', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('a', { siteUrl: 'https://jira.corp', deployment: 'server', authMethod: 'password' }), 's');
    deps.hasOriginPermission = vi.fn(async () => false);
    const { connections } = await listConnections(deps);
    expect(connections[0]?.status.state).toBe('no-site-access');
    expect(deps.hasOriginPermission).toHaveBeenCalledWith('https://jira.corp/*');
  });

  it('check records token rejection and recovery', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('a'), 's');
    deps.checkCredentials = vi.fn(async () => {
      throw new AppError({ kind: 'auth', message: 'rejected' });
    });
    const toStatus = (e: unknown) => (e instanceof AppError && e.kind === 'auth' ? { state: 'token-rejected' as const } : undefined);
    expect((await checkConnection(deps, 'a', toStatus)).state).toBe('token-rejected');
    expect((await deps.store.connection('a'))?.status.state).toBe('token-rejected');
    deps.checkCredentials = vi.fn(async () => ada);
    expect((await checkConnection(deps, 'a', toStatus)).state).toBe('ok');
  });
});
