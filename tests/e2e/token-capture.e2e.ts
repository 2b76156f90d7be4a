// Token capture: the content script on id.atlassian.com's API tokens page adds
// "Use this token in Client for Jira" beside a freshly shown token, with a line saying where it
// goes (never which Jira site or username: the page can read that text); one click delivers the
// token to the options tab's API Token field and focuses that tab; the page confirms. Walked with
// both DOM shapes of the fake page, and across the app's in-page moves (history.pushState).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAfterTest, launchExtension, type ExtensionBrowser } from './support/browser';
import { PROFILE_PATH } from './fakes/token-page';
import { ACME_URL, ADA, GRACE, HOSTS, LEGACY_TOKEN_PAGE_URL, TOKEN_PAGE_URL, startFakes, type Fakes } from './support/fakes';
import { OptionsPage, addCloudConnection, storedConnections } from './support/options-page';
import {
  USE_TOKEN_BUTTON,
  accessibilityNodes,
  accessibleText,
  clickAccessibleButton,
  clickUseToken,
  createTokenOnPage,
  waitForAccessibleButton,
  waitForAccessibleText,
  waitForDisabledButton,
} from './support/token-page';
import { SENT_LABEL } from '../../src/content/capture-ui';

let fakes: Fakes;
let ext: ExtensionBrowser;

