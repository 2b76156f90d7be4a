// Inline edit of a saved connection's name and token expiry.
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { request } from './browser-api';
import { ErrorAlert } from './ErrorAlert';
import { NameAndExpiryFields, useNameAndExpiry } from './NameAndExpiryFields';
import { MISSING_NAME, toFormError } from './form-error';

interface Props {
  connection: ConnectionSummary;
  onDone: (updated?: ConnectionSummary) => void;
}

/** Name and token expiry of a saved connection, saved with connections.update; Esc or Cancel calls `onDone()` with nothing. */
export function EditConnection({ connection, onDone }: Props) {
  const { name, expiresOn, error, setError, nameRef, fields } = useNameAndExpiry(connection.name, connection.tokenExpiresOn ?? '');
  const [busy, setBusy] = useState(false);

  useEffect(() => nameRef.current?.focus(), [nameRef]);

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
      <NameAndExpiryFields {...fields} />
      {error && <ErrorAlert id={fields.errorId} error={error} />}
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
