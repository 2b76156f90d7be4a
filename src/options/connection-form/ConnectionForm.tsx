// "New Jira Connection" / "Re-authenticate <name>": the credentials, then Next tests them,
// then ConfigureStep names the connection and Finish saves it.
import { useId } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import { ConfigureStep } from './ConfigureStep';
import { CredentialsStep } from './CredentialsStep';
import type { IncomingCapture } from './form-state';
import { useConnectionForm } from './useConnectionForm';

export type { IncomingCapture } from './form-state';

/** A new connection, or new credentials for a saved one. */
export type FormMode = { kind: 'new' } | { kind: 'reauth'; connection: ConnectionSummary };

interface Props {
  /** Fixed for the form's life: the page remounts the form (a new key) to change it. */
  mode: FormMode;
  /** The last token claimed from the token page; a new nonce fills the form again. */
  capture?: IncomingCapture;
  onSaved: (connection: ConnectionSummary) => void;
  /** Without it there is no Cancel (the form is the page while there is no connection). */
  onCancel?: () => void;
}

/** The two-step connection form: credentials and Next, then name, expiry and Finish. */
export function ConnectionForm({ mode, capture, onSaved, onCancel }: Props) {
  const reauth = mode.kind === 'reauth' ? mode.connection : undefined;
  const id = useId();
  const form = useConnectionForm(reauth, capture);
  const { result, expiresOn } = form.state;
  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{reauth ? `Re-authenticate ${reauth.name}` : 'New Jira Connection'}</h2>
      {result ? (
        <ConfigureStep
          result={result}
          defaultName={reauth?.name ?? result.suggestedName}
          defaultExpiresOn={expiresOn}
          onBack={() => form.dispatch({ type: 'back' })}
          onSaved={onSaved}
        />
      ) : (
        <CredentialsStep id={id} form={form} onCancel={onCancel} />
      )}
    </section>
  );
}