beforeAll(async () => {
  fakes = await startFakes();
});
beforeEach(async () => {
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => closeAfterTest(ext, fakes));
afterAll(() => fakes?.close());

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The secret stored for a connection equals `token` (compared in the test, never printed). */
async function storedSecretIs(connectionId: string, token: string): Promise<boolean> {
  const { secrets } = await ext.readStorage('local', ['secrets']);
  return (secrets as Record<string, string> | undefined)?.[connectionId] === token;
}

/** Options page -> New Jira Connection -> URL, Jira Cloud, Username -> the "API Token" link. */
async function openTokenPageFromForm(): Promise<{ options: OptionsPage; tokenPage: Page }> {
  const options = await OptionsPage.open(ext);
  await options.startNewConnection();
  await options.fillCloud({ url: ACME_URL, username: ADA.email });
  expect(await options.apiTokenLink().getAttribute('href')).toBe(TOKEN_PAGE_URL);
  const tokenPage = await ext.newTabFrom(`https://${HOSTS.id}/`, () => options.apiTokenLink().click());
  expect(new URL(tokenPage.url()).pathname).toBe('/manage-profile/security/api-tokens');
  return { options, tokenPage };
}

/** The page's accessible text lines, minus anything holding a token (never compared in messages). */
async function textLines(page: Page): Promise<Set<string>> {
  return new Set((await accessibleText(page)).split('\n').filter((l) => l.trim() && !l.includes('ATATT3')));
}

/**
 * Clicks "Use this token in Client for Jira", then expects: the field holds the token, the
 * options tab is in front, and the token page shows new text (the confirmation).
 */
async function useTokenAndExpectDelivered(options: OptionsPage, tokenPage: Page, token: string): Promise<void> {
  const before = await textLines(tokenPage);
  // The token page was opened from the form, so it is in front: focusing the form is news.
  expect(await ext.isActiveTab(options.page), 'the options tab is in the background before the click').toBe(false);
  await clickUseToken(tokenPage);
  await expect
    .poll(async () => (await options.apiToken().inputValue()) === token, { timeout: 7_000, message: 'API Token field holds the new token' })
    .toBe(true);
  await expect.poll(() => ext.isActiveTab(options.page), { message: 'the options tab is the active tab' }).toBe(true);
  await expect
    .poll(async () => [...(await textLines(tokenPage))].filter((l) => !before.has(l)).length, {
      message: 'a confirmation appears on the token page',
    })
    .toBeGreaterThan(0);
  // The button itself says it was sent (its check mark is not part of its name) and stays disabled.
  await waitForDisabledButton(tokenPage, SENT_LABEL);
  expect((await accessibilityNodes(tokenPage)).some((n) => n.role === 'button' && n.name === USE_TOKEN_BUTTON)).toBe(false);
}

describe('Use this token in Client for Jira', () => {
  for (const shape of ['a', 'b'] as const) {
    it(`captures a new token into the open form and saves the connection (token page shape ${shape})`, async () => {
      fakes.tokenPage.configure({ shape });
      const { options, tokenPage } = await openTokenPageFromForm();
      const created = await createTokenOnPage(tokenPage, { name: 'Client for Jira' });

      await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON);
      // A line says where the token will go, without naming the Jira site or the username: the
      // page's own scripts can read the text (window.find), so it shows only what the user needs.
      await waitForAccessibleText(tokenPage, /Goes to the connection form waiting in Client for Jira\./);
      const offer = [...(await textLines(tokenPage))];
      expect(offer.filter((l) => l.includes(HOSTS.acme) || l.includes(new URL(ACME_URL).hostname))).toEqual([]);
      await useTokenAndExpectDelivered(options, tokenPage, created.token);

      await options.next();
      await options.connectedAs('Ada Lovelace');
      // The page showed the expiry date: the form knows it.
      expect(await options.tokenExpiresOn().inputValue()).toBe(fakes.tokenPage.issued.at(-1)!.expiresOn);
      await options.finish('Acme');
      const [saved, ...others] = await storedConnections(ext);
      expect(others).toEqual([]);
      expect(saved).toMatchObject({ siteUrl: ACME_URL, username: ADA.email, tokenExpiresOn: fakes.tokenPage.issued.at(-1)!.expiresOn });
      expect(await storedSecretIs(saved!.id, created.token)).toBe(true);
      expect((await ext.extensionPagesText()).includes(created.token), 'the token shows on an extension page').toBe(false);
    });
  }

  it('lands the capture after the service worker stopped while the token page was open', async () => {
    const { options, tokenPage } = await openTokenPageFromForm();
    await ext.stopServiceWorker();
    const created = await createTokenOnPage(tokenPage);
    await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON);
    await ext.stopServiceWorker();
    await useTokenAndExpectDelivered(options, tokenPage, created.token);
  });

  it('uses the token shown now after an earlier dialog was closed', async () => {
    fakes.tokenPage.configure({ shape: 'b' });
    const { options, tokenPage } = await openTokenPageFromForm();
    const first = await createTokenOnPage(tokenPage, { name: 'first' });
    await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON);
    await first.close();
    const second = await createTokenOnPage(tokenPage, { name: 'second' });
    await useTokenAndExpectDelivered(options, tokenPage, second.token);
  });

  it('renews the token of a connection Jira now rejects, keeping the connection', async () => {
    const { options } = await addCloudConnection(ext, { name: 'Acme', keepOpen: true });
    const [before] = await storedConnections(ext);
    fakes.accounts.revoke(ADA.classicToken);

    await options.page.reload();
    const renew = options.connectionButton('Acme', 'Renew token');
    // The page may re-check on load; otherwise the user presses the card's Check button.
    if (!(await renew.isVisible({ timeout: 2_000 }).catch(() => false))) {
      const check = options.connection('Acme').getByRole('button', { name: 'Check', exact: true });
      if (await check.count()) await check.click();
    }
    await options.connection('Acme').getByText('Token rejected').waitFor();
    const tokenPage = await ext.newTabFrom(`https://${HOSTS.id}/`, () => renew.click());
    const created = await createTokenOnPage(tokenPage);
    await waitForAccessibleText(tokenPage, /Renews the token of the connection waiting in Client for Jira\./);
    await useTokenAndExpectDelivered(options, tokenPage, created.token);

    await options.next();
    await options.connectedAs('Ada Lovelace');
    await options.finishButton().click();
    await options.connection('Acme').getByText('OK', { exact: true }).waitFor();
    const after = await storedConnections(ext);
    expect(after.map((c) => c.id)).toEqual([before!.id]);
    expect(await storedSecretIs(before!.id, created.token)).toBe(true);
    // The old token still works until revoked: the page says so and links to the token page.
    const reminder = options.page.getByRole('status').filter({ hasText: 'The old API token still works until you revoke it' });
    expect(await reminder.getByRole('link', { name: 'revoke the old token' }).getAttribute('href')).toBe(
      'https://id.atlassian.com/manage-profile/security/api-tokens',
    );
  });

  it('warns before capturing when the page is logged in as another account than Username', async () => {
    fakes.tokenPage.configure({ shape: 'a', account: GRACE.email });
    const { options, tokenPage } = await openTokenPageFromForm();
    const created = await createTokenOnPage(tokenPage);
    await clickUseToken(tokenPage);
    // Nothing is sent yet: a warning names the mismatch and asks for a second, explicit click.
    await waitForAccessibleText(tokenPage, new RegExp(escapeRe(GRACE.email)));
    await waitForAccessibleButton(tokenPage, 'Use it anyway');
    // The page's own account only: the form's username stays off the page.
    const warning = (await accessibleText(tokenPage)).split('\n').filter((l) => l.includes(GRACE.email));
    expect(warning.join('\n')).toMatch(/another account/);
    expect(warning.join('\n')).not.toContain(ADA.email);
    expect(await options.apiToken().inputValue()).toBe('');
    await clickAccessibleButton(tokenPage, 'Use it anyway');
    await expect
      .poll(async () => (await options.apiToken().inputValue()) === created.token, { message: 'API Token field holds the token' })
      .toBe(true);
  });

  for (const shape of ['a', 'b'] as const) {
    it(`offers the token only while the app is on the token page: not after history.pushState to another page, again after Back (shape ${shape})`, async () => {
      fakes.tokenPage.configure({ shape });
      const { options, tokenPage } = await openTokenPageFromForm();
      const created = await createTokenOnPage(tokenPage);
      await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON);
      const useButtons = async () =>
        (await accessibilityNodes(tokenPage)).filter((n) => n.role === 'button' && n.name === USE_TOKEN_BUTTON).length;

      // The app moves in place to another account page; the token's dialog stays open. (The
      // dialog's backdrop covers the link: the page's own click handler runs as the app would.)
      await tokenPage.getByRole('link', { name: 'Profile and visibility', exact: true }).dispatchEvent('click');
      await expect.poll(() => new URL(tokenPage.url()).pathname).toBe(PROFILE_PATH);
      await tokenPage.getByRole('heading', { name: 'Profile and visibility' }).waitFor();
      expect(await created.dialog.isVisible()).toBe(true);
      await expect.poll(useButtons, { message: 'no capture offered off the token page' }).toBe(0);

      // The tab as the background sees it (sender.tab): never still at the token page. Chrome
      // gives its URL only with a host permission for id.atlassian.com, which the extension does
      // not hold; where given, it is the page's current URL and must be the token page for a
      // capture to pass the sender check (src/background/senders.ts).
      const tabUrls = await options.page.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
        return (await chrome.tabs.query({})).map((t) => t.url ?? null);
      });
      expect(tabUrls.filter((u) => u?.startsWith(`https://${HOSTS.id}/`))).not.toContain(TOKEN_PAGE_URL);
      expect(await options.apiToken().inputValue()).toBe('');

      // Back (popstate) to the token page: offered again, and it delivers.
      await tokenPage.goBack();
      await expect.poll(() => new URL(tokenPage.url()).pathname).toBe('/manage-profile/security/api-tokens');
      await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON);
      await useTokenAndExpectDelivered(options, tokenPage, created.token);
    });
  }

  it('opens a new connection form holding the token when no form was waiting', async () => {
    fakes.tokenPage.configure({ shape: 'b' });
    const tokenPage = await ext.context.newPage();
    await tokenPage.goto(LEGACY_TOKEN_PAGE_URL);
    const created = await createTokenOnPage(tokenPage);
    const optionsTab = await ext.newTabFrom(ext.url('src/options/index.html'), () => clickUseToken(tokenPage));
    const options = new OptionsPage(optionsTab);
    await expect.poll(() => options.jiraCloud().isChecked(), { timeout: 5_000, message: 'the new form has Jira Cloud checked' }).toBe(true);
    await expect
      .poll(async () => (await options.apiToken().inputValue()) === created.token, { message: 'API Token field holds the token' })
      .toBe(true);
    await expect.poll(() => ext.isActiveTab(optionsTab)).toBe(true);
  });
});
