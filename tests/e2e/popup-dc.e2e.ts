// The toolbar popup (every list works on Cloud and Server/DC) on a Jira Data
// Center connection, in Chromium against the fake DC at https://jira.acme-corp.test/jira
// (REST v2 only, startAt paging, PAT as Bearer, passwords as Basic). Each test checks what
// the user sees (rows by key and summary, tabs opened) and what the fake received (path
// under the /jira context path, JQL, startAt, auth scheme, no Cookie).
//
// The browser holds a Jira session cookie for the DC site (as when the user is logged in to
// Jira in a tab): the extension's REST calls must not carry it (credentials: "omit"), while a
// tab it opens on the site does, which shows that the cookie is really there to leak.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { BOB, HOSTS, SERVER_URL, startFakes, type FakeIssue, type Fakes, type RecordedRequest } from './support/fakes';

let fakes: Fakes;
let ext: ExtensionBrowser;

const ROW_FIELDS = 'summary,status,issuetype,priority,assignee,updated';
const ASSIGNED_JQL = 'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC';
const REPORTED_JQL = 'reporter = currentUser() ORDER BY updated DESC';
const WATCHING_JQL = 'watcher = currentUser() ORDER BY updated DESC';
const RECENT_JQL = 'issuekey in issueHistory() ORDER BY lastViewed DESC';
const PAGE_SIZE = 50;

const BEARER = { scheme: 'Bearer' };
const BASIC_BOB = { scheme: 'Basic', user: BOB.username };

function dcConnection(id: string, authMethod: 'pat' | 'password') {
  return {
    id,
    name: 'Acme Corp Jira',
    siteUrl: SERVER_URL,
    deployment: 'server',
    authMethod,
    username: BOB.username,
    user: { displayName: BOB.displayName, name: BOB.username, key: BOB.key },
    siteTitle: 'Acme Corp Jira',
    version: '9.12.15',
    scoped: false,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    status: { state: 'ok' },
  };
}

const DC_PAT = dcConnection('c-dc', 'pat');
const DC_PASSWORD = dcConnection('c-dc-pw', 'password');

type Chrome = { storage: { local: { set(v: object): Promise<void> } } };

/** Writes storage.local from an extension page, laid out as the background does (schema 1). */
async function seed(conn: typeof DC_PAT): Promise<void> {
  const items = {
    schemaVersion: 1,
    connections: [conn],
    secrets: { [conn.id]: conn.authMethod === 'pat' ? BOB.pat : BOB.password },
    defaultConnectionId: conn.id,
  };
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.url('manifest.json'));
    await page.evaluate((i) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(i), items);
  } finally {
    await page.close();
  }
}

/** What the fake DC would answer Bob for `jql`: the rows the popup must show, in order. */
function jiraSays(jql: string): FakeIssue[] {
  const bob = fakes.server.data.users.find((u) => u.id === BOB.username)!;
  const found = fakes.server.runSearch(jql, bob, false);
  if ('errors' in found) throw new Error(`the fake refused ${jql}: ${JSON.stringify(found.errors)}`);
  return found.issues;
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const issues = (page: Page) => page.getByRole('listbox', { name: 'Issues' });
/** storage.local as the background wrote it, and whether an alarm exists. */
async function readLocal(keys: string[]): Promise<Record<string, unknown>> {
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.url('manifest.json'));
    return await page.evaluate(
      (k) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }
        ).chrome.storage.local.get(k),
      keys,
    );
  } finally {
    await page.close();
  }
}
async function alarm(name: string): Promise<string | null> {
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.url('manifest.json'));
    return await page.evaluate(
      async (n) =>
        (
          await (
            globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ name: string } | undefined> } } }
          ).chrome.alarms.get(n)
        )?.name ?? null,
      name,
    );
  } finally {
    await page.close();
  }
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const searches = (): RecordedRequest[] => fakes.requests.to(HOSTS.server, '/jira/rest/api/2/search');
const searchesFor = (jql: string) => searches().filter((r) => r.query.jql === jql);

/**
 * Differences between the rows on screen (the virtual list renders only those in view) and
 * `want`: every rendered row must be the issue of its position, by key and summary; the list
 * must start at the first one and hold `loaded` rows. Empty when the popup shows `want`.
 */
