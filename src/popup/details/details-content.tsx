// An issue's content in the details view: its fields, what can be done with it (status,
// assignee, copy), what Jira said (or could not say), its description, attachments and
// comments, and a comment to add. Loaded lazily (lazy-details.ts).
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { jiraIssueUrl } from '../../shared/jql';
import type { TransitionOption } from '../../shared/transitions';
import { relativeTime } from '../../shared/time';
import { ErrorView } from '../errors-view';
import { CommentBox, commentDraftKey } from './comment-box';
import { COPY_ACTIONS, copyIssue } from './copy';
import { DetailsBody } from './details-body';
import type { DetailsTarget } from './details-view';
import { IssueFields } from './issue-fields';
import { StatusMenu } from './status-menu';
import { TransitionForm } from './transition-form';
import { useIssueDetails } from './use-issue-details';
import { assignedToMe, useIssueWrites } from './use-issue-writes';

interface Props {
  target: DetailsTarget;
  connection: ConnectionSummary;
  now: number;
  /** The issue's summary as Jira last said it (for the view's heading). */
  onSummary(summary: string): void;
  /** The issue changed (from here): its row in the list follows. */
  onRow(row: IssueRow): void;
}

export function DetailsContent({ target, connection: c, now, onSummary, onRow }: Props) {
  const { state, retry, loadOlderComments, replace } = useIssueDetails(target.connectionId, target.key);
  const detail = state.issue;
  const writes = useIssueWrites({ connection: c, issue: detail, replace, onRow });
  const [copied, setCopied] = useState('');
  const [form, setForm] = useState<TransitionOption | undefined>();
  const issue = detail ?? target.row;
  const summary = issue?.summary ?? '';
  const jiraUrl = jiraIssueUrl(c.siteUrl, target.key);
  useEffect(() => {
    if (detail) onSummary(detail.summary);
  }, [detail, onSummary]);

  function choose(option: TransitionOption) {
    // A screen with required fields asks for them first; otherwise the move is made at once.
    if (option.fields.some((f) => f.required)) setForm(option);
    else void writes.transition(option, {});
  }

  const status =
    copied ||
    writes.notice ||
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
      {detail ? (
        <div class="issue-actions">
          <StatusMenu connectionId={c.id} issueKey={target.key} status={detail.status.name} disabled={!!writes.busy} onChoose={choose} />
          <button type="button" aria-disabled={!!writes.busy} onClick={() => void writes.assign(assignedToMe(detail, c) ? 'nobody' : 'me')}>
            {assignedToMe(detail, c) ? 'Unassign' : 'Assign to me'}
          </button>
        </div>
      ) : null}
      {form && detail ? (
        <TransitionForm
          option={form}
          issue={detail}
          me={{
            displayName: c.user.displayName,
            ...(c.user.accountId ? { accountId: c.user.accountId } : {}),
            ...(c.user.name ? { name: c.user.name } : {}),
          }}
          jiraUrl={jiraUrl}
          busy={!!writes.busy}
          onSubmit={(values) => {
            void writes.transition(form, values).then((ok) => ok && setForm(undefined));
          }}
          onCancel={() => setForm(undefined)}
        />
      ) : null}
      {writes.error ? <ErrorView error={writes.error.info} connection={c} named={false} onRetry={() => void retry()} /> : null}
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
          composer={<CommentBox draftKey={commentDraftKey(c.id, target.key)} busy={writes.busy === 'comment'} onSend={writes.comment} />}
        />
      ) : null}
    </>
  );
}
