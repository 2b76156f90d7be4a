// issue.transition, issue.comment, issue.assign (and issue.transitions, what a status change may
// be): the popup sends a connection id, an issue key and an action; the background finds the
// transition for this issue, the user for "me", builds the body, sends it once, then reads the
// issue again and updates its caches. A write whose answer was lost is never sent again: the
// issue read afterwards says whether it happened.
import { z } from 'zod';
import type { ConnectionSummary } from '../../shared/connection';
import { AppError, isAppError } from '../../shared/errors';
import { rowOf } from '../../shared/issue-details';
import type { WriteReply, WriteRequests } from '../../shared/protocol/writes';
import { EXTENSION_PAGES, id, issueKey } from '../handlers/schemas';
import { getIssueDetails } from '../jira/issue-api';
import { type Assignee, addComment, assignIssue, getTransitions, transitionIssue } from '../jira/issue-writes';
import type { JiraTransport } from '../jira/transport';
import type { HandlerDef } from '../router';
import { keepDetails } from './details-cache';
import { withJira } from './jira-access';
import { jiraDeps } from './jira-deps';
import { patchCachedRows } from './list-cache';

type Handlers = { [K in keyof WriteRequests]: HandlerDef<K> };

/** Field id -> value: a string, a list of strings or null, each bounded. */
const values = z
  .record(z.string().max(100), z.union([z.string().max(32_000), z.array(z.string().max(200)).max(100), z.null()]))
  .refine((v) => Object.keys(v).length <= 50);

const ANSWER_LOST_UNCHECKED =
  'The change was sent, but Jira’s answer was lost and Jira cannot be reached to check whether it was made. Open the issue in Jira to see.';

/**
 * Runs `change` for issue `key` (never retried), then reads the issue again and keeps it in the
 * caches. A change whose answer was lost (timeout, network) is not an error here: the issue read
 * afterwards shows what Jira has, with `answerLost`.
 */
async function write<T>(
  connectionId: string,
  key: string,
  change: (t: JiraTransport, c: ConnectionSummary) => Promise<T>,
): Promise<WriteReply & { result?: T }> {
  const deps = jiraDeps();
  let result: T | undefined;
  let answerLost = false;
  try {
    result = await withJira(deps, connectionId, change);
  } catch (e) {
    if (!isAppError(e) || (e.kind !== 'network' && e.kind !== 'timeout')) throw e;
    answerLost = true;
  }
  let issue: WriteReply['issue'];
  try {
    issue = await withJira(deps, connectionId, (t, c) => getIssueDetails(t, c.deployment, connectionId, key));
  } catch (e) {
    if (answerLost) throw new AppError({ kind: isAppError(e) ? e.kind : 'network', message: ANSWER_LOST_UNCHECKED });
    throw e;
  }
  const fetchedAt = Date.now();
  await keepDetails(deps.store, connectionId, issue, fetchedAt);
  await patchCachedRows(deps.store, connectionId, rowOf(issue));
  return { issue, fetchedAt, ...(answerLost ? { answerLost: true as const } : {}), ...(result !== undefined ? { result } : {}) };
}

/** The connection's own user, as an assignment names it (accountId on Cloud, user name on Server/DC). */
function me(c: ConnectionSummary): Assignee {
  if (c.deployment === 'cloud' && c.user.accountId) return { accountId: c.user.accountId };
  if (c.deployment === 'server' && c.user.name) return { name: c.user.name };
  throw new AppError({
    kind: 'internal',
    message: 'This connection does not know who you are in Jira. Check the connection in the options page.',
  });
}

/** The write entries of the handler table (src/background/handlers/index.ts). */
export const writeHandlers: Handlers = {
  'issue.transitions': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey }),
    async handle({ connectionId, key }) {
      return { transitions: await withJira(jiraDeps(), connectionId, (t, c) => getTransitions(t, c.deployment, key)) };
    },
  },

  'issue.transition': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey, transitionId: z.string().regex(/^\d{1,12}$/), values }),
    async handle({ connectionId, key, transitionId, values: v }) {
      const { result: _none, ...reply } = await write(connectionId, key, (t, c) => transitionIssue(t, c.deployment, key, transitionId, v));
      return reply;
    },
  },

  'issue.comment': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey, text: z.string().trim().min(1).max(32_000) }),
    async handle({ connectionId, key, text }) {
      const { result: comment, ...reply } = await write(connectionId, key, (t, c) => addComment(t, c.deployment, key, text));
      return { ...reply, ...(comment ? { comment } : {}) };
    },
  },

  'issue.assign': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey, to: z.enum(['me', 'nobody']) }),
    async handle({ connectionId, key, to }) {
      const { result: _none, ...reply } = await write(connectionId, key, (t, c) =>
        assignIssue(t, c.deployment, key, to === 'me' ? me(c) : null),
      );
      return reply;
    },
  },
};
