// Where the Jira is and what kind: URL, the Jira Cloud checkbox, and for Server / Data Center
// the plain-http confirmation (an http:// address) and how to sign in.
import type { RefObject } from 'preact';
import { FieldAlert, fieldAria, type FieldProblem } from './FieldAlert';
import { type CredentialsAction, type CredentialsState, plainHttpConfirmed, plainHttpOriginOf } from './form-state';
import { PlainHttpConfirm } from './PlainHttpConfirm';

interface Props {
  id: string;
  state: CredentialsState;
  dispatch: (action: CredentialsAction) => void;
  urlRef: RefObject<HTMLInputElement | null>;
  cloudRef: RefObject<HTMLInputElement | null>;
  plainHttpRef: RefObject<HTMLInputElement | null>;
  problem: FieldProblem;
}

/**
 * URL (read-only when re-authenticating), Jira Cloud, and for a self-hosted Jira the plain-http
 * confirmation (an http:// address only) and Password / Personal access token.
 */
export function SiteFields({ id, state, dispatch, urlRef, cloudRef, plainHttpRef, problem }: Props) {
  return (
    <>
      <div class="field">
        <label for={`${id}-url`}>URL</label>
        <input
          id={`${id}-url`}
          ref={urlRef}
          type="url"
          value={state.url}
          readOnly={state.locked}
          placeholder="https://your-company.atlassian.net"
          autoComplete="url"
          spellcheck={false}
          autoCapitalize="off"
          onInput={(e) => dispatch({ type: 'url', value: e.currentTarget.value })}
          {...fieldAria(problem, 'url')}
        />
      </div>
      <FieldAlert problem={problem} field="url" />

      <div class="field field-check">
        <input
          id={`${id}-cloud`}
          ref={cloudRef}
          type="checkbox"
          checked={state.cloud}
          disabled={state.locked}
          onChange={(e) => dispatch({ type: 'cloud', checked: e.currentTarget.checked })}
          {...fieldAria(problem, 'cloud')}
        />
        <label for={`${id}-cloud`}>Jira Cloud</label>
      </div>
      <FieldAlert problem={problem} field="cloud" />

      {plainHttpOriginOf(state) !== undefined && (
        <PlainHttpConfirm id={id} confirmed={plainHttpConfirmed(state)} dispatch={dispatch} confirmRef={plainHttpRef} problem={problem} />
      )}

      {!state.cloud && (
        <fieldset class="field radio-group">
          <legend>Sign in with</legend>
          <label>
            <input
              type="radio"
              name={`${id}-auth`}
              checked={state.serverAuth === 'password'}
              onChange={() => dispatch({ type: 'serverAuth', value: 'password' })}
            />
            Password
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-auth`}
              checked={state.serverAuth === 'pat'}
              onChange={() => dispatch({ type: 'serverAuth', value: 'pat' })}
            />
            Personal access token
          </label>
        </fieldset>
      )}
    </>
  );
}
