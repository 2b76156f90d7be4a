// The state of the credentials step of a New Jira Connection / Re-authenticate form, as a
// reducer: what each input, a captured token, a failed check and a test do to it. Pure (no
// DOM, no browser API), so the form's rules are testable on their own.
import type { AuthMethod, ConnectionDraft, ConnectionSummary, ConnectionTestResult } from '../../shared/connection';
import { normaliseSiteUrl, type NormalisedSite } from '../../shared/site-url';
import { formFieldOf, type FormError } from '../form-error';

export type ServerAuth = 'password' | 'pat';

/** A control of the credentials step that can take the focus. */
export type FocusTarget = 'url' | 'cloud' | 'plainHttp' | 'username' | 'secret' | 'next';

/** A field of the credentials step an error can point at (shown next to it). */
export type CredentialsField = 'url' | 'cloud' | 'plainHttp' | 'username' | 'secret';

/** A token claimed from the token page, handed to the open form. */
export interface IncomingCapture {
  /** Numbers the captures of one page: the same capture never fills the form twice. */
  nonce: number;
  token: string;
  /** YYYY-MM-DD, when the token page showed an expiry date. */
  tokenExpiresOn?: string;
  siteUrl?: string;
  username?: string;
}

export interface CredentialsState {
  /** Re-authenticating: the address and the kind of Jira belong to the connection. */
  locked: boolean;
  url: string;
  cloud: boolean;
  /** The user set Jira Cloud themselves: typing an address no longer unchecks it. */
  cloudTouched: boolean;
  /**
   * The plain-http origin ("http://jira.corp.example:8080") the user confirmed sending the
   * password or token to unencrypted; '' for none. Another address needs its own confirmation.
   */
  plainHttpOrigin: string;
  serverAuth: ServerAuth;
  username: string;
  secret: string;
  /** Bumped when a captured token replaces the secret, so its field starts masked again. */
  secretKey: number;
  /** YYYY-MM-DD from a captured token, the default of the expiry date at Finish; '' for none. */
  expiresOn: string;
  error: FormError | null;
  /** What a captured token still needs (a status line); '' for nothing. */
  hint: string;
  busy: boolean;
  /** The connection test that succeeded: the form shows its Finish step. */
  result: ConnectionTestResult | null;
  /** The control to focus after this render; a new object for every request. */
  focus: { target: FocusTarget } | null;
  /** The nonce of the last capture filled in. */
  captureNonce: number | undefined;
}

export type CredentialsAction =
  | { type: 'url'; value: string }
  | { type: 'cloud'; checked: boolean }
  | { type: 'plainHttp'; checked: boolean }
  | { type: 'serverAuth'; value: ServerAuth }
  | { type: 'username'; value: string }
  | { type: 'secret'; value: string }
  | { type: 'capture'; capture: IncomingCapture }
  | { type: 'testing' }
  | { type: 'tested'; result: ConnectionTestResult }
  | { type: 'fail'; error: FormError }
  | { type: 'back' };

/** How the form signs in: an API token with Jira Cloud, else the chosen Server/DC method. */
export function authMethodOf(state: Pick<CredentialsState, 'cloud' | 'serverAuth'>): AuthMethod {
  return state.cloud ? 'cloud-token' : state.serverAuth;
}

/** The form as a draft for checkConnectionDraft: the values as typed, nothing checked yet. */
export function draftOf(state: CredentialsState): Partial<ConnectionDraft> {
  return {
    siteUrl: state.url,
    deployment: state.cloud ? 'cloud' : 'server',
    authMethod: authMethodOf(state),
    username: state.username,
    secret: state.secret,
  };
}

/** The input next to which `error` is shown; undefined for an error of the whole form. */
export function credentialsFieldOf(error: FormError | null): CredentialsField | undefined {
  const field = formFieldOf(error?.field);
  return field === 'url' || field === 'cloud' || field === 'plainHttp' || field === 'username' || field === 'secret' ? field : undefined;
}

/** The address as far as a half-typed one tells; undefined while it is no address. */
function siteOf(url: string): NormalisedSite | undefined {
  try {
    return normaliseSiteUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * The address typed so far is a bare host that may still become an atlassian.net one as the user
 * goes on typing ("acme", "acme.", "https://acme.atl"): nothing after the host yet, and what
 * follows its first label is the start of "atlassian.net". Such an address leaves Jira Cloud as
 * it is, so the form does not flip to the Server/Data Center fields and back under a Cloud
 * user's fingers; a port, a path or another domain ("jira.corp") is an address of its own.
 */
export function mayBecomeCloudAddress(url: string): boolean {
  const host = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:\s]*)\s*$/i.exec(url)?.[1];
  if (host === undefined) return false;
  const dot = host.indexOf('.');
  return 'atlassian.net'.startsWith(dot < 0 ? '' : host.slice(dot + 1).toLowerCase());
}

/**
 * The plain-http origin of the typed address when the form must warn before using it: a
 * Server/Data Center address with http:// to another computer (NormalisedSite's plainHttp).
 * Undefined for https, for this computer, with Jira Cloud checked, and while it is no address.
 */
