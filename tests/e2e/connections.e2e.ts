// Connections: the options page's New Jira Connection flow against the fake
// Jira Cloud, gateway and Data Center, in real Chromium with the e2e build.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeAfterTest, launchExtension, type ExtensionBrowser } from './support/browser';
import { ACME_CLOUD_ID, ACME_URL, ADA, BETA_URL, BOB, HOSTS, SERVER_URL, TOKEN_PAGE_URL, startFakes, type Fakes } from './support/fakes';
import { OptionsPage, addCloudConnection, storedConnections } from './support/options-page';
import { commentDraftKey } from '../../src/shared/comment-draft-keys';

let fakes: Fakes;
let ext: ExtensionBrowser;

beforeAll(async () => {
  fakes = await startFakes();
});
beforeEach(async () => {
  ext = await launchExtension({ port: fakes.port });
  // A logged-in Jira session in the browser: the extension must not send it (credentials: "omit").
  await ext.context.addCookies(
    [HOSTS.acme, HOSTS.beta, HOSTS.server].map((domain) => ({
      name: 'JSESSIONID',
      value: 'browser-session',
      domain,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax' as const,
    })),
  );
});
afterEach(() => closeAfterTest(ext, fakes));
afterAll(() => fakes?.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const jiraCalls = () => fakes.requests.all.filter((r) => r.host !== HOSTS.id);
/** REST calls (what carries credentials); avatars are plain <img> loads. */
const apiCalls = (host?: string) =>
  jiraCalls().filter((r) => (host === undefined || r.host === host) && (r.path.includes('/rest/') || r.path.startsWith('/_edge/')));

async function expectNothingSaved(): Promise<void> {
  expect(await storedConnections(ext)).toEqual([]);
  const { secrets } = await ext.readStorage('local', ['secrets']);
  expect(Object.keys((secrets as object | undefined) ?? {})).toEqual([]);
}

describe('New Jira Connection', () => {
  it('connects Jira Cloud with an API token, end to end', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
    await options.next();
    await options.connectedAs('Ada Lovelace');
    await options.page.getByText('Acme Jira').first().waitFor();
    const name = await options.finish('Acme');
    await options.connection(name).getByText('OK', { exact: true }).waitFor();

    const [saved, ...others] = await storedConnections(ext);
    expect(others).toEqual([]);
    expect(saved).toMatchObject({
      name: 'Acme',
      siteUrl: ACME_URL,
      deployment: 'cloud',
      authMethod: 'cloud-token',
      username: ADA.email,
      scoped: false,
      siteTitle: 'Acme Jira',
    });
    expect(saved!.user).toMatchObject({ accountId: ADA.accountId, displayName: 'Ada Lovelace' });

    const calls = jiraCalls();
    expect(calls.map((r) => `${r.method} ${r.host}${r.path}`)).toEqual(
      expect.arrayContaining([`GET ${HOSTS.acme}/rest/api/3/serverInfo`, `GET ${HOSTS.acme}/rest/api/3/myself`]),
    );
    expect(calls.filter((r) => r.path === '/rest/api/3/myself').every((r) => r.auth?.scheme === 'Basic' && r.auth.user === ADA.email)).toBe(
      true,
    );
    expect(
      apiCalls().filter((r) => r.hasCookie),
      'API requests that carried browser cookies',
    ).toEqual([]);
    expect(calls.filter((r) => /\/rest\/api\/[23]\/search$/.test(r.path))).toEqual([]);

    // The secret stays in the background: not on any extension page, not in the connection list.
    expect((await ext.extensionPagesText()).includes(ADA.classicToken), 'the token shows on an extension page').toBe(false);
    await (await ext.openPopup()).waitForLoadState('load');
    await options.page.reload();
    await options.connection('Acme').waitFor();
    expect((await ext.extensionPagesText()).includes(ADA.classicToken), 'the token shows on an extension page').toBe(false);
    expect(JSON.stringify(await storedConnections(ext)).includes(ADA.classicToken), 'the token is in the connection list').toBe(false);
  });

  it('connects Jira Data Center under /jira with username and password', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillServer({ url: `${SERVER_URL}/`, auth: 'Password', username: BOB.username, secret: BOB.password });
    await options.next();
    await options.connectedAs('Bob Builder');
    await options.page.getByText('Acme Corp Jira').first().waitFor();
    await options.finish('Corp');

    expect(await storedConnections(ext)).toEqual([
      expect.objectContaining({ siteUrl: SERVER_URL, deployment: 'server', authMethod: 'password', username: BOB.username, scoped: false }),
    ]);
    const calls = fakes.requests.to(HOSTS.server);
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /jira/rest/api/2/serverInfo', 'GET /jira/rest/api/2/myself']),
    );
    expect(calls.filter((r) => r.path.includes('/rest/api/3/'))).toEqual([]);
    expect(calls.find((r) => r.path === '/jira/rest/api/2/myself')?.auth).toEqual({ scheme: 'Basic', user: BOB.username });
    expect(apiCalls(HOSTS.server).filter((r) => r.hasCookie)).toEqual([]);
  });

  it('connects Jira Data Center with a personal access token (Bearer)', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillServer({ url: SERVER_URL, auth: 'Personal access token', secret: BOB.pat });
    await options.next();
    await options.connectedAs('Bob Builder');
    await options.finish('Corp PAT');

    expect(await storedConnections(ext)).toEqual([
      expect.objectContaining({ siteUrl: SERVER_URL, deployment: 'server', authMethod: 'pat' }),
    ]);
    const myself = fakes.requests.to(HOSTS.server, '/jira/rest/api/2/myself');
    expect(myself.length).toBeGreaterThan(0);
    expect(myself.every((r) => r.auth?.scheme === 'Bearer')).toBe(true);
    expect((await ext.extensionPagesText()).includes(BOB.pat), 'the PAT shows on an extension page').toBe(false);
  });

  it('shows a wrong token in an alert and saves nothing', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.revokedToken });
    await options.next();
    const text = await options.alertText();
    expect(text.trim()).not.toBe('');
    expect(text.includes(ADA.revokedToken), 'the alert repeats the token').toBe(false);
    expect(await options.page.getByText('Connected as').count()).toBe(0);
    expect(fakes.requests.to(HOSTS.acme, '/rest/api/3/myself').map((r) => r.status)).toContain(401);
    await expectNothingSaved();
  });

  it('shows an alert when the site answers an HTML page instead of Jira', async () => {
    fakes.acme.switches.answerHtml();
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
    await options.next();
    expect((await options.alertText()).trim()).not.toBe('');
    await expectNothingSaved();
  });

  it('refuses an ftp:// URL before calling anything', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: 'ftp://acme.atlassian.net', username: ADA.email, token: ADA.classicToken });
    await options.next();
    expect((await options.alertText()).trim()).not.toBe('');
    expect(jiraCalls()).toEqual([]);
    await expectNothingSaved();
  });

  it('saves a scoped token as scoped and calls Jira through api.atlassian.com/ex/jira/{cloudId}', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.scopedToken });
    await options.next();
    await options.connectedAs('Ada Lovelace');
    await options.finish('Acme scoped');

    expect(await storedConnections(ext)).toEqual([expect.objectContaining({ siteUrl: ACME_URL, scoped: true, cloudId: ACME_CLOUD_ID })]);
    expect(fakes.requests.to(HOSTS.acme, '/_edge/tenant_info').length).toBeGreaterThan(0);
    const viaGateway = fakes.requests.to(HOSTS.gateway, `/ex/jira/${ACME_CLOUD_ID}/rest/api/3/myself`);
    expect(viaGateway.map((r) => r.status)).toContain(200);
    expect(viaGateway.every((r) => r.auth?.scheme === 'Basic' && r.auth.user === ADA.email && !r.hasCookie)).toBe(true);
  });

  it('refuses a duplicate connection', async () => {
    await addCloudConnection(ext, { name: 'Acme' });
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: `${ACME_URL}/`, username: ADA.email.toUpperCase(), token: ADA.classicToken });
    await options.next();
    // The duplicate may be caught at Next or at Finish; either way an alert and one connection.
    const alertOrConnected = options.alert().or(options.page.getByText('Connected as Ada Lovelace'));
    await alertOrConnected.first().waitFor();
    if (!(await options.alert().count())) await options.finishButton().click();
    expect((await options.alertText()).trim()).not.toBe('');
    expect(await storedConnections(ext)).toHaveLength(1);
  });

  it('finds both connections listed after restarting the browser, and keeps the default', async () => {
    await addCloudConnection(ext, { url: ACME_URL, name: 'Acme' });
    const { options } = await addCloudConnection(ext, { url: BETA_URL, name: 'Beta', keepOpen: true });
    await options.connectionButton('Beta', 'Make default').click();
    const betaId = (await storedConnections(ext)).find((c) => c.name === 'Beta')!.id;
    await expect.poll(async () => (await ext.readStorage('local', ['defaultConnectionId'])).defaultConnectionId).toBe(betaId);

    await ext.restart();
    const after = await OptionsPage.open(ext);
    await after.connection('Acme').waitFor();
    await after.connection('Beta').waitFor();
    expect((await storedConnections(ext)).map((c) => c.siteUrl).sort()).toEqual([ACME_URL, BETA_URL]);
    expect((await ext.readStorage('local', ['defaultConnectionId'])).defaultConnectionId).toBe(betaId);
  });

  it('finishes after the service worker was stopped between Next and Finish', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
    await options.next();
    await options.connectedAs('Ada Lovelace');
    await ext.stopServiceWorker();
    await options.finish('Acme');
    expect(await storedConnections(ext)).toEqual([expect.objectContaining({ name: 'Acme', siteUrl: ACME_URL })]);
  });

  it('warns when the token expires soon', async () => {
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
    await options.next();
    await options.connectedAs('Ada Lovelace');
    await options.finish('Acme', inDays(10));
    await options.connection('Acme').getByText('Token expires in 10 days').waitFor();
    expect(await storedConnections(ext)).toEqual([expect.objectContaining({ tokenExpiresOn: inDays(10) })]);
  });

  it('deletes a connection after confirmation and reminds to revoke the token', async () => {
    const { options } = await addCloudConnection(ext, { name: 'Acme', keepOpen: true });
    // Comments being typed in the popup (the extension origin's localStorage): this connection's
    // drafts go with it; a draft of an id that merely starts with this one stays.
    const [acme] = await storedConnections(ext);
    const mine = commentDraftKey(acme!.id, 'WEB-1');
    const other = commentDraftKey(`${acme!.id}0`, 'WEB-1');
    await options.page.evaluate(
      (keys) => {
        for (const k of keys) localStorage.setItem(k, 'a comment being typed');
      },
      [mine, other],
    );
    await options.connectionButton('Acme', 'Delete').click();
    const dialog = options.page.getByRole('dialog');
    await dialog.waitFor();
    // The reminder may sit in the dialog or appear after deleting.
    const reminder = options.page.getByRole('link', { name: 'revoke the token' });
    const hrefBefore = (await reminder.count()) ? await reminder.first().getAttribute('href') : null;
    await dialog.getByRole('button', { name: 'Delete connection', exact: true }).click();
    await options.connection('Acme').waitFor({ state: 'detached' });
    const href = hrefBefore ?? (await reminder.first().getAttribute('href'));
    expect(href).toMatch(new RegExp(`^${TOKEN_PAGE_URL.replace(/[.?]/g, '\\$&')}`));
    await expectNothingSaved();
    const drafts = await options.page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), [mine, other]);
    expect(drafts).toEqual([null, 'a comment being typed']);
  });
});
