// The changes the popup makes to an issue: its status (a transition with the fields its screen
// requires), a comment, its assignee. Writes are never retried (the transport's rule): whether a
// write whose answer was lost happened is found out by reading the issue again, never by sending
// it twice. Sources: docs/jira-api.md#transitions, #comments, #assignee, #xsrf.
import { z } from 'zod';
import type { Deployment } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { IssueComment } from '../../shared/issue-details';
import type { TransitionFieldValues, TransitionOption } from '../../shared/transitions';
import { toComment } from './details';
import { restApi } from './issues-api';
import { textToAdf, textToWiki } from './markup';
import { toTransitionOptions, transitionRequestBody, transitionsSchema } from './transition-fields';
import type { JiraTransport } from './transport';

/**
 * The transitions Jira offers for issue `key` now, with their screens' fields (ids differ per
 * workflow: looked up for each issue, never reused). Throws the transport's AppErrors.
 */
export async function getTransitions(t: JiraTransport, deployment: Deployment, key: string): Promise<TransitionOption[]> {
  const answer = await t.requestJson(
    { path: `${restApi(deployment)}/issue/${key}/transitions`, query: { expand: 'transitions.fields' } },
    transitionsSchema,
  );
  return toTransitionOptions(answer);
}

/**
 * Moves issue `key` through transition `transitionId` with `values` for its screen's fields.
 * The transition is looked up again first (it must still be offered for this issue). Throws
 * AppError 'invalid-input' for a transition no longer offered or a field value refused before
 * sending (naming the field), else the transport's AppErrors (Jira's 400 lists its reasons).
 */
export async function transitionIssue(
  t: JiraTransport,
  deployment: Deployment,
  key: string,
  transitionId: string,
  values: TransitionFieldValues,
): Promise<void> {
  const option = (await getTransitions(t, deployment, key)).find((o) => o.id === transitionId);
  if (!option) {
    throw new AppError({
      kind: 'invalid-input',
      message: 'Jira no longer offers this change of status for the issue. Choose the status again.',
    });
  }
  const body = transitionRequestBody(option, values, deployment);
  await t.requestJson({ method: 'POST', path: `${restApi(deployment)}/issue/${key}/transitions`, body }, z.unknown());
}

/**
 * Adds `text` as a comment of issue `key`: an ADF document on Cloud (REST v3 refuses a plain
 * string), wiki markup on Server/DC. Returns the comment as Jira stored it. Throws AppError
 * 'invalid-input' for an empty comment, else the transport's AppErrors.
 */
export async function addComment(t: JiraTransport, deployment: Deployment, key: string, text: string): Promise<IssueComment> {
  const body = deployment === 'cloud' ? textToAdf(text) : textToWiki(text);
  const answer = await t.requestJson(
    {
      method: 'POST',
      path: `${restApi(deployment)}/issue/${key}/comment`,
      query: deployment === 'server' ? { expand: 'renderedBody' } : {},
      body: { body },
    },
    z.unknown(),
  );
  const comment = toComment(answer, deployment);
  if (!comment)
    throw new AppError({
      kind: 'invalid-response',
      message: 'Jira added the comment but answered with data this extension does not understand.',
    });
  return comment;
}

/** Who an assignment names: a Cloud account id, a Server/DC user name, or nobody (null). */
export type Assignee = { accountId: string } | { name: string } | null;

/**
 * Assigns issue `key` to `to`: `{accountId}` on Cloud, `{name}` on Server/DC, null to unassign.
 * Throws the transport's AppErrors.
 */
export async function assignIssue(t: JiraTransport, deployment: Deployment, key: string, to: Assignee): Promise<void> {
  const body =
    deployment === 'cloud' ? { accountId: to && 'accountId' in to ? to.accountId : null } : { name: to && 'name' in to ? to.name : null };
  await t.requestJson({ method: 'PUT', path: `${restApi(deployment)}/issue/${key}/assignee`, body }, z.unknown());
}
