// Runs one Jira call for a connection: looks up its secret, refuses to call while the
// connection is known to fail authentication (repeated bad logins lock Jira accounts,
// docs/jira-api.md#failed-logins), and records what the call said about the connection.
import type { ConnectionSummary } from '../../shared/connection';
import { AppError, isAppError, isAuthFailure } from '../../shared/errors';
import { recordFailure, recordSuccess } from '../connection-status';
import { transportFor } from '../jira/connect';
import { connectionBudget } from '../jira/retry-budget';
import type { JiraTransport, TransportOptions } from '../jira/transport';
import { sessionArea } from '../browser-api';
import type { Store } from '../storage/store';

/** `force`: a user's explicit retry (it may go now, with a fresh retry budget). */
export type TransportFactory = (c: ConnectionSummary, secret: string, opts: { force: boolean }) => JiraTransport;

/**
 * The transport for a stored connection, with the retry budget it shares with every other
 * request for it (src/background/jira/retry-budget.ts).
 */
export function connectionTransport(
  c: ConnectionSummary,
  secret: string,
  opts: TransportOptions & { force?: boolean } = {},
): JiraTransport {
  const { force, ...rest } = opts;
  return transportFor(c, secret, { budget: connectionBudget(sessionArea(), c.id, { force: !!force }), ...rest });
}

/** Where withJira finds the connection and its secret, and how it builds a transport. */
export interface JiraAccessDeps {
  store: Store;
  transport: TransportFactory;
  /** Called after a call failed authentication (the badge shows it and stops polling). */
  onAuthFailure?: (connectionId: string) => Promise<void>;
  /**
   * Called, not waited for, after a call succeeded for a connection whose credentials were
   * marked failing (rejected, CAPTCHA), e.g. a user's Try again after a CAPTCHA login: what the
   * failure stopped (the badge's polling) resumes.
   */
  onRecovered?: (connectionId: string) => Promise<void>;
}

/** The error a connection's stored auth state stands for, or undefined when it may be called. */
export function blockedBy(c: ConnectionSummary): AppError | undefined {
  if (c.status.state === 'token-rejected') {
    return new AppError({
      kind: 'auth',
      message: c.status.message ?? 'Jira rejected the token of this connection. Renew it to see your issues.',
    });
  }
  if (c.status.state === 'captcha') {
    return new AppError({
      kind: 'captcha',
      message: c.status.message ?? 'Jira wants you to log in once in the browser (CAPTCHA) before the extension may sign in again.',
      ...(c.status.loginUrl ? { loginUrl: c.status.loginUrl } : {}),
    });
  }
  return undefined;
}

/**
 * Runs `call` with a transport for connection `connectionId` and records the outcome on the
 * connection (OK again after a success, the failing state after a failure). Throws AppError
 * 'not-found' for an unknown connection, the stored failure ('auth', 'captcha') without calling
 * Jira unless `force` (a user's explicit retry), 'auth' when no secret is stored, and whatever
 * `call` throws.
 */
export async function withJira<T>(
  deps: JiraAccessDeps,
  connectionId: string,
  call: (t: JiraTransport, c: ConnectionSummary) => Promise<T>,
  opts: { force?: boolean } = {},
): Promise<T> {
  const c = await deps.store.connection(connectionId);
  if (!c) throw new AppError({ kind: 'not-found', message: 'This Jira connection no longer exists.' });
  // A user's explicit retry (force) may try again; opening the popup may not.
  const blocked = blockedBy(c);
  if (blocked && !opts.force) throw blocked;
  const secret = await deps.store.secret(connectionId);
  if (secret === undefined)
    throw new AppError({ kind: 'auth', message: 'This connection has no stored credentials. Renew them in the options.' });
  const sentAt = Date.now();
  try {
    const result = await call(deps.transport(c, secret, { force: !!opts.force }), c);
    const { recoveredFrom } = await recordSuccess(connectionId, deps.store, sentAt);
    if (recoveredFrom === 'token-rejected' || recoveredFrom === 'captcha') void deps.onRecovered?.(connectionId).catch(() => undefined);
    return result;
  } catch (e) {
    await recordFailure(connectionId, e, deps.store);
    if (isAppError(e) && isAuthFailure(e.kind)) await deps.onAuthFailure?.(connectionId);
    throw e;
  }
}
