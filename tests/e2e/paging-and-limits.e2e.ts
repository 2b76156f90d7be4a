// Never hammer a user's Jira: the popup's lists against answers real sites have given that make
// clients loop (docs/jira-api.md#search, #rate-limits), counting the requests the fakes receive.
// A page that adds nothing but carries a token, the same page twice, long and expiring page
// tokens, a URL too long for a GET, 429 without Retry-After or with `Retry-After: 0`, 503 with an
// HTML page; and the lists still page through 5,000 issues.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ADA, HOSTS, startFakes, type Fakes } from './support/fakes';
import { ACME, ASSIGNED_JQL, BETA, OPEN_ASSIGNED, SERVER, issues, option, popupHarness, rowCount } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
const { seed, seedCachedThenStale, searches } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => resetBetweenTests(ext, fakes));
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

/** Scrolls the list to its end again and again for `ms`, as a user looking for more would. */
async function keepScrolling(page: Page, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i++) {
    await issues(page).evaluate((el, n) => {
      el.scrollTop = el.scrollHeight - (n % 2) * 60;
    }, i);
    await page.waitForTimeout(100);
  }
}

/** The searches that asked for a next page (in the query, or in the body of a POST). */
const withCursor = (host: string = HOSTS.acme, path?: string) =>
  searches(host, path).filter((r) => {
    const asked = { ...r.query, ...((r.body as Record<string, unknown> | undefined) ?? {}) };
    return asked.nextPageToken || Number(asked.startAt ?? 0) > 0;
  });
const endNote = (page: Page) => page.locator('.list-end');

describe('a cursor that does not advance', () => {
  it.each([
    ['one connection', [ACME]],
    ['the merged "All connections"', [ACME, BETA]],
  ])('a page that adds nothing yet names another: one request, then none until Load more (%s)', async (_name, connections) => {
    await seed(connections, connections.length > 1 ? { popupState: { scope: { kind: 'all' } } } : {});
    fakes.acme.switches.emptyPagesWithToken = true;
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    const started = Date.now();
    await keepScrolling(popup, 4_000);
    expect(withCursor()).toHaveLength(1);
    // In the 10 s after the list reached its end: at most 3 requests to Jira, by anything.
    expect(fakes.requests.to(HOSTS.acme).filter((r) => r.at >= started && r.path.includes('/search')).length).toBeLessThanOrEqual(3);
    await expect.poll(() => endNote(popup).textContent()).toContain('Jira’s last page had no new issues.');

    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => withCursor().length).toBe(2);
    await keepScrolling(popup, 1_500);
    expect(withCursor()).toHaveLength(2);
  });

  it.each([
    ['Jira Cloud (nextPageToken)', ACME, HOSTS.acme, '/rest/api/3/search/jql'],
    ['Data Center (startAt)', SERVER, HOSTS.server, '/jira/rest/api/2/search'],
  ])('the same page answered twice stops by itself: %s', async (_name, connection, host, path) => {
    await seed(
      [connection],
      connection === SERVER
        ? { popupState: { scope: { kind: 'connection', connectionId: 'c-dc' }, lists: { 'c-dc': { kind: 'reported' } } } }
        : {},
    );
    fakes[connection === SERVER ? 'server' : 'acme'].switches.repeatFirstPage = true;
    const popup = await ext.openPopup();
    await issues(popup).getByRole('option').first().waitFor();
    const size = await rowCount(popup);
    await keepScrolling(popup, 3_000);
    expect(withCursor(host, path)).toHaveLength(1);
    expect(await rowCount(popup)).toBe(size);
  });
});