async function rowProblems(page: Page, want: FakeIssue[], loaded = want.length): Promise<string[]> {
  const rows = await issues(page)
    .getByRole('option')
    .evaluateAll((els) =>
      els.map((e) => ({
        pos: Number(e.getAttribute('aria-posinset')),
        size: Number(e.getAttribute('aria-setsize')),
        label: e.getAttribute('aria-label') ?? '',
      })),
    )
    .catch(() => []);
  rows.sort((a, b) => a.pos - b.pos);
  const problems: string[] = [];
  if (!rows.length) return ['no rows shown'];
  if (rows[0]!.size !== loaded) problems.push(`${rows[0]!.size} rows loaded, want ${loaded}`);
  for (const r of rows) {
    const issue = want[r.pos - 1];
    if (!issue || !r.label.startsWith(`${issue.key} ${issue.summary}, `))
      problems.push(`row ${r.pos} is "${r.label}", want ${issue?.key} ${issue?.summary}`);
  }
  return problems;
}

async function expectRows(page: Page, want: FakeIssue[], loaded = want.length): Promise<void> {
  expect(want.length, 'the fake has issues for this list').toBeGreaterThan(0);
  await poll(() => rowProblems(page, want, loaded)).toEqual([]);
  // The first rows are in view (not just somewhere in the DOM).
  await issues(page)
    .getByRole('option', { name: new RegExp(`^${want[0]!.key} `) })
    .waitFor({ state: 'visible' });
}

/** The list's first search: the DC endpoint under /jira, offset paging, only the row's fields. */
async function expectFirstSearch(jql: string, auth: object, skip = 0): Promise<RecordedRequest> {
  await poll(() => searchesFor(jql).length).toBeGreaterThan(skip);
  const call = searchesFor(jql)[skip]!;
  expect(call.method).toBe('GET');
  expect(call.path).toBe('/jira/rest/api/2/search');
  expect(call.query).toEqual({ jql, fields: ROW_FIELDS, startAt: '0', maxResults: String(PAGE_SIZE) });
  expect(call.auth).toEqual(auth);
  expect(call.hasCookie).toBe(false);
  return call;
}

/**
 * Every REST call the DC site got went to REST v2 under the context path, with the
 * connection's credentials and without the browser's Jira cookie; nothing left /jira.
 */
function expectOnlyDcRestV2(auth: object): void {
  const all = fakes.requests.to(HOSTS.server);
  const rest = all.filter((r) => r.path.includes('/rest/'));
  expect(rest.length).toBeGreaterThan(0);
  expect(rest.filter((r) => !r.path.startsWith('/jira/rest/api/2/')).map((r) => r.path)).toEqual([]);
  expect(rest.filter((r) => JSON.stringify(r.auth) !== JSON.stringify(auth)).map((r) => `${r.path} ${JSON.stringify(r.auth)}`)).toEqual([]);
  expect(rest.filter((r) => r.hasCookie).map((r) => r.path)).toEqual([]);
  // (The browser's own /favicon.ico look-up for a tab on the site aside.)
  expect(all.filter((r) => !r.path.startsWith('/jira/') && r.path !== '/favicon.ico').map((r) => r.path)).toEqual([]);
}

