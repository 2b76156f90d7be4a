// axe-core over the options page at every step a user meets, in the light and the dark palette
// (prefers-color-scheme, emulated): the first-run form, its field errors, the Server/Data Center
// fields, the plain-http warning, the configure step, the connection list with its settings and
// saved queries, a card's edit form and the delete dialog. Each state asserts axe's real result
// (support/axe.ts): WCAG 2.0-2.2 A/AA and axe's best practices.
//
//   state                              how it is reached
//   first-run form                     a new profile opens the form (Jira Cloud checked, empty)
//   field errors                       Next on the empty form
//   Server / Data Center, token        Jira Cloud unchecked, "Personal access token"
//   plain-http warning                 http://jira.intranet.test/jira with Jira Cloud unchecked
//   configure step                     a successful test of Ada's Cloud token on acme
//   list, settings, saved queries      Finish, then a saved query added
//   settings' errors                   an interval of 500, JQL Jira refuses ("Save anyway")
//   cards in every tone                stored: default, token rejected, expired, expiring, unchecked
//   edit form                          Edit on the card
//   delete dialog                      Delete on the card
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ACME_URL, ADA, BOB, startFakes, type Fakes } from './support/fakes';
import { OptionsPage } from './support/options-page';
import { ACME, BETA, SERVER, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
// Connections written into storage.local as the background lays them out (support/popup.ts).
const { seed } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => resetBetweenTests(ext, fakes));
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

/** The options page with the new-connection form open. */
async function newForm(): Promise<OptionsPage> {
  const options = await OptionsPage.open(ext);
  await options.startNewConnection();
  return options;
}

/** Ada's Cloud connection tested: the configure step (name, token expiry, Finish). */
async function configureStep(): Promise<OptionsPage> {
  const options = await newForm();
  await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
  await options.next();
  await options.connectedAs(ADA.displayName);
  return options;
}

/** The list with Ada's connection "Acme" and one saved query. */
async function listWithCard(): Promise<OptionsPage> {
  const options = await configureStep();
  await options.finish('Acme');
  const page = options.page;
  await page.getByRole('textbox', { name: 'Query name', exact: true }).fill('Open bugs');
  await page.getByRole('textbox', { name: 'JQL', exact: true }).fill('project = WEB AND statusCategory != Done');
  await page.getByRole('button', { name: 'Add query', exact: true }).click();
  await page.getByRole('button', { name: 'Remove Open bugs', exact: true }).waitFor();
  return options;
}

describe('options page: axe finds nothing, light and dark', () => {
  it('the first-run form (Jira Cloud checked, empty)', async () => {
    const options = await newForm();
    expect(await options.jiraCloud().isChecked()).toBe(true);
    await options.apiTokenLink().waitFor();
    await expectAccessible(options.page);
  });

  it('the form with field errors (Next on the empty form)', async () => {
    const options = await newForm();
    await options.next();
    await options.alert().first().waitFor();
    await expectAccessible(options.page);
  });

  it('the Server / Data Center fields with a personal access token', async () => {
    const options = await newForm();
    await options.url().fill('https://jira.acme-corp.test/jira');
    await options.jiraCloud().uncheck();
    await options.serverAuth('Personal access token').check();
    await options.patField().fill(BOB.pat);
    await options.serverAuth('Password').waitFor();
    await expectAccessible(options.page);
  });

  it('the plain-http warning and its confirmation', async () => {
    const options = await newForm();
    await options.jiraCloud().uncheck();
    await options.url().fill('http://jira.intranet.test/jira');
    await options.plainHttpConfirmation().waitFor();
    await expectAccessible(options.page);
    // Next without the confirmation: the warning becomes an error on the checkbox.
    await options.next();
    await options.alert().first().waitFor();
    await expectAccessible(options.page);
  });

  it('the configure step after a successful test', async () => {
    const options = await configureStep();
    await options.finishButton().waitFor();
    await expectAccessible(options.page);
  });

  it('the connection list with a card, the settings and a saved query', async () => {
    const options = await listWithCard();
    await options.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await expectAccessible(options.page);
  });

  it("the settings' errors: an interval out of range, JQL Jira refuses (with Save anyway)", async () => {
    const options = await listWithCard();
    const page = options.page;
    await page.getByRole('spinbutton', { name: 'Refresh every (minutes)', exact: true }).fill('500');
    await page.getByRole('spinbutton', { name: 'Refresh every (minutes)', exact: true }).press('Enter');
    await page.getByText('Enter a whole number of minutes from 1 to 120.').waitFor();
    await page.getByRole('textbox', { name: 'Query name', exact: true }).fill('Broken');
    await page.getByRole('textbox', { name: 'JQL', exact: true }).fill('project = = WEB');
    await page.getByRole('button', { name: 'Add query', exact: true }).click();
    await page.getByRole('button', { name: 'Save anyway', exact: true }).waitFor();
    await expectAccessible(page);
  });

  it('cards in every tone: default, a rejected token, an expired and an expiring token, unchecked', async () => {
    const day = (offset: number) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    await seed([
      { ...ACME, tokenExpiresOn: day(5) },
      { ...BETA, tokenExpiresOn: day(-2), status: { state: 'token-rejected', message: 'Jira rejected the API token.' } },
      { ...SERVER, status: { state: 'unchecked' } },
    ]);
    const options = await OptionsPage.open(ext);
    await options.connectionButton('Beta Jira', 'Re-authenticate').waitFor();
    await options.connection('Acme Corp Jira').waitFor();
    await expectAccessible(options.page);
  });

  it("a card's edit form", async () => {
    const options = await listWithCard();
    await options.connectionButton('Acme', 'Edit').click();
    await options.connectionName().waitFor();
    await expectAccessible(options.page);
  });

  it('the delete dialog', async () => {
    const options = await listWithCard();
    await options.connectionButton('Acme', 'Delete').click();
    await options.page.getByRole('dialog', { name: 'Delete Acme?' }).waitFor();
    await expectAccessible(options.page);
  });
});
