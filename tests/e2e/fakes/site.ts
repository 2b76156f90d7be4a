// One configurable fake Jira site. A `JiraSite` holds a site's data and switches; it answers as
// Jira Cloud (SITE.atlassian.net, REST v2 + v3) or as Jira Data Center under a context path
// (REST v2 only); `JiraGateway` (gateway.ts) serves Cloud sites to scoped tokens. Here: the
// site's own pages (tenant_info, icons, avatars, attachments, login) and its state; the REST
// API is api-router.ts. Strictness follows docs/jira-api.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Accounts } from './accounts';
import { handleApi, type ApiRequest } from './api-router';
import { escapeHtml, send, svgIcon, type RecordedRequest } from './http';
import { runSearch, type SearchOutcome } from './routes-search';
import { STATUSES, buildIssues, type FakeIssue, type FakeUser, type SiteData } from './seed';
import { authenticate, sendCaptcha } from './site-auth';
import { HostSwitches } from './switches';

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
  /**
   * 'http' for a plain-http intranet site (default 'https'): the scheme of its origin and base
   * URL, which it names itself by (serverInfo, links, the Origin its XSRF rule accepts).
   */
  scheme?: 'http' | 'https';
}

/** A fake Jira site: its data (reset to the seed by `reset()`), switches and request handling. */
export class JiraSite {
  readonly switches = new HostSwitches();
  readonly origin: string;
  /** Site base URL (with context path). */
  readonly baseUrl: string;
  /** Server/DC: consecutive failed Basic logins per user name. */
  readonly failedLogins = new Map<string, number>();
  /**
   * Cloud: users' avatars on Atlassian's public avatar host and Gravatar, as Jira Cloud names
   * them, instead of the site's /secure/useravatar (json-users.ts). Off by default while the
   * older browser tests expect the site's avatars; `reset()` turns it off.
   */
  publicAvatars = false;
  /** Server/DC: user names whose Basic logins Jira refuses to check (denyLogins). */
  readonly deniedLogins = new Set<string>();
  private pristine: SiteData;

  constructor(
    readonly config: SiteConfig,
    readonly accounts: Accounts,
  ) {
    this.origin = `${config.scheme ?? 'https'}://${config.host}`;
    this.baseUrl = this.origin + config.contextPath;
    this.pristine = structuredClone(config.data);
  }

  get data(): SiteData {
    return this.config.data;
  }

  get cloud(): boolean {
    return this.config.deployment === 'cloud';
  }

