// Firefox smoke suite: the SHIPPED Firefox build (dist/firefox) in real Firefox ESR, against
// the local HTTPS fakes of the Chromium e2e suite. One browser for the whole file; the tests
// run in order and build on each other (connection -> token capture -> popup).
//
//   npm run build:firefox && npm run test:firefox
//
// What it proves on Firefox: the background script starts and answers the extension pages
// (Firefox's sender fields), storage.session/local, host permissions, credentials: "omit",
// the content script on id.atlassian.com with a trusted activation through a closed shadow
// root, tabs.create of the options page, the popup's issue list, an issue's details, and
// changes that pass Jira's XSRF rule through the extension's declarativeNetRequest rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ACME_URL, ADA, HOSTS, RICH, TOKEN_PAGE_URL, startFakes, type Fakes } from '../e2e/support/fakes';
import { EXTENSION_ORIGIN, launchFirefox, poll, type FirefoxExtension } from './support/firefox';
import { addComment, aria, changeStatus, openIssue, waitForText as waitForTextOn } from './support/popup';

let fakes: Fakes;
let ff: FirefoxExtension;

beforeAll(async () => {
  fakes = await startFakes();
  ff = await launchFirefox({ port: fakes.port });
});
afterAll(async () => {
  await ff?.close();
  await fakes?.close();
});

const waitForText = (page: Page, text: string, timeoutMs = 7_000) => waitForTextOn(ff, page, text, timeoutMs);
/** Whether the "Jira Cloud" checkbox is checked ($eval with ::-p-aria fails in extension realms over BiDi; a locator handle works). */
const cloudChecked = async (page: Page) =>
  (await page.locator(aria('Jira Cloud', 'checkbox')).waitHandle()).evaluate((e) => (e as HTMLInputElement).checked);
/** The input a <label> with exactly this text labels (the secret field; a link shares the name "API Token"). */
async function secretField(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.evaluateHandle((l) => {
    const control = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === l)?.control;
    return control instanceof HTMLInputElement ? control : null;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`no input labelled "${label}"`);
  return element as ElementHandle<HTMLInputElement>;
}

