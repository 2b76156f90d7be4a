// "Grant access" for a self-hosted Jira, end to end in real Firefox ESR with the SHIPPED build
// (dist/firefox). The manifest holds no host permission for jira.acme-corp.test (only the
// optional https://*/*), so every grant here goes through permissions.request from a real click.
//
//   npm run build:firefox && npm run test:firefox
//
// Firefox normally answers permissions.request with a doorhanger that headless automation
// cannot click. This browser runs with `extensions.webextOptionalPermissionPrompts` = false:
// Firefox's parent-side permissions.request (toolkit/components/extensions/parent/
// ext-permissions.js) then skips the prompt and adds the permission. It changes WHO answers,
// not what the extension does: the schema's `requireUserInput` still refuses a request made
// outside a user gesture, so the clicks below must be real input (puppeteer's click over
// WebDriver BiDi), and the call sites are the shipped ones.
//
// Not tested here: a user who DENIES. With the pref on (Firefox's default), the doorhanger
// appears and nothing headless can answer it: permissions.request never settles (checked: the
// form then waits on "Testing connection…"). The deny branches are for unit tests with a mocked
// permissions.request resolving false (the form's is in src/options/connection-form/ConnectionForm.test.tsx).
//
// The popup runs here as a tab; Firefox's real toolbar panel is not reproduced.
//
// One browser for the file; the tests build on each other (connection -> popup -> card -> an
// issue read and changed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BOB, HOSTS, RICH, SERVER_URL, startFakes, type Fakes, type RecordedRequest } from '../e2e/support/fakes';
import { FIREFOX_DIST, launchFirefox, poll, type FirefoxExtension } from './support/firefox';
import { addComment, alerts, aria, bodyText, changeStatus, openIssue, textField, waitForText as waitForTextOn } from './support/popup';

/** What the extension asks for: match patterns carry no port or path. */
const SERVER_PATTERN = `https://${HOSTS.server}/*`;
/** The same Data Center on a non-default port (Firefox maps :8443 to the fakes too, below). */
const SERVER_URL_8443 = `https://${HOSTS.server}:8443/jira`;
const CONNECTION_NAME = 'Acme Corp DC';

let fakes: Fakes;
let ff: FirefoxExtension;

beforeAll(async () => {
  fakes = await startFakes();
  ff = await launchFirefox({
    port: fakes.port,
    extraPrefs: {
      // permissions.request grants without the doorhanger (see the top of this file).
      'extensions.webextOptionalPermissionPrompts': false,
      // Replaces the default "443=<port>": ';' separates Firefox's from=to pairs.
      'network.socket.forcePort': `443=${fakes.port};8443=${fakes.port}`,
    },
  });
});
afterAll(async () => {
  await ff?.close();
  await fakes?.close();
});

const waitForText = (page: Page, text: string, timeoutMs = 10_000) => waitForTextOn(ff, page, text, timeoutMs);