describe('page tokens', () => {
  // 300 clauses: about 6,000 characters of JQL, a page token longer than that.
  const longJql = (clauses: number) =>
    `assignee = currentUser() AND statusCategory != Done AND ${Array.from({ length: clauses }, (_, i) => `summary !~ "zq${i}"`).join(' AND ')} ORDER BY updated DESC`;
  const savedQuery = (jql: string) => ({
    settings: { badgeEnabled: false, badgeIntervalMinutes: 5, savedQueries: [{ id: 'q-long', name: 'Long one', jql }] },
    popupState: {
      scope: { kind: 'connection', connectionId: 'c-acme' },
      lists: { 'c-acme': { kind: 'saved', queryId: 'q-long', name: 'Long one', jql } },
    },
  });

  it('a long query pages with its long token (the query is inside it)', async () => {
    await seed([ACME], savedQuery(longJql(100)));
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rowCount(popup)).toBe(OPEN_ASSIGNED);
    const [next] = withCursor();
    expect(next!.method).toBe('GET');
    expect(next!.query.nextPageToken!.length).toBeGreaterThan(2_000);
    expect(next!.status).toBe(200);
  });

  it('a query whose URL would pass 8 KB goes as POST, and pages the same way', async () => {
    const jql = longJql(400);
    await seed([ACME], savedQuery(jql));
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rowCount(popup)).toBe(OPEN_ASSIGNED);
    const sent = searches();
    expect(sent.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200', 'POST 200']);
    expect(sent[0]!.body).toMatchObject({ jql, maxResults: 50 });
    expect((sent[1]!.body as { nextPageToken: string }).nextPageToken.length).toBeGreaterThan(8_000);
    expect(fakes.requests.all.filter((r) => r.status === 414)).toEqual([]);
  });

  it('an expired page token starts the list again from its first page, once, with no error', async () => {
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    fakes.acme.switches.expirePageTokens();
    await popup.getByRole('button', { name: 'Load more' }).click();
    // The expired one (400), then the first page again, fresh from Jira.
    await expect
      .poll(() => searches().map((r) => `${r.query.nextPageToken ? 'next' : 'first'} ${r.status}`), { timeout: 10_000 })
      .toEqual(['first 200', 'next 400', 'first 200']);
    expect(await popup.getByRole('alert').count()).toBe(0);
    expect(await rowCount(popup)).toBe(50);
    await popup.waitForTimeout(1_000);
    expect(searches()).toHaveLength(3);
    // Its new token works.
    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rowCount(popup)).toBe(OPEN_ASSIGNED);
    await expect.poll(() => endNote(popup).textContent()).toBe(`End of the list: ${OPEN_ASSIGNED} issues.`);
  });
});

describe('Retry-After is a floor, and the retries have a budget', () => {
  it.each([
    ['429 without Retry-After', () => fakes.acme.switches.rateLimitNext(1_000, null), /^Jira is limiting requests right now\./],
    ['429 with Retry-After: 0', () => fakes.acme.switches.rateLimitNext(1_000, 0), /^Jira is limiting requests right now\./],
    [
      '503 with Retry-After and an HTML page',
      () => fakes.acme.switches.unavailableNext(1_000, 1),
      /^Jira is unavailable for the moment \(HTTP 503\)\./,
    ],
  ])('%s: three requests at least a second apart, then only Retry', async (_name, limit, message) => {
    await seedCachedThenStale({ noImages: true });
    limit();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.locator('p').first().textContent(), { timeout: 15_000 }).toMatch(message);
    await alert.getByRole('button', { name: 'Retry' }).waitFor();
    await popup.waitForTimeout(5_000);
    const refused = searches().filter((r) => r.status === 429 || r.status === 503);
    expect(refused).toHaveLength(3);
    for (let i = 1; i < refused.length; i++) expect(refused[i]!.at - refused[i - 1]!.at).toBeGreaterThanOrEqual(950);
    expect(await alert.textContent()).not.toMatch(/Retrying automatically|<h1>|Service Unavailable/);
    await option(popup, 'WEB-1').waitFor(); // the cached rows stay

    // The user's Retry sends one more, at once.
    fakes.acme.switches.reset();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
    expect(searches().filter((r) => r.status === 200)).toHaveLength(2);
  });

  it('a wait Jira names is counted down and retried by itself, within the budget', async () => {
    await seedCachedThenStale({ noImages: true });
    fakes.acme.switches.rateLimitNext(2, 3);
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    await expect.poll(() => popup.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/Retrying automatically in \d+ s/);
    await expect.poll(() => searches().filter((r) => r.status === 200).length, { timeout: 20_000 }).toBe(2);
    const refused = searches().filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    const recovered = searches().filter((r) => r.status === 200)[1]!;
    expect(refused[1]!.at - refused[0]!.at).toBeGreaterThanOrEqual(2_900);
    expect(recovered.at - refused[1]!.at).toBeGreaterThanOrEqual(2_900);
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
  });
});

describe('long lists', () => {
  it('pages through 5,000 issues by scrolling, and says where the list ends', async () => {
    fakes.acme.addIssues(5_000, ADA.accountId);
    const total = OPEN_ASSIGNED + 5_000;
    await seed();
    const popup = await ext.openPopup();
    await option(popup, 'WEB-1').waitFor();
    for (let i = 0; i < 400 && (await rowCount(popup)) < total; i++) {
      await issues(popup).evaluate((el) => (el.scrollTop = el.scrollHeight));
      await popup.waitForTimeout(60);
    }
    expect(await rowCount(popup)).toBe(total);
    await issues(popup).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await option(popup, 'BIG-5000').waitFor();
    await expect.poll(() => endNote(popup).textContent()).toBe(`End of the list: ${total} issues.`);
    // One request per page: none repeated, none after the last.
    const sent = searches().filter((r) => r.query.jql === ASSIGNED_JQL);
    expect(sent).toHaveLength(Math.ceil(total / 50));
    expect(new Set(sent.map((r) => r.query.nextPageToken ?? '')).size).toBe(sent.length);
  });
});
