// The popup keeps the comment being typed in the extension origin's localStorage, which this page
// shares (src/popup/details/comment-box.tsx): a deleted connection's drafts could never be sent.
import { commentDraftPrefix } from '../shared/comment-draft-keys';

/**
 * Removes every comment draft of connection `connectionId` from `storage` (default: this page's
 * localStorage), and no other key: not the drafts of a connection whose id starts with this one.
 * Does nothing when the browser refuses access to the storage.
 */
export function forgetCommentDrafts(connectionId: string, storage?: Storage): void {
  const prefix = commentDraftPrefix(connectionId);
  try {
    const store = storage ?? localStorage;
    // Collect first: removing while walking the indexes would skip keys.
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // storage disabled: there are no drafts either
  }
}
