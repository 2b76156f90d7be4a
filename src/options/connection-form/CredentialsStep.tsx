// The first step of the connection form: the credentials, then Next tests them.
import { ErrorAlert } from '../ErrorAlert';
import { AccountFields } from './AccountFields';
import type { FieldProblem } from './FieldAlert';
import { credentialsFieldOf } from './form-state';
import { SiteFields } from './SiteFields';
import type { ConnectionFormModel } from './useConnectionForm';

interface Props {
  /** Prefix of the ids of the form's controls. */
  id: string;
  form: ConnectionFormModel;
  onCancel?: () => void;
}

/** The credentials form: its fields, an error of the whole form (with Grant access), Cancel and Next. */
export function CredentialsStep({ id, form, onCancel }: Props) {
  const { state, dispatch, refs } = form;
  const { error } = state;
  const problem: FieldProblem = { error, field: credentialsFieldOf(error), id: `${id}-error`, cloud: state.cloud };
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.test();
      }}
    >
      {state.hint && (
        <p class="hint hint-info" role="status">
          {state.hint}
        </p>
      )}
      <SiteFields
        id={id}
        state={state}
        dispatch={dispatch}
        urlRef={refs.url}
        cloudRef={refs.cloud}
        plainHttpRef={refs.plainHttp}
        problem={problem}
      />
      <AccountFields
        id={id}
        state={state}
        dispatch={dispatch}
        usernameRef={refs.username}
        secretRef={refs.secret}
        problem={problem}
        onTokenLinkClick={form.startCapture}
      />

      {error && !problem.field && <ErrorAlert error={error} cloud={state.cloud} onGrantAccess={() => form.test(error.originPattern)} />}

      <div class="actions">
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" class="button button-primary" ref={refs.next} disabled={state.busy}>
          Next
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {state.busy ? 'Testing connection…' : ''}
      </p>
    </form>
  );
}
