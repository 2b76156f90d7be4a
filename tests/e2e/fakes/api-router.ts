// The REST API of a fake site (and of the gateway in front of Cloud sites): the XSRF rule on
// writes, the JSON body, who is calling, then the routes. Unknown paths get Jira's
// "null for uri" 404 (docs/jira-api.md#error-bodies).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenKind } from './accounts';
import { readBody, send, sendErrors, type RecordedRequest } from './http';
import { userJson } from './json-users';
import { issueRoutes } from './routes-issue';
import { lookupRoutes } from './routes-lookups';
import { searchRoutes } from './routes-search';
import type { FakeUser } from './seed';
import type { JiraSite } from './site';
import { authenticate, loginReason, sendCaptcha, sendUnauthorized, xsrfOk, type Caller } from './site-auth';
import type { HostSwitches } from './switches';

/** A request to the REST API, as the site or the gateway hands it over. */
export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path after /rest/api/{version}/ */
  rest: string;
  version: 2 | 3;
  query: URLSearchParams;
  /** Origin that `self` links use: the site, or the gateway's /ex/jira/{cloudId}. */
  apiBase: string;
  acceptedTokenKinds: TokenKind[];
  record: RecordedRequest;
  /** The switches of the host the request came to (the site's, or the gateway's). */
  switches: HostSwitches;
}

/** What a route handler gets: the request, the caller and the parsed body. */
export interface ApiCall extends ApiRequest {
  site: JiraSite;
  /** The authenticated caller; null when anonymous or when credentials were refused. */
  user: FakeUser | null;
  /** The parsed JSON body of a POST or PUT (undefined when there was none). */
  body: unknown;
  /** How the credentials went (a user, refused, not checked, none). */
  caller: Caller;
  /**
   * Sends a JSON answer, with `X-Seraph-LoginReason` when credentials were given and did not get
   * through (AUTHENTICATED_FAILED, or Data Center's AUTHENTICATION_DENIED when it refused to check).
   */
  ok(status: number, payload: object | null): void;
  /** The caller, or a 401 sent (and null) when there is none. */
  requireUser(): FakeUser | null;
}

type Route = (call: ApiCall) => boolean | Promise<boolean>;
const ROUTES: Route[] = [basicRoutes, searchRoutes, lookupRoutes, issueRoutes];

/** Serves one REST request on `site`. */
export async function handleApi(site: JiraSite, a: ApiRequest): Promise<void> {
  const { req, res, method } = a;
  if (method !== 'GET' && method !== 'HEAD' && !xsrfOk(req, new URL(a.apiBase).origin)) {
    return send(res, 403, 'XSRF check failed');
  }
  let body: unknown;
  if (method === 'POST' || method === 'PUT') {
    const raw = await readBody(req);
    if (raw) {
      try {
        body = JSON.parse(raw);
        a.record.body = body;
      } catch {
        return sendErrors(res, 400, ['Unexpected character in request body: not valid JSON.']);
      }
    }
  }
  const caller = authenticate(site, req.headers.authorization, a.acceptedTokenKinds);
  if ('captcha' in caller) return sendCaptcha(site, res);
  const user = 'user' in caller ? caller.user : null;
  // Anonymous-allowed endpoints answer even for bad credentials, with this header (docs/jira-api.md#failed-logins).
  const refusal = a.switches.takeReadRefusal(method, a.rest);
  if (refusal) return send(res, refusal.status, refusal.body);
  const call: ApiCall = {
    ...a,
    site,
    user,
    body,
    caller,
    ok: (status, payload) => {
      const reason = loginReason(site, caller, status);
      send(res, status, payload, reason ? { 'x-seraph-loginreason': reason } : {});
    },
    requireUser: () => {
      if (!user) sendUnauthorized(site, res, caller);
      return user;
    },
  };
  for (const route of ROUTES) if (await route(call)) return;
  sendErrors(res, 404, [`null for uri: ${a.apiBase}/rest/api/${a.version}/${a.rest}`]);
}

/** serverInfo (anonymous) and myself (the call that proves a login). */
function basicRoutes(call: ApiCall): boolean {
  const route = `${call.method} ${call.rest}`;
  if (route === 'GET serverInfo') {
    call.ok(200, serverInfo(call.site));
    return true;
  }
  if (route === 'GET myself') {
    const u = call.requireUser();
    if (u) call.ok(200, userJson(call.site, u, call.apiBase, call.version, true));
    return true;
  }
  return false;
}

/** GET serverInfo: what kind of Jira answers (docs/jira-api.md#deployments). */
function serverInfo(site: JiraSite): object {
  const cloud = site.cloud;
  return {
    baseUrl: site.baseUrl,
    displayUrl: site.baseUrl,
    version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.15',
    versionNumbers: cloud ? [1001, 0, 0] : [9, 12, 15],
    deploymentType: cloud ? 'Cloud' : 'Server',
    buildNumber: cloud ? 100293 : 9120015,
    buildDate: '2026-11-20T00:00:00.000+0000',
    serverTime: new Date().toISOString().replace('Z', '+0000'),
    scmInfo: '3f1e2d4c5b6a7988776655443322110000ffeedd',
    serverTitle: site.config.serverTitle,
    ...(cloud ? { defaultLocale: { locale: 'en_US' } } : {}),
  };
}