describe('Client for Jira in Firefox (dist/firefox)', () => {
  it('adds a Jira Cloud connection through the options page', async () => {
    // A logged-in Jira session in the browser: the extension must not send it.
    await ff.browser.setCookie({
      name: 'JSESSIONID',
      value: 'browser-session',
      domain: HOSTS.acme,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });

    const page = await ff.openExtensionPage('src/options/index.html');
    await page.locator(aria('URL', 'textbox')).fill(ACME_URL);
    // The form may tick "Jira Cloud" by itself for an atlassian.net URL.
    if (!(await cloudChecked(page))) await page.locator(aria('Jira Cloud', 'checkbox')).click();
    await poll('Jira Cloud checked', async () => ((await cloudChecked(page)) ? true : undefined));
    await page.locator(aria('Username', 'textbox')).fill(ADA.email);
    const token = await secretField(page, 'API Token');
    await token.type(ADA.classicToken);
    await page.locator(aria('Next', 'button')).click();
    await waitForText(page, 'Connected as Ada Lovelace');
    await page.locator(aria('Connection name', 'textbox')).fill('Acme');
    await page.locator(aria('Finish', 'button')).click();
    // Listed: a heading "Acme" (a "Default" badge inside it is tolerated, as in the e2e suite).
    await poll('"Acme" in the connection list', async () =>
      (await page.evaluate(() =>
        [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')].some((h) =>
          /^\s*Acme(\s*Default)?\s*$/.test(h.textContent ?? ''),
        ),
      ))
        ? true
        : undefined,
    );

    const { connections } = await ff.readStorage(page, 'local', ['connections']);
    expect(connections).toEqual([expect.objectContaining({ name: 'Acme', siteUrl: ACME_URL, deployment: 'cloud', username: ADA.email })]);

    const myself = fakes.requests.to(HOSTS.acme, '/rest/api/3/myself');
    expect(myself.length).toBeGreaterThan(0);
    expect(myself.every((r) => r.auth?.scheme === 'Basic' && r.auth.user === ADA.email && r.status === 200)).toBe(true);
    const api = fakes.requests.to(HOSTS.acme).filter((r) => r.path.includes('/rest/') || r.path.startsWith('/_edge/'));
    expect(
      api.filter((r) => r.hasCookie).map((r) => `${r.method} ${r.path}`),
      'API requests that carried browser cookies',
    ).toEqual([]);
    // Control: the browser does hold the Jira session cookie (a plain tab sends it).
    const tab = await ff.browser.newPage();
    await tab.goto(`${ACME_URL}/robots.txt`).catch(() => undefined);
    await tab.close();
    expect(
      fakes.requests.to(HOSTS.acme, '/robots.txt').some((r) => r.hasCookie),
      'control: a normal tab sends the session cookie',
    ).toBe(true);
    // The secret never reaches the page's DOM.
    expect((await page.content()).includes(ADA.classicToken)).toBe(false);
    await page.close();
  });

  it('captures a new token from the id.atlassian.com page into a new options tab', async () => {
    fakes.tokenPage.configure({ shape: 'a' });
    const tokenPage = await ff.browser.newPage();
    await tokenPage.goto(TOKEN_PAGE_URL);
    await tokenPage.locator(aria('Create API token', 'button')).click();
    await tokenPage.locator('[role="dialog"] input:not([readonly]):not([type="date"])').fill('Client for Jira');
    await tokenPage.locator(aria('Create', 'button')).click();
    await tokenPage.waitForSelector('[role="dialog"] input[readonly]');
    // Our UI: a host element in the page, its button in a CLOSED shadow root.
    await tokenPage.waitForSelector('cfj-token-capture', { timeout: 7_000 });

    const before = new Set(await ff.browser.pages());
    // A real keyboard walk: focus the token field, Tab until focus is inside our shadow root.
    await tokenPage.focus('[role="dialog"] input[readonly]');
    let inside = false;
    for (let i = 0; i < 8 && !inside; i++) {
      await tokenPage.keyboard.press('Tab');
      inside = await tokenPage.evaluate(() => document.activeElement?.tagName === 'CFJ-TOKEN-CAPTURE');
    }
    expect(inside, 'Tab reaches the "Use this token in Client for Jira" button').toBe(true);
    await tokenPage.keyboard.press('Enter');

    const options = await ff.waitForTab(`${EXTENSION_ORIGIN}/src/options/index.html`, { exclude: before });
    await poll('Jira Cloud checked on the new form', async () => ((await cloudChecked(options)) ? true : undefined));
    const issued = fakes.tokenPage.lastToken;
    const filled = await poll('the API Token field filled', async () => {
      const v = await (await secretField(options, 'API Token')).evaluate((e) => e.value);
      return v ? v : undefined;
    });
    // Compare, never print.
    expect(filled.length > 0).toBe(true);
    expect(filled === issued, 'the field holds the token the page issued').toBe(true);
    await options.close();
    await tokenPage.close();
  });

  it('shows the assigned issues in the popup', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const names = await poll(
      'issue rows in the popup listbox',
      async () => {
        const got = await popup.$$eval('[role="listbox"] [role="option"]', (els) =>
          els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()),
        );
        return got.length ? got : undefined;
      },
      10_000,
    );
    expect(names.length).toBeGreaterThan(0);
    expect(
      names.every((n) => /^[A-Z][A-Z0-9]+-\d+\b/.test(n)),
      `rows start with an issue key: ${names.slice(0, 3).join(' | ')}`,
    ).toBe(true);
    // The badge counts Ada's open assigned issues (96 in the seed) with POST
    // /search/approximate-count, which passes Jira's XSRF rule through the extension's header rule.
    const badge = await poll('the badge text', async () => {
      const text = await popup.evaluate(() =>
        (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText({}),
      );
      return text ? text : undefined;
    });
    expect(badge).toBe('96');
    expect(fakes.requests.to(HOSTS.acme, '/rest/api/3/search/approximate-count').map((r) => r.status)).toContain(200);
    await popup.close();
  });

  it('reads an issue in the popup: rich text, comments, back to the list', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await openIssue(ff, popup, RICH.cloudIssue);
    await waitForText(popup, 'Release notes draft');
    await waitForText(popup, `Comments (${RICH.cloudComments})`);
    const description = await popup.evaluate(() => {
      const section = document.querySelector('[aria-labelledby="description-heading"]');
      return {
        secure: section?.querySelector('a[href="https://example.com/secure"]')?.textContent,
        scriptLinks: section?.querySelectorAll('a[href^="javascript:" i]').length,
        hostile: section?.querySelectorAll('script, img, [onclick], [onerror]').length,
        table: [...(section?.querySelectorAll('th') ?? [])].map((th) => th.textContent),
      };
    });
    expect(description).toEqual({ secure: 'secure https', scriptLinks: 0, hostile: 0, table: ['Environment', 'Owner'] });
    await popup.keyboard.press('ArrowLeft');
    await poll('the list with WEB-2 selected', async () =>
      (await popup.$eval('[role="listbox"] [aria-selected="true"]', (e) => e.getAttribute('aria-label') ?? '').catch(() => '')).startsWith(
        'WEB-2 ',
      )
        ? true
        : undefined,
    );
    await popup.close();
  });

  it("changes an issue through Jira's XSRF rule: a transition with its required resolution, and a comment", async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await openIssue(ff, popup, 'WEB-1');
    await changeStatus(ff, popup, 'In Progress (Start progress)', 'In Progress');
    await changeStatus(ff, popup, 'Done', 'Done', { Resolution: 'Done' });
    await addComment(ff, popup, 'Shipped from **Firefox**.', 'Shipped from Firefox.');

    const writes = fakes.requests.to(HOSTS.acme).filter((r) => r.method !== 'GET' && r.path.startsWith('/rest/api/3/issue/WEB-1'));
    expect(writes.map((r) => `${r.method} ${r.path.replace('/rest/api/3/issue/WEB-1', '')} ${r.status}`)).toEqual([
      'POST /transitions 204',
      'POST /transitions 204',
      'POST /comment 201',
    ]);
    // What made them pass: the extension's rule gave them the site's own Origin, not moz-extension://.
    expect(writes.every((r) => r.origin === ACME_URL && !r.hasCookie)).toBe(true);
    expect(writes[1]!.body).toMatchObject({ transition: { id: '31' }, fields: { resolution: { id: '10000' } } });
    const issue = fakes.acme.data.issues.find((i) => i.key === 'WEB-1')!;
    expect([issue.status.name, issue.resolution]).toEqual(['Done', 'Done']);
    // The comment as ADF, its **bold** a strong mark.
    expect(issue.comments.at(-1)?.adf).toMatchObject({ type: 'doc', version: 1 });
    expect(JSON.stringify(issue.comments.at(-1)?.adf)).toContain('{"type":"text","text":"Firefox","marks":[{"type":"strong"}]}');
    await popup.close();
  });

  it('logged no errors on extension pages', () => {
    expect(ff.pageErrors).toEqual([]);
  });
});
