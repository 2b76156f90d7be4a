// Every refusal blames the right thing, through the real built extension in Chromium against
// fakes as strict as Jira: a login Data Center refused to check, a scope a token lacks, Jira's
// reasons in every body shape, a rejected token behind a fresh cache, user text that stays text,
// and credentials only to granted hosts (docs/jira-api.md#failed-logins, #scoped-tokens,
// #error-bodies, #jql-text-search; docs/browsers.md#host-permissions).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TAG } from '../../src/shared/protocol';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ACME_CLOUD_ID, ADA, BOB, HOSTS, SERVER_URL, startFakes, type Fakes } from './support/fakes';
import { OptionsPage, storedConnections } from './support/options-page';
import { ACME, ASSIGNED_JQL, SERVER, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
const { inExtensionPage, seed, searches } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => resetBetweenTests(ext, fakes));
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

/** Bob's Data Center connection signing in with his password (Basic). */
const DC_PASSWORD = { ...SERVER, id: 'c-dc-pw', authMethod: 'password' };
/** Ada's scoped token on acme, through the gateway. */
const SCOPED = { ...ACME, id: 'c-scoped', name: 'Acme scoped', scoped: true, cloudId: ACME_CLOUD_ID };
const GATEWAY_SEARCH = `/ex/jira/${ACME_CLOUD_ID}/rest/api/3/search/jql`;

const alertText = async (page: Page) => (await page.getByRole('alert').allInnerTexts()).join('\n');
const statusOf = async (id: string) => (await storedConnections(ext)).find((c) => c.id === id)?.status.state;

/** A request to the background from an extension page, as the options page makes it. */
function sendToBackground(name: string, payload: object): Promise<unknown> {
  return inExtensionPage((page) =>
    page.evaluate(
      ([tag, n, p]) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          tag,
          name: n,
          payload: p,
        }),
      [MESSAGE_TAG, name, payload] as const,
    ),
  );
}

describe('a login Data Center refused to check (AUTHENTICATION_DENIED without CAPTCHA)', () => {
  it('the popup says so with the login link, never "wrong password", stops asking, and Try again recovers', async () => {
    fakes.server.denyLogins(BOB.username);
    await seed([DC_PASSWORD], { secrets: { [DC_PASSWORD.id]: BOB.password } });
    const popup = await ext.openPopup();
    await expect.poll(() => alertText(popup)).toMatch(/Jira refused to check the sign-in/);
    expect(await alertText(popup)).not.toMatch(/username or password|rejected/i);
    const login = popup.getByRole('alert').getByRole('link', { name: 'Log in to Jira' });
    expect(await login.getAttribute('href')).toBe(`${SERVER_URL}/login.jsp`);
    expect(await statusOf(DC_PASSWORD.id)).toBe('captcha');

    // Repeating a refused login locks accounts: opening the popup again asks nothing.
    const before = fakes.requests.to(HOSTS.server).length;
    const again = await ext.openPopup();
    await expect.poll(() => alertText(again)).toMatch(/refused to check the sign-in/);
    await again.waitForTimeout(300);
    expect(fakes.requests.to(HOSTS.server)).toHaveLength(before);

    // Unblocked (the user signed in on the web page): Try again lists the issues.
    fakes.server.allowLogins();
    await again.getByRole('button', { name: 'Try again' }).click();
    await option(again, 'INFRA-1').waitFor();
    expect(await statusOf(DC_PASSWORD.id)).toBe('ok');
  });

  it('the connection form says so with the login link, not "wrong username or password"', async () => {
    fakes.server.denyLogins(BOB.username);
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillServer({ url: SERVER_URL, auth: 'Password', username: BOB.username, secret: BOB.password });
    await options.next();
    const text = await options.alertText();
    expect(text).toMatch(/Jira refused to check the sign-in/);
    expect(text).not.toMatch(/username or password/i);
    const login = options.alert().getByRole('link', { name: 'Log in to Jira once in the browser' });
    expect(await login.getAttribute('href')).toBe(`${SERVER_URL}/login.jsp`);
  });
});

describe("a scoped token without a scope (the gateway's 401 “scope does not match”)", () => {
  it('names the scope, offers a token with it, leaves the connection OK and the other lists asking', async () => {
    fakes.accounts.setScopes(ADA.scopedToken, ['read:jira-user']);
    await seed([SCOPED], { secrets: { [SCOPED.id]: ADA.scopedToken } });
    const popup = await ext.openPopup();
    await expect.poll(() => alertText(popup)).toContain('read:jira-work');
    expect(await alertText(popup)).not.toMatch(/rejected|expired|revoked/i);
    expect(await popup.getByRole('button', { name: 'Renew token' }).count()).toBe(0);
    expect(await statusOf(SCOPED.id)).toBe('ok');

    // Not marked rejected: another list still asks Jira (and hears the same).
    const asked = fakes.requests.to(HOSTS.gateway, GATEWAY_SEARCH).length;
    expect(asked).toBeGreaterThan(0);
    await popup.getByRole('tab', { name: 'Reported by me', exact: true }).click();
    await expect.poll(() => fakes.requests.to(HOSTS.gateway, GATEWAY_SEARCH).length).toBeGreaterThan(asked);
    await expect.poll(() => alertText(popup)).toContain('read:jira-work');
    expect(await statusOf(SCOPED.id)).toBe('ok');

    // The way out is the renewal: Atlassian's token page, the new token captured into this connection.
    const options = await ext.newTabFrom(ext.url('src/options/index.html'), () =>
      popup.getByRole('button', { name: 'Create a token with read:jira-work' }).click(),
    );
    await options.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
  });

  it('the connection form names the scope /myself needs, not "token rejected"', async () => {
    fakes.accounts.setScopes(ADA.scopedToken, ['read:jira-work']);
    const options = await OptionsPage.open(ext);
    await options.startNewConnection();
    await options.fillCloud({ token: ADA.scopedToken });
    await options.next();
    const text = await options.alertText();
    expect(text).toContain('read:jira-user');
    expect(text).not.toMatch(/rejected/i);
  });
});

