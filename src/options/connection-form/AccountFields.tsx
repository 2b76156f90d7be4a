// Who signs in: Username, the secret, and for Jira Cloud the link that captures a new API token.
import type { RefObject } from 'preact';
import { ATLASSIAN_TOKEN_PAGE } from '../../shared/connection';
import { secretLabel } from '../format';
import { FieldAlert, fieldAria, type FieldProblem } from './FieldAlert';
import { authMethodOf, type CredentialsAction, type CredentialsState } from './form-state';
import { SecretField } from './SecretField';

interface Props {
  id: string;
  state: CredentialsState;
  dispatch: (action: CredentialsAction) => void;
  usernameRef: RefObject<HTMLInputElement | null>;
  secretRef: RefObject<HTMLInputElement | null>;
  problem: FieldProblem;
  /** The API Token link's click (the link itself opens the token page). */
  onTokenLinkClick: () => void;
}

/** Username (an email for Jira Cloud, optional with a personal access token), the secret and the API Token link. */
export function AccountFields({ id, state, dispatch, usernameRef, secretRef, problem, onTokenLinkClick }: Props) {
  const authMethod = authMethodOf(state);
  const usernameAria = fieldAria(problem, 'username');
  // Jira Cloud signs in with the Atlassian account's email: said under the field (its description),
  // so the field keeps its name, Username, as in Jira's own documentation.
  const emailHintId = `${id}-username-hint`;
  const describedBy = [state.cloud ? emailHintId : '', usernameAria['aria-describedby'] ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <div class="field">
        <label for={`${id}-username`}>Username{authMethod === 'pat' && <span class="optional"> (optional)</span>}</label>
        {state.cloud && (
          <p class="hint" id={emailHintId}>
            The email address of your Atlassian account.
          </p>
        )}
        <input
          id={`${id}-username`}
          ref={usernameRef}
          // A union type trips Preact's per-type input typings; both are plain text inputs.
          type={(state.cloud ? 'email' : 'text') as 'text'}
          value={state.username}
          autoComplete="username"
          spellcheck={false}
          autoCapitalize="off"
          placeholder={state.cloud ? 'you@company.com' : ''}
          onInput={(e) => dispatch({ type: 'username', value: e.currentTarget.value })}
          aria-invalid={usernameAria['aria-invalid']}
          aria-describedby={describedBy}
        />
      </div>
      <FieldAlert problem={problem} field="username" />

      <SecretField
        key={state.secretKey}
        id={`${id}-secret`}
        label={secretLabel(authMethod)}
        value={state.secret}
        onInput={(value) => dispatch({ type: 'secret', value })}
        inputRef={secretRef}
        autoComplete={authMethod === 'password' ? 'current-password' : 'off'}
        invalid={problem.field === 'secret'}
        describedBy={fieldAria(problem, 'secret')['aria-describedby']}
      />
      <FieldAlert problem={problem} field="secret" />

      {state.cloud && (
        <p class="hint">
          Get an{' '}
          <a href={ATLASSIAN_TOKEN_PAGE} target="_blank" rel="noopener" onClick={onTokenLinkClick}>
            API Token
          </a>
          : log in there with the same email as in Username, create a token, and it will be filled in here.
        </p>
      )}
    </>
  );
}
