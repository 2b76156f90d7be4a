// An issue read in the popup, in Chromium against the fake Jira sites: opened by keyboard and by
// click, Jira's formatting rendered (Cloud's Atlassian Document Format, Data Center's rendered
// HTML) with nothing hostile left able to run, back to the same place in the list, a typed key
// shown as the first row, the copy actions, and a cached issue read with Jira unreachable.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ACME_URL, HOSTS, RICH, SERVER_URL, startFakes, type Fakes } from './support/fakes';
import { SERVER, firstOption, issues, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;

const { seed } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
  // The copy actions write the browser's clipboard; a page of the fake site reads it back (CDP
  // grants no permission to an extension's origin).
  await ext.context.grantPermissions(['clipboard-read'], { origin: ACME_URL });
});

afterEach(() => resetBetweenTests(ext, fakes));

afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

const detailsHeading = (page: Page) => page.getByRole('heading', { level: 2 });
const description = (page: Page) => page.getByRole('region', { name: 'Description' });
const comments = (page: Page) => page.getByRole('region', { name: /^Comments/ });
/** How many of `found` are not a comment author's avatar (the one image a comment's heading shows). */
const notAvatars = (found: Locator) => found.evaluateAll((els) => els.filter((e) => !e.matches('.comment-meta > img.avatar')).length);
const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const keyOf = async (row: Locator) => ((await row.getAttribute('aria-label')) ?? '').split(' ')[0];
const selectedRow = (page: Page) => issues(page).locator('[aria-selected=true]');

/** Types `text` in Search and waits for its issue as the first row. */
async function typeKey(page: Page, text: string, key: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await expect.poll(() => keyOf(firstOption(page))).toBe(key);
}

/** Opens the issue WEB-2 (typed in Search, then ↓ and →) and waits for its description. */
async function openWeb2(page: Page): Promise<void> {
  await typeKey(page, 'web-2', RICH.cloudIssue);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => detailsHeading(page).textContent()).toMatch(/^WEB-2 /);
  await description(page).getByRole('heading', { name: 'Release notes draft' }).waitFor();
}

