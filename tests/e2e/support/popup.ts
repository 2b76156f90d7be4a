// Helpers of the popup's browser tests: connections written into storage.local exactly as the
// background lays them out (src/background/storage/store.ts, schema version 1), cached lists
// made stale, and the list found by role and name, as a user finds it.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { ACME_URL, ADA, BETA_URL, BOB, HOSTS, SERVER_URL, type Fakes } from './fakes';

export const ASSIGNED_JQL = 'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC';
/** Ada's 120 issues on acme, minus the Done ones (every fifth): the open "Assigned to me". */
export const OPEN_ASSIGNED = 96;

export function cloudConnection(id: string, siteUrl: string, name: string, status: object = { state: 'ok' }) {
  return {
    id,
    name,
    siteUrl,
    deployment: 'cloud',
    authMethod: 'cloud-token',
    username: ADA.email,
    user: { displayName: ADA.displayName, accountId: ADA.accountId },
    siteTitle: name,
    scoped: false,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    status,
  };
}

export const ACME = cloudConnection('c-acme', ACME_URL, 'Acme Jira');
export const BETA = cloudConnection('c-beta', BETA_URL, 'Beta Jira');
export const SERVER = {
  ...cloudConnection('c-dc', SERVER_URL, 'Acme Corp Jira'),
  deployment: 'server',
  authMethod: 'pat',
  username: BOB.username,
  user: { displayName: BOB.displayName, name: BOB.username, key: BOB.key },
};

export const issues = (page: Page) => page.getByRole('listbox', { name: 'Issues' });
export const option = (page: Page, key: string) => issues(page).getByRole('option', { name: new RegExp(`^${key} `) });
export const firstOption = (page: Page) => issues(page).getByRole('option').first();
/** The number of rows the list says it has (aria-setsize of its rows). */
export const rowCount = async (page: Page) => Number((await firstOption(page).getAttribute('aria-setsize')) ?? 0);

type Chrome = { storage: { local: { set(v: object): Promise<void> } } };

/** The helpers bound to a suite's browser and fakes (read when called: set in beforeAll). */
export function popupHarness(get: () => { ext: ExtensionBrowser; fakes: Fakes }) {
  async function inExtensionPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await get().ext.context.newPage();
    try {
      await page.goto(get().ext.url('manifest.json'));
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  async function setStorage(items: Record<string, unknown>): Promise<void> {
    await inExtensionPage((page) => page.evaluate((i) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(i), items));
  }

  /** The connections (Ada's token on Cloud, Bob's PAT on the Data Center), the first as default. */
  async function seed(connections: object[] = [ACME], extra: Record<string, unknown> = {}): Promise<void> {
    const secrets = Object.fromEntries(
      connections.map((c) => [
        (c as { id: string }).id,
        (c as { deployment: string }).deployment === 'server' ? BOB.pat : ADA.classicToken,
      ]),
    );
    await setStorage({
      schemaVersion: 1,
      connections,
      secrets,
      defaultConnectionId: (connections[0] as { id: string } | undefined)?.id ?? null,
      ...extra,
    });
  }

  /**
   * Makes the cached lists look older than the refresh window (the favourite filters stay
   * fresh). `noImages` drops the rows' icons, so that only the search meets the fake's switches.
   */
  async function ageCaches(opts: { noImages?: boolean } = {}): Promise<void> {
    const all = await get().ext.readStorage('local', null);
    type Entry = { page: { fetchedAt: number; issues: Record<string, unknown>[] }; cachedAt: number };
    const old = Date.now() - 3_600_000;
    const aged = Object.fromEntries(
      Object.entries(all)
        .filter(([k]) => k.startsWith('cache:') && !k.includes(':~'))
        .map(([k, v]) => {
          const entry = v as Entry;
          const rows = opts.noImages
            ? entry.page.issues.map(({ issueType: _t, priority: _p, assignee: _a, ...rest }) => rest)
            : entry.page.issues;
          return [k, { ...entry, cachedAt: old, page: { ...entry.page, issues: rows, fetchedAt: old } }];
        }),
    );
    await setStorage(aged);
  }

  /** Ada's Cloud connection with its assigned list opened once (so cached), then aged past the refresh window. */
  async function seedCachedThenStale(opts: { noImages?: boolean } = {}): Promise<void> {
    await seed();
    const popup = await get().ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.close();
    await ageCaches(opts);
  }

  /** The searches the fake of `host` received (Cloud: /rest/api/3/search/jql). */
  const searches = (host: string = HOSTS.acme, path = '/rest/api/3/search/jql') => get().fakes.requests.to(host, path);

  return { inExtensionPage, setStorage, seed, ageCaches, seedCachedThenStale, searches };
}
