// Inline edit of a saved connection's name and token expiry.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { request } from './browser-api';
import { ErrorAlert } from './ErrorAlert';
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
      <div class="field">
        <label for={`${id}-name`}>Connection name</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          type="text"
          value={name}
          maxLength={100}
          onInput={(e) => {
            setName(e.currentTarget.value);
            clearErrorOf('name');
          }}
          aria-invalid={errorField === 'name' || undefined}
          aria-describedby={errorField === 'name' ? errorId : undefined}
        />
      </div>
      <div class="field">
        <label for={`${id}-expires`}>Token expires on</label>
        <input
          id={`${id}-expires`}
          type="date"
          value={expiresOn}
          onInput={(e) => {
            setExpiresOn(e.currentTarget.value);
            clearErrorOf('expires');
          }}
          aria-invalid={errorField === 'expires' || undefined}
          aria-describedby={errorField === 'expires' ? errorId : undefined}
        />
      </div>
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
