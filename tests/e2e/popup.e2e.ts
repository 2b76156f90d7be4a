// The toolbar popup in Chromium against the fake Jira sites: cached paint, paging, search by
// key / text / JQL, favourite filters, offline, 429, 401, two connections. Connections are
// seeded by writing storage.local from an extension page exactly as the background lays it out
// (support/popup.ts).
import { MESSAGE_TAG } from '../../src/shared/protocol';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ACME_URL, ADA, HOSTS, startFakes, type Fakes } from './support/fakes';
import { ACME, ASSIGNED_JQL, BETA, OPEN_ASSIGNED, SERVER, firstOption, issues, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;

type Chrome = {
  storage: { local: { set(v: object): Promise<void>; get(k: string[] | null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { get(n: string): Promise<{ name: string } | undefined> };
};

const { inExtensionPage, setStorage, seed, ageCaches, seedCachedThenStale, searches } = popupHarness(() => ({ ext, fakes }));

async function openPopup(): Promise<Page> {
  return ext.openPopup();
}

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});

afterEach(() => resetBetweenTests(ext, fakes));

afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

describe('popup', () => {
  it('offers to add a connection when there is none', async () => {
    const popup = await openPopup();
    // The options page drops the #new it was opened with once handled: look at what it shows.
    const options = await ext.newTabFrom(ext.url('src/options/index.html'), () =>
      popup.getByRole('button', { name: 'Add a Jira connection' }).click(),
    );
    await options.getByRole('heading', { name: 'New Jira Connection', exact: true }).waitFor();
    await options.getByRole('textbox', { name: 'URL', exact: true }).waitFor();
  });

  it('lists the open issues assigned to me, page by page, with fields limited to the row', async () => {
    await seed();
    const popup = await openPopup();
    await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocusedSoon();
    await option(popup, 'WEB-1').waitFor();
    expect(await popup.getByRole('tab', { name: 'Assigned to me' }).getAttribute('aria-selected')).toBe('true');
    expect(await firstOption(popup).getAttribute('aria-setsize')).toBe('50');
    // Virtual list: only what is visible is in the DOM.
    expect(await issues(popup).getByRole('option').count()).toBeLessThan(20);

    const [first] = searches();
    expect(first!.query).toMatchObject({ jql: ASSIGNED_JQL, fields: 'summary,status,issuetype,priority,assignee,updated' });
    expect(first!.hasCookie).toBe(false);

    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => firstOption(popup).getAttribute('aria-setsize')).toBe(String(OPEN_ASSIGNED));
    expect(searches()[1]!.query.nextPageToken).toBeTruthy();
    await expect.poll(() => popup.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // Scroll to the end: the last row is rendered and visible.
    await popup.getByRole('listbox', { name: 'Issues' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await popup.locator(`[role=option][aria-posinset="${OPEN_ASSIGNED}"]`).waitFor();
    expect(await popup.getByText(/^Updated /).textContent()).toMatch(/Updated (now|\d+ minutes? ago)/);
  });

  it('opens twice within the refresh window with one search, and paints from the cache at once', async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.close();
    const again = await openPopup();
    await option(again, 'WEB-1').waitFor();
    await again.waitForTimeout(500);
    expect(searches()).toHaveLength(1);
  });

  it('shows the icons that need a login without one: fetched once by the background with the token', async () => {
    await seed();
    const popup = await openPopup();
    const row = option(popup, 'WEB-1');
    await row.waitFor();
    // Issue type (a REST avatar), priority and assignee avatar: all on the site, shown as the
    // background stored them. The browser holds no Jira session: a plain <img> would get 403.
    const sources = () => row.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 26)));
    await expect
      .poll(sources, { timeout: 10_000 })
      .toEqual(['data:image/svg+xml;base64,', 'data:image/svg+xml;base64,', 'data:image/svg+xml;base64,']);
    expect(
      await row
        .locator('img')
        .first()
        .evaluate((i) => (i as HTMLImageElement).naturalWidth),
    ).toBe(16);

    const icons = () =>
      fakes.requests
        .to(HOSTS.acme)
        .filter((r) => r.path.includes('/universal_avatar/') || r.path.startsWith('/images/') || r.path.startsWith('/secure/'));
    const fetched = icons();
    expect(fetched.length).toBeGreaterThanOrEqual(3);
    // Every icon request is the background's: the token, no cookie, and each URL once.
    expect(
      fetched
        .filter((r) => r.auth?.scheme !== 'Basic' || r.auth.user !== ADA.email || r.hasCookie || r.status !== 200)
        .map((r) => `${r.path} ${r.status}`),
    ).toEqual([]);
    const urls = fetched.map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
    expect(new Set(urls).size).toBe(urls.length);

    // Reopened (and the list refreshed by Jira): the stored icons show at once, none is asked for again.
    await popup.close();
    await ageCaches();
    const again = await openPopup();
    await expect.poll(() => option(again, 'WEB-1').locator('img').count()).toBe(3);
    await expect.poll(() => searches().length).toBe(2);
    await again.waitForTimeout(300);
    expect(icons()).toHaveLength(fetched.length);
  });

  it('opens an issue by key (lower case too) and by pasted URL', async () => {
    await seed();
    const popup = await openPopup();
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await box.fill('web-7');
    // A plain Enter opens the issue and closes the popup (window.close()).
    const tab = await ext.newTabFrom(`${ACME_URL}/browse/WEB-7`, () => box.press('Enter', { noWaitAfter: true }).catch(() => undefined));
    expect(tab.url()).toBe(`${ACME_URL}/browse/WEB-7`);
    await tab.close();

    const popup2 = await openPopup();
    const box2 = popup2.getByRole('searchbox', { name: 'Search' });
    await box2.fill(`${ACME_URL}/jira/software/projects/API/boards/1?selectedIssue=API-3`);
    // Ctrl+Enter keeps the popup open.
    const tab2 = await ext.newTabFrom(`${ACME_URL}/browse/API-3`, () => box2.press('Control+Enter'));
    expect(tab2.url()).toBe(`${ACME_URL}/browse/API-3`);
    expect(popup2.isClosed()).toBe(false);
  });

  it('/ focuses Search; a middle click or Ctrl+click opens a row behind and keeps the popup open', async () => {
    await seed();
    const popup = await openPopup();
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await option(popup, 'WEB-2').waitFor();
    await issues(popup).focus();
    await popup.keyboard.press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(''); // the "/" itself is not typed

    const middle = await ext.newTabFrom(`${ACME_URL}/browse/WEB-2`, () => option(popup, 'WEB-2').click({ button: 'middle' }));
    expect(popup.isClosed()).toBe(false);
    expect(await ext.isActiveTab(popup)).toBe(true); // the new tab opened behind
    await middle.close();
    const ctrl = await ext.newTabFrom(`${ACME_URL}/browse/WEB-3`, () => option(popup, 'WEB-3').click({ modifiers: ['Control'] }));
    expect(popup.isClosed()).toBe(false);
    expect(await ext.isActiveTab(popup)).toBe(true);
    await ctrl.close();
  });

  it('searches text as I type, and moves through results with the keyboard', async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    // Part of a word, as typed so far: Jira matches whole words, the popup asks for a prefix.
    await popup.getByRole('searchbox', { name: 'Search' }).pressSequentially('Checko', { delay: 20 });
    await expect.poll(() => searches().some((r) => r.query.jql === 'text ~ "Checko" OR text ~ "checko*" ORDER BY updated DESC')).toBe(true);
    await expect.poll(async () => (await firstOption(popup).getAttribute('aria-label')) ?? '').toMatch(/checkout/i);
    const labels = await issues(popup)
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const l of labels) expect(l.toLowerCase()).toContain('checkout');

    // ArrowDown into the list, j moves down, Ctrl+Enter opens in the background.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('j');
    const second = await issues(popup).getByRole('option').nth(1);
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    const key = (await second.getAttribute('aria-label'))!.split(' ')[0]!;
    const tab = await ext.newTabFrom(`${ACME_URL}/browse/${key}`, () => popup.keyboard.press('Control+Enter'));
    expect(tab.url()).toBe(`${ACME_URL}/browse/${key}`);

    // Esc clears the search and brings the list back.
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
    await option(popup, 'WEB-1').waitFor();
  });

  it("shows Jira's messages for wrong JQL, and runs good JQL", async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.getByRole('checkbox', { name: 'JQL' }).check();
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await box.fill('project = = WEB');
    await box.press('Enter');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Error in the JQL Query');

    await box.fill('order by created');
    await box.press('Enter');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Unbounded JQL queries are not allowed');

    await box.fill('project = OPS ORDER BY key ASC');
    await box.press('Enter');
    await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
    await option(popup, 'OPS-1').waitFor();

    // Open in Jira opens this JQL as a Jira search.
    const tab = await ext.newTabFrom(`${ACME_URL}/issues/`, () => popup.getByRole('button', { name: 'Open in Jira' }).click());
    expect(new URL(tab.url()).searchParams.get('jql')).toBe('project = OPS ORDER BY key ASC');
  });

  it("shows Reported by me, Watching and Recently viewed on Cloud, each with its JQL and in Jira's order", async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    const ada = fakes.acme.data.users.find((u) => u.id === ADA.accountId)!;
    for (const [name, jql] of [
      ['Reported by me', 'reporter = currentUser() ORDER BY updated DESC'],
      ['Watching', 'watcher = currentUser() ORDER BY updated DESC'],
      ['Recently viewed', 'issuekey in issueHistory() ORDER BY lastViewed DESC'],
    ] as const) {
      const found = fakes.acme.runSearch(jql, ada, true);
      if ('errors' in found) throw new Error(`the fake refused ${jql}`);
      const want = found.issues.slice(0, 5).map((i) => i.key);
      expect(want.length, `Ada has issues in ${name}`).toBeGreaterThan(0);
      const tab = popup.getByRole('tab', { name, exact: true });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => searches().some((r) => r.query.jql === jql)).toBe(true);
      await expect
        .poll(async () =>
          (
            await issues(popup)
              .getByRole('option')
              .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').split(' ')[0]))
          ).slice(0, want.length),
        )
        .toEqual(want);
    }
  });

  it('lists a favourite filter and remembers the list', async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    const menu = popup.getByRole('combobox', { name: 'List' });
    await menu.waitFor();
    await menu.selectOption({ label: 'Ops in progress' });
    // With the filter's own ORDER BY: `filter = ID` alone takes only its conditions.
    await expect.poll(() => searches().some((r) => r.query.jql === 'filter = 10101 ORDER BY updated DESC')).toBe(true);
    await expect.poll(async () => (await firstOption(popup).getAttribute('aria-label')) ?? '').toMatch(/^OPS-/);
    await popup.close();

    const again = await openPopup();
    await expect.poll(async () => (await firstOption(again).getAttribute('aria-label')) ?? '').toMatch(/^OPS-/);
    expect(await again.getByRole('combobox', { name: 'List' }).inputValue()).toBe('f:10101');
  });

  it('paints the cached list while Jira is down, with the last update and Retry', async () => {
    await seedCachedThenStale();
    fakes.acme.switches.stop();

    const offline = await openPopup();
    await option(offline, 'WEB-1').waitFor();
    await offline.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await offline.getByText(/^Updated /).textContent()).toMatch(/Updated (\d+ hours? ago|\d+ minutes? ago)/);
    await option(offline, 'WEB-1').waitFor(); // the cached rows stay

    fakes.acme.switches.resume();
    await offline.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => offline.getByRole('alert').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => offline.getByText(/^Updated /).textContent()).toMatch(/Updated now/);
  });

  it('a long rate limit: the cached list, one countdown in minutes, no request meanwhile, and Retry', async () => {
    await seedCachedThenStale({ noImages: true });
    fakes.acme.switches.rateLimitNext(1, 150);

    const limited = await openPopup();
    await option(limited, 'WEB-1').waitFor();
    const alert = limited.getByRole('alert');
    await expect
      .poll(() => alert.locator('p').first().textContent())
      .toMatch(/^Jira is limiting requests right now\. Retrying automatically in 2 min \d\d s\.$/);
    // Longer than the client waits by itself: one 429, then nothing until the countdown ends.
    await limited.waitForTimeout(1500);
    expect(searches().map((r) => r.status)).toEqual([200, 429]);
    await option(limited, 'WEB-1').waitFor();

    // The user need not wait.
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => limited.getByRole('alert').count()).toBe(0);
    expect(searches().map((r) => r.status)).toEqual([200, 429, 200]);
    await expect.poll(() => limited.getByText(/^Updated /).textContent()).toMatch(/Updated now/);
  });

  it('offers Renew token when the token is rejected, and stops polling for the badge', async () => {
    await seed();
    // Polling on, as after a save: the alarm exists and the badge shows the count.
    const polling = () =>
      inExtensionPage((page) =>
        page.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: Chrome }).chrome;
          return { text: await c.action.getBadgeText({}), alarm: (await c.alarms.get('badge-refresh'))?.name ?? null };
        }),
      );
    await inExtensionPage((page) =>
      page.evaluate(
        (tag) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
            tag,
            name: 'settings.update',
            payload: { settings: { badgeEnabled: true, badgeIntervalMinutes: 5 } },
          }),
        MESSAGE_TAG,
      ),
    );
    await expect.poll(polling).toEqual({ text: expect.stringMatching(/^\d+$/), alarm: 'badge-refresh' });
    fakes.accounts.revoke(ADA.classicToken);
    const popup = await openPopup();
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    const renew = popup.getByRole('button', { name: 'Renew token' });
    await renew.waitFor();

    const stored = await ext.readStorage('local', ['connections']);
    expect((stored.connections as { status: { state: string } }[])[0]!.status.state).toBe('token-rejected');
    await expect.poll(polling).toEqual({ text: '!', alarm: null });

    // Opening the popup again does not send the rejected token again.
    const before = fakes.requests.to(HOSTS.acme).length;
    const again = await openPopup();
    await again.getByRole('button', { name: 'Renew token' }).waitFor();
    await again.waitForTimeout(300);
    expect(fakes.requests.to(HOSTS.acme).length).toBe(before);

    const options = await ext.newTabFrom(ext.url('src/options/index.html'), () =>
      again.getByRole('button', { name: 'Renew token' }).click(),
    );
    // #renew=c-acme: the re-authentication form for that connection, with a capture started.
    await options.getByRole('heading', { name: /^Re-authenticate / }).waitFor();
  });

  it('warns 14 days before the token expires, with Renew token', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const date = `${inTenDays.getFullYear()}-${String(inTenDays.getMonth() + 1).padStart(2, '0')}-${String(inTenDays.getDate()).padStart(2, '0')}`;
    await seed([{ ...ACME, tokenExpiresOn: date }]);
    const popup = await openPopup();
    const notice = popup.getByRole('status').filter({ hasText: 'API token expires in 10 days' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Renew token' }).waitFor();
    // the issues still load meanwhile
    await firstOption(popup).waitFor();
    await popup.close();

    // With Jira down too, the notice and the alert take their room from the list: the popup
    // stays within the browsers' 600 px, with the list still there.
    await ageCaches({ noImages: true });
    fakes.acme.switches.stop();
    const crowded = await openPopup();
    await crowded.getByRole('alert').waitFor();
    await crowded.getByRole('status').filter({ hasText: 'API token expires in 10 days' }).waitFor();
    const bottom = await crowded.evaluate(() =>
      Math.max(...Array.from(document.querySelector('main')!.children, (c) => c.getBoundingClientRect().bottom)),
    );
    expect(bottom).toBeLessThanOrEqual(600);
    expect(await issues(crowded).evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(3 * 52);
    fakes.acme.switches.resume();
  });

  it('switches between two connections and merges them in "All connections", remembered', async () => {
    await seed([ACME, BETA]);
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    const select = popup.getByRole('combobox', { name: 'Connection' });
    await select.selectOption({ label: 'Beta Jira' });
    await option(popup, 'BETA-1').waitFor();
    await select.selectOption({ label: 'All connections' });
    await expect
      .poll(async () => {
        const labels = await issues(popup)
          .getByRole('option')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        return (
          labels.some((l) => l.startsWith('WEB-') && l.includes(', Acme Jira, ')) &&
          labels.some((l) => l.startsWith('BETA-') && l.includes(', Beta Jira, '))
        );
      })
      .toBe(true);
    await popup.close();

    const again = await openPopup();
    await issues(again).getByRole('option').first().waitFor();
    expect(await again.getByRole('combobox', { name: 'Connection' }).inputValue()).toBe('*');
    expect(searches(HOSTS.beta).length).toBeGreaterThan(0);
  });
});

