// "Delete <name>?": a modal <dialog>; Esc and Cancel close it, focus returns to the opener.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { request } from './browser-api';
import { ErrorAlert } from './ErrorAlert';
import { toFormError, type FormError } from './form-error';
import { POPUP_SNAPSHOT_KEY } from '../shared/storage-keys';
import { forgetCommentDrafts } from './comment-drafts';

interface Props {
  connection: ConnectionSummary;
  onDeleted: (connection: ConnectionSummary, revokeUrl: string | null) => void;
  onClose: () => void;
}

/** The modal that confirms a delete and calls connections.delete; `onDeleted` gets the URL where the credential is revoked. */
export function DeleteDialog({ connection, onDeleted, onClose }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // The safe choice gets the focus.
    cancelRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const { revokeUrl } = await request('connections.delete', { id: connection.id });
      forgetPopupSnapshot();
      forgetCommentDrafts(connection.id);
      onDeleted(connection, revokeUrl);
    } catch (e) {
      setError(toFormError(e));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={`${id}-title`}>Delete {connection.name}?</h2>
      <p id={`${id}-desc`}>
        The extension forgets this connection, its {connection.authMethod === 'password' ? 'password' : 'token'} and its cached issues.
      </p>
      {error && <ErrorAlert error={error} />}
      <div class="actions">
        <button type="button" class="button" ref={cancelRef} onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" class="button button-danger" onClick={confirm} disabled={busy}>
          Delete connection
        </button>
      </div>
    </dialog>
  );
}

/** The popup's first-frame copy may show the deleted connection's issues: drop it. */
function forgetPopupSnapshot(): void {
  try {
    localStorage.removeItem(POPUP_SNAPSHOT_KEY);
  } catch {
    // storage disabled: the popup corrects itself from storage.local after one frame
  }
}
