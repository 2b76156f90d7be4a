// axe-core over the popup in each state a user meets, in the light and the dark palette
// (prefers-color-scheme, emulated). Each state asserts axe's real result (support/axe.ts):
// WCAG 2.0-2.2 A/AA and axe's best practices. States are produced as the other popup specs
// produce them (support/popup.ts, docs in tests/e2e/README.md).
//
//   state                              how it is reached
//   no connection yet                  nothing seeded: the offer to add one
//   the list, a selected row           Ada's Cloud connection, "Assigned to me" (then ↓)
//   search results / a typed key       "Checko" typed / "web-7" typed
//   an empty list                      a search nothing matches
//   JQL mode, wrong JQL                "project = = WEB" and Enter: Jira's message
//   All connections                    acme and beta merged (each row names its site)
//   token expiry notice                a token that expires in 10 days
//   token rejected                     fakes.accounts.revoke(Ada's token), popup opened
//   rate limited                       the cached list, then a 429 with Retry-After: 150
//   a rich issue (Cloud)               WEB-2: ADF description, comments, the comment box
//   the status menu, a transition form WEB-2's "Change status", then Done (needs a resolution)
//   a Data Center issue                INFRA-1: Jira's rendered HTML
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ADA, RICH, startFakes, type Fakes } from './support/fakes';
import { ACME, BETA, SERVER, firstOption, issues, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
const { seed, seedCachedThenStale } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => resetBetweenTests(ext, fakes));
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const firstKey = async (page: Page) => ((await firstOption(page).getAttribute('aria-label')) ?? '').split(' ')[0];
const statusButton = (page: Page) => page.getByRole('button', { name: /^Change status/ });

/** The popup on Ada's Cloud connection with its list shown. */
async function listPopup(): Promise<Page> {
  await seed();
  const popup = await ext.openPopup();
  await option(popup, 'WEB-1').waitFor();
  return popup;
}

/** Types `text` in Search, opens `key` (↓, →) and waits for its description. */
async function openIssue(page: Page, text: string, key: string, descriptionHeading: string): Promise<void> {
  await searchBox(page).fill(text);
  await expect.poll(() => firstKey(page)).toBe(key);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('region', { name: 'Description' }).getByRole('heading', { name: descriptionHeading }).waitFor();
}

/** WEB-2 (every ADF node, 17 comments) open in the popup, its details loaded from Jira. */
async function richIssue(): Promise<Page> {
  const popup = await listPopup();
  await openIssue(popup, 'web-2', RICH.cloudIssue, 'Release notes draft');
  await popup.getByRole('region', { name: /^Comments/ }).waitFor();
  await statusButton(popup).waitFor();
  return popup;
}

describe('popup: axe finds nothing, light and dark', () => {
  it('no connection yet: the offer to add one', async () => {
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Add a Jira connection' }).waitFor();
    await expectAccessible(popup);
  });

  it('the list of issues, then with a row selected', async () => {
    const popup = await listPopup();
    await expectAccessible(popup);
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => firstOption(popup).getAttribute('aria-selected')).toBe('true');
    await expectAccessible(popup);
  });

  it('search results for typed text', async () => {
    const popup = await listPopup();
    await searchBox(popup).fill('Checko');
    await expect.poll(async () => (await firstOption(popup).getAttribute('aria-label')) ?? '').toMatch(/checkout/i);
    await expectAccessible(popup);
  });

  it('a typed key as the first row', async () => {
    const popup = await listPopup();
    await searchBox(popup).fill('web-7');
    await expect.poll(() => firstKey(popup)).toBe('WEB-7');
    await expectAccessible(popup);
  });

  it('an empty list', async () => {
    const popup = await listPopup();
    await searchBox(popup).fill('xyzzyplugh');
    await popup.getByText('No issues match your search.').waitFor();
    await expectAccessible(popup);
  });

  it("JQL mode with Jira's message for wrong JQL", async () => {
    const popup = await listPopup();
    await popup.getByRole('checkbox', { name: 'JQL' }).check();
    await searchBox(popup).fill('project = = WEB');
    await searchBox(popup).press('Enter');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Error in the JQL Query');
    await expectAccessible(popup);
  });

  it('"All connections": two sites merged, each row naming its connection', async () => {
    await seed([ACME, BETA]);
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('combobox', { name: 'Connection' }).selectOption({ label: 'All connections' });
    await issues(popup)
      .getByRole('option', { name: /^BETA-/ })
      .first()
      .waitFor();
    await expectAccessible(popup);
  });

  it('the token expiry notice, with Renew token', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const date = `${inTenDays.getFullYear()}-${String(inTenDays.getMonth() + 1).padStart(2, '0')}-${String(inTenDays.getDate()).padStart(2, '0')}`;
    await seed([{ ...ACME, tokenExpiresOn: date }]);
    const popup = await ext.openPopup();
    await popup
      .getByRole('status')
      .filter({ hasText: 'API token expires in 10 days' })
      .getByRole('button', { name: 'Renew token' })
      .waitFor();
    await option(popup, 'WEB-1').waitFor();
    await expectAccessible(popup);
  });

  it('a rejected token, with Renew token', async () => {
    await seed();
    fakes.accounts.revoke(ADA.classicToken);
    const popup = await ext.openPopup();
    await popup.getByRole('alert').waitFor();
    await popup.getByRole('button', { name: 'Renew token' }).waitFor();
    await expectAccessible(popup);
  });

  it('a rate limit over the cached list, with Retry', async () => {
    await seedCachedThenStale({ noImages: true });
    fakes.acme.switches.rateLimitNext(1, 150);
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('alert').getByRole('button', { name: 'Retry' }).waitFor();
    await expectAccessible(popup);
  });

  it('a rich Cloud issue: description, comments and the comment box', async () => {
    const popup = await richIssue();
    await popup.getByRole('textbox', { name: 'Comment' }).waitFor();
    await expectAccessible(popup);
  });

  it('the status menu, then the form Done asks for', async () => {
    const popup = await richIssue();
    await statusButton(popup).click();
    await popup.getByRole('menu', { name: /^Move WEB-2 to/ }).waitFor();
    await expectAccessible(popup);

    await popup.getByRole('menuitem', { name: 'Done' }).click();
    const form = popup.getByRole('form', { name: 'Move WEB-2 to Done' });
    await form.getByRole('combobox', { name: 'Resolution (required)' }).waitFor();
    await expectAccessible(popup);
  });

  it('a Data Center issue (rendered HTML)', async () => {
    await seed([SERVER]);
    const popup = await ext.openPopup();
    await option(popup, 'INFRA-1').waitFor();
    await openIssue(popup, 'infra-1', RICH.serverIssue, 'Network maintenance plan');
    await expectAccessible(popup);
  });
});
