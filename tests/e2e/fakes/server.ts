// One HTTPS server on 127.0.0.1 for every fake host. Chromium's --host-resolver-rules send
// all the real names to its port; the Host header picks the persona.
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Accounts } from './accounts';
import { RequestLog, send, sleep, type RecordedRequest } from './http';
import { JiraGateway, JiraSite, type HostSwitches } from './jira';
import { ACME_CLOUD_ID, BETA_CLOUD_ID, BOB, HOSTS, buildAcmeData, buildBetaData, buildServerData } from './seed';
import { createSelfSignedCert } from './tls';
import { TokenPage } from './token-page';

export interface FakeServers {
  port: number;
  accounts: Accounts;
  requests: RequestLog;
  acme: JiraSite;
  beta: JiraSite;
  server: JiraSite;
  gateway: JiraGateway;
  tokenPage: TokenPage;
  /** Back to the seed: data, tokens, switches, request log. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts every fake host on one local HTTPS port (a self-signed certificate). */
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
  const sites = [acme, beta, server];
  const gateway = new JiraGateway(() => sites);
  const tokenPage = new TokenPage(accounts);

  const byHost = new Map<string, Target>([
    [HOSTS.acme, acme],
    [HOSTS.beta, beta],
    [HOSTS.server, server],
    [HOSTS.gateway, gateway],
    [HOSTS.id, tokenPage],
  ]);

  const { key, cert } = createSelfSignedCert();
  const httpsServer = https.createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'unknown'}`);
    const record: RecordedRequest = requests.record(req, url, host);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const target = byHost.get(host);
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
  });
  // Chromium keeps connections alive; don't let idle sockets hold close() up.
  httpsServer.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    httpsServer.once('error', reject);
    httpsServer.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (httpsServer.address() as AddressInfo).port;

  return {
    port,
    accounts,
    requests,
    acme,
    beta,
    server,
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
      new Promise<void>((resolve) => {
        httpsServer.closeAllConnections();
        httpsServer.close(() => resolve());
      }),
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
