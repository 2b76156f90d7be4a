// The buttons of a saved connection's card.
import { needsRenewal, type ConnectionStatus, type ConnectionSummary } from '../shared/connection';

interface Props {
  connection: ConnectionSummary;
  /** The newest known status (the card's own check may be newer than the list's). */
  status: ConnectionStatus;
  isDefault: boolean;
  /** A check or a make-default is running: both wait for it. */
  busy: boolean;
  onEdit: () => void;
  onReauth: () => void;
  onRenew: () => void;
  onGrantAccess: () => void;
  onMakeDefault: () => void;
  onCheck: () => void;
  onDelete: () => void;
}

/** Edit, Re-authenticate, Renew token (a Cloud token due), Grant access (when missing), Make default, Check, Delete. */
export function ConnectionActions({ connection: c, status, isDefault, busy, ...on }: Props) {
  return (
    <div class="actions actions-start">
      <button type="button" class="button" onClick={on.onEdit}>
        Edit
      </button>
      <button
        type="button"
        class="button"
        onClick={on.onReauth}
        title={c.deployment === 'cloud' ? 'Enter an API token you already have' : 'Enter a new password or personal access token'}
      >
        Re-authenticate
      </button>
      {c.deployment === 'cloud' && needsRenewal({ ...c, status }) && (
        <button
          type="button"
          class="button button-primary"
          onClick={on.onRenew}
          title="Create a new API token on Atlassian’s page: one click there brings it here"
        >
          Renew token
        </button>
      )}
      {status.state === 'no-site-access' && (
        <button type="button" class="button button-primary" onClick={on.onGrantAccess}>
          Grant access
        </button>
      )}
      {!isDefault && (
        <button type="button" class="button" onClick={on.onMakeDefault} disabled={busy}>
          Make default
        </button>
      )}
      <button type="button" class="button" onClick={on.onCheck} disabled={busy}>
        Check
      </button>
      <button type="button" class="button button-danger-subtle" onClick={on.onDelete}>
        Delete
      </button>
    </div>
  );
}
