// Inline edit of a saved connection's name and token expiry.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { request } from './browser-api';
import { ErrorAlert } from './ErrorAlert';
import { NameAndExpiryFields } from './NameAndExpiryFields';
import { formFieldOf, MISSING_NAME, toFormError, type FormError, type FormField } from './form-error';

interface Props {
  connection: ConnectionSummary;
  onDone: (updated?: ConnectionSummary) => void;
}

/** Name and token expiry of a saved connection, saved with connections.update; Esc or Cancel calls `onDone()` with nothing. */
export function EditConnection({ connection, onDone }: Props) {
  const id = useId();
  const [name, setName] = useState(connection.name);
  const [expiresOn, setExpiresOn] = useState(connection.tokenExpiresOn ?? '');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;
  const errorField = formFieldOf(error?.field);
  /** Editing the field an error is about takes the error away. */
  const clearErrorOf = (field: FormField) => setError((e) => (formFieldOf(e?.field) === field ? null : e));

  useEffect(() => nameRef.current?.focus(), []);

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(MISSING_NAME);
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { connection: updated } = await request('connections.update', {
        id: connection.id,
        name: name.trim(),
        tokenExpiresOn: expiresOn || null,
      });
      onDone(updated);
    } catch (err) {
      setError(toFormError(err));
      setBusy(false);
    }
  }

  return (
    <form
      class="form form-inline"
      noValidate
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <NameAndExpiryFields
        id={id}
        name={name}
        expiresOn={expiresOn}
        onName={(v) => {
          setName(v);
          clearErrorOf('name');
        }}
        onExpiresOn={(v) => {
          setExpiresOn(v);
          clearErrorOf('expires');
        }}
        nameRef={nameRef}
        errorField={errorField}
        errorId={errorId}
      />
      {error && <ErrorAlert id={errorId} error={error} />}
      <div class="actions">
        <button type="button" class="button" onClick={() => onDone()} disabled={busy}>
          Cancel
        </button>
        <button type="submit" class="button button-primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
