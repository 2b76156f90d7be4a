// The reads of one issue the popup's details view needs, for Cloud (REST v3: ADF bodies) and
// Server/DC (REST v2: wiki markup, rendered as HTML by expand=renderedFields / renderedBody).
// Sources: docs/jira-api.md#issue-details and #comments.
import { z } from 'zod';
import type { Deployment } from '../../shared/connection';
import { isAppError } from '../../shared/errors';
import type { CommentPage, IssueDetails } from '../../shared/issue-details';
import type { IssueRow } from '../../shared/issues';
import { commentPageSchema } from './detail-schemas';
import { toCommentPage, toIssueDetails } from './details';
import { ROW_FIELDS, restApi } from './issues-api';
import { toIssueRow } from './rows';
import type { JiraTransport } from './transport';

/** What the details view shows, beyond a row's fields. */
export const DETAIL_FIELDS: readonly string[] = [
  ...ROW_FIELDS,
  'reporter',
  'labels',
  'created',
  'resolution',
  'project',
  'description',
  'attachment',
];
/** Comments shown when an issue opens (newest first); older ones come COMMENT_PAGE_SIZE at a time. */
export const LATEST_COMMENTS = 5;
export const COMMENT_PAGE_SIZE = 10;

/**
 * An issue's details and its latest comments, in two parallel requests. `key` must already be an
 * issue key (the router's schema checks it). Throws the transport's AppErrors ('not-found' for
 * an issue that does not exist or is hidden from the user).
 */
export async function getIssueDetails(t: JiraTransport, deployment: Deployment, connectionId: string, key: string): Promise<IssueDetails> {
  const [raw, comments] = await Promise.all([
    t.requestJson(
      {
        path: `${restApi(deployment)}/issue/${key}`,
        query: { fields: DETAIL_FIELDS.join(','), ...(deployment === 'server' ? { expand: 'renderedFields' } : {}) },
      },
      z.unknown(),
    ),
    getComments(t, deployment, key, 0, LATEST_COMMENTS),
  ]);
  return toIssueDetails(raw, comments, deployment, connectionId);
}

/**
 * One page of an issue's comments, newest first, from `startAt` (0: the newest). Throws the
 * transport's AppErrors.
 */
export async function getComments(
  t: JiraTransport,
  deployment: Deployment,
  key: string,
  startAt: number,
  maxResults = COMMENT_PAGE_SIZE,
): Promise<CommentPage> {
  const page = await t.requestJson(
    {
      path: `${restApi(deployment)}/issue/${key}/comment`,
      query: { startAt, maxResults, orderBy: '-created', ...(deployment === 'server' ? { expand: 'renderedBody' } : {}) },
    },
    commentPageSchema,
  );
  return toCommentPage(page, deployment, startAt);
}

/**
 * The list row of the issue `key`, or undefined when Jira has none the user may see (404):
 * a key typed in Search that is no issue is not an error. Other failures are thrown.
 */
export async function findIssueRow(
  t: JiraTransport,
  deployment: Deployment,
  connectionId: string,
  key: string,
): Promise<IssueRow | undefined> {
  try {
    const raw = await t.requestJson({ path: `${restApi(deployment)}/issue/${key}`, query: { fields: ROW_FIELDS.join(',') } }, z.unknown());
    return toIssueRow(raw, connectionId);
  } catch (e) {
    if (isAppError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}
