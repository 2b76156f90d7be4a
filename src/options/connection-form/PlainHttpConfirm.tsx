// The warning before a Server/Data Center site is used over plain http://, and the explicit
// confirmation it needs (docs/jira-api.md#deployments). Shown as soon as such an address is
// typed, so the user reads it before Next; Next refuses without the confirmation
// (requirePlainHttpConfirmed), and the browser is then asked for that http origin only.
import type { RefObject } from 'preact';
import { PLAIN_HTTP_CONFIRM_LABEL, PLAIN_HTTP_WARNING } from '../../shared/connection-draft';
import { FieldAlert, fieldAria, type FieldProblem } from './FieldAlert';
import type { CredentialsAction } from './form-state';

interface Props {
  id: string;
  /** The checkbox is checked: the user confirmed plain http for the address typed now. */
  confirmed: boolean;
  dispatch: (action: CredentialsAction) => void;
  confirmRef: RefObject<HTMLInputElement | null>;
  problem: FieldProblem;
}

/** The unencrypted-http warning and its confirmation checkbox (accessible name PLAIN_HTTP_CONFIRM_LABEL). */
export function PlainHttpConfirm({ id, confirmed, dispatch, confirmRef, problem }: Props) {
  const warningId = `${id}-plain-http-warning`;
  const aria = fieldAria(problem, 'plainHttp');
  return (
    <>
      <div class="notice notice-column">
        <p id={warningId}>{PLAIN_HTTP_WARNING}</p>
        <div class="field-check">
          <input
            id={`${id}-plain-http`}
            ref={confirmRef}
            type="checkbox"
            checked={confirmed}
            onChange={(e) => dispatch({ type: 'plainHttp', checked: e.currentTarget.checked })}
            aria-invalid={aria['aria-invalid']}
            aria-describedby={[warningId, aria['aria-describedby']].filter(Boolean).join(' ')}
          />
          <label for={`${id}-plain-http`}>{PLAIN_HTTP_CONFIRM_LABEL}</label>
        </div>
      </div>
      <FieldAlert problem={problem} field="plainHttp" />
    </>
  );
}
