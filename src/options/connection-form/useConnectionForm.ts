// The credentials step's state and its two actions: Next (check, ask for site access, test)
// and the API Token link (tell the background which form a captured token is for).
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { ConnectionDraft, ConnectionSummary } from '../../shared/connection';
import { checkConnectionDraft, requirePlainHttpConfirmed, type CheckedDraft } from '../../shared/connection-draft';
import { normaliseSiteUrl } from '../../shared/site-url';
import { request, requestSiteAccess } from '../browser-api';
import { siteAccessRefused, toFormError } from '../form-error';
import {
  credentialsReducer,
  draftOf,
  initialCredentials,
  plainHttpConfirmed,
  type CredentialsAction,
  type CredentialsState,
  type IncomingCapture,
} from './form-state';

/** The refs the form attaches to its controls, so the hook can move the focus. */
export interface CredentialsRefs {
  url: RefObject<HTMLInputElement | null>;
  cloud: RefObject<HTMLInputElement | null>;
  plainHttp: RefObject<HTMLInputElement | null>;
  username: RefObject<HTMLInputElement | null>;
  secret: RefObject<HTMLInputElement | null>;
  next: RefObject<HTMLButtonElement | null>;
}

export interface ConnectionFormModel {
  state: CredentialsState;
  dispatch: (action: CredentialsAction) => void;
  refs: CredentialsRefs;
  /**
   * Next (and Grant access, with the error's `originPattern`): runs every check that needs no
   * network, then asks for access to the site, then tests the connection. Call it synchronously
   * from the click or submit.
   */
  test: (originPattern?: string) => void;
  /** The API Token link's click: starts a capture for this form. */
  startCapture: () => void;
}

/**
 * The state of the New Jira Connection / Re-authenticate form for `reauth` (undefined for a new
 * connection), filled from `capture` whenever a new one arrives (a new nonce).
 */
export function useConnectionForm(reauth: ConnectionSummary | undefined, capture: IncomingCapture | undefined): ConnectionFormModel {
  const [state, dispatch] = useReducer(credentialsReducer, undefined, () => initialCredentials(reauth, capture));
  const url = useRef<HTMLInputElement>(null);
  const cloud = useRef<HTMLInputElement>(null);
  const plainHttp = useRef<HTMLInputElement>(null);
  const username = useRef<HTMLInputElement>(null);
  const secret = useRef<HTMLInputElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  // The reducer ignores a capture it has filled in already (same nonce).
  useEffect(() => {
    if (capture) dispatch({ type: 'capture', capture });
  }, [capture]);

  // Keyboard-first: the cursor goes where typing starts, to the field at fault, or to Next.
  useLayoutEffect(() => {
    if (!state.focus) return;
    const targets = { url, cloud, plainHttp, username, secret, next };
    targets[state.focus.target].current?.focus();
  }, [state.focus]);

  function test(originPattern?: string) {
    if (state.busy) return;
    let checked: CheckedDraft;
    try {
      // Everything that needs no network, before the browser is asked for anything: a Cloud
      // token never goes to a custom domain (docs/jira-api.md#custom-domains), and a password
      // never goes over plain http unless the user confirmed it.
      checked = checkConnectionDraft(draftOf(state));
      requirePlainHttpConfirmed(checked, plainHttpConfirmed(state));
    } catch (e) {
      dispatch({ type: 'fail', error: toFormError(e) });
      return;
    }
    const pattern = originPattern ?? checked.site.originPattern;
    dispatch({ type: 'testing' });
    // First, still inside the click: Firefox prompts only during the user gesture
    // (docs/browsers.md#host-permissions).
    const access = requestSiteAccess(pattern).catch(() => false);
    void testConnection(access, pattern, checked);
  }

  async function testConnection(access: Promise<boolean>, pattern: string, checked: CheckedDraft): Promise<void> {
    try {
      if (!(await access)) {
        dispatch({ type: 'fail', error: siteAccessRefused(pattern) });
        return;
      }
      const draft: ConnectionDraft = {
        siteUrl: checked.site.siteUrl,
        deployment: checked.deployment,
        authMethod: checked.authMethod,
        username: checked.username,
        secret: checked.secret,
      };
      if (reauth) draft.connectionId = reauth.id;
      dispatch({ type: 'tested', result: await request('connections.test', { draft }) });
    } catch (e) {
      dispatch({ type: 'fail', error: toFormError(e) });
    }
  }

  function startCapture() {
    // The link itself opens the token page (target=_blank); this only tells the background
    // which form the token is for. The capture works without a site or username too.
    const payload: { siteUrl?: string; username?: string; connectionId?: string } = {};
    try {
      payload.siteUrl = normaliseSiteUrl(state.url).siteUrl;
    } catch {
      // No address yet: the token page asks for none.
    }
    if (state.username.trim()) payload.username = state.username.trim();
    if (reauth) payload.connectionId = reauth.id;
    request('capture.start', payload).catch(() => {
      // Copying the token by hand still works; nothing to tell the user here.
    });
  }

  return { state, dispatch, refs: { url, cloud, plainHttp, username, secret, next }, test, startCapture };
}