type PermissionsApi = { permissions: { contains(p: object): Promise<boolean>; remove(p: object): Promise<boolean> } };
/** permissions.contains, evaluated in an open extension page. */
const holdsServerAccess = (page: Page) =>
  page.evaluate(
    (origin) => (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.contains({ origins: [origin] }),
    SERVER_PATTERN,
  );
/** What the user does in about:addons (Permissions tab): the same ExtensionPermissions.remove. */
const removeServerAccess = (page: Page) =>
  page.evaluate(
    (origin) => (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.remove({ origins: [origin] }),
    SERVER_PATTERN,
  );

/** Requests to the fake Data Center after `since` (an index into its request log). */
const serverRequestsSince = (since: number): RecordedRequest[] => fakes.requests.to(HOSTS.server).slice(since);
const serverLogLength = () => fakes.requests.to(HOSTS.server).length;
const describeRequests = (rs: RecordedRequest[]) => rs.map((r) => `${r.method} ${r.path} ${r.auth?.scheme ?? '-'} ${r.status}`);

const issueRows = (popup: Page) =>
  popup
    .$$eval('[role="listbox"] [role="option"]', (els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()))
    .catch(() => [] as string[]);

/** The card (article) of a saved connection, by its heading. */
const cardText = (page: Page, name: string) =>
  page.evaluate((n) => {
    const card = [...document.querySelectorAll('article')].find((a) => a.querySelector('h3')?.firstChild?.textContent?.trim() === n);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a user sees (innerText skips hidden text and breaks lines between blocks)
    return card ? (card as HTMLElement).innerText : undefined;
  }, name);

describe('Grant access to a self-hosted Jira in Firefox (dist/firefox, prompts answered by the pref)', () => {
  it('ships without access to the Data Center host', async () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as {
      host_permissions?: string[];
      optional_host_permissions?: string[];
    };
    expect(manifest.host_permissions ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining(HOSTS.server)]));
    expect(manifest.host_permissions ?? []).not.toContain('<all_urls>');
    expect(manifest.host_permissions ?? []).not.toContain('https://*/*');
    expect(manifest.optional_host_permissions).toContain('https://*/*');
    const page = await ff.openExtensionPage('src/options/index.html');
    expect(await holdsServerAccess(page)).toBe(false);
    // The pref only removes the prompt: a request without a user gesture is still refused, so
    // the grants below come from the real clicks.
    const refused = await page.evaluate(
      (origin) =>
        (globalThis as unknown as { browser: { permissions: { request(p: object): Promise<boolean> } } }).browser.permissions
          .request({ origins: [origin] })
          .then(
            (granted) => `resolved ${granted}`,
            (e: Error) => e.message,
          ),
      SERVER_PATTERN,
    );
    expect(refused).toMatch(/user input handler/);
    expect(await holdsServerAccess(page)).toBe(false);
    await page.close();
  });

  it('asks for site access from the options form, then tests and saves the connection', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    await page.locator(aria('URL', 'textbox')).fill(SERVER_URL);
    // Not an atlassian.net host: the form leaves "Jira Cloud" unticked.
    const cloud = await page.locator(aria('Jira Cloud', 'checkbox')).waitHandle();
    await poll('"Jira Cloud" unticked', async () => ((await cloud.evaluate((e) => (e as HTMLInputElement).checked)) ? undefined : true));
    await page.locator(aria('Personal access token', 'radio')).click();
    await (await textField(page, 'Personal access token')).type(BOB.pat);
    expect(await holdsServerAccess(page)).toBe(false);

    const before = serverLogLength();
    await page.locator(aria('Next', 'button')).click();
    await waitForText(page, `Connected as ${BOB.displayName}`);
    expect(await holdsServerAccess(page), 'the click granted the origin (no prompt with the pref off)').toBe(true);
    const myself = serverRequestsSince(before).filter((r) => r.path === '/jira/rest/api/2/myself');
    expect(myself.length).toBeGreaterThan(0);
    expect(
      myself.every((r) => r.auth?.scheme === 'Bearer' && r.status === 200),
      describeRequests(myself).join('; '),
    ).toBe(true);

    await page.locator(aria('Connection name', 'textbox')).fill(CONNECTION_NAME);
    await page.locator(aria('Finish', 'button')).click();
    await poll(`"${CONNECTION_NAME}" in the connection list`, async () => ((await cardText(page, CONNECTION_NAME)) ? true : undefined));

    const { connections } = await ff.readStorage(page, 'local', ['connections']);
    expect(connections).toEqual([
      expect.objectContaining({ name: CONNECTION_NAME, siteUrl: SERVER_URL, deployment: 'server', authMethod: 'pat' }),
    ]);
    expect(await holdsServerAccess(page)).toBe(true);
    expect((await page.content()).includes(BOB.pat)).toBe(false);
    await page.close();
  });

  it('popup: after the access is removed, "Grant access" asks again and the issues load', async () => {
    const helper = await ff.openExtensionPage('src/options/index.html');
    expect(await removeServerAccess(helper)).toBe(true);
    expect(await holdsServerAccess(helper)).toBe(false);
    await helper.close();

    const before = serverLogLength();
    // First opening of the popup in this profile: no cached list to paint.
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await waitForText(popup, 'does not have access to this Jira site');
    const grant = await popup.locator(aria('Grant access', 'button')).waitHandle();
    expect(await issueRows(popup)).toEqual([]);
    // Without the permission no authenticated request reached Jira.
    const withoutAccess = serverRequestsSince(before);
    expect(
      withoutAccess.filter((r) => r.auth || r.status === 200),
      describeRequests(withoutAccess).join('; '),
    ).toEqual([]);

    const beforeGrant = serverLogLength();
    await grant.click();
    const keys = await poll(
      'issue rows after "Grant access"',
      async () => {
        const rows = await issueRows(popup);
        return rows.length ? rows : undefined;
      },
      10_000,
    ).catch(async (e) => {
      throw new Error(`${(e as Error).message}; alerts: ${JSON.stringify(await alerts(popup))}; errors: ${JSON.stringify(ff.pageErrors)}`);
    });
    // Bob's Data Center issues (INFRA and HR), by key.
    expect(
      keys.every((k) => /^(INFRA|HR)-\d+\b/.test(k)),
      `rows: ${keys.slice(0, 3).join(' | ')}`,
    ).toBe(true);
    expect(await holdsServerAccess(popup)).toBe(true);
    await poll('the no-access alert gone', async () => ((await bodyText(popup)).includes('does not have access') ? undefined : true));
    const search = serverRequestsSince(beforeGrant).filter((r) => r.path === '/jira/rest/api/2/search');
    expect(
      search.some((r) => r.auth?.scheme === 'Bearer' && r.status === 200),
      describeRequests(search).join('; '),
    ).toBe(true);
    await popup.close();
  });

  it('options: the connection card shows "No site access" and its "Grant access" restores it', async () => {
    const helper = await ff.openExtensionPage('src/options/index.html');
    expect(await removeServerAccess(helper)).toBe(true);
    await helper.close();

    const page = await ff.openExtensionPage('src/options/index.html');
    await poll('the card in "No site access"', async () =>
      (await cardText(page, CONNECTION_NAME))?.includes('No site access') ? true : undefined,
    );
    const beforeGrant = serverLogLength();
    await page.locator(aria('Grant access', 'button')).click();
    await poll(
      'the card back to OK',
      async () => {
        const text = await cardText(page, CONNECTION_NAME);
        return text && !text.includes('No site access') && /\bOK\b/.test(text) ? true : undefined;
      },
      10_000,
    ).catch(async (e) => {
      throw new Error(
        `${(e as Error).message}; card: ${JSON.stringify(await cardText(page, CONNECTION_NAME))}; errors: ${JSON.stringify(ff.pageErrors)}`,
      );
    });
    expect(await holdsServerAccess(page)).toBe(true);
    const myself = serverRequestsSince(beforeGrant).filter((r) => r.path === '/jira/rest/api/2/myself');
    expect(
      myself.some((r) => r.auth?.scheme === 'Bearer' && r.status === 200),
      describeRequests(myself).join('; '),
    ).toBe(true);
    expect(
      await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Grant access').length),
    ).toBe(0);
    await page.close();
  });

  it("reads and changes a Data Center issue from the popup through Jira's XSRF rule", async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await openIssue(ff, popup, RICH.serverIssue);
    await waitForText(popup, 'Network maintenance plan');
    const link = await popup.evaluate(
      () =>
        [...document.querySelectorAll<HTMLAnchorElement>('[aria-labelledby="description-heading"] a')].find(
          (a) => a.textContent === 'INFRA-2',
        )?.href,
    );
    expect(link).toBe(`${SERVER_URL}/browse/INFRA-2`);

    const before = serverLogLength();
    await changeStatus(ff, popup, 'Done', 'Done', { Resolution: 'Done', 'Root cause': 'Hardware' });
    await addComment(ff, popup, 'Replaced the **disk** on db-02.', 'Replaced the disk on db-02.');
    const writes = serverRequestsSince(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST /jira/rest/api/2/issue/${RICH.serverIssue}/transitions 204`,
      `POST /jira/rest/api/2/issue/${RICH.serverIssue}/comment 201`,
    ]);
    // The extension's rule gave them the site's own Origin; the PAT, never a cookie.
    expect(writes.every((r) => r.origin === `https://${HOSTS.server}` && r.auth?.scheme === 'Bearer' && !r.hasCookie)).toBe(true);
    expect(writes[1]!.body).toEqual({ body: 'Replaced the *disk* on db-02.' });
    await popup.close();
  });

  it('a Data Center on a non-default port: the port-less pattern is asked for and covers it', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    expect(await removeServerAccess(page)).toBe(true);
    await page.locator(aria('New Jira Connection', 'button')).click();
    await page.locator(aria('URL', 'textbox')).fill(SERVER_URL_8443);
    await page.locator(aria('Personal access token', 'radio')).click();
    await (await textField(page, 'Personal access token')).type(BOB.pat);
    const before = serverLogLength();
    await page.locator(aria('Next', 'button')).click();
    await waitForText(page, `Connected as ${BOB.displayName}`);
    expect(await holdsServerAccess(page)).toBe(true);
    const myself = serverRequestsSince(before).filter((r) => r.path === '/jira/rest/api/2/myself');
    expect(
      myself.some((r) => r.auth?.scheme === 'Bearer' && r.status === 200 && r.headers.host === `${HOSTS.server}:8443`),
      describeRequests(myself).join('; '),
    ).toBe(true);
    await page.close(); // not saved
  });

  it('logged no errors on extension pages', () => {
    expect(ff.pageErrors).toEqual([]);
  });
});
