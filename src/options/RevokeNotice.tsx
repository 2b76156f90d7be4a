// After a delete or a re-authentication: the old credential still works until the user revokes it.
import type { ConnectionSummary } from '../shared/connection';
import { revokeHint } from './format';

export interface RevokeNoticeInfo {
  /** Deleted, or re-authenticated with a new credential (the old one still works). */
  what: 'deleted' | 'renewed';
  connection: ConnectionSummary;
  /** Where Jira revokes the credential (connections.delete's answer), or null for the default page. */
  revokeUrl: string | null;
}

interface Props {
  notice: RevokeNoticeInfo;
  onDismiss: () => void;
}

/** "Deleted Acme. Its API token still works until you revoke it: revoke the token." and Dismiss. */
export function RevokeNotice({ notice, onDismiss }: Props) {
  const hint = revokeHint(notice.connection, notice.revokeUrl);
  const tokenWord = notice.connection.authMethod === 'pat' ? 'personal access token' : 'API token';
  const deleted = notice.what === 'deleted';
  return (
    <div class="notice" role="status">
      <p>
        {deleted ? `Deleted ${notice.connection.name}.` : `${notice.connection.name} now uses the new ${tokenWord}.`}
        {hint && (
          <>
            {' '}
            {deleted ? `Its ${tokenWord} still works until you revoke it: ` : `The old ${tokenWord} still works until you revoke it: `}
            <a href={hint.href} target="_blank" rel="noopener noreferrer">
              {deleted ? hint.linkText : hint.linkText.replace('the token', 'the old token')}
            </a>
            .
          </>
        )}
      </p>
      <button type="button" class="button button-subtle" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
