// One configurable fake Jira. A `JiraSite` holds a site's data and switches; it answers as
// Jira Cloud (SITE.atlassian.net, REST v2 + v3), as Jira Data Center under a context path
// (REST v2 only), and, through `JiraGateway`, as api.atlassian.com/ex/jira/{cloudId} for
// scoped tokens. Strictness follows docs/jira-api.md: exact paths, auth checks,
// AUTHENTICATED_FAILED on anonymous-allowed endpoints, 410 on the removed Cloud search,
// unbounded-JQL 400s, the XSRF rule on POSTs, CAPTCHA after failed Server logins.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Accounts, TokenKind } from './accounts';
import { escapeHtml, parseAuth, readBody, send, svgIcon, type RecordedRequest } from './http';
import { JqlError, parseJql, runJql, type JqlContext } from './jql';
import { STATUSES, buildIssues, type FakeIssue, type FakeUser, type SiteData } from './seed';

export interface SiteConfig {
  /** Short name used by tests, e.g. "acme". */
  name: string;
  deployment: 'cloud' | 'server';
  host: string;
  /** '' for Cloud, e.g. '/jira' for a self-hosted Jira under a context path. */
  contextPath: string;
  serverTitle: string;
  cloudId?: string;
  data: SiteData;
  /** Server/DC: users and passwords. */
  passwords?: Record<string, string>;
  /** Server/DC: personal access tokens -> username. */
  pats?: Record<string, string>;
  /** Server/DC: failed Basic logins before CAPTCHA (default 3). */
  captchaAfter?: number;
}

/**
 * Per-host switches a test flips; `reset()` puts them back. The defaults are as strict as Jira;
 * the switches add the answers real sites have given that made clients loop or misreport
 * (docs/jira-api.md#search, #rate-limits).
 */
export class HostSwitches {
  /** Answer the next N requests with 429. */
  rateLimitRemaining = 0;
  /** Answer the next N requests with 503 and an HTML page (a proxy or a site in maintenance). */
  unavailableRemaining = 0;
  /** Answer every request with a 200 HTML login page (a proxy, SSO wall, or not Jira at all). */
  html = false;
  /** Drop connections (a site that is down). */
  down = false;

  /** Retry-After of those 429s and 503s: seconds, or null for no header at all. */
  retryAfterSeconds: number | null = 1;
  /** Longer request targets (path and query) get 414, as Jira's front ends and Tomcat do (8 KB). */
  maxUrlLength = 8192;
  /** Search pages after the first add no issue, yet carry a fresh nextPageToken (Cloud). */
  emptyPagesWithToken = false;
  /** Searches ignore their cursor: the first page again, with a next cursor (a broken cache or proxy). */
  repeatFirstPage = false;
  /** Page tokens issued before this time (epoch ms) are expired. */
  tokensValidAfter = 0;
  /** Page tokens live this long (Jira's schema says 7 days). */
  pageTokenTtlMs = 7 * 86_400_000;

  rateLimitNext(n: number, retryAfterSeconds: number | null = 1): void {
    this.rateLimitRemaining = n;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  /** 503 with an HTML body, N times. */
  unavailableNext(n: number, retryAfterSeconds: number | null = 1): void {
    this.unavailableRemaining = n;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  /** Every page token issued so far is now expired. */
  expirePageTokens(): void {
    this.tokensValidAfter = Date.now() + 1;
  }
  answerHtml(on = true): void {
    this.html = on;
  }
  stop(): void {
    this.down = true;
  }
  resume(): void {
    this.down = false;
  }
  reset(): void {
    this.rateLimitRemaining = 0;
    this.unavailableRemaining = 0;
    this.retryAfterSeconds = 1;
    this.html = false;
    this.down = false;
    this.maxUrlLength = 8192;
    this.emptyPagesWithToken = false;
    this.repeatFirstPage = false;
    this.tokensValidAfter = 0;
    this.pageTokenTtlMs = 7 * 86_400_000;
  }
}

type Caller = { user: FakeUser } | { anonymous: true; failed: boolean } | { captcha: true };

interface ApiRequest {
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
}

const JSON_401_CLOUD = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };
const JSON_401_SERVER = { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} };

function jiraDate(t: number): string {
  return new Date(t).toISOString().replace('Z', '+0000');
}

