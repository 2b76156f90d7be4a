// Token capture from id.atlassian.com, independent of messaging for tests.
// A capture is *pending* from the moment the options form's API Token link (or Renew
// token) is used, for 30 minutes, in storage.session. A submitted token waits there, for
// the options form it belongs to, until that form claims it once. The two storage.session
// items are declared in src/background/storage/items.ts.
import { ATLASSIAN_TOKEN_PAGE } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { isApiToken } from '../../shared/token-format';
import type { SessionItem } from '../session-item';
import type { Store } from '../storage/store';

/** An options form waiting for a token (what it knows of the account the token is for). */
export interface PendingCapture {
  siteUrl?: string;
  username?: string;
  /** Set for a renewal: the captured token replaces this connection's after a test. */
  connectionId?: string;
  /** The options tab that asked; it is focused when the token arrives. */
  optionsTabId?: number;
}

/** A token submitted by the token page, waiting for its options form. */
export interface CapturedToken {
  token: string;
  tokenExpiresOn?: string;
  siteUrl?: string;
  username?: string;
  connectionId?: string;
  /** The one tab that may claim it. */
  forTabId?: number;
}

/** What the capture flow needs: the stores, and the browser's tabs and pages (replaced in tests). */
export interface CaptureDeps {
  store: Store;
  pending: SessionItem<PendingCapture>;
  captured: SessionItem<CapturedToken>;
  /** Focuses the tab; false when it no longer exists. */
  focusTab(tabId: number): Promise<boolean>;
  /** Opens the options page at #capture; returns its tab id. */
  openOptionsForCapture(): Promise<number | undefined>;
  notifyPages(): Promise<void>;
}

/**
 * The options form's API Token link (or Renew token): records where a token would go, bound to
 * the saved connection for a renewal, and drops a token captured earlier. Throws AppError
 * 'not-found' for an unknown connection, 'invalid-input' for a renewal of a non-Cloud one.
 */
export async function startCapture(
  deps: CaptureDeps,
  input: { siteUrl?: string | undefined; username?: string | undefined; connectionId?: string | undefined },
  optionsTabId: number | undefined,
): Promise<{ tokenPageUrl: string }> {
  const pending: PendingCapture = {};
  if (input.connectionId) {
    const c = await deps.store.connection(input.connectionId);
    if (!c) throw new AppError({ kind: 'not-found', message: 'That connection no longer exists.' });
    if (c.deployment !== 'cloud')
      throw new AppError({ kind: 'invalid-input', message: 'Only Jira Cloud connections use Atlassian API tokens.' });
    pending.connectionId = c.id;
    pending.siteUrl = c.siteUrl;
    pending.username = c.username;
  } else {
    if (input.siteUrl?.trim()) pending.siteUrl = input.siteUrl.trim();
    if (input.username?.trim()) pending.username = input.username.trim();
  }
  if (optionsTabId !== undefined) pending.optionsTabId = optionsTabId;
  await deps.pending.set(pending);
  // A token captured earlier for another form must not land in this one.
  await deps.captured.clear();
  return { tokenPageUrl: ATLASSIAN_TOKEN_PAGE };
}

/**
 * What the token page's content script may know: whether a form or a renewal waits for a token,
 * and the username it is for (to warn when the page is logged in as another account). No secret,
 * no other connection, and not the Jira site: the content script does not need it, and what it
 * shows, the page's scripts can read (docs/browsers.md#shadow-dom).
 */
export async function captureStatus(deps: CaptureDeps): Promise<{ pending: null | { username?: string; renewal: boolean } }> {
  const p = await deps.pending.get();
  if (!p) return { pending: null };
  const out: { username?: string; renewal: boolean } = { renewal: !!p.connectionId };
  if (p.username) out.username = p.username;
  return { pending: out };
}

/**
 * The token page's Use this token button: hands the token to the pending form's tab, or to a new
 * options tab. Throws AppError 'invalid-input' for text not in the token format
 * (src/shared/token-format.ts), 'internal' when no options tab could be opened.
 */
export async function submitCapture(
  deps: CaptureDeps,
  input: { token: string; tokenExpiresOn?: string | undefined },
): Promise<{ delivered: 'pending-form' | 'new-form' }> {
  if (!isApiToken(input.token)) {
    throw new AppError({ kind: 'invalid-input', message: 'That does not look like an Atlassian API token.' });
  }
  const p = await deps.pending.take();
  const captured: CapturedToken = { token: input.token };
  if (input.tokenExpiresOn) captured.tokenExpiresOn = input.tokenExpiresOn;
  if (p?.siteUrl) captured.siteUrl = p.siteUrl;
  if (p?.username) captured.username = p.username;
  if (p?.connectionId) captured.connectionId = p.connectionId;

  if (p && p.optionsTabId !== undefined) {
    captured.forTabId = p.optionsTabId;
    await deps.captured.set(captured);
    if (await deps.focusTab(p.optionsTabId)) {
      await deps.notifyPages();
      return { delivered: 'pending-form' };
    }
  }
  // No pending form, or its tab was closed: a new options tab gets the token. The tab is
  // opened first so the token is never stored without the one tab that may claim it; the
  // tab claims on load, after this write (it asks again when notified).
  const tabId = await deps.openOptionsForCapture();
  if (tabId === undefined) {
    await deps.captured.clear();
    throw new AppError({
      kind: 'internal',
      message: 'Could not open Client for Jira’s options page. Open it from the toolbar and try again.',
    });
  }
  await deps.captured.set({ ...captured, forTabId: tabId });
  await deps.notifyPages();
  return { delivered: p ? 'pending-form' : 'new-form' };
}

/** Gives the captured token, once, to the one tab it is for; null for any other tab or none. */
export async function claimCapture(
  deps: CaptureDeps,
  tabId: number | undefined,
): Promise<{ capture: null | Omit<CapturedToken, 'forTabId'> }> {
  const c = await deps.captured.get();
  if (!c) return { capture: null };
  if (c.forTabId === undefined || c.forTabId !== tabId) return { capture: null };
  await deps.captured.clear();
  const { forTabId: _tab, ...capture } = c;
  return { capture };
}

/** Drops the pending capture and any captured token. */
export async function cancelCapture(deps: CaptureDeps): Promise<Record<string, never>> {
  await Promise.all([deps.pending.clear(), deps.captured.clear()]);
  return {};
}
