// Which site a connection goes to, in real Chromium with the e2e build against the fakes:
// Jira Cloud on a company domain (refused in the form with Jira Cloud checked, with no prompt and
// no request; refused after serverInfo with it unchecked, before any credential), the one way
// out that follows (the atlassian.net address), one canonical address for a site however it is
// typed, and a plain-http intranet Data Center after the form's explicit confirmation.
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_ADDRESS_ONLY, PLAIN_HTTP_WARNING, cloudBehindCompanyDomain } from '../../src/shared/connection-draft';
import { closeAfterTest, launchExtension, type ExtensionBrowser } from './support/browser';
import {
  ACME_COMPANY_DOMAIN_URL,
  ACME_URL,
  ADA,
  BOB,
  HOSTS,
  INTRANET_URL,
  SERVER_URL,
  basic,
  fakeRequest,
  startFakes,
  type Fakes,
} from './support/fakes';
import { OptionsPage, addServerConnection, storedConnections } from './support/options-page';

let fakes: Fakes;
let ext: ExtensionBrowser | undefined;

beforeAll(async () => {
  fakes = await startFakes();
});
afterEach(async () => {
  // Some tests start no browser: close each one once.
  const open = ext;
  ext = undefined;
  await closeAfterTest(open, fakes);
});
afterAll(() => fakes?.close());

/**
 * Records every permissions.request an extension page makes (its origins), before the page's own
 * scripts run, in `window.__permissionRequests`: a prompt the form asks for is a call here.
 */
function recordPermissionRequests(): void {
  type Request = (p: { origins?: string[] }, ...rest: unknown[]) => Promise<boolean>;
  const w = window as unknown as { __permissionRequests: string[][]; chrome?: { permissions?: { request: Request } } };
  w.__permissionRequests = [];
  const permissions = w.chrome?.permissions;
  if (!permissions) return;
  const request = permissions.request.bind(permissions);
  permissions.request = (p, ...rest) => {
    w.__permissionRequests.push(p.origins ?? []);
    return request(p, ...rest);
  };
}

async function launch(opts: { grantHosts?: string[]; http?: boolean } = {}): Promise<ExtensionBrowser> {
  ext = await launchExtension({
    port: fakes.port,
    ...(opts.http ? { httpPort: fakes.httpPort } : {}),
    ...(opts.grantHosts ? { grantHosts: opts.grantHosts } : {}),
  });
  await ext.context.addInitScript(recordPermissionRequests);
  return ext;
}

const permissionRequests = (options: OptionsPage) =>
  options.page.evaluate(() => (window as unknown as { __permissionRequests: string[][] }).__permissionRequests);

describe('the fakes of this file are as strict as the real sites', () => {
  it('the company domain answers serverInfo as Cloud with the atlassian.net base URL, and accepts no API token', async () => {
    const info = await fakeRequest(fakes.port, `${ACME_COMPANY_DOMAIN_URL}/rest/api/2/serverInfo`);
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({ deploymentType: 'Cloud', baseUrl: ACME_URL });
    const myself = await fakeRequest(fakes.port, `${ACME_COMPANY_DOMAIN_URL}/rest/api/3/myself`, {
      headers: { authorization: basic(ADA.email, ADA.classicToken) },
    });
    expect(myself.status).toBe(401);
    // The same token works at the atlassian.net address.
    const atSite = await fakeRequest(fakes.port, `${ACME_URL}/rest/api/3/myself`, {
      headers: { authorization: basic(ADA.email, ADA.classicToken) },
    });
    expect(atSite.status).toBe(200);
  });

  it('the intranet Data Center answers on plain http only, and names itself with http://', async () => {
    const info = await plainHttpGet(fakes.httpPort, `${INTRANET_URL}/rest/api/2/serverInfo`);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.text)).toMatchObject({ deploymentType: 'Server', baseUrl: INTRANET_URL });
    await expect(fakeRequest(fakes.port, `https://${HOSTS.intranet}/jira/rest/api/2/serverInfo`)).rejects.toThrow();
    // And the other hosts answer nothing on the plain port.
    await expect(plainHttpGet(fakes.httpPort, `http://${HOSTS.server}/jira/rest/api/2/serverInfo`)).rejects.toThrow();
  });
});