export class JiraSite {
  readonly switches = new HostSwitches();
  readonly origin: string;
  /** Site base URL (with context path). */
  readonly baseUrl: string;
  private failedLogins = new Map<string, number>();
  private pristine: SiteData;

  constructor(
    readonly config: SiteConfig,
    private readonly accounts: Accounts,
  ) {
    this.origin = `https://${config.host}`;
    this.baseUrl = this.origin + config.contextPath;
    this.pristine = structuredClone(config.data);
  }

  get data(): SiteData {
    return this.config.data;
  }

  /** Restores data, switches and login counters. */
  reset(): void {
    this.config.data = structuredClone(this.pristine);
    this.switches.reset();
    this.failedLogins.clear();
  }

  /**
   * Adds `count` open issues assigned to `assignee` in a project BIG (BIG-1 the most recently
   * updated, after every seeded issue), to page through long lists.
   */
  addIssues(count: number, assignee: string): void {
    const added = buildIssues({
      projects: [{ id: '10900', key: 'BIG', name: 'Backlog of thousands' }],
      count,
      seed: 5,
      firstId: 900_001,
      now: Date.now() - 400 * 86_400_000,
      assignee: () => assignee,
      reporter: () => assignee,
      watchers: () => [],
    });
    for (const issue of added) {
      issue.status = { ...STATUSES[0] };
      issue.resolution = null;
    }
    this.data.issues.push(...added);
  }

  /** Server/DC: forget failed logins (the user logged in once in the web UI). */
  clearCaptcha(): void {
    this.failedLogins.clear();
  }

  /** Server/DC: make the next Basic logins of `user` meet the CAPTCHA. */
  forceCaptcha(user: string): void {
    this.failedLogins.set(user, this.config.captchaAfter ?? 3);
  }

  /** Entry point for requests to this site's host. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    const { contextPath } = this.config;
    const path = url.pathname;
    if (contextPath && !(path === contextPath || path.startsWith(`${contextPath}/`))) return this.notFoundHtml(res);
    const local = path.slice(contextPath.length) || '/';

    if (this.config.deployment === 'cloud' && local === '/_edge/tenant_info' && req.method === 'GET') {
      return send(res, 200, { cloudId: this.config.cloudId });
    }
    // Static icons (priorities) are public; avatars under /secure/ (users, projects, Data
    // Center issue types) are for signed-in users only, like every /secure/ page: an <img>
    // without the user's session gets 403 (docs/jira-api.md#avatars: observed on real sites).
    if (local.startsWith('/images/icons/')) return send(res, 200, svgIcon(local), { 'content-type': 'image/svg+xml' });
    if (local === '/secure/useravatar' || local === '/secure/viewavatar' || local.startsWith('/secure/projectavatar')) {
      if (req.method !== 'GET') return send(res, 405, null);
      const caller = this.authenticate(req.headers.authorization, ['classic']);
      if ('captcha' in caller) return this.captcha(res);
      if (!('user' in caller)) return send(res, 403, this.loginPage(), { 'content-type': 'text/html;charset=UTF-8' });
      if (local === '/secure/viewavatar' && !this.typeByAvatar(url.searchParams.get('avatarId'))) return this.notFoundHtml(res);
      return send(res, 200, svgIcon(local + url.search), { 'content-type': 'image/svg+xml' });
    }
    if (local === '/login.jsp' || local === '/') return send(res, 200, this.loginPage(), { 'content-type': 'text/html;charset=UTF-8' });

    const m = /^\/rest\/api\/(2|3|latest)\/(.+)$/.exec(local);
    if (!m) return this.notFoundHtml(res);
    const version = m[1] === '3' ? 3 : 2;
    if (version === 3 && this.config.deployment === 'server') {
      // Jira Server/DC has no v3 API (docs/jira-api.md#deployments).
      return this.notFoundHtml(res);
    }
    await this.api({
      req,
      res,
      method: req.method ?? 'GET',
      rest: m[2]!,
      version,
      query: url.searchParams,
      apiBase: this.baseUrl,
      acceptedTokenKinds: ['classic'],
      record,
    });
  }

  loginPage(): string {
    const title = this.config.deployment === 'cloud' ? 'Log in with Atlassian account' : `Log in - ${escapeHtml(this.config.serverTitle)}`;
    return `<!doctype html><html><head><title>${title}</title></head><body><form method="post" action="${this.config.contextPath}/login.jsp"><label>Username <input name="os_username"></label><label>Password <input type="password" name="os_password"></label><button>Log in</button></form></body></html>`;
  }

  notFoundHtml(res: ServerResponse): void {
    send(
      res,
      404,
      '<!doctype html><html><head><title>Oops, you&#39;ve found a dead link. - Jira</title></head><body><h1>Oops, you&#39;ve found a dead link.</h1></body></html>',
      {
        'content-type': 'text/html;charset=UTF-8',
      },
    );
  }

  /** Who is calling: a user, anonymous (failed = bad credentials given), or CAPTCHA-blocked. */
  private authenticate(header: string | undefined, kinds: TokenKind[]): Caller {
    const auth = parseAuth(header);
    if (!auth) return { anonymous: true, failed: false };
    const users = this.data.users;
    if (this.config.deployment === 'cloud') {
      // Cloud: Basic email:API token only (docs/jira-api.md#authentication). Passwords and Bearer are refused.
      if (auth.scheme !== 'basic') return { anonymous: true, failed: true };
      const user = users.find((u) => u.email.toLowerCase() === auth.user.toLowerCase());
      if (user && this.accounts.accepts(user.email, auth.secret, kinds)) return { user };
      return { anonymous: true, failed: true };
    }
    if (auth.scheme === 'bearer') {
      const username = this.config.pats?.[auth.secret];
      const user = username ? users.find((u) => u.id === username) : undefined;
      return user ? { user } : { anonymous: true, failed: true };
    }
    if (auth.scheme !== 'basic') return { anonymous: true, failed: true };
    const limit = this.config.captchaAfter ?? 3;
    if ((this.failedLogins.get(auth.user) ?? 0) >= limit) return { captcha: true };
    const user = users.find((u) => u.id === auth.user);
    // A PAT sent as a Basic password is just a wrong password here (docs/jira-api.md#authentication).
    if (user && this.config.passwords?.[user.id] === auth.secret) {
      this.failedLogins.delete(auth.user);
      return { user };
    }
    if (user) this.failedLogins.set(auth.user, (this.failedLogins.get(auth.user) ?? 0) + 1);
    return { anonymous: true, failed: true };
  }

