// The changes made from the details view: shown at once (optimistic), then as Jira answered
// (the issue read again after the write), or rolled back with Jira's reason when it refuses. A
// change whose answer was lost is never sent again: the background reads the issue, and what
// Jira has is shown, with a notice.
import { useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { AppErrorInfo } from '../../shared/errors';
import { type IssueDetails, rowOf } from '../../shared/issue-details';
import type { IssueRow } from '../../shared/issues';
import type { WriteReply } from '../../shared/protocol/writes';
import type { TransitionFieldValues, TransitionOption } from '../../shared/transitions';
import { errorInfo } from '../error-info';
import { request } from '../ext';

export type WriteKind = 'status' | 'comment' | 'assign';

export const ANSWER_LOST_NOTICE = 'Jira’s answer to the change was lost. It was not sent again: the issue shows what Jira has now.';

interface Options {
  connection: ConnectionSummary;
  issue: IssueDetails | undefined;
  /** Shows an issue in the view (and its row in the list, through onRow). */
  replace(issue: IssueDetails, fetchedAt?: number): void;
  onRow(row: IssueRow): void;
}

/** The connection's own user, as the issue's fields show users. */
function meOf(c: ConnectionSummary) {
  return {
    displayName: c.user.displayName,
    ...(c.user.accountId ? { accountId: c.user.accountId } : {}),
    ...(c.user.name ? { name: c.user.name } : {}),
  };
}

/** Whether the issue is assigned to the connection's own user. */
export function assignedToMe(issue: Pick<IssueDetails, 'assignee'>, c: ConnectionSummary): boolean {
  const a = issue.assignee;
  if (!a) return false;
  return c.deployment === 'cloud' ? !!a.accountId && a.accountId === c.user.accountId : !!a.name && a.name === c.user.name;
}

export function useIssueWrites({ connection: c, issue, replace, onRow }: Options) {
  const [busy, setBusy] = useState<WriteKind | null>(null);
  const [error, setError] = useState<{ kind: WriteKind; info: AppErrorInfo } | undefined>();
  const [notice, setNotice] = useState('');

  async function run(kind: WriteKind, optimistic: IssueDetails, send: () => Promise<WriteReply>): Promise<WriteReply | undefined> {
    if (!issue || busy) return undefined;
    const before = issue;
    replace(optimistic);
    onRow(rowOf(optimistic));
    setBusy(kind);
    setError(undefined);
    setNotice('');
    try {
      const reply = await send();
      replace(reply.issue, reply.fetchedAt);
      onRow(rowOf(reply.issue));
      if (reply.answerLost) setNotice(ANSWER_LOST_NOTICE);
      return reply;
    } catch (e) {
      replace(before);
      onRow(rowOf(before));
      setError({ kind, info: errorInfo(e) });
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const base = { connectionId: c.id, key: issue?.key ?? '' };
  return {
    busy,
    error,
    notice,
    /** Moves the issue to `option`'s status with `values` for its screen's fields. */
    transition(option: TransitionOption, values: TransitionFieldValues) {
      if (!issue) return Promise.resolve(undefined);
      const optimistic: IssueDetails = { ...issue, status: option.to };
      return run('status', optimistic, () => request('issue.transition', { ...base, transitionId: option.id, values }));
    },
    /** Adds `text` as a comment; resolves to true once Jira has it (the text box may be emptied). */
    async comment(text: string): Promise<boolean> {
      if (!issue) return false;
      const pending = { id: `pending-${Date.now()}`, author: meOf(c), created: new Date().toISOString(), body: { text } };
      const comments = { ...issue.comments, comments: [pending, ...issue.comments.comments], total: issue.comments.total + 1 };
      const reply = await run('comment', { ...issue, comments }, () => request('issue.comment', { ...base, text }));
      return !!reply;
    },
    /** Assigns the issue to the connection's own user, or to nobody. */
    assign(to: 'me' | 'nobody') {
      if (!issue) return Promise.resolve(undefined);
      const { assignee: _old, ...rest } = issue;
      const optimistic: IssueDetails = to === 'me' ? { ...rest, assignee: meOf(c) } : rest;
      return run('assign', optimistic, () => request('issue.assign', { ...base, to }));
    },
  };
}
