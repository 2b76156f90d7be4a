// What the options page can do with connections, independent of messaging so it can be
// unit-tested with an in-memory store and a fake Jira client.
import {
  revokeUrlFor,
  type ConnectionDraft,
  type ConnectionStatus,
  type ConnectionSummary,
  type ConnectionTestResult,
  type JiraUser,
} from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { hostOf, normaliseSiteUrl, originPatternFor, sameSite } from '../../shared/site-url';
import { GATEWAY_ORIGIN_PATTERN, type TestedConnection } from '../jira/connect';
import type { SessionMap } from '../session-item';
import type { Store } from '../storage/store';
import type { TestedDraft } from './tested-drafts';

/** What the connections service needs: storage, the Jira client and the browser's permissions (replaced in tests). */
export interface ConnectionDeps {
  store: Store;
  drafts: SessionMap<TestedDraft>;
  testConnection(draft: ConnectionDraft): Promise<TestedConnection>;
  /** Re-checks saved credentials (GET /myself); throws AppError. */
  checkCredentials(connection: ConnectionSummary, secret: string): Promise<JiraUser>;
  hasOriginPermission(originPattern: string): Promise<boolean>;
  newId(): string;
  now(): number;
}

const sameUser = (a: JiraUser, b: JiraUser) => (a.accountId ? a.accountId === b.accountId : (a.key ?? a.name) === (b.key ?? b.name));

function notFound(): AppError {
  return new AppError({ kind: 'not-found', message: 'That connection no longer exists. It may have been deleted in another tab.' });
}

async function requireConnection(deps: ConnectionDeps, id: string): Promise<ConnectionSummary> {
  const c = await deps.store.connection(id);
  if (!c) throw notFound();
  return c;
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError({ kind: 'invalid-input', field: 'name', message: 'Give the connection a name.' });
  if (trimmed.length > 100) throw new AppError({ kind: 'invalid-input', field: 'name', message: 'Keep the name under 100 characters.' });
  return trimmed;
}

function validExpiry(value: string | null | undefined, now: number): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new AppError({ kind: 'invalid-input', field: 'tokenExpiresOn', message: 'That expiry date is not a real date.' });
  }
  // Atlassian tokens last at most a year; allow a little slack for time zones and older tokens.
  if (date.getTime() > now + 400 * 86_400_000) {
    throw new AppError({
      kind: 'invalid-input',
      field: 'tokenExpiresOn',
      message: 'API tokens last at most one year: check the expiry date.',
    });
  }
  return value;
}

/**
 * The connection of `list` (but `exceptId`) to the same site, however either address was typed
 * (sameSite: case, ports, slashes, page links, IDN), for the same username in any case.
 */
function isDuplicate(list: ConnectionSummary[], siteUrl: string, username: string, exceptId?: string): ConnectionSummary | undefined {
  const u = username.trim().toLowerCase();
  return list.find((c) => c.id !== exceptId && c.username.trim().toLowerCase() === u && sameSite(c.siteUrl, siteUrl));
}

/** What a test established about the site and the account, as stored and shown. */
function testedFields(t: TestedConnection) {
  return {
    siteUrl: t.siteUrl,
    deployment: t.deployment,
    authMethod: t.authMethod,
    username: t.username,
    user: t.user,
    siteTitle: t.siteTitle,
    scoped: t.scoped,
  };
}

/**
 * Next: tests a draft (new connection or re-authentication) and keeps the secret for Finish, in
 * storage.session under the returned testId. Throws AppError 'not-found' for a re-authentication
 * of a deleted connection, 'duplicate' for a site and user already connected, 'invalid-input'
 * for credentials of another account, and testConnection's errors.
 */
