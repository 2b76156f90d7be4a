// Records what the last call to Jira said about a connection, so the options list, the
// popup and the badge poller agree. An auth failure (401, AUTHENTICATED_FAILED, CAPTCHA)
// stops background polling until the user fixes the connection: repeated bad logins
// lock Jira accounts (docs/jira-api.md#failed-logins).
import type { ConnectionStatus } from '../shared/connection';
import { AppError } from '../shared/errors';
import { localStore, type Store } from './storage/store';

/**
 * The stored status a failed call implies (`checkedAt`: `now`, epoch ms), or undefined when the
 * error says nothing about the connection itself (a wrong JQL, a 404, a non-AppError).
 */
export function statusFromError(e: unknown, now = Date.now()): ConnectionStatus | undefined {
  if (!(e instanceof AppError)) return undefined;
  switch (e.kind) {
    case 'auth':
      return { state: 'token-rejected', checkedAt: now, message: e.message };
    case 'captcha':
      return { state: 'captcha', checkedAt: now, message: e.message, ...(e.loginUrl ? { loginUrl: e.loginUrl } : {}) };
    case 'no-site-access':
      return { state: 'no-site-access', checkedAt: now, message: e.message };
    case 'network':
    case 'timeout':
    case 'server':
    case 'not-jira':
      return { state: 'unreachable', checkedAt: now, message: e.message };
    default:
      return undefined; // a wrong JQL or a 404 says nothing about the connection itself
  }
}

/** Stores the state a failure implies (if any). Returns the new status. */
export async function recordFailure(connectionId: string, e: unknown, store: Store = localStore()): Promise<ConnectionStatus | undefined> {
  const status = statusFromError(e);
  if (!status) return undefined;
  await store.updateConnection(connectionId, (c) => ({ ...c, status }));
  return status;
}

/** A failure recorded after `sentAt` is newer news than the success of a call sent then. */
const newerThan = (status: ConnectionStatus, sentAt: number | undefined) => sentAt !== undefined && (status.checkedAt ?? 0) > sentAt;

/**
 * Marks a connection OK after a successful authenticated call (only writes on a change).
 * `sentAt`: when the call was sent. A slow success must not undo a rejection recorded while it
 * was under way (the token was revoked meanwhile): polling would resume with a rejected token.
 * `recoveredFrom`: the failing state the connection was in, when it is OK now.
 */
export async function recordSuccess(
  connectionId: string,
  store: Store = localStore(),
  sentAt?: number,
): Promise<{ recoveredFrom?: ConnectionStatus['state'] }> {
  const c = await store.connection(connectionId);
  if (!c || c.status.state === 'ok' || newerThan(c.status, sentAt)) return {};
  let recoveredFrom: ConnectionStatus['state'] | undefined;
  await store.updateConnection(connectionId, (x) => {
    if (x.status.state === 'ok' || newerThan(x.status, sentAt)) return x;
    recoveredFrom = x.status.state;
    return { ...x, status: { state: 'ok', checkedAt: Date.now() } };
  });
  return recoveredFrom ? { recoveredFrom } : {};
}
