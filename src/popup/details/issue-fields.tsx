// The fields of an issue, as a description list: what the row shows, and what it does not
// (reporter, labels, created).
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueDetails, UserRef } from '../../shared/issue-details';
import type { IssueRow } from '../../shared/issues';
import { relativeTime } from '../../shared/time';
import { JiraImage } from '../image';

interface Props {
  /** The details, or (before they arrive) the row the user opened. */
  issue: IssueDetails | IssueRow;
  connection: ConnectionSummary;
  now: number;
}

const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function When({ at, now }: { at: string | undefined; now: number }) {
  if (!at) return <dd>—</dd>;
  const t = Date.parse(at);
  return <dd title={Number.isFinite(t) ? DATE.format(t) : undefined}>{relativeTime(at, now, 'long')}</dd>;
}

function Person({ user, c }: { user: UserRef | IssueRow['assignee'] | undefined; c: ConnectionSummary }) {
  if (!user) return <dd class="muted">Unassigned</dd>;
  return (
    <dd class="person">
      <JiraImage url={user.avatarUrl} connectionId={c.id} siteUrl={c.siteUrl} class="avatar" />
      {user.displayName}
    </dd>
  );
}

export function IssueFields({ issue, connection: c, now }: Props) {
  const full = 'labels' in issue ? issue : undefined;
  return (
    <dl class="fields">
      <dt>Type</dt>
      <dd class="person">
        <JiraImage url={issue.issueType?.iconUrl} connectionId={c.id} siteUrl={c.siteUrl} class="icon" />
        {issue.issueType?.name ?? '—'}
      </dd>
      <dt>Status</dt>
      <dd>
        <span class={`lozenge cat-${issue.status.category}`}>{issue.status.name}</span>
        {full?.resolution ? <span class="muted"> · {full.resolution}</span> : null}
      </dd>
      <dt>Priority</dt>
      <dd class="person">
        {issue.priority ? <JiraImage url={issue.priority.iconUrl} connectionId={c.id} siteUrl={c.siteUrl} class="icon" /> : null}
        {issue.priority?.name ?? '—'}
      </dd>
      <dt>Assignee</dt>
      <Person user={issue.assignee} c={c} />
      <dt>Reporter</dt>
      {full ? <Person user={full.reporter} c={c} /> : <dd class="muted">…</dd>}
      <dt>Labels</dt>
      <dd>
        {full ? (
          full.labels.length ? (
            full.labels.map((l) => (
              <span key={l} class="label">
                {l}
              </span>
            ))
          ) : (
            <span class="muted">None</span>
          )
        ) : (
          <span class="muted">…</span>
        )}
      </dd>
      <dt>Created</dt>
      {full ? <When at={full.created} now={now} /> : <dd class="muted">…</dd>}
      <dt>Updated</dt>
      <When at={issue.updated} now={now} />
    </dl>
  );
}