async function chooseTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Jira's issue search for `jql` on the DC site, context path kept. */
function expectJiraSearchTab(tab: Page, jql: string): void {
  const url = new URL(tab.url());
  expect(`${url.origin}${url.pathname}`).toBe(`${SERVER_URL}/issues/`);
  expect(url.searchParams.get('jql')).toBe(jql);
}

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
  // Bob is logged in to Jira in this browser ("Remember my login": a persistent cookie, which
  // outlives the moments when the tests leave no tab open).
  const inADay = Math.floor(Date.now() / 1000) + 86_400;
  await ext.context.addCookies([
    {
      name: 'seraph.rememberme.cookie',
      value: 'B0B5E55I0N',
      domain: HOSTS.server,
      path: '/jira',
      expires: inADay,
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
});

afterEach(() => resetBetweenTests(ext, fakes, [`https://${HOSTS.server}/`]));

afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

describe('popup on a Data Center connection', () => {
  it('shows Reported by me, Watching and Recently viewed with their JQL, and opens a list in Jira under /jira', async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    await expectFirstSearch(ASSIGNED_JQL, BEARER);

    // Reported by me: Bob reported SEC issues he is not assigned; 65 in all, one page of 50.
    const reported = jiraSays(REPORTED_JQL);
    expect(reported.length).toBeGreaterThan(PAGE_SIZE);
    expect(
      reported.slice(0, 7).some((i) => i.assignee !== BOB.username),
      'issues not assigned to Bob in view',
    ).toBe(true);
    await chooseTab(popup, 'Reported by me');
    await expectRows(popup, reported, PAGE_SIZE);
    await expectFirstSearch(REPORTED_JQL, BEARER);
    await popup.getByRole('button', { name: 'Load more' }).waitFor();

    // Watching: the issues Bob watches, whoever they belong to.
    const watching = jiraSays(WATCHING_JQL);
    expect(watching.some((i) => i.key.startsWith('SEC-')) && watching.some((i) => i.key.startsWith('INFRA-'))).toBe(true);
    await chooseTab(popup, 'Watching');
    await expectRows(popup, watching);
    await expectFirstSearch(WATCHING_JQL, BEARER);

    // Recently viewed: Jira's issue history, most recent first.
    await chooseTab(popup, 'Recently viewed');
    expect(jiraSays(RECENT_JQL).map((i) => i.key)).toEqual(['SEC-4', 'INFRA-1', 'HR-2']);
    await expectRows(popup, jiraSays(RECENT_JQL));
    await expectFirstSearch(RECENT_JQL, BEARER);
    expect(await popup.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // Open in Jira: the list shown, as a search on the DC site.
    const tab = await ext.newTabFrom(`${SERVER_URL}/issues/`, () => popup.getByRole('button', { name: 'Open in Jira' }).click());
    expectJiraSearchTab(tab, RECENT_JQL);
    expectOnlyDcRestV2(BEARER);
  });

  it("shows issue type icons and avatars from /jira/secure/ with the connection's token, not the browser's cookie", async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    const want = jiraSays(ASSIGNED_JQL);
    await expectRows(popup, want);
    const row = issues(popup).getByRole('option', { name: new RegExp(`^${want[0]!.key} `) });
    await poll(() => row.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 26)))).toEqual([
      'data:image/svg+xml;base64,',
      'data:image/svg+xml;base64,',
      'data:image/svg+xml;base64,',
    ]);
    // Bob's session cookie is in this browser, yet no icon request carried it: the background
    // fetched each one with his personal access token.
    const icons = fakes.requests.to(HOSTS.server).filter((r) => r.path.startsWith('/jira/secure/') || r.path.startsWith('/jira/images/'));
    expect(icons.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/jira/secure/viewavatar',
        '/jira/secure/useravatar',
        expect.stringMatching(/^\/jira\/images\/icons\/priorities\//),
      ]),
    );
    expect(
      icons
        .filter((r) => JSON.stringify(r.auth) !== JSON.stringify(BEARER) || r.hasCookie || r.status !== 200)
        .map((r) => `${r.path} ${r.status}`),
    ).toEqual([]);
  });

  it('pages Reported by me past the first 50 with startAt', async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    await chooseTab(popup, 'Reported by me');
    const reported = jiraSays(REPORTED_JQL);
    await expectRows(popup, reported, PAGE_SIZE);

    await popup.getByRole('button', { name: 'Load more' }).click();
    await poll(() => issues(popup).getByRole('option').first().getAttribute('aria-setsize')).toBe(String(reported.length));
    const pages = searchesFor(REPORTED_JQL);
    expect(pages.map((r) => r.query.startAt)).toEqual(['0', String(PAGE_SIZE)]);
    expect(pages[1]!.query).toEqual({ jql: REPORTED_JQL, fields: ROW_FIELDS, startAt: String(PAGE_SIZE), maxResults: String(PAGE_SIZE) });
    expect(pages[1]!.auth).toEqual(BEARER);
    expect(pages[1]!.hasCookie).toBe(false);
    await poll(() => popup.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // The end of the list: the last issues Jira has, in Jira's order.
    await issues(popup).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await issues(popup).locator(`[role=option][aria-posinset="${reported.length}"]`).waitFor();
    await poll(() => rowProblems(popup, reported)).toEqual([]);
    // The end reached, no further page is asked for.
    expect(searchesFor(REPORTED_JQL)).toHaveLength(2);
    expectOnlyDcRestV2(BEARER);
  });

  it('lists a favourite filter from /rest/api/2/filter/favourite, remembers it, and opens it in Jira', async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    const menu = popup.getByRole('combobox', { name: 'List' });
    await menu.waitFor();
    // Bob's favourite only (Carol's filter is hers).
    await poll(() => menu.locator('option').allTextContents()).toEqual(['Filters…', 'Infra open']);
    const [favourites] = fakes.requests.to(HOSTS.server, '/jira/rest/api/2/filter/favourite');
    expect(favourites!.auth).toEqual(BEARER);
    expect(favourites!.hasCookie).toBe(false);

    await menu.selectOption({ label: 'Infra open' });
    // In the filter's own order (its JQL ends ORDER BY key ASC), which `filter = ID` alone
    // would not keep: Jira takes only the filter's conditions.
    const filtered = jiraSays('filter = 12000 ORDER BY key ASC');
    expect(filtered.every((i) => i.key.startsWith('INFRA-') && i.resolution === null)).toBe(true);
    expect(filtered.map((i) => i.key)).not.toEqual(jiraSays('filter = 12000').map((i) => i.key));
    await expectRows(popup, filtered);
    await expectFirstSearch('filter = 12000 ORDER BY key ASC', BEARER);
    await popup.close();

    const again = await ext.openPopup();
    await expectRows(again, filtered);
    expect(await again.getByRole('combobox', { name: 'List' }).inputValue()).toBe('f:12000');
    // Opened as the saved filter itself: its name and columns in Jira.
    const tab = await ext.newTabFrom(`${SERVER_URL}/issues/`, () => again.getByRole('button', { name: 'Open in Jira' }).click());
    expect(tab.url()).toBe(`${SERVER_URL}/issues/?filter=12000`);
    expectOnlyDcRestV2(BEARER);
  });

  it('lists a saved JQL query added on the options page (password connection, Basic auth)', async () => {
    await seed(DC_PASSWORD);
    const jql = 'project = SEC AND reporter = currentUser() AND statusCategory != Done ORDER BY key ASC';
    const options = await ext.openOptions();
    // A query Jira refuses is not saved: its message shows at once, not later in the popup.
    await options.getByRole('textbox', { name: 'Query name', exact: true }).fill('My open security reports');
    await options.getByRole('textbox', { name: 'JQL', exact: true }).fill('project = = SEC');
    await options.getByRole('button', { name: 'Add query', exact: true }).click();
    await poll(() => options.getByRole('alert').allTextContents()).toContainEqual(
      expect.stringMatching(/does not accept this JQL: Error in the JQL Query: Expecting either a value, list or function but got '='/),
    );
    expect(await options.getByRole('listitem').filter({ hasText: 'My open security reports' }).count()).toBe(0);

    await options.getByRole('textbox', { name: 'JQL', exact: true }).fill(jql);
    await options.getByRole('button', { name: 'Add query', exact: true }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.getByRole('listitem').filter({ hasText: 'My open security reports' }).waitFor();
    await options.close();
    // The check: one search of a single issue, with the connection's credentials.
    expect(searchesFor(jql).map((r) => [r.query.maxResults, r.auth])).toEqual([['1', BASIC_BOB]]);

    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    const menu = popup.getByRole('combobox', { name: 'List' });
    await menu.selectOption({ label: 'My open security reports' });
    const want = jiraSays(jql);
    expect(want.every((i) => i.key.startsWith('SEC-') && i.reporter === BOB.username && i.status.category !== 'done')).toBe(true);
    await expectRows(popup, want);
    await expectFirstSearch(jql, BASIC_BOB, 1);
    expectOnlyDcRestV2(BASIC_BOB);
  });

  it('opens an issue by key and by pasted Data Center URL under /jira', async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    await searchBox(popup).fill('infra-3');
    // Enter opens the issue and closes the popup (window.close()).
    const tab = await ext.newTabFrom(`${SERVER_URL}/browse/`, () =>
      searchBox(popup)
        .press('Enter', { noWaitAfter: true })
        .catch(() => undefined),
    );
    expect(tab.url()).toBe(`${SERVER_URL}/browse/INFRA-3`);
    // The page view carried the Jira session cookie: the cookie the REST calls leave out is real.
    await poll(() => fakes.requests.to(HOSTS.server, '/jira/browse/INFRA-3').some((r) => r.hasCookie)).toBe(true);
    await tab.close();

    const popup2 = await ext.openPopup();
    await searchBox(popup2).fill(`${SERVER_URL}/browse/SEC-12`);
    // Ctrl+Enter keeps the popup open.
    const tab2 = await ext.newTabFrom(`${SERVER_URL}/browse/`, () => searchBox(popup2).press('Control+Enter'));
    expect(tab2.url()).toBe(`${SERVER_URL}/browse/SEC-12`);
    expect(popup2.isClosed()).toBe(false);
    // A key is opened, not searched for.
    expect(searches().filter((r) => r.query.jql !== ASSIGNED_JQL)).toEqual([]);
    expectOnlyDcRestV2(BEARER);
  });

  it('searches text as I type', async () => {
    await seed(DC_PAT);
    // A word in some summaries of the site (not all), so the result is a real selection.
    const all = fakes.server.data.issues.length;
    const word = ['Checkout', 'Billing', 'Avatar', 'Onboarding', 'Login', 'timezone', 'gateway', 'contrast'].find((w) => {
      const n = jiraSays(`text ~ "${w}"`).length;
      return n >= 2 && n <= 20 && n < all;
    });
    expect(word, 'a word found in a few issues').toBeDefined();
    // Typed as you go: the last word is a prefix (Jira matches whole words).
    const jql = `text ~ "${word}" OR text ~ "${word!.toLowerCase()}*" ORDER BY updated DESC`;
    const want = jiraSays(jql);
    expect(want.some((i) => i.key.startsWith('SEC-')) || want.some((i) => i.assignee === BOB.username)).toBe(true);

    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    await searchBox(popup).pressSequentially(word!, { delay: 20 });
    await expectRows(popup, want);
    await expectFirstSearch(jql, BEARER);
    const labels = await issues(popup)
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const l of labels) expect(l.toLowerCase()).toContain(word!.toLowerCase());

    // Esc brings the list back.
    await searchBox(popup).press('Escape');
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    expectOnlyDcRestV2(BEARER);
  });

  it("runs JQL (unbounded is fine on Data Center), shows Jira's messages for wrong JQL, and opens the search in Jira", async () => {
    await seed(DC_PAT);
    const popup = await ext.openPopup();
    await expectRows(popup, jiraSays(ASSIGNED_JQL));
    await popup.getByRole('checkbox', { name: 'JQL' }).check();
    const box = searchBox(popup);
    const alert = popup.getByRole('alert');

    await box.fill('project = = INFRA');
    await box.press('Enter');
    await poll(() => alert.textContent()).toContain("Error in the JQL Query: Expecting either a value, list or function but got '='.");
    expect(searchesFor('project = = INFRA').map((r) => r.status)).toEqual([400]);
    expect(await issues(popup).count()).toBe(0);

    await box.fill('project = NOPE');
    await box.press('Enter');
    await poll(() => alert.textContent()).toContain("The value 'NOPE' does not exist for the field 'project'.");
    expect(searchesFor('project = NOPE').map((r) => r.status)).toEqual([400]);

    // Data Center runs a query without restriction (Jira Cloud refuses it).
    await box.fill('ORDER BY created DESC');
    await box.press('Enter');
    await poll(() => alert.count()).toBe(0);
    await expectRows(popup, jiraSays('ORDER BY created DESC'), PAGE_SIZE);
    await expectFirstSearch('ORDER BY created DESC', BEARER);

    const jql = 'project = HR AND statusCategory = Done ORDER BY key ASC';
    await box.fill(jql);
    await box.press('Enter');
    await expectRows(popup, jiraSays(jql));
    await expectFirstSearch(jql, BEARER);

    const tab = await ext.newTabFrom(`${SERVER_URL}/issues/`, () => popup.getByRole('button', { name: 'Open in Jira' }).click());
    expectJiraSearchTab(tab, jql);
    expectOnlyDcRestV2(BEARER);
  });
});