  private unauthorized(res: ServerResponse): void {
    const cloud = this.config.deployment === 'cloud';
    send(res, 401, cloud ? JSON_401_CLOUD : JSON_401_SERVER, {
      'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
      'www-authenticate': cloud ? `OAuth realm="${encodeURIComponent(this.origin)}"` : 'Basic realm="protected-area"',
    });
  }

  private captcha(res: ServerResponse): void {
    send(res, 403, '<html><body>Forbidden: CAPTCHA required. Log in to Jira in your browser.</body></html>', {
      'content-type': 'text/html;charset=UTF-8',
      'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
      'x-authentication-denied-reason': `CAPTCHA_CHALLENGE; login-url=${this.baseUrl}/login.jsp`,
    });
  }

  private xsrfOk(req: IncomingMessage, siteOrigin: string): boolean {
    const ua = req.headers['user-agent'] ?? '';
    if (!ua.includes('Mozilla')) return true;
    const origin = req.headers.origin ?? '';
    return origin === siteOrigin || origin.startsWith('chrome-extension://');
  }

  /** The REST API, shared by the site and the gateway. */
  async api(a: ApiRequest): Promise<void> {
    const { req, res, method } = a;
    const cloud = this.config.deployment === 'cloud';
    if (method !== 'GET' && method !== 'HEAD' && !this.xsrfOk(req, new URL(a.apiBase).origin)) {
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
          return send(res, 400, { errorMessages: ['Unexpected character in request body: not valid JSON.'], errors: {} });
        }
      }
    }
    const caller = this.authenticate(req.headers.authorization, a.acceptedTokenKinds);
    if ('captcha' in caller) return this.captcha(res);
    const user = 'user' in caller ? caller.user : null;
    // Anonymous-allowed endpoints answer 200 even for bad credentials, with this header.
    const failedHeader: Record<string, string> =
      'failed' in caller && caller.failed ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : {};
    const ok = (status: number, payload: object | null) => send(res, status, payload, failedHeader);
    const requireUser = (): FakeUser | null => {
      if (!user) this.unauthorized(res);
      return user;
    };
    const route = `${method} ${a.rest}`;
    const v = a.version;

    if (route === 'GET serverInfo') return ok(200, this.serverInfo());
    if (route === 'GET myself') {
      const u = requireUser();
      return u ? ok(200, this.userJson(u, a.apiBase, v, true)) : undefined;
    }
    if (a.rest === 'search') {
      if (cloud) {
        return send(res, 410, {
          errorMessages: [
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
          ],
          errors: {},
        });
      }
      if (method !== 'GET' && method !== 'POST') return send(res, 405, null);
      return this.serverSearch(a, user, method === 'POST' ? (body as Record<string, unknown>) : undefined, ok);
    }
    if (cloud && a.rest === 'search/jql') {
      if (method !== 'GET' && method !== 'POST') return send(res, 405, null);
      return this.cloudSearch(a, user, method === 'POST' ? (body as Record<string, unknown>) : undefined, ok);
    }
    if (cloud && a.rest === 'search/approximate-count') {
      if (method !== 'POST') return send(res, 405, null);
      const jql = (body as { jql?: unknown } | undefined)?.jql;
      if (typeof jql !== 'string') return send(res, 400, { errorMessages: ['jql must not be null.'], errors: {} });
      const found = this.runSearch(jql, user, true);
      if ('errors' in found) return send(res, 400, found.errors);
      return ok(200, { count: found.issues.length });
    }
    if (route === 'GET issue/picker') return ok(200, this.picker(a.query.get('query') ?? '', user));
    if (route === 'GET filter/favourite') {
      const mine = user ? this.data.filters.filter((f) => f.favouriteOf.includes(user.id)) : [];
      return ok(
        200,
        mine.map((f) => this.filterJson(f, a.apiBase, v)),
      );
    }
    if (route === 'GET jql/autocompletedata') {
      return ok(200, {
        visibleFieldNames: [
          'assignee',
          'reporter',
          'status',
          'statusCategory',
          'project',
          'priority',
          'resolution',
          'text',
          'summary',
          'type',
          'updated',
          'created',
        ].map((f) => ({
          value: f,
          displayName: f,
          operators: ['=', '!=', 'in', 'not in'],
        })),
        visibleFunctionNames: [
          { value: 'currentUser()', displayName: 'currentUser()' },
          { value: 'issueHistory()', displayName: 'issueHistory()' },
        ],
        jqlReservedWords: ['and', 'or', 'not', 'empty', 'null', 'order', 'by', 'asc', 'desc'],
      });
    }
    const avatar = /^universal_avatar\/view\/type\/issuetype\/avatar\/(\d+)$/.exec(a.rest);
    if (cloud && avatar && method === 'GET') {
      // Cloud's issue type icons: an API resource, for signed-in users only.
      if (!user) return send(res, 403, { errorMessages: ['You do not have permission to view the avatar.'], errors: {} });
      if (!this.typeByAvatar(avatar[1]!))
        return send(res, 404, { errorMessages: ['Could not find an avatar matching the provided parameters.'], errors: {} });
      return send(res, 200, svgIcon(`issuetype ${avatar[1]}`, '#e5493a'), { 'content-type': 'image/svg+xml;charset=UTF-8' });
    }
    const issueRoute = /^issue\/([A-Za-z0-9_-]+)(\/transitions)?$/.exec(a.rest);
    if (issueRoute) {
      const u = requireUser();
      if (!u) return;
      const issue = this.data.issues.find((i) => i.key.toLowerCase() === issueRoute[1]!.toLowerCase() || i.id === issueRoute[1]);
      if (!issue) return send(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
      if (!issueRoute[2]) {
        if (method !== 'GET') return send(res, 405, null);
        return ok(200, this.issueJson(issue, a.apiBase, v, a.query.get('fields') ?? '*all', a.query.get('expand') ?? ''));
      }
      if (method === 'GET') return ok(200, { expand: 'transitions', transitions: this.transitions(issue) });
      if (method === 'POST') {
        const id = (body as { transition?: { id?: unknown } } | undefined)?.transition?.id;
        const t = this.transitions(issue).find((x) => x.id === String(id));
        if (!t) return send(res, 400, { errorMessages: [`Transition id '${String(id)}' is not valid for this issue.`], errors: {} });
        issue.status = { id: t.to.id, name: t.to.name, category: t.to.statusCategory.key };
        issue.resolution = issue.status.category === 'done' ? 'Done' : null;
        issue.updated = Date.now();
        return send(res, 204, null);
      }
      return send(res, 405, null);
    }
    return send(res, 404, { errorMessages: [`null for uri: ${a.apiBase}/rest/api/${v}/${a.rest}`], errors: {} });
  }

  serverInfo(): object {
    const cloud = this.config.deployment === 'cloud';
    return {
      baseUrl: this.baseUrl,
      displayUrl: this.baseUrl,
      version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.15',
      versionNumbers: cloud ? [1001, 0, 0] : [9, 12, 15],
      deploymentType: cloud ? 'Cloud' : 'Server',
      buildNumber: cloud ? 100293 : 9120015,
      buildDate: '2026-11-20T00:00:00.000+0000',
      serverTime: jiraDate(Date.now()),
      scmInfo: '3f1e2d4c5b6a7988776655443322110000ffeedd',
      serverTitle: this.config.serverTitle,
      ...(cloud ? { defaultLocale: { locale: 'en_US' } } : {}),
    };
  }

  /**
   * An issue type's icon: on Cloud a REST resource under the API base the caller used (the site,
   * or the gateway for a scoped token), on Data Center a /secure/ page of the site.
   */
  typeIconUrl(avatarId: string, apiBase: string): string {
    return this.config.deployment === 'cloud'
      ? `${apiBase}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium`
      : `${this.baseUrl}/secure/viewavatar?size=xsmall&avatarId=${avatarId}&avatarType=issuetype`;
  }

  private typeByAvatar(avatarId: string | null): boolean {
    return this.data.issues.some((i) => i.type.avatarId === avatarId);
  }

  private avatarUrls(u: FakeUser): Record<string, string> {
    const base = `${this.baseUrl}/secure/useravatar?ownerId=${encodeURIComponent(u.id)}`;
    return { '48x48': `${base}&size=48`, '24x24': `${base}&size=24`, '16x16': `${base}&size=16`, '32x32': `${base}&size=32` };
  }

  userJson(u: FakeUser, apiBase: string, v: number, full = false): object {
    if (this.config.deployment === 'cloud') {
      return {
        self: `${apiBase}/rest/api/${v}/user?accountId=${u.id}`,
        accountId: u.id,
        accountType: 'atlassian',
        emailAddress: u.email,
        avatarUrls: this.avatarUrls(u),
        displayName: u.displayName,
        active: true,
        timeZone: 'Europe/London',
        ...(full
          ? { locale: 'en_GB', groups: { size: 2, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles' }
          : {}),
      };
    }
    return {
      self: `${apiBase}/rest/api/2/user?username=${u.id}`,
      key: u.key ?? u.id,
      name: u.id,
      emailAddress: u.email,
      avatarUrls: this.avatarUrls(u),
      displayName: u.displayName,
      active: true,
      deleted: false,
      timeZone: 'Europe/Berlin',
      ...(full
        ? { locale: 'en_UK', groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles' }
        : {}),
    };
  }

  private jqlContext(user: FakeUser | null): JqlContext {
    return {
      currentUser: user?.id ?? null,
      users: this.data.users,
      issues: this.data.issues,
      filters: this.data.filters,
      history: this.data.history,
      now: Date.now(),
    };
  }

  /** Runs JQL as `user`; Cloud's /search/jql refuses a query with no restriction. */
  runSearch(jql: string, user: FakeUser | null, boundedOnly: boolean): { issues: FakeIssue[] } | { errors: object } {
    try {
      const parsed = parseJql(jql);
      if (boundedOnly && !parsed.where) {
        return {
          errors: {
            errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
            errors: {},
          },
        };
      }
      // Anonymous callers see no issue of these private projects.
      const found = runJql(parsed, this.jqlContext(user));
      return { issues: user ? found : [] };
    } catch (e) {
      if (e instanceof JqlError) {
        // Data Center answers a JQL error with its plain ErrorCollection, as public client
        // logs show it: {"errorMessages":["Error in the JQL Query: ..."],"errors":{}}.
        const cloudOnly = this.config.deployment === 'cloud' ? { warningMessages: [] } : {};
        return { errors: { errorMessages: e.errorMessages, errors: {}, ...cloudOnly } };
      }
      throw e;
    }
  }

  private cloudSearch(
    a: ApiRequest,
    user: FakeUser | null,
    body: Record<string, unknown> | undefined,
    ok: (s: number, p: object) => void,
  ): void {
    const get = (k: string): unknown => (body ? body[k] : (a.query.get(k) ?? undefined));
    const jql = get('jql');
    if (jql !== undefined && typeof jql !== 'string')
      return void send(a.res, 400, { errorMessages: ['Invalid request payload.'], errors: {} });
    const rawFields = get('fields');
    const fields = Array.isArray(rawFields)
      ? rawFields.map(String)
      : typeof rawFields === 'string'
        ? rawFields
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const idOnly = fields.every((f) => f === 'id' || f === 'key');
    const rawMax = get('maxResults');
    const max = rawMax === undefined ? 50 : Number(rawMax);
    if (!Number.isInteger(max) || max < 0)
      return void send(a.res, 400, { errorMessages: [`The value '${String(rawMax)}' is invalid for maxResults.`], errors: {} });
    const pageSize = Math.min(max, idOnly ? 5000 : 100);
    const found = this.runSearch(jql ?? '', user, true);
    if ('errors' in found) return void send(a.res, 400, found.errors);
    const sw = this.switches;
    let offset = 0;
    const token = get('nextPageToken');
    if (token !== undefined && token !== null) {
      // Tokens carry the query (long for a long JQL) and expire (docs/jira-api.md#search).
      const decoded = decodePageToken(String(token));
      const now = Date.now();
      if (!decoded || decoded.q !== (jql ?? '') || decoded.t < sw.tokensValidAfter || now - decoded.t > sw.pageTokenTtlMs) {
        return void send(a.res, 400, {
          errorMessages: ['The provided next page token is invalid or expired.'],
          errors: {},
          warningMessages: [],
        });
      }
      offset = sw.repeatFirstPage ? 0 : decoded.o;
      if (sw.emptyPagesWithToken) {
        return void ok(200, { issues: [], nextPageToken: encodePageToken({ o: offset + pageSize, q: jql ?? '', t: now }), isLast: false });
      }
    }
    const page = found.issues.slice(offset, offset + pageSize);
    const isLast = offset + page.length >= found.issues.length;
    const fieldList = fields.join(',');
    const issues = page.map((i) =>
      fields.length ? this.issueJson(i, a.apiBase, a.version, fieldList, String(get('expand') ?? '')) : { id: i.id },
    );
    ok(200, {
      issues,
      ...(isLast ? {} : { nextPageToken: encodePageToken({ o: offset + page.length, q: jql ?? '', t: Date.now() }) }),
      isLast,
    });
  }

  private serverSearch(
    a: ApiRequest,
    user: FakeUser | null,
    body: Record<string, unknown> | undefined,
    ok: (s: number, p: object) => void,
  ): void {
    const get = (k: string): unknown => (body ? body[k] : (a.query.get(k) ?? undefined));
    const jql = String(get('jql') ?? '');
    const startAt = Number(get('startAt') ?? 0);
    const max = Math.min(Number(get('maxResults') ?? 50), 1000);
    if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(max) || max < 0) {
      return void send(a.res, 400, { errorMessages: ['startAt and maxResults must be non-negative integers.'], errors: {} });
    }
    const rawFields = get('fields');
    const fields = Array.isArray(rawFields) ? rawFields.join(',') : typeof rawFields === 'string' ? rawFields : '*navigable';
    const found = this.runSearch(jql, user, false);
    if ('errors' in found) return void send(a.res, 400, found.errors);
    // A broken cache in front of Jira: whatever was asked, the first page.
    const from = this.switches.repeatFirstPage ? 0 : startAt;
    const page = found.issues.slice(from, from + max);
    ok(200, {
      expand: 'schema,names',
      startAt: from,
      maxResults: max,
      total: found.issues.length,
      issues: page.map((i) => this.issueJson(i, a.apiBase, 2, fields, String(get('expand') ?? ''))),
    });
  }

  private picker(query: string, user: FakeUser | null): object {
    const q = query.trim().toLowerCase();
    const words = q.split(/\s+/).filter(Boolean);
    const visible = user ? this.data.issues : [];
    const matches = q
      ? visible.filter((i) => i.key.toLowerCase().startsWith(q) || words.every((w) => i.summary.toLowerCase().includes(w)))
      : [];
    const history = user ? (this.data.history[user.id] ?? []) : [];
    const entry = (i: FakeIssue) => ({
      id: Number(i.id),
      key: i.key,
      keyHtml: i.key,
      // The picker names its icon by a path on the site.
      img:
        this.config.deployment === 'cloud'
          ? `${this.config.contextPath}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${i.type.avatarId}?size=xsmall`
          : `${this.config.contextPath}/secure/viewavatar?size=xsmall&avatarId=${i.type.avatarId}&avatarType=issuetype`,
      summary: highlight(i.summary, words),
      summaryText: i.summary,
    });
    const hs = matches.filter((i) => history.includes(i.key)).slice(0, 10);
    const cs = matches.filter((i) => !history.includes(i.key)).slice(0, 20);
    return {
      sections: [
        { label: 'History Search', sub: `Showing ${hs.length} of ${hs.length} matching issues`, id: 'hs', issues: hs.map(entry) },
        {
          label: 'Current Search',
          sub: `Showing ${cs.length} of ${matches.length - hs.length} matching issues`,
          id: 'cs',
          issues: cs.map(entry),
        },
      ],
    };
  }

  private filterJson(f: SiteData['filters'][number], apiBase: string, v: number): object {
    const owner = this.data.users.find((u) => u.id === f.owner);
    return {
      expand: 'sharedUsers,subscriptions',
      self: `${apiBase}/rest/api/${v}/filter/${f.id}`,
      id: f.id,
      name: f.name,
      ...(owner ? { owner: this.userJson(owner, apiBase, v) } : {}),
      jql: f.jql,
      viewUrl: `${this.baseUrl}/issues/?filter=${f.id}`,
      searchUrl: `${apiBase}/rest/api/${v}/search${this.config.deployment === 'cloud' ? '/jql' : ''}?jql=${encodeURIComponent(f.jql)}`,
      favourite: true,
      favouritedCount: f.favouriteOf.length,
      sharePermissions: [],
      isWritable: true,
      subscriptions: { size: 0, items: [], 'max-results': 0, 'start-index': 0, 'end-index': 0 },
    };
  }

  private transitions(issue: FakeIssue) {
    // Ids differ per workflow (docs/jira-api.md#transitions): OPS and INFRA use another workflow.
    const offset = issue.project.key === 'OPS' || issue.project.key === 'INFRA' ? 100 : 0;
    const to = (s: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' }) => ({
      self: `${this.baseUrl}/rest/api/2/status/${s.id}`,
      name: s.name,
      id: s.id,
      statusCategory: { id: { new: 2, indeterminate: 4, done: 3 }[s.category], key: s.category, name: categoryName(s.category) },
    });
    return [
      {
        id: String(11 + offset),
        name: 'To Do',
        to: to({ id: '10000', name: 'To Do', category: 'new' }),
        hasScreen: false,
        isAvailable: true,
      },
      {
        id: String(21 + offset),
        name: 'Start progress',
        to: to({ id: '3', name: 'In Progress', category: 'indeterminate' }),
        hasScreen: false,
        isAvailable: true,
      },
      {
        id: String(31 + offset),
        name: 'Done',
        to: to({ id: '10003', name: 'Done', category: 'done' }),
        hasScreen: false,
        isAvailable: true,
      },
    ];
  }

  issueJson(i: FakeIssue, apiBase: string, v: number, fieldsParam: string, expand: string): object {
    const wanted = fieldsParam
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const all = wanted.includes('*all') || wanted.includes('*navigable');
    const has = (f: string) => !wanted.includes(`-${f}`) && (all || wanted.includes(f));
    const user = (id: string | null) => {
      const u = id ? this.data.users.find((x) => x.id === id) : undefined;
      return u ? this.userJson(u, apiBase, v) : null;
    };
    const fields: Record<string, unknown> = {};
    if (has('summary')) fields.summary = i.summary;
    if (has('status')) {
      fields.status = {
        self: `${apiBase}/rest/api/${v}/status/${i.status.id}`,
        description: '',
        iconUrl: `${this.baseUrl}/`,
        name: i.status.name,
        id: i.status.id,
        statusCategory: {
          self: `${apiBase}/rest/api/${v}/statuscategory/${{ new: 2, indeterminate: 4, done: 3 }[i.status.category]}`,
          id: { new: 2, indeterminate: 4, done: 3 }[i.status.category],
          key: i.status.category,
          colorName: { new: 'blue-gray', indeterminate: 'yellow', done: 'green' }[i.status.category],
          name: categoryName(i.status.category),
        },
      };
    }
    if (has('priority'))
      fields.priority = {
        self: `${apiBase}/rest/api/${v}/priority/${i.priority.id}`,
        iconUrl: this.baseUrl + i.priority.icon,
        name: i.priority.name,
        id: i.priority.id,
      };
    if (has('issuetype')) {
      fields.issuetype = {
        self: `${apiBase}/rest/api/${v}/issuetype/${i.type.id}`,
        id: i.type.id,
        description: '',
        iconUrl: this.typeIconUrl(i.type.avatarId, apiBase),
        name: i.type.name,
        subtask: false,
      };
    }
    if (has('assignee')) fields.assignee = user(i.assignee);
    if (has('reporter')) fields.reporter = user(i.reporter);
    if (has('updated')) fields.updated = jiraDate(i.updated);
    if (has('created')) fields.created = jiraDate(i.created);
    if (has('resolution'))
      fields.resolution = i.resolution
        ? { self: `${apiBase}/rest/api/${v}/resolution/10000`, id: '10000', description: '', name: i.resolution }
        : null;
    if (has('project')) {
      fields.project = {
        self: `${apiBase}/rest/api/${v}/project/${i.project.id}`,
        id: i.project.id,
        key: i.project.key,
        name: i.project.name,
        projectTypeKey: 'software',
        avatarUrls: { '48x48': `${this.baseUrl}/secure/projectavatar?pid=${i.project.id}&size=48` },
      };
    }
    if (has('description')) {
      fields.description =
        v === 3
          ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: i.description }] }] }
          : i.description;
    }
    if (has('watches'))
      fields.watches = { self: `${apiBase}/rest/api/${v}/issue/${i.key}/watchers`, watchCount: i.watchers.length, isWatching: false };
    const out: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: i.id,
      self: `${apiBase}/rest/api/${v}/issue/${i.id}`,
      key: i.key,
      fields,
    };
    if (expand.split(',').includes('renderedFields')) out.renderedFields = { description: `<p>${escapeHtml(i.description)}</p>` };
    return out;
  }
}