export function plainHttpOriginOf(state: Pick<CredentialsState, 'url' | 'cloud'>): string | undefined {
  if (state.cloud) return undefined;
  const site = siteOf(state.url);
  return site?.plainHttp ? site.origin : undefined;
}

/** The user confirmed plain http for the address as it is typed now. */
export function plainHttpConfirmed(state: Pick<CredentialsState, 'url' | 'cloud' | 'plainHttpOrigin'>): boolean {
  const origin = plainHttpOriginOf(state);
  return origin !== undefined && origin === state.plainHttpOrigin;
}

/**
 * A captured token fills the secret, masked, and, in a new form, checks Jira Cloud and fills
 * the address and username the token page knew, where the user has typed none. Focus goes to
 * what is still missing, else to Next.
 */
function fillCapture(state: CredentialsState, capture: IncomingCapture): CredentialsState {
  const next: CredentialsState = {
    ...state,
    result: null,
    error: null,
    secret: capture.token,
    secretKey: state.secretKey + 1,
    expiresOn: capture.tokenExpiresOn || state.expiresOn,
    captureNonce: capture.nonce,
  };
  let missingUrl = false;
  let missingUser = false;
  if (!state.locked) {
    next.cloud = true;
    next.cloudTouched = true;
    missingUrl = !state.url.trim() && !capture.siteUrl;
    if (!state.url.trim() && capture.siteUrl) next.url = capture.siteUrl;
    missingUser = !state.username.trim() && !capture.username;
    if (!state.username.trim() && capture.username) next.username = capture.username;
  }
  if (missingUrl || missingUser) {
    next.hint = missingUrl ? 'Token received — enter your Jira URL and Username.' : 'Token received — enter your Username.';
    next.focus = { target: missingUrl ? 'url' : 'username' };
  } else {
    next.hint = '';
    next.focus = { target: 'next' };
  }
  return next;
}

/** The error as it stands once `field` is edited: an error about that field goes, any other stays. */
function errorAfterEditing(state: CredentialsState, field: CredentialsField): FormError | null {
  return credentialsFieldOf(state.error) === field ? null : state.error;
}

/** The next state of the credentials step. */
export function credentialsReducer(state: CredentialsState, action: CredentialsAction): CredentialsState {
  switch (action.type) {
    case 'url': {
      const error = errorAfterEditing(state, 'url');
      if (state.locked) return { ...state, url: action.value, error };
      // An atlassian.net address is Jira Cloud whatever the box said (unchecked, the form would
      // only send the user back to it); another address unchecks it until the user sets it.
      const isCloud = siteOf(action.value)?.isCloud;
      const otherAddress = isCloud === false && !state.cloudTouched && !mayBecomeCloudAddress(action.value);
      const cloud = isCloud === true ? true : otherAddress ? false : state.cloud;
      return { ...state, url: action.value, cloud, error };
    }
    case 'cloud':
      return { ...state, cloud: action.checked, cloudTouched: true, error: null };
    case 'plainHttp':
      return { ...state, plainHttpOrigin: action.checked ? (plainHttpOriginOf(state) ?? '') : '', error: null };
    case 'serverAuth':
      // The secret's kind changes with it: an error about the secret no longer holds.
      return { ...state, serverAuth: action.value, error: errorAfterEditing(state, 'secret') };
    case 'username':
      return { ...state, username: action.value, error: errorAfterEditing(state, 'username') };
    case 'secret':
      return { ...state, secret: action.value, error: errorAfterEditing(state, 'secret') };
    case 'capture':
      return action.capture.nonce === state.captureNonce ? state : fillCapture(state, action.capture);
    case 'testing':
      return { ...state, error: null, busy: true };
    case 'tested':
      // The background keeps the secret under the result's testId from here on.
      return { ...state, busy: false, secret: '', hint: '', result: action.result };
    case 'fail': {
      const field = credentialsFieldOf(action.error);
      return { ...state, busy: false, error: action.error, focus: field ? { target: field } : state.focus };
    }
    case 'back':
      return { ...state, result: null };
  }
}

/**
 * The form as it opens: empty for a new connection, the connection's address, kind and username
 * for a re-authentication. The cursor starts where typing starts (the secret when
 * re-authenticating), or a token claimed before the form opened is filled in at once.
 */
export function initialCredentials(reauth: ConnectionSummary | undefined, capture: IncomingCapture | undefined): CredentialsState {
  const state: CredentialsState = {
    locked: !!reauth,
    url: reauth?.siteUrl ?? '',
    // Most people connect Jira Cloud: a new form starts there (an address elsewhere unchecks it).
    cloud: reauth ? reauth.deployment === 'cloud' : true,
    cloudTouched: false,
    plainHttpOrigin: '',
    serverAuth: reauth?.authMethod === 'pat' ? 'pat' : 'password',
    username: reauth?.username ?? '',
    secret: '',
    secretKey: 0,
    expiresOn: '',
    error: null,
    hint: '',
    busy: false,
    result: null,
    focus: { target: reauth ? 'secret' : 'url' },
    captureNonce: undefined,
  };
  return capture ? fillCapture(state, capture) : state;
}