declare module 'vitest' {
  interface Assertion {
    toBeFocusedSoon(): Promise<void>;
  }
}
expect.extend({
  async toBeFocusedSoon(locator: { evaluate(fn: (el: Element) => boolean): Promise<boolean> }) {
    const deadline = Date.now() + 3_000;
    for (;;) {
      const focused = await locator.evaluate((el) => el === document.activeElement).catch(() => false);
      if (focused || Date.now() > deadline) return { pass: focused, message: () => 'expected the element to be focused' };
      await new Promise((r) => setTimeout(r, 50));
    }
  },
});

describe('popup, more states', () => {
  it('lists a Data Center connection (REST v2, startAt paging) and offers Re-authenticate there', async () => {
    await seed([SERVER]);
    const popup = await openPopup();
    await option(popup, 'INFRA-1').waitFor();
    const [call] = fakes.requests.to(HOSTS.server, '/jira/rest/api/2/search');
    expect(call!.query).toMatchObject({ startAt: '0', jql: ASSIGNED_JQL });
    expect(call!.auth?.scheme).toBe('Bearer');
    await popup.close();

    await ageCaches();
    await setStorage({ connections: [{ ...SERVER, status: { state: 'token-rejected', message: 'Jira rejected the token.' } }] });
    const again = await openPopup();
    await again.getByRole('button', { name: 'Re-authenticate' }).waitFor();
    await option(again, 'INFRA-1').waitFor(); // the cached list stays under the message
  });

  it('updates a stale list in place, keeping the selection', async () => {
    await seed();
    const popup = await openPopup();
    await option(popup, 'WEB-1').waitFor();
    await popup.close();
    // An older copy: WEB-1's summary was different and API-1 was not there yet.
    const cached = (await ext.readStorage('local', ['cache:c-acme:assigned']))['cache:c-acme:assigned'] as {
      page: { issues: { key: string; summary: string }[]; fetchedAt: number };
    };
    const old = Date.now() - 3_600_000;
    const older = cached.page.issues
      .filter((i) => i.key !== 'API-1')
      .map((i) => (i.key === 'WEB-1' ? { ...i, summary: 'Old summary' } : i));
    await setStorage({ 'cache:c-acme:assigned': { ...cached, page: { ...cached.page, issues: older, fetchedAt: old }, cachedAt: old } });
    fakes.acme.switches.stop(); // hold the refresh back until the selection is made

    const again = await openPopup();
    await option(again, 'WEB-1').waitFor();
    expect(await option(again, 'WEB-1').getAttribute('aria-label')).toContain('Old summary');
    // The refresh failed while Jira was down (before resume(): otherwise it may simply succeed).
    await again.getByRole('button', { name: 'Retry' }).waitFor();
    await again.getByRole('searchbox', { name: 'Search' }).focus();
    await again.keyboard.press('ArrowDown'); // search box -> list
    await again.keyboard.press('j');
    await again.keyboard.press('j');
    const selectedKey = async () => ((await issues(again).locator('[aria-selected=true]').getAttribute('aria-label')) ?? '').split(' ')[0];
    const before = await selectedKey();
    fakes.acme.switches.resume();
    await again.getByRole('button', { name: 'Retry' }).click({ timeout: 30_000 });
    await expect.poll(async () => (await option(again, 'WEB-1').getAttribute('aria-label')) ?? '').not.toContain('Old summary');
    await option(again, 'API-1').waitFor();
    expect(await selectedKey()).toBe(before);
  });

  it('keeps what the background fetched when the popup closes mid-request', async () => {
    await seedCachedThenStale();
    const before = Date.now();
    const quick = await openPopup();
    await expect.poll(() => searches().length).toBe(2);
    await quick.close();
    await expect
      .poll(
        async () => ((await ext.readStorage('local', ['cache:c-acme:assigned']))['cache:c-acme:assigned'] as { cachedAt: number }).cachedAt,
      )
      .toBeGreaterThanOrEqual(before);
  });

  it('scrolls 5,000 issues with only the visible rows in the DOM', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      connectionId: 'c-acme',
      key: `BIG-${i + 1}`,
      summary: `Issue ${i + 1}`,
      status: { name: 'To Do', category: 'new' },
      updated: new Date(now - i * 60_000).toISOString(),
    }));
    await seed([ACME], {
      // Fresh (within the refresh window): the background answers from it, Jira is not asked.
      'cache:c-acme:assigned': { page: { issues: rows, fetchedAt: now }, cachedAt: now, jql: ASSIGNED_JQL },
      'cache:c-acme:~filters': { filters: [], cachedAt: now },
    });
    const popup = await openPopup();
    await option(popup, 'BIG-1').waitFor();
    const list = issues(popup);
    // Scroll through the whole list: at every stop the rows in view are there, and only a few
    // rows are in the DOM (smoothness itself is for benchmarks, not a timed test).
    const stops = await list.evaluate(async (el) => {
      const seen: { top: number; keys: string[] }[] = [];
      for (let y = 0; y < el.scrollHeight; y += 25_000) {
        el.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const keys = Array.from(el.querySelectorAll('[role=option]'), (o) => o.getAttribute('aria-label')!.split(' ')[0]!);
        seen.push({ top: el.scrollTop, keys });
      }
      return seen;
    });
    expect(stops.length).toBeGreaterThan(8);
    for (const { top, keys } of stops) {
      expect(keys.length).toBeLessThan(25);
      expect(keys).toContain(`BIG-${Math.floor(top / 52) + 1}`);
    }
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await option(popup, 'BIG-5000').waitFor();
    expect(searches()).toHaveLength(0);
  });
});

describe('popup page health', () => {
  it('raised no uncaught exception or console error on extension pages (failed image loads aside)', () => {
    expect(ext.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
