// An issue's content in the details view: its fields, the copy actions, what Jira said (or could
// not say), and its description, attachments and comments. Loaded lazily (lazy-details.ts).
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import { relativeTime } from '../../shared/time';
import { ErrorView } from '../errors-view';
import { COPY_ACTIONS, copyIssue } from './copy';
import { DetailsBody } from './details-body';
import type { DetailsTarget } from './details-view';
import { IssueFields } from './issue-fields';
import { useIssueDetails } from './use-issue-details';

interface Props {
  target: DetailsTarget;
  connection: ConnectionSummary;
  now: number;
  /** The issue's summary as Jira last said it (for the view's heading). */
  onSummary(summary: string): void;
}

export function DetailsContent({ target, connection: c, now, onSummary }: Props) {
  const { state, retry, loadOlderComments } = useIssueDetails(target.connectionId, target.key);
  const [copied, setCopied] = useState('');
  const detail = state.issue;
  const issue = detail ?? target.row;
  const summary = issue?.summary ?? '';
  useEffect(() => {
    if (detail) onSummary(detail.summary);
  }, [detail, onSummary]);

  const status =
    copied ||
    (state.loading
      ? detail
        ? 'Updating…'
        : 'Loading…'
      : detail && state.fetchedAt && state.error
        ? `Fetched ${relativeTime(state.fetchedAt, now, 'long')}`
        : '');
  return (
    <>
      {issue ? <IssueFields issue={issue} connection={c} now={now} /> : null}
      <div class="copy-actions">
        {COPY_ACTIONS.map((a) => (
          <button
            key={a.kind}
            type="button"
            onClick={() => void copyIssue(a.kind, { key: target.key, summary }, c.siteUrl).then(setCopied)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <p class="status" role="status">
        {status}
      </p>
      {state.error ? <ErrorView error={state.error} connection={c} named={false} onRetry={() => void retry()} /> : null}
      {detail ? (
        <DetailsBody
          issue={detail}
          connection={c}
          now={now}
          loadingComments={state.loadingComments}
          commentsError={state.commentsError}
          onLoadOlderComments={() => void loadOlderComments()}
        />
      ) : null}
    </>
  );
}
