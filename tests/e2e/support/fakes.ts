// Starts every fake service the e2e tests need, on ONE local HTTPS port (`fakes.port`):
//   acme.atlassian.net, beta.atlassian.net   Jira Cloud sites (fakes/site.ts, REST in fakes/routes-*.ts)
//   api.atlassian.com                        the gateway for scoped tokens (fakes/gateway.ts)
//   jira.acme-corp.test/jira                 Jira Data Center under a context path
//   id.atlassian.com                         the API tokens page (fakes/token-page.ts)
//   jira.acme-corp.example                   a company domain in front of acme (fakes/company-domain.ts)
// and one plain HTTP port (`fakes.httpPort`):
//   jira.intranet.test/jira                  an http-only Data Center (Bob's data again)
//
//   const fakes = await startFakes();            // in beforeAll (openssl + listen: ~100 ms)
//   afterEach(() => fakes.reset());              // data, tokens, switches, request log
//   afterAll(() => fakes.close());
//
// Controls a test uses:
//   fakes.acme.switches.answerHtml() / .rateLimitNext(n) / .stop() / .resume()
//   fakes.acme.switches.loseAnswerAfterWrite(n) / .refuseWrites(status, body) / .slowNext(ms)
//   fakes.acme.switches.refuseReads(status, body, rest?)       (Jira's error bodies on a read)
//   fakes.server.forceCaptcha('bob') / .clearCaptcha() / .denyLogins('bob') / .allowLogins()
//   fakes.acme.publicAvatars = true                            (avatars on Atlassian's avatar host)
//   fakes.accounts.revoke(token) / .revokeAll(email)          ("the token is now rejected")
//   fakes.accounts.setScopes(token, ['read:jira-work'])        (a scoped token lacking a scope)
//   fakes.intranet (http-only DC; launchExtension({ httpPort: fakes.httpPort }) to reach it)
//   fakes.tokenPage.configure({ shape: 'b', account: GRACE.email })
//   fakes.tokenPage.lastToken                                  (compare, never print)
//   fakes.requests.to(HOSTS.acme, '/rest/api/3/myself')        (RecordedRequest[]: auth scheme
//     and user, hasCookie, origin, query, parsed body of writes, status; never a secret)
// Seed: see fakes/seed-sites.ts; RICH names the issues with rich content (WEB-2, INFRA-1).
import { request as httpsRequest } from 'node:https';
import { HOSTS } from '../fakes/seed';
import { startFakeServers, type FakeServers } from '../fakes/server';

export * from '../fakes/seed';
export type { RecordedRequest } from '../fakes/http';
export type { FakeServers as Fakes } from '../fakes/server';

export async function startFakes(): Promise<FakeServers> {
  return startFakeServers();
}

/**
 * Chromium --host-resolver-rules sending the fakes' HTTPS host names to `port`, the intranet
 * host to `httpPort` (when given; else it does not resolve), and everything else nowhere (no
 * test may reach the real internet). A MAP rule replaces the port too, so
 * http://jira.intranet.test (port 80) reaches the plain HTTP listener.
 */
export function hostResolverRules(port: number, httpPort?: number): string {
  const hosts = ['id.atlassian.com', '*.atlassian.net', 'api.atlassian.com', HOSTS.server, HOSTS.acmeCompanyDomain];
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`);
  if (httpPort !== undefined) rules.push(`MAP ${HOSTS.intranet} 127.0.0.1:${httpPort}`);
  return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = unknown>(): T;
}

/**
 * Calls a fake from Node as if DNS pointed the URL's host at it (like curl --resolve):
 * for tests of the fakes themselves and for seeding state. No browser User-Agent unless
 * given, so the XSRF rule does not apply unless a test asks for it.
 */
export function fakeRequest(
  port: number,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<FakeResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        servername: u.hostname,
        method: init.method ?? 'GET',
        path: u.pathname + u.search,
        headers: { host: u.hostname, ...(init.headers ?? {}) },
        rejectUnauthorized: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        // A cut answer (the body never completes) is a failed request, as for a browser.
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('the answer was cut')));
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** `Authorization: Basic base64(user:secret)`. */
export function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}
