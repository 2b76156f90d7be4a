// /issue/{key} and what hangs off it: the issue itself (GET), its comments (GET, POST), its
// transitions (GET, POST) and its assignee (PUT). An issue the caller may not see does not
// exist for them: 404 with Jira's words, also for an anonymous caller or refused credentials
// (docs/jira-api.md#issue-details). Writes need a signed-in caller (401), and go through the
// host's write switches (switches.ts): a canned refusal, or an answer lost after the change.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiCall } from './api-router';
import { send } from './http';
import { issueJson } from './json-issue';
import { assignIssue } from './routes-assignee';
import { addComment, listComments } from './routes-comments';
import { listTransitions, transitionIssue } from './routes-transitions';
import type { FakeIssue, FakeUser } from './seed';
import { sendUnauthorized } from './site-auth';

type Handler = (call: ApiCall, issue: FakeIssue, user: FakeUser | null) => void;

const HANDLERS: Record<string, Handler> = {
  'GET ': (call, issue) =>
    call.ok(
      200,
      issueJson(call.site, issue, call.apiBase, call.version, call.query.get('fields') ?? '*all', call.query.get('expand') ?? ''),
    ),
  'GET comment': listComments,
  'POST comment': (call, issue, user) => addComment(call, issue, user!),
  'GET transitions': listTransitions,
  'POST transitions': (call, issue, user) => transitionIssue(call, issue, user!),
  'PUT assignee': (call, issue) => assignIssue(call, issue),
};

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** Handles /issue/{keyOrId}[/comment|/transitions|/assignee]; false when the request is not one. */
export function issueRoutes(call: ApiCall): boolean {
  const m = /^issue\/([A-Za-z0-9_-]+)(?:\/(comment|transitions|assignee))?$/.exec(call.rest);
  if (!m) return false;
  serveIssue(call, m[1]!, m[2] ?? '');
  return true;
}

function serveIssue(call: ApiCall, keyOrId: string, sub: string) {
  const { method, res, site, user } = call;
  const handler = HANDLERS[`${method} ${sub}`];
  if (!handler) return send(res, 405, null);
  const write = method !== 'GET';
  if (write && !user) return sendUnauthorized(site, res, call.caller);
  const issue = site.findIssue(user, keyOrId);
  if (!issue) return call.ok(404, { errorMessages: [ISSUE_NOT_FOUND], errors: {} });
  if (write) {
    const refusal = call.switches.refusals.shift();
    if (refusal) return send(res, refusal.status, refusal.body);
    if (call.switches.loseAnswersRemaining > 0) {
      call.switches.loseAnswersRemaining--;
      loseAnswer(call.req, res);
    }
  }
  handler(call, issue, user);
}

/**
 * The change is made, but its answer is cut: the status line and headers leave, the body never
 * completes, the connection is destroyed. Cut before any header instead, the browser would send
 * the request again by itself on a reused connection (Chromium's
 * HttpNetworkTransaction::ShouldResendRequest), which is not the case under test.
 */
function loseAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  res.writeHead = (() => res) as unknown as ServerResponse['writeHead'];
  res.end = (() => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: 4096\r\n\r\n{"id":';
    socket.write(head, () => socket.destroy());
    return res;
  }) as unknown as ServerResponse['end'];
}
