// One shown token and its button: asks the background where the token would go, checks the
// page's account against the pending connection, and on the user's click sends the token.
// The token lives only in this closure: never in the DOM, a log, or window.
//
// What the UI shows, the page's own scripts can read: a closed shadow root hides its nodes, not
// its text, which window.find() and find-in-page still match (docs/browsers.md#shadow-dom). So it
// shows only what the user needs there, and nothing the page does not know already: whether a
// form or a renewal is waiting (never which Jira site or which username), the page's own account
// when it differs, and the masked token the page itself shows.
import { isAppError } from '../shared/errors';
import { request } from '../shared/messaging';
import type { Payload, Reply } from '../shared/protocol';
import { createCaptureUi, type CaptureUi } from './capture-ui';
import { accountMismatch } from './page-account';
import { maskToken } from '../shared/token-format';

type Pending = Reply<'capture.status'>['pending'];

/** Shown after the token is sent: the page is the only place the token can still be read. */
export const REMINDER = 'Atlassian won’t show this token again: keep this page open until the connection is saved in Client for Jira.';

export interface CaptureFlow {
  readonly ui: CaptureUi;
  /** This flow's button is for `token`. */
  isFor(token: string): boolean;
  /** The expiry date (YYYY-MM-DD) sent with the token; undefined keeps the last one read. */
  setExpiresOn(date: string | undefined): void;
  /** Puts the button right after `anchor` (no move when it is already there). */
  place(anchor: ChildNode): void;
  /** Takes the button off the page; its state stays for a later `place`. */
  detach(): void;
}

export interface CaptureFlowOptions {
  token: string;
  expiresOn?: string;
  /** The account the page says is logged in; read at click time. */
  readPageAccount(): string | undefined;
  /**
   * The page is still on the API tokens page (its location, read at click time): the app may
   * have moved in place to another account page since the button was shown.
   */
  isOnTokenPage(): boolean;
}

/**
 * The line under the button saying where the token will go, from `capture.status`'s pending
 * capture (null: none). It never names the Jira site or the username: the page could read them.
 */
export function describeDestination(pending: Pending): string {
  if (!pending) return 'No connection form is waiting: this opens a new Jira Cloud connection in Client for Jira with this token.';
  if (pending.renewal) return 'Renews the token of the connection waiting in Client for Jira.';
  return 'Goes to the connection form waiting in Client for Jira.';
}

function successText(delivered: Reply<'capture.submit'>['delivered']): string {
  return delivered === 'pending-form'
    ? 'Token sent to Client for Jira. It is in the connection form: save the connection there.'
    : 'Token sent to Client for Jira. A new Jira Cloud connection form opened with it: add your site and email, then save.';
}

function errorText(e: unknown): string {
  return isAppError(e) ? e.message : 'Could not send the token to Client for Jira. Try again, or copy the token by hand.';
}

/**
 * Builds the button for one token (not yet placed: call `place`) and asks the background
 * where the token would go. A trusted click sends `capture.submit` once; an AppError from the
 * background is shown in the UI's alert and the user may retry.
 */
export function createCaptureFlow(doc: Document, options: CaptureFlowOptions): CaptureFlow {
  const { token } = options;
  let expiresOn = options.expiresOn;
  let pending: Pending | undefined;
  let state: 'ready' | 'working' | 'confirm-account' | 'sent' = 'ready';

  const ui = createCaptureUi(doc, { hint: maskToken(token), onActivate: () => void activate() });

  async function loadStatus(): Promise<void> {
    try {
      pending = (await request('capture.status', {})).pending;
      ui.setDestination(describeDestination(pending));
    } catch {
      // Keep what we knew; the background decides on submit anyway.
      if (pending === undefined) ui.setDestination('Sends the token to Client for Jira.');
    }
  }

  /** Off the token page the button is gone (capture-page.ts); a click that raced it sends nothing. */
  function stillOnTokenPage(): boolean {
    if (options.isOnTokenPage()) return true;
    ui.detach();
    return false;
  }

  async function activate(): Promise<void> {
    if (state === 'working' || state === 'sent') return;
    if (!stillOnTokenPage()) return;
    const confirmed = state === 'confirm-account';
    state = 'working';
    const pageAccount = options.readPageAccount();
    if (!confirmed) {
      // The pending capture may have changed since the page loaded.
      await loadStatus();
      const username = pending?.username;
      if (accountMismatch(pageAccount, username)) {
        state = 'confirm-account';
        // The page's own account only: the connection's username stays off the page.
        ui.showWarning(
          `This page is logged in as ${pageAccount}, but the connection waiting in Client for Jira is for another account. ` +
            'A token only works for the account that created it. Use it anyway?',
        );
        return;
      }
      // The status request took a moment: the app may have moved on meanwhile.
      if (!stillOnTokenPage()) {
        state = 'ready';
        return;
      }
    }
    await submit(pageAccount);
  }

  async function submit(pageAccount: string | undefined): Promise<void> {
    ui.setBusy(true, 'Sending the token to Client for Jira…');
    const payload: Payload<'capture.submit'> = { token };
    if (expiresOn) payload.tokenExpiresOn = expiresOn;
    if (pageAccount) payload.pageAccount = pageAccount;
    try {
      const { delivered } = await request('capture.submit', payload);
      state = 'sent';
      // The button stays, disabled, saying it was sent: sending again would open another form.
      ui.showSuccess(successText(delivered), REMINDER);
    } catch (e) {
      state = 'ready';
      ui.setBusy(false);
      ui.showError(errorText(e));
    }
  }

  ui.setDestination('Checking where this token will go…');
  void loadStatus();

  return {
    ui,
    isFor: (t) => t === token,
    setExpiresOn(date) {
      expiresOn = date ?? expiresOn;
    },
    place: (anchor) => ui.place(anchor),
    detach: () => ui.detach(),
  };
}