export async function testDraft(deps: ConnectionDeps, draft: ConnectionDraft): Promise<ConnectionTestResult> {
  let effective: ConnectionDraft = draft;
  let existing: ConnectionSummary | undefined;
  if (draft.connectionId) {
    // Re-authentication: the site is the saved one, never one the message names.
    existing = await requireConnection(deps, draft.connectionId);
    effective = { ...draft, siteUrl: existing.siteUrl, deployment: existing.deployment };
    if (existing.deployment === 'cloud') effective.authMethod = 'cloud-token';
  } else {
    const site = normaliseSiteUrl(draft.siteUrl);
    const dup = isDuplicate(await deps.store.connections(), site.siteUrl, draft.username);
    if (dup) {
      throw new AppError({
        kind: 'duplicate',
        field: 'siteUrl',
        message: `“${dup.name}” already connects ${site.siteUrl} as ${dup.username}. Use Re-authenticate on it instead.`,
      });
    }
  }

  const tested = await deps.testConnection(effective);

  if (existing && !sameUser(existing.user, tested.user)) {
    throw new AppError({
      kind: 'invalid-input',
      field: 'secret',
      message: `These credentials belong to ${tested.user.displayName}, not ${existing.user.displayName}. Create the token while logged in as ${existing.username || existing.user.displayName}, or add a new connection.`,
    });
  }
  if (!existing) {
    const dup = isDuplicate(await deps.store.connections(), tested.siteUrl, tested.username);
    if (dup) {
      throw new AppError({
        kind: 'duplicate',
        field: 'siteUrl',
        message: `“${dup.name}” already connects ${tested.siteUrl} as ${dup.username}.`,
      });
    }
  }

  const testId = deps.newId();
  const entry: TestedDraft = { tested, secret: draft.secret.trim() };
  if (existing) entry.connectionId = existing.id;
  await deps.drafts.set(testId, entry);

  const result: ConnectionTestResult = {
    testId,
    ...testedFields(tested),
    // The site's host names a new connection: Jira's own title is "Jira" on most sites, which
    // tells two connections apart no better than nothing.
    suggestedName: existing?.name ?? hostOf(tested.siteUrl),
    warnings: tested.warnings,
  };
  if (tested.version !== undefined) result.version = tested.version;
  if (existing) result.connectionId = existing.id;
  return result;
}

/**
 * Finish: saves what Next tested (a new connection, or the re-authenticated one with its new
 * secret). Throws AppError 'expired' when the test is older than 30 minutes or was used,
 * 'invalid-input' for the name or expiry date, 'duplicate', 'not-found'.
 */
export async function saveTested(
  deps: ConnectionDeps,
  input: { testId: string; name: string; tokenExpiresOn?: string | null | undefined },
): Promise<ConnectionSummary> {
  const entry = await deps.drafts.get(input.testId);
  if (!entry) {
    throw new AppError({ kind: 'expired', message: 'The connection test is too old or was already used. Press Next to test it again.' });
  }
  const now = deps.now();
  const name = validName(input.name);
  const tokenExpiresOn = validExpiry(input.tokenExpiresOn, now);
  const { tested, secret } = entry;

  const fromTest = {
    ...testedFields(tested),
    status: { state: 'ok', checkedAt: now } satisfies ConnectionStatus,
    updatedAt: now,
  };

  const finish = (c: ConnectionSummary): ConnectionSummary => {
    const out: ConnectionSummary = { ...c, ...fromTest, name };
    delete out.cloudId;
    delete out.version;
    delete out.tokenExpiresOn;
    if (tested.cloudId !== undefined) out.cloudId = tested.cloudId;
    if (tested.version !== undefined) out.version = tested.version;
    if (tokenExpiresOn !== undefined) out.tokenExpiresOn = tokenExpiresOn;
    return out;
  };

  let saved: ConnectionSummary | undefined;
  if (entry.connectionId) {
    // Re-authentication: the new secret and the refreshed record in one locked write.
    saved = await deps.store.replaceConnection(entry.connectionId, finish, secret);
    if (!saved) throw notFound();
  } else {
    const dup = isDuplicate(await deps.store.connections(), tested.siteUrl, tested.username);
    if (dup)
      throw new AppError({
        kind: 'duplicate',
        field: 'siteUrl',
        message: `“${dup.name}” already connects ${tested.siteUrl} as ${dup.username}.`,
      });
    saved = finish({ id: deps.newId(), name, createdAt: now, ...fromTest });
    await deps.store.putConnection(saved, secret);
  }
  await deps.drafts.delete(input.testId);
  return saved;
}

