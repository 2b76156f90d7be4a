import type { CommentPage, IssueDetails } from '../issue-details';
import type { IssueRow } from '../issues';

/** Requests the popup makes about one issue: a connection id and an issue key, never a URL. */
export interface DetailsRequests {
  /**
   * The issue's details and latest comments, fresh from Jira; the background keeps a copy (a
   * bounded cache of recently opened issues) that the popup paints first. Throws the Jira
   * failure (the popup keeps showing the cached copy with it).
   */
  'issue.get': {
    payload: { connectionId: string; key: string; force?: boolean };
    reply: { issue: IssueDetails; fetchedAt: number };
  };
  /** Older comments of an issue: the page that starts at `startAt` (newest first). */
  'issue.comments': {
    payload: { connectionId: string; key: string; startAt: number };
    reply: { page: CommentPage };
  };
  /** The list row of an issue typed by its key; none when Jira has no such issue (or hides it). */
  'issue.find': {
    payload: { connectionId: string; key: string };
    reply: { row?: IssueRow };
  };
}
