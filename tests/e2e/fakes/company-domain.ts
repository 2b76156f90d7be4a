// A company ("custom") domain in front of a Jira Cloud site, as Atlassian's custom domains
// serve one (docs/jira-api.md#custom-domains): the browser pages and anonymous REST answers of
// the site, so serverInfo says Cloud with the site's own atlassian.net base URL; but REST
// requests with credentials are not accepted there (Atlassian: API requests keep using the
// atlassian.net address), so an API token gets the Cloud edge's 401.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from './http';
import type { JiraSite } from './site';
import { sendUnauthorized } from './site-auth';

/** The company domain of `site` (a Cloud JiraSite). */
export class CompanyDomainFront {
  constructor(readonly site: JiraSite) {}

  /** Entry point for requests to the company domain. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    if (req.headers.authorization) return sendUnauthorized(this.site, res);
    await this.site.handle(req, res, url, record);
  }
}
