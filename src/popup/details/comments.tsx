// An issue's comments: the box to add one, then the comments, newest first, and the way to
// older ones (as Jira's issue view puts them).
import type { ComponentChildren } from 'preact';
import type { AppErrorInfo } from '../../shared/errors';
import type { IssueDetails } from '../../shared/issue-details';
import { relativeTime } from '../../shared/time';
import { JiraImage } from '../image';
import { RichText } from '../rich-text';

interface Props {
  comments: IssueDetails['comments'];
  siteUrl: string;
  /** The connection whose avatars the background fetched (src/popup/image.tsx); without it, no avatars. */
  connectionId?: string;
  now: number;
  loading: boolean;
  error: AppErrorInfo | undefined;
  onLoadOlder(): void;
  /** The box to add a comment. */
  children?: ComponentChildren;
}

export function Comments({ comments, siteUrl, connectionId, now, loading, error, onLoadOlder, children }: Props) {
  return (
    <section class="comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Comments{comments.total ? ` (${comments.total})` : ''}</h3>
      {children}
      {comments.comments.length ? (
        <ol class="comment-list">
          {comments.comments.map((c) => (
            <li key={c.id} class="comment">
              <p class="comment-meta">
                {connectionId ? <JiraImage url={c.author?.avatarUrl} connectionId={connectionId} siteUrl={siteUrl} class="avatar" /> : null}
                <strong>{c.author?.displayName ?? 'Someone'}</strong>
                {c.created ? <span class="muted"> · {relativeTime(c.created, now, 'long')}</span> : null}
                {c.updated ? <span class="muted"> (edited)</span> : null}
              </p>
              {c.body ? <RichText body={c.body} siteUrl={siteUrl} headingOffset={3} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">No comments yet.</p>
      )}
      {error ? (
        <p class="inline-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {comments.nextStart !== undefined ? (
        <button type="button" class="more" aria-disabled={loading} onClick={() => !loading && onLoadOlder()}>
          {loading ? 'Loading older comments…' : 'Load older comments'}
        </button>
      ) : null}
    </section>
  );
}
