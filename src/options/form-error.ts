// An error as the options page shows it: the AppError's data, or a fallback for anything else.
import { isAppError, type AppErrorInfo } from '../shared/errors';
import { hostOf } from '../shared/site-url';

export type FormError = Pick<AppErrorInfo, 'kind' | 'message' | 'field' | 'loginUrl' | 'originPattern'>;

/** The error's kind, message, field, login URL and origin pattern; 'internal' for anything not an AppError. */
export function toFormError(e: unknown): FormError {
  if (isAppError(e)) {
    const { kind, message, field, loginUrl, originPattern } = e;
    return { kind, message, field, loginUrl, originPattern };
  }
  return { kind: 'internal', message: 'Something went wrong inside the extension. Try again.' };
}

/** Both connection-name forms (Finish, Edit) refuse an empty name before asking the background. */
export const MISSING_NAME: FormError = { kind: 'invalid-input', field: 'name', message: 'Enter a name for this connection.' };

/**
 * The browser refused access to the site of `originPattern` (permissions.request answered false):
 * 'no-site-access', shown with a Grant access button that asks again.
 */
export function siteAccessRefused(originPattern: string): FormError {
  return {
    kind: 'no-site-access',
    originPattern,
    message: `Client for Jira needs access to ${hostOf(originPattern)} to talk to your Jira.`,
  };
}

/** An input of the connection forms an error can point at. */
export type FormField = 'url' | 'cloud' | 'plainHttp' | 'username' | 'secret' | 'name' | 'expires';

/**
 * Which input of the connection forms an error's `field` points at: the ConnectionDraft fields
 * (checkConnectionDraft and the background), the names the background uses for the secret, and
 * the fields of Finish and Edit. 'deployment' and 'authMethod' both point at the Jira Cloud
 * checkbox, which decides both in the form; 'plainHttp' at the confirmation of an http://
 * address (requirePlainHttpConfirmed). Undefined for a field no input shows.
 */
export function formFieldOf(field: string | undefined): FormField | undefined {
  switch (field) {
    case 'siteUrl':
    case 'url':
      return 'url';
    case 'deployment':
    case 'authMethod':
      return 'cloud';
    case 'plainHttp':
      return 'plainHttp';
    case 'username':
      return 'username';
    case 'secret':
    case 'token':
    case 'password':
      return 'secret';
    case 'name':
      return 'name';
    case 'tokenExpiresOn':
      return 'expires';
    default:
      return undefined;
  }
}