/** GET `url` over plain http from Node, sent to `port` as if DNS pointed its host there. */
function plainHttpGet(port: number, url: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: u.pathname + u.search, headers: { host: u.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Jira Cloud on a company domain', () => {
  it('Jira Cloud checked: the atlassian.net address, in the form, with no prompt and no request', async () => {
    await launch();
    const options = await OptionsPage.open(ext!);
    await options.startNewConnection();
    await options.fillCloud({ url: `${ACME_COMPANY_DOMAIN_URL}/browse/WEB-1`, username: ADA.email, token: ADA.classicToken });
    await options.next();
    expect(await options.alertText()).toBe(CLOUD_ADDRESS_ONLY);
    // The field at fault has the focus, Next is free again: nothing waits at "Testing connection…".
    await expect.poll(() => options.url().evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await options.url().getAttribute('aria-invalid')).toBe('true');
    expect(await options.nextButton().isEnabled()).toBe(true);
    expect(await options.testingStatus().count()).toBe(0);
    expect(await permissionRequests(options)).toEqual([]);
    expect(fakes.requests.all).toEqual([]);

    // The one way out: the atlassian.net address. The token never went anywhere else.
    await options.url().fill(ACME_URL);
    await options.next();
    await options.connectedAs(ADA.displayName);
    expect(fakes.requests.to(HOSTS.acmeCompanyDomain)).toEqual([]);
    expect(await permissionRequests(options)).toEqual([['https://acme.atlassian.net/*']]);
  });

  it('Jira Cloud unchecked: serverInfo says Cloud, so the atlassian.net address it names, before any credential is sent', async () => {
    // The browser already holds access to the company domain (headless Chromium cannot answer a prompt).
    await launch({ grantHosts: [`${ACME_COMPANY_DOMAIN_URL}/*`] });
    const options = await OptionsPage.open(ext!);
    await options.startNewConnection();
    await options.fillServer({ url: ACME_COMPANY_DOMAIN_URL, auth: 'Password', username: ADA.email, secret: ADA.classicToken });
    await options.next();
    const message = cloudBehindCompanyDomain(ACME_URL);
    expect(message).toContain(`: ${ACME_URL},`);
    expect(await options.alertText()).toBe(message);
    await expect.poll(() => options.url().evaluate((e) => e === document.activeElement)).toBe(true);
    const calls = fakes.requests.to(HOSTS.acmeCompanyDomain);
    expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /rest/api/2/serverInfo 200']);
    expect(calls.filter((r) => r.auth !== null)).toEqual([]);
    expect(fakes.requests.to(HOSTS.acme)).toEqual([]);

    // Following it leads forward: the address checks Jira Cloud by itself, the token connects.
    await options.url().fill(ACME_URL);
    expect(await options.jiraCloud().isChecked()).toBe(true);
    await options.apiToken().fill(ADA.classicToken);
    await options.next();
    await options.connectedAs(ADA.displayName);
    await options.finish('Acme');
    expect(await storedConnections(ext!)).toEqual([expect.objectContaining({ siteUrl: ACME_URL, deployment: 'cloud' })]);
  });
});

describe('one canonical site', () => {
  it('saves the base URL however the address was typed, and finds it again as a duplicate before any request', async () => {
    await launch();
    await addServerConnection(ext!, {
      url: 'JIRA.ACME-CORP.TEST/jira/browse/INFRA-1?focusedCommentId=1#c1',
      auth: 'Password',
      username: BOB.username,
      secret: BOB.password,
      name: 'Corp',
      displayName: BOB.displayName,
    });
    expect(await storedConnections(ext!)).toEqual([expect.objectContaining({ siteUrl: SERVER_URL })]);

    for (const typed of [
      `${SERVER_URL}/`,
      'https://jira.acme-corp.test:443/jira/secure/Dashboard.jspa',
      'HTTPS://Jira.Acme-Corp.Test./jira/projects/INFRA/issues/INFRA-1',
    ]) {
      const before = fakes.requests.all.length;
      const options = await OptionsPage.open(ext!);
      await options.startNewConnection();
      await options.fillServer({ url: typed, auth: 'Password', username: BOB.username.toUpperCase(), secret: BOB.password });
      await options.next();
      expect(await options.alertText(), typed).toMatch(/already connects/);
      expect(fakes.requests.all.slice(before), typed).toEqual([]);
      await options.page.close();
    }
    expect(await storedConnections(ext!)).toHaveLength(1);
  });
});

describe('plain-http intranet Data Center', () => {
  it('connects after the warning and the explicit confirmation, asking for that http origin only', async () => {
    await launch({ http: true, grantHosts: [`http://${HOSTS.intranet}/*`] });
    const options = await OptionsPage.open(ext!);
    await options.startNewConnection();
    await options.fillServer({ url: `${INTRANET_URL}/browse/INFRA-1`, auth: 'Password', username: BOB.username, secret: BOB.password });
    await options.page.getByText(PLAIN_HTTP_WARNING).waitFor();
    const confirmation = options.plainHttpConfirmation();
    expect(await confirmation.isChecked()).toBe(false);

    await options.next();
    expect(await options.alertText()).toMatch(/unencrypted/);
    await expect.poll(() => confirmation.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await permissionRequests(options)).toEqual([]);
    expect(fakes.requests.all).toEqual([]);

    await confirmation.check();
    await options.next();
    await options.connectedAs(BOB.displayName);
    await options.page.getByText('Intranet Jira').first().waitFor();
    // No "Jira gives another address" warning: the site names itself with http:// too.
    expect(await options.page.getByText('Jira gives its own address').count()).toBe(0);
    await options.finish('Intranet');
    expect(await storedConnections(ext!)).toEqual([
      expect.objectContaining({ siteUrl: INTRANET_URL, deployment: 'server', authMethod: 'password', username: BOB.username }),
    ]);
    expect(await permissionRequests(options)).toEqual([[`http://${HOSTS.intranet}/*`]]);
    // Over plain http (the intranet host answers nothing on https), without the browser's cookies.
    const myself = fakes.requests.to(HOSTS.intranet, '/jira/rest/api/2/myself');
    expect(myself.map((r) => r.status)).toContain(200);
    expect(myself.every((r) => r.auth?.scheme === 'Basic' && !r.hasCookie)).toBe(true);
  });
});
