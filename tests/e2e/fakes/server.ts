// One HTTPS server on 127.0.0.1 for every fake host, and one plain HTTP server for the http-only
// intranet Data Center. Chromium's --host-resolver-rules send the real names to their ports
// (Firefox: network.dns.localDomains and network.socket.forcePort); the Host header picks the
// persona.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Accounts } from './accounts';
import { CompanyDomainFront } from './company-domain';
import { RequestLog, send, sleep, type RecordedRequest } from './http';
import { JiraGateway, JiraSite, type HostSwitches } from './jira';
import { ACME_CLOUD_ID, BETA_CLOUD_ID, BOB, HOSTS, buildAcmeData, buildBetaData, buildServerData } from './seed';
import { createSelfSignedCert } from './tls';
import { TokenPage } from './token-page';

export interface FakeServers {
  /** The HTTPS port: every host but the intranet one. */
  port: number;
  /** The plain HTTP port: the intranet Data Center only. */
  httpPort: number;
  accounts: Accounts;
  requests: RequestLog;
  acme: JiraSite;
  beta: JiraSite;
  server: JiraSite;
  /** Bob's Data Center again, at http://jira.intranet.test/jira: plain http only. */
  intranet: JiraSite;
  gateway: JiraGateway;
  tokenPage: TokenPage;
  /** Back to the seed: data, tokens, switches, request log. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts every fake host: one local HTTPS port (a self-signed certificate) and one plain HTTP port (the intranet site). */
export async function startFakeServers(): Promise<FakeServers> {
  const accounts = new Accounts();
  const requests = new RequestLog();
  const acme = new JiraSite(
    {
      name: 'acme',
      deployment: 'cloud',
      host: HOSTS.acme,
      contextPath: '',
      serverTitle: 'Acme Jira',
      cloudId: ACME_CLOUD_ID,
      data: buildAcmeData(),
    },
    accounts,
  );
  const beta = new JiraSite(
    {
      name: 'beta',
      deployment: 'cloud',
      host: HOSTS.beta,
      contextPath: '',
      serverTitle: 'Beta Jira',
      cloudId: BETA_CLOUD_ID,
      data: buildBetaData(),
    },
    accounts,
  );
  const server = new JiraSite(
    {
      name: 'server',
      deployment: 'server',
      host: HOSTS.server,
      contextPath: '/jira',
      serverTitle: 'Acme Corp Jira',
      data: buildServerData(),
      passwords: { [BOB.username]: BOB.password },
      pats: { [BOB.pat]: BOB.username },
      captchaAfter: 3,
    },
    accounts,
  );
  const intranet = new JiraSite(
    {
      name: 'intranet',
      deployment: 'server',
      host: HOSTS.intranet,
      contextPath: '/jira',
      serverTitle: 'Intranet Jira',
      data: buildServerData(),
      passwords: { [BOB.username]: BOB.password },
      pats: { [BOB.pat]: BOB.username },
      captchaAfter: 3,
      scheme: 'http',
    },
    accounts,
  );
  const sites = [acme, beta, server, intranet];
  const gateway = new JiraGateway(() => sites);
  const tokenPage = new TokenPage(accounts);

  const byHost = new Map<string, Target>([
    [HOSTS.acme, acme],
    [HOSTS.beta, beta],
    [HOSTS.server, server],
    [HOSTS.gateway, gateway],
    [HOSTS.id, tokenPage],
    [HOSTS.acmeCompanyDomain, new CompanyDomainFront(acme)],
  ]);

  /**
   * Answers one request by its Host header from `served`. A host that `listensElsewhere` gets no
   * answer at all: nothing listens on this scheme's port for it (the http-only site has no TLS
   * port, the others no plain one), so the connection fails as it would. Unknown hosts get 421.
   */
  const listener =
    (scheme: 'http' | 'https', served: (host: string) => Target | undefined, listensElsewhere: (host: string) => boolean) =>
    (req: IncomingMessage, res: ServerResponse) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (listensElsewhere(host)) {
        req.socket.destroy();
        return;
      }
      const url = new URL(req.url ?? '/', `${scheme}://${host || 'unknown'}`);
      const record: RecordedRequest = requests.record(req, url, host);
      res.on('finish', () => {
        record.status = res.statusCode;
      });
      const target = served(host);
      if (!target) return send(res, 421, 'Misdirected request');
      const sw = target.switches;
      if (sw?.down) {
        req.socket.destroy();
        return;
      }
      const delay = sw?.slowNextMs ?? 0;
      if (sw) sw.slowNextMs = 0;
      (delay > 0 ? sleep(delay) : Promise.resolve())
        .then(() => answer(target, req, res, url, record))
        .catch(() => {
          if (!res.headersSent) send(res, 500, { errorMessages: ['Internal server error'], errors: {} });
          else res.destroy();
        });
    };

  const { key, cert } = createSelfSignedCert();
  const httpsServer = https.createServer(
    { key, cert },
    listener(
      'https',
      (host) => byHost.get(host),
      (host) => host === HOSTS.intranet,
    ),
  );
  const httpServer = http.createServer(
    listener(
      'http',
      () => intranet,
      (host) => host !== HOSTS.intranet,
    ),
  );
  const servers = [httpsServer, httpServer];
  const [port, httpPort] = await Promise.all(
    servers.map(async (server) => {
      // Browsers keep connections alive; don't let idle sockets hold close() up.
      server.keepAliveTimeout = 2000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      return (server.address() as AddressInfo).port;
    }),
  );

  return {
    port: port!,
    httpPort: httpPort!,
    accounts,
    requests,
    acme,
    beta,
    server,
    intranet,
    gateway,
    tokenPage,
    reset() {
      accounts.reset();
      requests.clear();
      for (const s of sites) s.reset();
      gateway.reset();
      tokenPage.reset();
    },
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

type Target = { switches?: HostSwitches; handle: (...a: Parameters<JiraSite['handle']>) => Promise<void> };

/** What the front of a host answers (414, 429, 503, an HTML wall), else the host itself. */
async function answer(target: Target, req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
  const sw = target.switches;
  if (sw && (req.url ?? '').length > sw.maxUrlLength) {
    const page =
      '<!doctype html><html><head><title>414 Request-URI Too Long</title></head><body><h1>Request-URI Too Long</h1></body></html>';
    return send(res, 414, page, { 'content-type': 'text/html;charset=UTF-8' });
  }
  const retryAfter: Record<string, string> = sw?.retryAfterSeconds === null || !sw ? {} : { 'retry-after': String(sw.retryAfterSeconds) };
  if (sw && sw.rateLimitRemaining > 0) {
    sw.rateLimitRemaining--;
    return send(
      res,
      429,
      { errorMessages: ['Rate limit exceeded.'], errors: {} },
      {
        ...retryAfter,
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': new Date(Date.now() + (sw.retryAfterSeconds ?? 60) * 1000).toISOString(),
        'x-ratelimit-nearlimit': 'true',
        'ratelimit-reason': 'jira-burst-based',
      },
    );
  }
  if (sw && sw.unavailableRemaining > 0) {
    sw.unavailableRemaining--;
    const page =
      '<!doctype html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>Jira is down for maintenance.</p></body></html>';
    return send(res, 503, page, { ...retryAfter, 'content-type': 'text/html;charset=UTF-8' });
  }
  if (sw?.html && target instanceof JiraSite) {
    return send(res, 200, target.loginPage(), { 'content-type': 'text/html;charset=UTF-8' });
  }
  await target.handle(req, res, url, record);
}