  /** Restores data, switches and login counters. */
  reset(): void {
    this.config.data = structuredClone(this.pristine);
    this.switches.reset();
    this.failedLogins.clear();
    this.deniedLogins.clear();
    this.publicAvatars = false;
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

  /**
   * Server/DC: Jira refuses to check the Basic logins of `user`, the right password included:
   * `X-Seraph-LoginReason: AUTHENTICATION_DENIED` without the CAPTCHA header (its elevated
   * security check refused: an account an administrator blocked, or a security app), until
   * `allowLogins()` (docs/jira-api.md#failed-logins).
   */
  denyLogins(user: string): void {
    this.deniedLogins.add(user);
  }

  /** Server/DC: logins are checked again (the account was unblocked). */
  allowLogins(): void {
    this.deniedLogins.clear();
  }

  /** Server/DC: make the next Basic logins of `user` meet the CAPTCHA. */
  forceCaptcha(user: string): void {
    this.failedLogins.set(user, this.config.captchaAfter ?? 3);
  }

  /** The issues `user` may see: none when anonymous (the seeded projects are private). */
  visibleIssues(user: FakeUser | null): FakeIssue[] {
    if (!user) return [];
    return this.data.issues.filter((i) => !i.restrictedTo || i.restrictedTo.includes(user.id));
  }

  /** The issue with this key (any case) or id, if `user` may see it. */
  findIssue(user: FakeUser | null, keyOrId: string): FakeIssue | undefined {
    const k = keyOrId.toLowerCase();
    return this.visibleIssues(user).find((i) => i.key.toLowerCase() === k || i.id === keyOrId);
  }

  /** The user with this id (accountId or username). */
  user(id: string | null): FakeUser | undefined {
    return id === null ? undefined : this.data.users.find((u) => u.id === id);
  }

  /** Runs JQL as `user`; Cloud's /search/jql refuses a query with no restriction (`boundedOnly`). */
  runSearch(jql: string, user: FakeUser | null, boundedOnly: boolean): SearchOutcome {
    return runSearch(this, jql, user, boundedOnly);
  }

  /** Entry point for requests to this site's host. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    const { contextPath } = this.config;
    const path = url.pathname;
    if (contextPath && !(path === contextPath || path.startsWith(`${contextPath}/`))) return this.notFoundHtml(res);
    const local = path.slice(contextPath.length) || '/';

    if (this.cloud && local === '/_edge/tenant_info' && req.method === 'GET') {
      return send(res, 200, { cloudId: this.config.cloudId });
    }
    // Static icons (priorities, emoticons) are public; avatars and attachments under /secure/
    // are for signed-in users only, like every /secure/ page: an <img> without the user's
    // session gets 403 (docs/jira-api.md#avatars: observed on real sites).
    if (local.startsWith('/images/icons/')) return send(res, 200, svgIcon(local), { 'content-type': 'image/svg+xml' });
    if (this.isSecureImage(local)) return this.secureImage(req, res, local, url);
    if (local === '/login.jsp' || local === '/') return send(res, 200, this.loginPage(), { 'content-type': 'text/html;charset=UTF-8' });

    const m = /^\/rest\/api\/(2|3|latest)\/(.+)$/.exec(local);
    if (!m) return this.notFoundHtml(res);
    const version = m[1] === '3' ? 3 : 2;
    // Jira Server/DC has no v3 API (docs/jira-api.md#deployments).
    if (version === 3 && !this.cloud) return this.notFoundHtml(res);
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
      switches: this.switches,
    });
  }

  /** The REST API, shared by the site and the gateway. */
  api(a: ApiRequest): Promise<void> {
    return handleApi(this, a);
  }

  loginPage(): string {
    const title = this.cloud ? 'Log in with Atlassian account' : `Log in - ${escapeHtml(this.config.serverTitle)}`;
    return `<!doctype html><html><head><title>${title}</title></head><body><form method="post" action="${this.config.contextPath}/login.jsp"><label>Username <input name="os_username"></label><label>Password <input type="password" name="os_password"></label><button>Log in</button></form></body></html>`;
  }

  notFoundHtml(res: ServerResponse): void {
    send(
      res,
      404,
      '<!doctype html><html><head><title>Oops, you&#39;ve found a dead link. - Jira</title></head><body><h1>Oops, you&#39;ve found a dead link.</h1></body></html>',
      { 'content-type': 'text/html;charset=UTF-8' },
    );
  }

  /** Whether an issue type avatar with this id exists on the site. */
  typeByAvatar(avatarId: string | null): boolean {
    return this.data.issues.some((i) => i.type.avatarId === avatarId);
  }

  private isSecureImage(local: string): boolean {
    return (
      local === '/secure/useravatar' ||
      local === '/secure/viewavatar' ||
      local.startsWith('/secure/projectavatar') ||
      /^\/secure\/(attachment|thumbnail)\/\d+\//.test(local)
    );
  }

  /** Avatars and attachments (Data Center and Cloud pages): signed-in callers only. */
  private secureImage(req: IncomingMessage, res: ServerResponse, local: string, url: URL) {
    if (req.method !== 'GET') return send(res, 405, null);
    const caller = authenticate(this, req.headers.authorization, ['classic']);
    if ('captcha' in caller) return sendCaptcha(this, res);
    if (!('user' in caller)) return send(res, 403, this.loginPage(), { 'content-type': 'text/html;charset=UTF-8' });
    if (local === '/secure/viewavatar' && !this.typeByAvatar(url.searchParams.get('avatarId'))) return this.notFoundHtml(res);
    const attachment = /^\/secure\/(?:attachment|thumbnail)\/(\d+)\//.exec(local);
    if (attachment) {
      const visible = this.visibleIssues(caller.user).some((i) => i.attachments.some((x) => x.id === attachment[1]));
      if (!visible) return this.notFoundHtml(res);
    }
    return send(res, 200, svgIcon(local + url.search), { 'content-type': 'image/svg+xml' });
  }
}
