// One error, in a role="alert" box, with the way out its kind implies.
import type { ComponentChildren } from 'preact';
import { ATLASSIAN_TOKEN_PAGE } from '../shared/connection';
import { safeHttpUrl } from './format';
import type { FormError } from './form-error';

interface Props {
  error: FormError;
  id?: string;
  /** Called by the "Grant access" button of a no-site-access error. */
  onGrantAccess?: () => void;
  /** Cloud auth failures point at the token page. */
  cloud?: boolean;
  children?: ComponentChildren;
}

/** The error's message in a role="alert" box, with Grant access, the CAPTCHA login link or the token page link (a rejected Cloud token, a missing scope) its kind calls for. */
export function ErrorAlert({ error, id, onGrantAccess, cloud, children }: Props) {
  const loginUrl = error.kind === 'captcha' ? safeHttpUrl(error.loginUrl) : undefined;
  return (
    <div class="alert alert-error" role="alert" id={id}>
      <p>{error.message}</p>
      {error.kind === 'no-site-access' && onGrantAccess && (
        <button type="button" class="button" onClick={onGrantAccess}>
          Grant access
        </button>
      )}
      {loginUrl && <CaptchaLogin href={loginUrl} then="try again" />}
      {error.kind === 'missing-scope' && (
        <p>
          Create a token with that scope (or one without scopes) on the{' '}
          <a href={ATLASSIAN_TOKEN_PAGE} target="_blank" rel="noopener noreferrer">
            API tokens page
          </a>
          .
        </p>
      )}
      {error.kind === 'auth' && cloud && (
        <p>
          Check that Username is your Atlassian account email and that the API token is valid, or create a new one on the{' '}
          <a href={ATLASSIAN_TOKEN_PAGE} target="_blank" rel="noopener noreferrer">
            API tokens page
          </a>
          .
        </p>
      )}
      {children}
    </div>
  );
}

/** After too many failed logins Jira wants one login in its web page (CAPTCHA). */
export function CaptchaLogin({ href, then }: { href: string; then: string }) {
  return (
    <p>
      <a href={href} target="_blank" rel="noopener noreferrer">
        Log in to Jira once in the browser
      </a>
      , then {then}.
    </p>
  );
}
