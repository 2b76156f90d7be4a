// The part of an issue that Jira's rich text fills: its description, attachments and comments
// (in the lazily loaded chunk of the details view, with the rich-text renderer).
import type { ComponentChildren } from 'preact';
import type { ConnectionSummary } from '../../shared/connection';
import type { AppErrorInfo } from '../../shared/errors';
import type { IssueDetails } from '../../shared/issue-details';
import { RichText } from '../rich-text';
import { Comments } from './comments';

export interface DetailsBodyProps {
  issue: IssueDetails;
  connection: ConnectionSummary;
  now: number;
  loadingComments: boolean;
  commentsError: AppErrorInfo | undefined;
  onLoadOlderComments(): void;
  /** The box to add a comment, at the top of the comments. */
  composer: ComponentChildren;
}

export function DetailsBody({
  issue,
  connection: c,
  now,
  loadingComments,
  commentsError,
  onLoadOlderComments,
  composer,
}: DetailsBodyProps) {
  return (
    <>
      <section aria-labelledby="description-heading">
        <h3 id="description-heading">Description</h3>
        {issue.description ? (
          <RichText body={issue.description} siteUrl={c.siteUrl} headingOffset={2} />
        ) : (
          <p class="muted">No description.</p>
        )}
      </section>
      {issue.attachments.length ? (
        <section aria-labelledby="attachments-heading">
          <h3 id="attachments-heading">Attachments</h3>
          <ul class="attachments">
            {issue.attachments.map((a) => (
              <li key={a.id}>
                {/* Opens in Jira, with the user's own login there (the popup sends no credentials). */}
                <a
                  href={`${c.siteUrl}/secure/attachment/${encodeURIComponent(a.id)}/${encodeURIComponent(a.filename)}`}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {a.filename}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Comments
        comments={issue.comments}
        siteUrl={c.siteUrl}
        connectionId={c.id}
        now={now}
        loading={loadingComments}
        error={commentsError}
        onLoadOlder={onLoadOlderComments}
      >
        {composer}
      </Comments>
    </>
  );
}
