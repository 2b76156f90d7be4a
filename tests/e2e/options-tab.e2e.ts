// The popup reuses an options tab that is already open (src/popup/open-options.ts over a
// BroadcastChannel, docs/browsers.md#options-channel): Renew token / Re-authenticate bring that
// tab to the front and start there, and no second options tab opens; a tab with another form
// being filled is left alone (a new tab opens); without an options tab, a new tab opens.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ADA, startFakes, type Fakes } from './support/fakes';
import { OptionsPage } from './support/options-page';
import { ACME, SERVER, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
const { seed } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});

afterEach(() => resetBetweenTests(ext, fakes, ['https://id.atlassian.com/']));

afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

const OPTIONS_URL = () => ext.url('src/options/index.html');
const optionsTabs = () => ext.context.pages().filter((p) => p.url().startsWith(OPTIONS_URL()));

/** An options tab showing the connection `name`, then the popup opened in front of it. */
async function optionsThenPopup(name: string): Promise<{ options: OptionsPage; popup: Page }> {
  const options = await OptionsPage.open(ext);
  await options.connection(name).waitFor();
  const popup = await ext.openPopup();
  expect(await ext.isActiveTab(options.page)).toBe(false);
  return { options, popup };
}

/** A date `days` from today (YYYY-MM-DD), for a token that expires soon. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the popup reuses an open options tab', () => {
  it('Renew token of a rejected token starts the renewal in the open options tab; no second options tab', async () => {
    await seed([ACME]);
    fakes.accounts.revoke(ADA.classicToken);
    const { options, popup } = await optionsThenPopup('Acme Jira');
    const renew = popup.getByRole('alert').getByRole('button', { name: 'Renew token' });
    await renew.waitFor();

    // The renewal opens Atlassian's token page from the options tab, as #renew=<id> does.
    const tokenPage = await ext.newTabFrom('https://id.atlassian.com/', () => renew.click());
    await options.page.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
    await options.page.getByRole('status').filter({ hasText: 'Create a new API token on id.atlassian.com' }).waitFor();
    expect(optionsTabs()).toEqual([options.page]);
    expect(await tokenPage.evaluate(() => location.hostname)).toBe('id.atlassian.com');
    // The popup closes once the options tab took over, as when it opens a tab.
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  it('Re-authenticate (Server) brings the open options tab to the front with its form; no second options tab', async () => {
    await seed([{ ...SERVER, tokenExpiresOn: inDays(5) }]);
    const { options, popup } = await optionsThenPopup('Acme Corp Jira');
    const notice = popup.getByRole('status').filter({ hasText: /expires in 5 days/ });
    await notice.getByRole('button', { name: 'Re-authenticate' }).click();

    await options.page.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
    await expect.poll(() => ext.isActiveTab(options.page)).toBe(true);
    expect(optionsTabs()).toEqual([options.page]);
  });

  it('leaves an options tab with another form being filled alone: a new tab opens, nothing typed is lost', async () => {
    await seed([{ ...ACME, tokenExpiresOn: inDays(5) }]);
    const { options, popup } = await optionsThenPopup('Acme Jira');
    await options.page.bringToFront();
    await options.startNewConnection();
    await options.url().fill('https://beta.atlassian.net');
    await popup.bringToFront();
    const notice = popup.getByRole('status').filter({ hasText: /expires in 5 days/ });
    const fresh = await ext.newTabFrom(OPTIONS_URL(), () => notice.getByRole('button', { name: 'Renew token' }).click());
    await fresh.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
    expect(await options.url().inputValue()).toBe('https://beta.atlassian.net');
    expect(await options.formHeading().isVisible()).toBe(true);
  });

  it('without an options tab, Renew token opens one with the renewal', async () => {
    await seed([{ ...ACME, tokenExpiresOn: inDays(5) }]);
    const popup = await ext.openPopup();
    const notice = popup.getByRole('status').filter({ hasText: /expires in 5 days/ });
    const options = await ext.newTabFrom(OPTIONS_URL(), () => notice.getByRole('button', { name: 'Renew token' }).click());
    await options.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
    expect(optionsTabs()).toEqual([options]);
  });
});
