// An error as the options page shows it: the AppError's data, or a fallback for anything else.
import { isAppError, type AppErrorInfo } from '../shared/errors';

export type FormError = Pick<AppErrorInfo, 'kind' | 'message' | 'field' | 'loginUrl' | 'originPattern'>;

export function toFormError(e: unknown): FormError {
  if (isAppError(e)) {
    const { kind, message, field, loginUrl, originPattern } = e;
    return { kind, message, field, loginUrl, originPattern };
  }
  return { kind: 'internal', message: 'Something went wrong inside the extension. Try again.' };
}

/** Both connection-name forms (Finish, Edit) refuse an empty name before asking the background. */
export const MISSING_NAME: FormError = { kind: 'invalid-input', field: 'name', message: 'Enter a name for this connection.' };

/** Which input of the connection form an error's `field` points at. */
export function formFieldOf(field: string | undefined): 'url' | 'username' | 'secret' | 'name' | 'expires' | undefined {
  switch (field) {
    case 'siteUrl':
    case 'url':
      return 'url';
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