/** Renames a connection or changes its token expiry date (null or '' removes it). Throws AppError 'not-found', 'invalid-input'. */
export async function updateConnection(
  deps: ConnectionDeps,
  input: { id: string; name?: string | undefined; tokenExpiresOn?: string | null | undefined },
): Promise<ConnectionSummary> {
  await requireConnection(deps, input.id);
  const now = deps.now();
  const name = input.name === undefined ? undefined : validName(input.name);
  const expiry = input.tokenExpiresOn === undefined ? undefined : validExpiry(input.tokenExpiresOn, now);
  const updated = await deps.store.updateConnection(input.id, (c) => {
    const next: ConnectionSummary = { ...c, updatedAt: now };
    if (name !== undefined) next.name = name;
    if (input.tokenExpiresOn !== undefined) {
      if (expiry === undefined) delete next.tokenExpiresOn;
      else next.tokenExpiresOn = expiry;
    }
    return next;
  });
  if (!updated) throw notFound();
  return updated;
}

/** Deletes a connection with its secret and caches; says where to revoke its token. Throws AppError 'not-found'. */
export async function deleteConnection(deps: ConnectionDeps, id: string): Promise<{ revokeUrl: string | null }> {
  const c = await requireConnection(deps, id);
  await deps.store.deleteConnection(id);
  return { revokeUrl: revokeUrlFor(c) };
}

/** The host permission a connection's requests need: its site, or the gateway for a scoped token. */
function sitePermissionFor(c: Pick<ConnectionSummary, 'siteUrl' | 'deployment' | 'scoped'>): string {
  return c.deployment === 'cloud' && c.scoped ? GATEWAY_ORIGIN_PATTERN : originPatternFor(c.siteUrl);
}

/** The list, with site access checked live (the user may have restricted it since). */
export async function listConnections(deps: ConnectionDeps): Promise<{ connections: ConnectionSummary[]; defaultId: string | null }> {
  const [connections, defaultId] = await Promise.all([deps.store.connections(), deps.store.defaultConnectionId()]);
  const checked = await Promise.all(
    connections.map(async (c) => {
      if (await deps.hasOriginPermission(sitePermissionFor(c))) return c;
      return {
        ...c,
        status: {
          state: 'no-site-access',
          checkedAt: deps.now(),
          message: `Client for Jira has no access to ${hostOf(c.siteUrl)}. Grant access to use this connection.`,
        },
      } satisfies ConnectionSummary;
    }),
  );
  return { connections: checked, defaultId };
}

/**
 * Checks a saved connection's credentials now (GET /myself) and records the outcome; resolves
 * to the new status. Errors `statusFromError` maps become that status; others are thrown, as is
 * AppError 'not-found' for an unknown connection.
 */
export async function checkConnection(
  deps: ConnectionDeps,
  id: string,
  statusFromError: (e: unknown) => ConnectionStatus | undefined,
): Promise<ConnectionStatus> {
  const c = await requireConnection(deps, id);
  const secret = await deps.store.secret(id);
  let status: ConnectionStatus;
  if (!secret) {
    status = {
      state: 'token-rejected',
      checkedAt: deps.now(),
      message: 'No credentials are stored for this connection. Re-authenticate it.',
    };
  } else {
    try {
      const user = await deps.checkCredentials(c, secret);
      status = { state: 'ok', checkedAt: deps.now() };
      await deps.store.updateConnection(id, (x) => ({ ...x, user: { ...x.user, ...user }, status }));
      return status;
    } catch (e) {
      const s = statusFromError(e);
      if (!s) throw e;
      status = s;
    }
  }
  await deps.store.updateConnection(id, (x) => ({ ...x, status }));
  return status;
}
