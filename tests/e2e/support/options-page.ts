// The options page as a user sees it: controls found by role and label. These names are
// the public contract of src/options (see the e2e brief); change them here and there together.
//
//   const options = new OptionsPage(await ext.openOptions());
//   await options.startNewConnection();
//   await options.fillCloud({ url: ACME_URL, username: ADA.email, token: ADA.classicToken });
//   await options.next();
//   await options.connectedAs('Ada Lovelace');
//   await options.finish('Acme');
//   await options.connection('Acme').waitFor();
//
// Or, when a test only needs a saved connection: await addCloudConnection(ext).
import type { Locator, Page } from 'playwright-core';
import type { ConnectionSummary } from '../../../src/shared/connection';
import { PLAIN_HTTP_CONFIRM_LABEL } from '../../../src/shared/connection-draft';
import type { ExtensionBrowser } from './browser';
import { ACME_URL, ADA } from './fakes';

export type ServerAuth = 'Password' | 'Personal access token';

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<OptionsPage> {
    return new OptionsPage(await ext.openOptions());
  }

  // --- the form ---------------------------------------------------------------------
  newConnectionButton(): Locator {
    return this.page.getByRole('button', { name: 'New Jira Connection', exact: true });
  }
  formHeading(): Locator {
    return this.page.getByRole('heading', { name: 'New Jira Connection', exact: true });
  }
  url(): Locator {
    return this.page.getByRole('textbox', { name: 'URL', exact: true });
  }
  jiraCloud(): Locator {
    return this.page.getByRole('checkbox', { name: 'Jira Cloud', exact: true });
  }
  /** The explicit confirmation an http:// Server/Data Center address needs (shown only then). */
  plainHttpConfirmation(): Locator {
    return this.page.getByRole('checkbox', { name: PLAIN_HTTP_CONFIRM_LABEL, exact: true });
  }
  /** The line under Next saying a test is running. */
  testingStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Testing connection…' });
  }
  username(): Locator {
    return this.page.getByRole('textbox', { name: 'Username', exact: true });
  }
  /** A labelled input that is not a radio or checkbox (a radio may share the label "Password"). */
  private secretInput(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: true }).and(this.page.locator('input:not([type=radio]):not([type=checkbox]), textarea'));
  }
  /** The secret field while "Jira Cloud" is checked. */
  apiToken(): Locator {
    return this.secretInput('API Token');
  }
  /** The secret field while "Jira Cloud" is unchecked. */
  password(): Locator {
    return this.secretInput('Password');
  }
  /** The secret field for a Server/DC personal access token ("Password" or "Personal access token"). */
  patField(): Locator {
    return this.secretInput(/^(Password|Personal access token)$/);
  }
  /** The link to id.atlassian.com's token page, shown with "Jira Cloud" checked. */
  apiTokenLink(): Locator {
    return this.page.getByRole('link', { name: 'API Token', exact: true });
  }
  serverAuth(choice: ServerAuth): Locator {
    return this.page.getByRole('radio', { name: choice, exact: true });
  }
  nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Next', exact: true });
  }
  connectionName(): Locator {
    return this.page.getByRole('textbox', { name: 'Connection name', exact: true });
  }
  tokenExpiresOn(): Locator {
    return this.page.getByLabel('Token expires on', { exact: true });
  }
  finishButton(): Locator {
    return this.page.getByRole('button', { name: 'Finish', exact: true });
  }
  /** Error messages (role="alert"). */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Opens the new-connection form (clicks "New Jira Connection" unless the form is already shown). */
  async startNewConnection(): Promise<void> {
    const button = this.newConnectionButton();
    const heading = this.formHeading();
    await button.or(heading).first().waitFor();
    if (await button.isVisible()) await button.click();
    await this.url().waitFor();
  }

  async fillCloud(opts: { url?: string; username?: string; token?: string }): Promise<void> {
    await this.url().fill(opts.url ?? ACME_URL);
    await this.jiraCloud().check();
    await this.username().fill(opts.username ?? ADA.email);
    if (opts.token !== undefined) await this.apiToken().fill(opts.token);
  }

  async fillServer(opts: { url: string; auth: ServerAuth; username?: string; secret: string }): Promise<void> {
    await this.url().fill(opts.url);
    await this.jiraCloud().uncheck();
    await this.serverAuth(opts.auth).check();
    if (opts.username !== undefined) await this.username().fill(opts.username);
    await (opts.auth === 'Password' ? this.password() : this.patField()).fill(opts.secret);
  }

  async next(): Promise<void> {
    await this.nextButton().click();
  }

  /** Waits for "Connected as <displayName>" after Next. */
  async connectedAs(displayName: string): Promise<void> {
    await this.page.getByText(`Connected as ${displayName}`).waitFor();
  }

  /** Optionally names the connection, then clicks Finish and waits for it in the list. */
  async finish(name?: string, tokenExpiresOn?: string): Promise<string> {
    if (name !== undefined) await this.connectionName().fill(name);
    if (tokenExpiresOn !== undefined) await this.tokenExpiresOn().fill(tokenExpiresOn);
    const finalName = await this.connectionName().inputValue();
    await this.finishButton().click();
    await this.connection(finalName).waitFor();
    return finalName;
  }

  /** Waits until the alert shows, and returns its text. */
  async alertText(): Promise<string> {
    await this.alert().first().waitFor();
    return (await this.alert().allInnerTexts()).join('\n');
  }

  // --- the list -----------------------------------------------------------------------
  /**
   * A listed connection: a list item or article whose heading is its name (a "Default"
   * badge inside the heading is tolerated).
   */
  connection(name: string): Locator {
    const heading = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*Default)?\\s*$`);
    return this.page.locator('article, li:not(:has(article))').filter({ has: this.page.getByRole('heading', { name: heading }) });
  }
  async connectionNames(): Promise<string[]> {
    return this.page.locator('article, li:not(:has(article))').getByRole('heading').allInnerTexts();
  }
  connectionButton(name: string, button: 'Edit' | 'Re-authenticate' | 'Make default' | 'Delete' | 'Renew token'): Locator {
    return this.connection(name).getByRole('button', { name: button, exact: true });
  }
}

/** storage.local's connection list (no secrets in it by design). */
export async function storedConnections(ext: ExtensionBrowser): Promise<ConnectionSummary[]> {
  const { connections } = await ext.readStorage('local', ['connections']);
  return Array.isArray(connections) ? (connections as ConnectionSummary[]) : [];
}

/**
 * Adds a Cloud connection through the options UI (Ada on acme by default) and closes the tab
 * unless `keepOpen`. For specs that need a saved connection (e.g. the popup's).
 */
export async function addCloudConnection(
  ext: ExtensionBrowser,
  opts: { url?: string; username?: string; token?: string; name?: string; displayName?: string; keepOpen?: boolean } = {},
): Promise<{ name: string; options: OptionsPage }> {
  const options = await OptionsPage.open(ext);
  await options.startNewConnection();
  await options.fillCloud({ url: opts.url ?? ACME_URL, username: opts.username ?? ADA.email, token: opts.token ?? ADA.classicToken });
  await options.next();
  await options.connectedAs(opts.displayName ?? ADA.displayName);
  const name = await options.finish(opts.name);
  if (!opts.keepOpen) await options.page.close();
  return { name, options };
}

/** Adds a Server/DC connection through the options UI. */
export async function addServerConnection(
  ext: ExtensionBrowser,
  opts: { url: string; auth: ServerAuth; username?: string; secret: string; name?: string; displayName: string; keepOpen?: boolean },
): Promise<{ name: string; options: OptionsPage }> {
  const options = await OptionsPage.open(ext);
  await options.startNewConnection();
  await options.fillServer(opts);
  await options.next();
  await options.connectedAs(opts.displayName);
  const name = await options.finish(opts.name);
  if (!opts.keepOpen) await options.page.close();
  return { name, options };
}
