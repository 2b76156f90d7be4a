import type { IssueComment, IssueDetails } from '../issue-details';
import type { TransitionFieldValues, TransitionOption } from '../transitions';

/**
 * What a change answers: the issue as Jira has it right after (read again: the popup shows it,
 * the list rows and the caches follow). `answerLost`: Jira's answer to the change never came
 * (a timeout, the network): it was not sent again; `issue` says whether it happened.
 */
export interface WriteReply {
  issue: IssueDetails;
  fetchedAt: number;
  answerLost?: true;
}

/** Changes the popup makes to an issue: a connection id, an issue key and an action, never a URL or a token. */
export interface WriteRequests {
  /** The transitions Jira offers for the issue now, with the fields their screens require. */
  'issue.transitions': {
    payload: { connectionId: string; key: string };
    reply: { transitions: TransitionOption[] };
  };
  /** Moves the issue through a transition, with values for its screen's fields. */
  'issue.transition': {
    payload: { connectionId: string; key: string; transitionId: string; values: TransitionFieldValues };
    reply: WriteReply;
  };
  /** Adds a comment typed as plain text (simple markdown becomes Jira's formatting). */
  'issue.comment': {
    payload: { connectionId: string; key: string; text: string };
    reply: WriteReply & { comment?: IssueComment };
  };
  /** Assigns the issue to the connection's own user, or to nobody. */
  'issue.assign': {
    payload: { connectionId: string; key: string; to: 'me' | 'nobody' };
    reply: WriteReply;
  };
}
