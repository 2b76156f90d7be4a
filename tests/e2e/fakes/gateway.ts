// api.atlassian.com: /ex/jira/{cloudId}/rest/api/{2,3}/... in front of the Cloud sites. It
// accepts scoped tokens as well as classic ones, refuses a scoped token the scope a call needs
// (its own 401, before the site sees the call), and names itself in `self` links
// (docs/jira-api.md#scoped-tokens).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAuth, send, type RecordedRequest } from './http';
import type { JiraSite } from './site';
import { HostSwitches } from './switches';

/**
 * The gateway's answer to a scoped token without the scope of the call, exactly as Atlassian
 * sends it (docs/jira-api.md#scoped-tokens: status, the X-Failure-Category header and the body).
 */
export const SCOPE_MISMATCH = {
  status: 401,
  headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  body: { code: 401, message: 'Unauthorized; scope does not match' },
} as const;

/**
 * The classic scope a call needs (Atlassian's REST reference lists one per operation): who the
 * user is (myself, serverInfo) read:jira-user; every other read, searches sent as POST and the
 * approximate count included, read:jira-work; writes write:jira-work. Avatar images: none is
 * required here (no classic scope documented for them).
 */
export function requiredScope(method: string, rest: string): string | undefined {
  if (rest.startsWith('universal_avatar/')) return undefined;
  if (rest === 'myself' || rest === 'serverInfo') return 'read:jira-user';
  if (method === 'GET' || rest === 'search/jql' || rest === 'search/approximate-count') return 'read:jira-work';
  return 'write:jira-work';
}

/** The API gateway for the Cloud sites `sites()` returns; its switches are its own. */
export class JiraGateway {
  readonly switches = new HostSwitches();
  readonly origin = 'https://api.atlassian.com';

  constructor(private readonly sites: () => JiraSite[]) {}

  reset(): void {
    this.switches.reset();
  }

  /** Entry point for requests to api.atlassian.com. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    const m = /^\/ex\/jira\/([0-9a-f-]+)\/rest\/api\/(2|3|latest)\/(.+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { code: 404, message: 'Not Found' });
    const site = this.sites().find((s) => s.cloud && s.config.cloudId === m[1]);
    if (!site) return send(res, 404, { code: 404, message: 'Site not found' });
    const method = req.method ?? 'GET';
    if (this.lacksScope(site, req, method, m[3]!)) {
      return send(res, SCOPE_MISMATCH.status, SCOPE_MISMATCH.body, SCOPE_MISMATCH.headers);
    }
    await site.api({
      req,
      res,
      method,
      rest: m[3]!,
      version: m[2] === '3' ? 3 : 2,
      query: url.searchParams,
      apiBase: `${this.origin}/ex/jira/${m[1]}`,
      acceptedTokenKinds: ['classic', 'scoped'],
      record,
      switches: this.switches,
    });
  }

  /** A live scoped token of the caller that was not given the scope this call needs. */
  private lacksScope(site: JiraSite, req: IncomingMessage, method: string, rest: string): boolean {
    const auth = parseAuth(req.headers.authorization);
    if (auth?.scheme !== 'basic' || !site.accounts.accepts(auth.user, auth.secret, ['scoped'])) return false;
    const scope = requiredScope(method, rest);
    return scope !== undefined && !site.accounts.get(auth.secret)!.scopes.includes(scope);
  }
}
