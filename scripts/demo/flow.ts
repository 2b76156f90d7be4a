// The demo's walk, driven as a person does it (controls found by role and accessible name,
// through the browser tests' helpers): New Jira Connection → the API Token link → create a
// token → "Use this token in Client for Jira" → Next → Finish → the popup. Used by --smoke and
// by the screenshots, which pause at each step to take its picture.
import type { Locator, Page } from 'playwright-core';
import { ACME_URL, ADA, HOSTS } from '../../tests/e2e/support/fakes';
import { OptionsPage } from '../../tests/e2e/support/options-page';
import { issues } from '../../tests/e2e/support/popup';
import { clickUseToken, createTokenOnPage, waitForAccessibleButton, USE_TOKEN_BUTTON } from '../../tests/e2e/support/token-page';
import { waitForTab, type DemoBrowser } from './browser';

/** Where the walk is, for a failure message that says which step broke. */
export type Step = (name: string) => void;

/** A pause of the walk at a step worth a picture (the screenshots); the smoke passes none. */
export type Pause = (at: 'form' | 'token-page', page: Page) => Promise<void>;

/**
 * Adds Ada's connection to the demo's acme site through the options page the extension opened
 * on install and the token page, and returns the options page. Throws (naming nothing secret)
 * when a step does not happen within Playwright's timeouts.
 */
export async function connectThroughTokenPage(browser: DemoBrowser, step: Step, pause?: Pause): Promise<OptionsPage> {
  step('the options page opens on install');
  const options = new OptionsPage(await waitForTab(browser.context, browser.url('src/options/index.html')));

  step('New Jira Connection: URL, Jira Cloud, Username');
  await options.startNewConnection();
  await options.fillCloud({ url: ACME_URL, username: ADA.email });
  await pause?.('form', options.page);

  step('the API Token link opens the token page');
  const before = new Set(browser.context.pages());
  await options.apiTokenLink().click();
  const tokenPage = await waitForTab(browser.context, `https://${HOSTS.id}/`);
  if (before.has(tokenPage)) throw new Error('the API Token link opened no new tab');

  step('Create API token');
  await createTokenOnPage(tokenPage, { name: 'Client for Jira' });
  step(`the token page offers "${USE_TOKEN_BUTTON}"`);
  await waitForAccessibleButton(tokenPage, USE_TOKEN_BUTTON, 10_000);
  await pause?.('token-page', tokenPage);

  step(`one click on "${USE_TOKEN_BUTTON}" fills the form's API Token`);
  await clickUseToken(tokenPage);
  await waitUntil(async () => (await options.apiToken().inputValue()).length > 0, 10_000);

  step('Next: Connected as Ada Lovelace');
  await options.next();
  await options.connectedAs(ADA.displayName);
  step('Finish: the connection is saved');
  await options.finish();
  return options;
}

/** Opens the popup page in a tab sized like the toolbar popup and waits for its first issue row. */
export async function openPopupWithIssues(browser: DemoBrowser, step: Step): Promise<{ popup: Page; rows: Locator }> {
  step('the popup lists issues');
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(browser.url('src/popup/index.html'));
  const rows = issues(popup).getByRole('option');
  await rows.first().waitFor({ timeout: 15_000 });
  return { popup, rows };
}

async function waitUntil(test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