describe("Jira's reasons, whatever body carries them", () => {
  it.each([
    ['warningMessages', { errorMessages: [], errors: {}, warningMessages: ["The value 'NOPE' does not exist for the field 'project'."] }],
    ["Cloud's {message}", { message: "The value 'NOPE' does not exist for the field 'project'.", 'status-code': 400 }],
  ])('a 400 with its reason only in %s shows that reason, not "HTTP 400"', async (_name, body) => {
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('checkbox', { name: 'JQL' }).check();
    fakes.acme.switches.refuseReads(400, body);
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await box.fill('project = NOPE');
    await box.press('Enter');
    await expect.poll(() => alertText(popup)).toContain("The value 'NOPE' does not exist for the field 'project'.");
    expect(await alertText(popup)).not.toMatch(/HTTP 400/);
  });
});

describe('a rejected token is never hidden behind cached data', () => {
  it('within the refresh window, every opening shows Renew token over the cached list, asking Jira nothing', async () => {
    await seed();
    const first = await ext.openPopup();
    await option(first, 'WEB-1').waitFor();
    await first.close();
    // The token dies; the background learns it from its badge poll, not from the popup.
    fakes.accounts.revoke(ADA.classicToken);
    await sendToBackground('settings.update', { settings: { badgeEnabled: true, badgeIntervalMinutes: 5 } });
    await expect.poll(() => statusOf(ACME.id)).toBe('token-rejected');

    const asked = searches().length;
    for (let opening = 0; opening < 2; opening++) {
      const popup = await ext.openPopup();
      await popup.getByRole('alert').getByRole('button', { name: 'Renew token' }).waitFor();
      // Cloud: a refused token, whatever X-Seraph-LoginReason says (the fake sends AUTHENTICATION_DENIED).
      expect(await alertText(popup)).toMatch(/rejected the API token/);
      await option(popup, 'WEB-1').waitFor(); // the cached list stays under the warning
      await popup.close();
    }
    expect(searches()).toHaveLength(asked);
  });

  it('Data Center: Re-authenticate over a fresh cached list', async () => {
    await seed([SERVER]);
    const first = await ext.openPopup();
    await option(first, 'INFRA-1').waitFor();
    await first.close();
    // As the background records it after a refused call (connection-status.ts).
    const [stored] = await storedConnections(ext);
    const rejected = {
      ...stored!,
      status: { state: 'token-rejected', checkedAt: Date.now(), message: 'Jira rejected the personal access token.' },
    };
    await inExtensionPage((page) =>
      page.evaluate(
        (c) =>
          (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
            connections: [c],
          }),
        rejected,
      ),
    );
    const popup = await ext.openPopup();
    await popup.getByRole('alert').getByRole('button', { name: 'Re-authenticate' }).waitFor();
    await option(popup, 'INFRA-1').waitFor();
  });
});

describe('user text in text search stays text', () => {
  it("searches Lucene's operator words and characters as words, quoted and escaped", async () => {
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await box.fill('login OR crash');
    await expect
      .poll(() => searches().map((r) => r.query.jql))
      .toContain('text ~ "login or crash" OR text ~ "login or crash*" ORDER BY updated DESC');
    await box.fill('NOT "done" && (x)');
    await expect
      .poll(() => searches().map((r) => r.query.jql))
      .toContain('text ~ "not \\\\\\"done\\\\\\" \\\\&\\\\& \\\\(x\\\\)" ORDER BY updated DESC');
    // No query sent to Jira ever applied an operator the user typed.
    for (const r of searches()) expect(r.query.jql === ASSIGNED_JQL || !/ (OR|AND|NOT) (crash|"|\\)/.test(r.query.jql ?? '')).toBe(true);
  });
});

describe('credentials only to granted hosts', () => {
  it('a site whose host permission is not held gets Grant access, and not one request (not even a preflight)', async () => {
    // A Data Center connection on a host the extension holds no permission for (the build grants
    // only the fake Data Center's own host); the fakes answer on this host too.
    const site = `https://${HOSTS.acmeCompanyDomain}`;
    await seed([{ ...SERVER, id: 'c-ungranted', siteUrl: site, name: 'Ungranted' }]);
    const popup = await ext.openPopup();
    await popup.getByRole('alert').getByRole('button', { name: 'Grant access' }).waitFor();
    expect(await statusOf('c-ungranted')).toBe('no-site-access');
    await popup.waitForTimeout(300);
    expect(fakes.requests.to(HOSTS.acmeCompanyDomain)).toEqual([]);
  });
});
