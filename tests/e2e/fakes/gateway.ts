// api.atlassian.com: /ex/jira/{cloudId}/rest/api/{2,3}/... in front of the Cloud sites. It
// accepts scoped tokens as well as classic ones, and names itself in `self` links
// (docs/jira-api.md#scoped-tokens).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, type RecordedRequest } from './http';
import type { JiraSite } from './site';
import { HostSwitches } from './switches';

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
    await site.api({
      req,
      res,
      method: req.method ?? 'GET',
      rest: m[3]!,
      version: m[2] === '3' ? 3 : 2,
      query: url.searchParams,
      apiBase: `${this.origin}/ex/jira/${m[1]}`,
      acceptedTokenKinds: ['classic', 'scoped'],
      record,
      switches: this.switches,
    });
  }
}