describe('popup on Data Center, CAPTCHA', () => {
  it('shows Log in to Jira and Try again, sends no login meanwhile, and after Try again lists and polls again', async () => {
    await seed(DC_PASSWORD);
    fakes.server.forceCaptcha(BOB.username);
    const popup = await ext.openPopup();
    const alert = popup.getByRole('alert');
    await poll(() => alert.textContent()).toMatch(/CAPTCHA/);
    const login = alert.getByRole('link', { name: 'Log in to Jira' });
    expect(await login.getAttribute('href')).toBe(`${SERVER_URL}/login.jsp`);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    expect(await issues(popup).count()).toBe(0);
    const stored = await readLocal(['connections']);
    expect((stored.connections as { status: { state: string } }[])[0]!.status.state).toBe('captcha');
    await popup.close();

    // Opening the popup again sends no login: more failed logins would lock the account.
    const before = fakes.requests.to(HOSTS.server).length;
    const again = await ext.openPopup();
    await again.getByRole('button', { name: 'Try again' }).waitFor();
    await again.waitForTimeout(300);
    expect(fakes.requests.to(HOSTS.server).length).toBe(before);

    // The user logs in once in the browser (Jira forgets the failed logins), then Try again.
    fakes.server.clearCaptcha();
    await again.getByRole('button', { name: 'Try again' }).click();
    await expectRows(again, jiraSays(ASSIGNED_JQL));
    await poll(() => again.getByRole('alert').count()).toBe(0);
    // The badge polls again (it stopped at the CAPTCHA).
    await poll(() => alarm('badge-refresh')).toBe('badge-refresh');
  });
});

describe('popup on Data Center, page health', () => {
  it('raised no uncaught exception or console error on extension pages (failed image loads aside)', () => {
    expect(ext.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
