// The state of the credentials step of a New Jira Connection / Re-authenticate form, as a
// reducer: what each input, a captured token, a failed check and a test do to it. Pure (no
// DOM, no browser API), so the form's rules are testable on their own.
import type { AuthMethod, ConnectionDraft, ConnectionSummary, ConnectionTestResult } from '../../shared/connection';
import { normaliseSiteUrl } from '../../shared/site-url';
import { formFieldOf, type FormError } from '../form-error';

export type ServerAuth = 'password' | 'pat';

/** A control of the credentials step that can take the focus. */
export type FocusTarget = 'url' | 'cloud' | 'username' | 'secret' | 'next';

/** A field of the credentials step an error can point at (shown next to it). */
export type CredentialsField = 'url' | 'cloud' | 'username' | 'secret';

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
  /** The user set Jira Cloud themselves: typing an address no longer changes it. */
  cloudTouched: boolean;
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
  return field === 'url' || field === 'cloud' || field === 'username' || field === 'secret' ? field : undefined;
}

/** Jira Cloud or not, as far as a half-typed address tells; undefined while it is no address. */
function cloudFromUrl(url: string): boolean | undefined {
  try {
    return normaliseSiteUrl(url).isCloud;
  } catch {
    return undefined;
  }
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

/** The next state of the credentials step. */
export function credentialsReducer(state: CredentialsState, action: CredentialsAction): CredentialsState {
  switch (action.type) {
    case 'url': {
      const isCloud = state.cloudTouched || state.locked ? undefined : cloudFromUrl(action.value);
      return { ...state, url: action.value, cloud: isCloud ?? state.cloud };
    }
    case 'cloud':
      return { ...state, cloud: action.checked, cloudTouched: true, error: null };
    case 'serverAuth':
      return { ...state, serverAuth: action.value };
    case 'username':
      return { ...state, username: action.value };
    case 'secret':
      return { ...state, secret: action.value };
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
    cloud: reauth ? reauth.deployment === 'cloud' : false,
    cloudTouched: false,
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