/** api.atlassian.com: /ex/jira/{cloudId}/rest/api/{2,3}/... for Cloud sites; accepts scoped tokens. */
export class JiraGateway {
  readonly switches = new HostSwitches();
  readonly origin = 'https://api.atlassian.com';

  constructor(private readonly sites: () => JiraSite[]) {}

  reset(): void {
    this.switches.reset();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    const m = /^\/ex\/jira\/([0-9a-f-]+)\/rest\/api\/(2|3|latest)\/(.+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { code: 404, message: 'Not Found' });
    const site = this.sites().find((s) => s.config.deployment === 'cloud' && s.config.cloudId === m[1]);
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
    });
  }
}

function categoryName(c: 'new' | 'indeterminate' | 'done'): string {
  return { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[c];
}

function highlight(text: string, words: string[]): string {
  let html = escapeHtml(text);
  for (const w of words) {
    if (!w) continue;
    html = html.replace(new RegExp(escapeHtml(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig'), (s) => `<b>${s}</b>`);
  }
  return html;
}

/** A page token: the offset, the query itself and when it was issued (so it can expire). */
interface PageToken {
  o: number;
  q: string;
  t: number;
}

function encodePageToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodePageToken(s: string): PageToken | null {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Partial<PageToken>;
    return typeof t.o === 'number' && typeof t.q === 'string' && typeof t.t === 'number' ? { o: t.o, q: t.q, t: t.t } : null;
  } catch {
    return null;
  }
}
