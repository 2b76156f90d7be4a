// Changes made from the details view, in Chromium against fakes that check request bodies as
// strictly as Jira (ADF on v3, the fields a transition's screen requires with Jira's 400 body,
// accountId on Cloud, name on Data Center, the XSRF rule): status, the form a transition needs,
// comment, assign; a refusal rolled back with Jira's reason; a change whose answer was lost
// never sent again.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { ADA, BOB, HOSTS, RICH, startFakes, type Fakes } from './support/fakes';
import { SERVER, firstOption, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;

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

const ANSWER_LOST = 'Jira’s answer to the change was lost. It was not sent again: the issue shows what Jira has now.';

const view = (page: Page) => page.locator('.issue-view');
const statusButton = (page: Page) => view(page).getByRole('button', { name: /^Change status/ });
const commentBox = (page: Page) => view(page).locator('form.comment-box').getByRole('textbox', { name: 'Comment' });
const commentItems = (page: Page) => view(page).locator('.comment-list > li');
const assigneeOf = (page: Page) => view(page).locator('dt:text-is("Assignee") + dd');
const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Opens `key` from Search (typed, ↓, →) and waits until its details arrived from Jira. */
async function openIssue(page: Page, key: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(key.toLowerCase());
  await expect.poll(async () => ((await firstOption(page).getAttribute('aria-label')) ?? '').split(' ')[0]).toBe(key);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await statusButton(page)
    .waitFor()
    .catch(async (e: Error) => {
      const seen = await page.evaluate(() => ({
        focus: document.activeElement?.outerHTML.slice(0, 200),
        selected: document.querySelector('[aria-selected=true]')?.getAttribute('aria-label'),
        view: document.querySelector('.issue-view')?.textContent,
      }));
      throw new Error(`${e.message}\n${JSON.stringify(seen, null, 1)}`);
    });
}

/** The writes the fake of `host` received to `path` (method and parsed body). */
function writes(host: string, path: string, method = 'POST') {
  return fakes.requests
    .to(host, path)
    .filter((r) => r.method === method)
    .map((r) => r.body);
}

/** Jira's copy of an issue, as the fake holds it. */
const jiraIssue = (site: 'acme' | 'server', key: string) => fakes[site].data.issues.find((i) => i.key === key)!;

describe('changes', () => {
  it('moves an issue to In Progress from the menu, by keyboard; the row in the list follows', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openIssue(popup, 'WEB-1');
    expect(await statusButton(popup).textContent()).toBe('Change status: To Do');

    await statusButton(popup).focus();
    await popup.keyboard.press('Enter');
    const menu = popup.getByRole('menu', { name: 'Move WEB-1 to' });
    const inProgress = menu.getByRole('menuitem', { name: 'In Progress (Start progress)' });
    await expect.poll(() => isFocused(inProgress)).toBe(true);
    expect(await menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'In Progress (Start progress)',
      'Done',
    ]);
    await popup.keyboard.press('Enter');

    // Shown at once, before Jira answers; then as Jira has it.
    await expect.poll(() => statusButton(popup).textContent()).toBe('Change status: In Progress');
    await expect.poll(() => writes(HOSTS.acme, '/rest/api/3/issue/WEB-1/transitions')).toEqual([{ transition: { id: '21' } }]);
    await expect.poll(() => statusButton(popup).getAttribute('aria-disabled')).toBe('false');
    expect(fakes.requests.to(HOSTS.acme, '/rest/api/3/issue/WEB-1/transitions')[0]!.query.expand).toBe('transitions.fields');
    expect(jiraIssue('acme', 'WEB-1').status.name).toBe('In Progress');

    await popup.keyboard.press('Escape');
    await expect.poll(() => option(popup, 'WEB-1').getAttribute('aria-label')).toMatch(/^WEB-1 .*, In Progress,/);
  });

  it('asks for the resolution before moving to Done, and sends it with the optional comment', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openIssue(popup, 'WEB-1');
    await statusButton(popup).click();
    await popup.getByRole('menuitem', { name: 'Done' }).click();

    const form = popup.getByRole('form', { name: 'Move WEB-1 to Done' });
    const submit = form.getByRole('button', { name: 'Move to Done' });
    // Nothing chosen: the browser holds the form back, Jira is not asked.
    await submit.click();
    expect(writes(HOSTS.acme, '/rest/api/3/issue/WEB-1/transitions')).toEqual([]);
    expect(
      await form.getByRole('combobox', { name: 'Resolution (required)' }).evaluate((e) => (e as HTMLSelectElement).validity.valid),
    ).toBe(false);

    await form.getByRole('combobox', { name: 'Resolution (required)' }).selectOption({ label: "Won't Do" });
    await form.getByRole('textbox', { name: 'Comment' }).fill('Superseded by the new checkout.');
    await submit.click();

    await expect.poll(() => statusButton(popup).textContent()).toBe('Change status: Done');
    await expect.poll(() => form.count()).toBe(0);
    const [body] = writes(HOSTS.acme, '/rest/api/3/issue/WEB-1/transitions');
    expect(body).toMatchObject({
      transition: { id: '31' },
      fields: { resolution: { id: '10001' } },
      update: { comment: [{ add: { body: { type: 'doc', version: 1 } } }] },
    });
    expect(JSON.stringify(body)).toContain('Superseded by the new checkout.');
    expect(jiraIssue('acme', 'WEB-1').resolution).toBe("Won't Do");
  });

  it('adds a comment with Ctrl+Enter as ADF, shown at once; what was typed survives closing the popup', async () => {
    await seed();
    const first = await ext.openPopup();
    await openIssue(first, RICH.cloudIssue);
    await commentBox(first).fill('Deployed to **staging**.\nLogs: https://ci.example.com/run/7');
    await first.close();

    const popup = await ext.openPopup();
    await openIssue(popup, RICH.cloudIssue);
    expect(await commentBox(popup).inputValue()).toBe('Deployed to **staging**.\nLogs: https://ci.example.com/run/7');
    await commentBox(popup).press('Control+Enter');

    const newest = commentItems(popup).first();
    await expect.poll(() => newest.textContent()).toContain('Deployed to staging.');
    await expect.poll(() => commentBox(popup).inputValue()).toBe('');
    await expect.poll(() => writes(HOSTS.acme, `/rest/api/3/issue/${RICH.cloudIssue}/comment`).length).toBe(1);
    const [sent] = writes(HOSTS.acme, `/rest/api/3/issue/${RICH.cloudIssue}/comment`) as { body: { type: string; content: unknown[] } }[];
    expect(sent!.body.type).toBe('doc');
    const json = JSON.stringify(sent!.body);
    expect(json).toContain('"type":"strong"');
    expect(json).toContain('"href":"https://ci.example.com/run/7"');
    expect(json).toContain('"type":"hardBreak"');
    // As Jira has it now (read again after the write): formatted, and counted.
    await newest.locator('strong', { hasText: /^staging$/ }).waitFor();
    expect(await newest.getByRole('link', { name: 'https://ci.example.com/run/7' }).getAttribute('href')).toBe(
      'https://ci.example.com/run/7',
    );
    await view(popup)
      .getByRole('heading', { name: `Comments (${RICH.cloudComments + 1})` })
      .waitFor();
  });

  it('unassigns and assigns to me by accountId', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openIssue(popup, 'WEB-1');
    const sent = () => writes(HOSTS.acme, '/rest/api/3/issue/WEB-1/assignee', 'PUT');
    await view(popup).getByRole('button', { name: 'Unassign' }).click();
    // Shown at once; the button waits for Jira's answer before it takes another change.
    await expect.poll(() => assigneeOf(popup).textContent()).toBe('Unassigned');
    await expect.poll(sent).toEqual([{ accountId: null }]);
    const assign = view(popup).getByRole('button', { name: 'Assign to me' });
    await expect.poll(() => assign.getAttribute('aria-disabled')).toBe('false');
    await assign.click();
    await expect.poll(() => assigneeOf(popup).textContent()).toContain(ADA.displayName);
    await expect.poll(sent).toEqual([{ accountId: null }, { accountId: ADA.accountId }]);
    await view(popup).getByRole('button', { name: 'Unassign' }).waitFor();
    expect(jiraIssue('acme', 'WEB-1').assignee).toBe(ADA.accountId);
  });

  it("rolls a refused change back with Jira's reason, and keeps a refused comment's text", async () => {
    await seed();
    const popup = await ext.openPopup();
    await openIssue(popup, 'WEB-1');
    fakes.acme.switches.refuseWrites(403, { errorMessages: ['You do not have permission to transition this issue.'], errors: {} });
    await statusButton(popup).click();
    await popup.getByRole('menuitem', { name: 'In Progress (Start progress)' }).click();
    await expect
      .poll(() => view(popup).getByRole('alert').first().textContent())
      .toContain('You do not have permission to transition this issue.');
    expect(await statusButton(popup).textContent()).toBe('Change status: To Do');
    expect(jiraIssue('acme', 'WEB-1').status.name).toBe('To Do');

    const before = await commentItems(popup).count();
    fakes.acme.switches.refuseWrites(403, { errorMessages: ['You do not have the permission to comment on this issue.'], errors: {} });
    await commentBox(popup).fill('Taking this one.');
    await view(popup).getByRole('button', { name: 'Add comment' }).click();
    await expect
      .poll(() => view(popup).getByRole('alert').first().textContent())
      .toContain('You do not have the permission to comment on this issue.');
    expect(await commentBox(popup).inputValue()).toBe('Taking this one.');
    expect(await commentItems(popup).count()).toBe(before);
  });

  it('never sends a change again when its answer was lost: the issue shows what Jira has', async () => {
    await seed();
    const popup = await ext.openPopup();
    await openIssue(popup, 'WEB-1');
    fakes.acme.switches.loseAnswerAfterWrite(1);
    await view(popup).getByRole('button', { name: 'Unassign' }).click();
    await expect.poll(() => view(popup).getByRole('status').textContent()).toBe(ANSWER_LOST);
    expect(await assigneeOf(popup).textContent()).toBe('Unassigned');
    expect(writes(HOSTS.acme, '/rest/api/3/issue/WEB-1/assignee', 'PUT')).toEqual([{ accountId: null }]);
    expect(await view(popup).getByRole('alert').count()).toBe(0);
  });

  it('changes a Data Center issue: Done with a resolution and a required select, a wiki comment, assign by name', async () => {
    await seed([SERVER]);
    const popup = await ext.openPopup();
    await openIssue(popup, RICH.serverIssue);
    const path = (p: string) => `/jira/rest/api/2/issue/${RICH.serverIssue}${p}`;

    await statusButton(popup).click();
    await popup.getByRole('menuitem', { name: 'Done' }).click();
    const form = popup.getByRole('form', { name: `Move ${RICH.serverIssue} to Done` });
    await form.getByRole('combobox', { name: 'Resolution (required)' }).selectOption({ label: 'Done' });
    await form.getByRole('combobox', { name: 'Root cause (required)' }).selectOption({ label: 'Code' });
    await form.getByRole('button', { name: 'Move to Done' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect(await statusButton(popup).textContent()).toBe('Change status: Done');
    expect(writes(HOSTS.server, path('/transitions'))).toEqual([
      { transition: { id: '131' }, fields: { resolution: { id: '10000' }, customfield_10050: { id: '10101' } } },
    ]);

    await commentBox(popup).fill('Restarted **haproxy** on both hosts.');
    await commentBox(popup).press('Control+Enter');
    await expect.poll(() => writes(HOSTS.server, path('/comment'))).toEqual([{ body: 'Restarted *haproxy* on both hosts.' }]);
    await commentItems(popup)
      .first()
      .locator('strong, b', { hasText: /^haproxy$/ })
      .waitFor();

    const assignButton = view(popup).getByRole('button', { name: /^(Unassign|Assign to me)$/ });
    const wasMine = (await assignButton.textContent()) === 'Unassign';
    await expect.poll(() => assignButton.getAttribute('aria-disabled')).toBe('false');
    await assignButton.click();
    await expect.poll(() => assignButton.textContent()).toBe(wasMine ? 'Assign to me' : 'Unassign');
    await expect.poll(() => writes(HOSTS.server, path('/assignee'), 'PUT')).toEqual([{ name: wasMine ? null : BOB.username }]);
    for (const r of fakes.requests.to(HOSTS.server).filter((x) => x.method !== 'GET')) expect(r.auth).toMatchObject({ scheme: 'Bearer' });
  });
});

describe('changes page health', () => {
  it('raised no uncaught exception or console error on extension pages (failed image loads aside)', () => {
    expect(ext.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