describe('details', () => {
  it('opens the selected row with →, and ← returns to the same row with the scroll kept', async () => {
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.keyboard.press('ArrowDown');
    for (let i = 0; i < 14; i++) await popup.keyboard.press('ArrowDown');
    const key = await keyOf(selectedRow(popup));
    const scrolled = await issues(popup).evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);

    await popup.keyboard.press('ArrowRight');
    const heading = detailsHeading(popup);
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`^${key} `));
    await expect.poll(() => isFocused(heading)).toBe(true);
    // Its fields, as Jira gave them.
    await popup.getByRole('term').filter({ hasText: 'Reporter' }).waitFor();
    await popup.getByRole('button', { name: /^Change status/ }).waitFor();

    await popup.keyboard.press('ArrowLeft');
    await issues(popup).waitFor();
    expect(await keyOf(selectedRow(popup))).toBe(key);
    expect(await issues(popup).evaluate((el) => el.scrollTop)).toBe(scrolled);
    await expect.poll(() => isFocused(issues(popup))).toBe(true);
  });

  it('opens a row on click and returns with Back and with Esc; Enter still opens the issue in Jira', async () => {
    await seed();
    const popup = await ext.openPopup();
    const row = option(popup, 'WEB-3');
    await row.locator('.summary').click();
    await expect.poll(() => detailsHeading(popup).textContent()).toMatch(/^WEB-3 /);
    await popup.getByRole('button', { name: 'Back', exact: true }).click();
    await expect.poll(() => keyOf(selectedRow(popup))).toBe('WEB-3');

    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => detailsHeading(popup).textContent()).toMatch(/^WEB-3 /);
    await popup.keyboard.press('Escape');
    await issues(popup).waitFor();
    const tab = await ext.newTabFrom(`${ACME_URL}/browse/WEB-3`, () => popup.keyboard.press('Control+Enter'));
    expect(tab.url()).toBe(`${ACME_URL}/browse/WEB-3`);
    await tab.close();
  });

  it("renders the description's Atlassian Document Format, with no link or script that could run", async () => {
    await seed();
    const popup = await ext.openPopup();
    await openWeb2(popup);
    const d = description(popup);

    const href = (name: string) => d.getByRole('link', { name, exact: true }).getAttribute('href');
    expect(await href('secure https')).toBe('https://example.com/secure');
    expect(await href('plain http')).toBe('http://example.com/plain');
    expect(await href('write to support')).toBe('mailto:support@acme.test');
    await d.getByText('do not run me').waitFor();
    expect(await d.getByRole('link', { name: 'do not run me' }).count()).toBe(0);
    expect(await d.locator('a[href^="javascript:" i]').count()).toBe(0);
    // The script was text in Jira, and stays text.
    await d.getByText('<script>alert(1)</script>').waitFor();
    // Jira's text loads no image (the fields' icons aside) and carries no handler.
    const hostile = 'script, img, iframe, [onclick], [onerror], [style]';
    expect(await d.locator(hostile).count()).toBe(0);
    // In the comments: their authors' avatars (the extension's own images), nothing from Jira's text.
    expect(await notAvatars(comments(popup).locator(hostile))).toBe(0);
    // The authors' avatars, fetched by the background like the assignee's.
    await expect.poll(() => comments(popup).locator('.comment-meta > img.avatar').count()).toBeGreaterThan(0);

    for (const heading of ['Release notes draft', 'Rollout plan', 'Steps']) await d.getByRole('heading', { name: heading }).waitFor();
    expect(await d.locator('strong').first().textContent()).toBe('bold');
    await d.getByRole('columnheader', { name: 'Environment' }).waitFor();
    await d.getByRole('cell', { name: 'Production' }).waitFor();
    expect(await d.locator('pre code, pre').first().textContent()).toContain('const release = await build({ minify: true });');
    await d
      .getByRole('listitem')
      .filter({ hasText: /^Browser tests$/ })
      .waitFor();
    await d.getByText('Ship small, ship often.').waitFor();
    await d.getByText('Warning panel: freeze merges the day before.').waitFor();
    await d.getByText('@Grace Hopper').waitFor();
    await d.getByText('IN REVIEW', { exact: true }).waitFor();
    await d.getByText('screenshot.png').waitFor();
    expect(await d.getByRole('link', { name: 'https://acme.atlassian.net/browse/WEB-1' }).getAttribute('href')).toBe(
      `${ACME_URL}/browse/WEB-1`,
    );
    await d.getByText('Text inside a node type this client does not know').waitFor();
    await d.getByRole('img', { name: 'Done' }).waitFor(); // the finished task

    // Labels and attachments (names opening in Jira).
    await popup.getByText('release-notes').waitFor();
    const attachments = popup.getByRole('region', { name: 'Attachments' });
    await attachments.getByRole('link', { name: /screenshot\.png/ }).waitFor();

    // One request for the issue (v3, the fields shown), the latest comments beside it.
    const reads = fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-2');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.hasCookie).toBe(false);
  });

  it('shows the latest comments, newest first, and older ones on request', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openWeb2(popup);
    const c = comments(popup);
    await c.getByRole('heading', { name: `Comments (${RICH.cloudComments})` }).waitFor();
    const items = c.getByRole('listitem').filter({ has: popup.locator('.comment-meta') });
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.first().textContent()).toContain('Ready for production.');
    await items.first().getByText('@Ada Lovelace').waitFor();

    await c.getByRole('button', { name: 'Load older comments' }).click();
    await expect.poll(() => items.count()).toBe(15);
    await c.getByRole('button', { name: 'Load older comments' }).click();
    await expect.poll(() => items.count()).toBe(RICH.cloudComments);
    expect(await items.last().textContent()).toContain('Reproduced on staging with the release branch.');
    expect(await c.getByRole('button', { name: 'Load older comments' }).count()).toBe(0);
    const pages = fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-2/comment');
    expect(pages.map((r) => r.query.orderBy)).toEqual(['-created', '-created', '-created']);
  });

  it('shows a typed key as the first row (or nothing for a key that does not exist)', async () => {
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await typeKey(popup, 'api-49', 'API-49');
    await typeKey(popup, `${ACME_URL}/browse/OPS-3`, 'OPS-3');

    await popup.getByRole('searchbox', { name: 'Search' }).fill('WEB-999');
    await expect.poll(() => fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-999').length).toBeGreaterThan(0);
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/No issues|0 /);
    expect(await popup.getByRole('alert').count()).toBe(0);
    expect(await issues(popup).getByRole('option').count()).toBe(0);
  });

  it('copies the key, link, branch name and Markdown, from the details and from a row', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openWeb2(popup);
    const summary = ((await detailsHeading(popup).textContent()) ?? '').replace(/^WEB-2 /, '');
    const reader = await ext.context.newPage();
    await reader.goto(`${ACME_URL}/robots.txt`);
    const clipboard = async () => {
      await reader.bringToFront();
      const text = await reader.evaluate(() => navigator.clipboard.readText());
      await popup.bringToFront();
      return text;
    };
    const click = async (name: string) => {
      await popup.bringToFront();
      await popup.getByRole('button', { name }).click();
    };
    const status = popup.locator('.issue-view').getByRole('status');

    await click('Copy branch name');
    await expect.poll(clipboard).toMatch(/^WEB-2-[a-z0-9-]+$/);
    expect((await clipboard()).length).toBeLessThanOrEqual(60 + 'WEB-2-'.length);
    await expect.poll(() => status.textContent()).toBe(`Copied ${await clipboard()}`);
    await click('Copy as Markdown');
    await expect.poll(clipboard).toBe(`[WEB-2 ${summary}](${ACME_URL}/browse/WEB-2)`);
    await click('Copy link');
    await expect.poll(clipboard).toBe(`${ACME_URL}/browse/WEB-2`);

    // From a row: its shortcut.
    await popup.keyboard.press('Escape');
    await expect.poll(() => keyOf(selectedRow(popup))).toBe('WEB-2');
    await expect.poll(() => isFocused(issues(popup))).toBe(true);
    await popup.keyboard.press('c');
    await expect.poll(clipboard).toBe('WEB-2');
    await reader.close();
  });

  it('reads a Data Center issue: rendered HTML with links resolved against the site, no images loaded', async () => {
    await seed([SERVER]);
    const popup = await ext.openPopup();
    await typeKey(popup, 'infra-1', RICH.serverIssue);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowRight');
    const d = description(popup);
    await d.getByRole('heading', { name: 'Network maintenance plan' }).waitFor();
    expect(await d.getByRole('link', { name: 'INFRA-2', exact: true }).getAttribute('href')).toBe(`${SERVER_URL}/browse/INFRA-2`);
    expect(await d.getByRole('link', { name: 'Bob Builder' }).getAttribute('href')).toBe(`${SERVER_URL}/secure/ViewProfile.jspa?name=bob`);
    await d.getByRole('columnheader', { name: 'Host' }).waitFor();
    await d.getByText('sudo systemctl restart haproxy').waitFor();
    await d.getByText('(smile)').waitFor();
    expect(await d.locator('img').count()).toBe(0);
    expect(await notAvatars(comments(popup).locator('img'))).toBe(0);
    await popup
      .getByRole('region', { name: 'Attachments' })
      .getByRole('link', { name: /runbook\.pdf/ })
      .waitFor();

    const c = comments(popup);
    await c.getByRole('heading', { name: `Comments (${RICH.serverComments})` }).waitFor();
    await c.getByText('iptables -L').waitFor();
    expect(await c.getByRole('link', { name: 'INFRA-2' }).getAttribute('href')).toBe(`${SERVER_URL}/browse/INFRA-2`);
    // The details: v2 with Jira's rendered HTML (the typed key's row was a lighter read).
    const read = fakes.requests.to(HOSTS.server, '/jira/rest/api/2/issue/INFRA-1').find((r) => r.query.expand);
    expect(read?.query.expand).toContain('renderedFields');
    expect(read?.auth).toMatchObject({ scheme: 'Bearer' });
    expect(read?.hasCookie).toBe(false);
  });

  it('opens an issue read before at once with Jira unreachable, saying when it was fetched', async () => {
    await seed();
    const first = await ext.openPopup();
    await openWeb2(first);
    await comments(first)
      .getByRole('heading', { name: `Comments (${RICH.cloudComments})` })
      .waitFor();
    await first.close();

    fakes.acme.switches.stop();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-2').locator('.summary').click();
    await description(popup).getByRole('heading', { name: 'Release notes draft' }).waitFor();
    await comments(popup).getByText('Ready for production.', { exact: false }).waitFor();
    await expect.poll(() => popup.locator('.issue-view').getByRole('status').textContent()).toMatch(/^Fetched /);
    await popup.locator('.issue-view').getByRole('alert').waitFor();
    await popup.locator('.issue-view').getByRole('button', { name: 'Retry' }).waitFor();

    fakes.acme.switches.resume();
    await popup.locator('.issue-view').getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => popup.locator('.issue-view').getByRole('alert').count()).toBe(0);
  });
});

describe('details page health', () => {
  it('raised no uncaught exception or console error on extension pages (failed image loads aside)', () => {
    expect(ext.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
