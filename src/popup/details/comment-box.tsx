// A comment to add: typed as plain text (line breaks, links and simple markdown become Jira's
// formatting), sent with Add comment or Ctrl/⌘+Enter. What is typed is kept in localStorage until
// Jira has it, so closing the popup or a refusal loses nothing.
import { useEffect, useState } from 'preact/hooks';

/** Where the comment being typed on an issue of a connection is kept (the popup's localStorage). */
export { commentDraftKey } from '../../shared/comment-draft-keys';

interface Props {
  /** Where the draft is kept (one per issue and connection). */
  draftKey: string;
  busy: boolean;
  /** Resolves true once Jira has the comment (the box is emptied then). */
  onSend(text: string): Promise<boolean>;
}

function readDraft(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(key: string, text: string): void {
  try {
    if (text) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the draft lives as long as the popup
  }
}

export function CommentBox({ draftKey, busy, onSend }: Props) {
  const [text, setText] = useState(() => readDraft(draftKey));
  useEffect(() => writeDraft(draftKey, text), [draftKey, text]);

  async function send() {
    if (busy || !text.trim()) return;
    if (await onSend(text)) setText('');
  }

  return (
    <form
      class="comment-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label for="comment-text">Comment</label>
      <textarea
        id="comment-text"
        rows={3}
        value={text}
        placeholder="Line breaks, links, **bold**, *italic*, `code` and - lists are kept"
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" aria-disabled={busy || !text.trim()}>
        Add comment
      </button>
    </form>
  );
}
