// No flashes and no jumps in the popup, as a user sees it frame by frame: a recorder installed
// before the popup's own script samples every painted frame (requestAnimationFrame) for the
// empty-list text, the status line, the top of the issue list and the popup's height.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, resetBetweenTests, type ExtensionBrowser } from './support/browser';
import { startFakes, type Fakes } from './support/fakes';
import { firstOption, issues, option, popupHarness } from './support/popup';

let fakes: Fakes;
let ext: ExtensionBrowser;
const { seed, ageCaches } = popupHarness(() => ({ ext, fakes }));

beforeAll(async () => {
  fakes = await startFakes();
  ext = await launchExtension({ port: fakes.port });
});
afterEach(() => resetBetweenTests(ext, fakes));
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
});

/** What one painted frame showed. */
interface Frame {
  empty: string | null;
  status: string | null;
  alert: boolean;
  /** The top of the issue list (px from the top of the popup), null while there is none. */
  listTop: number | null;
  /** The popup's height (px). */
  height: number | null;
}

/** Runs in the popup before its own script: samples every frame into `window.__frames`. */
function recordFrames(): void {
  const frames: unknown[] = [];
  (window as unknown as { __frames: unknown[] }).__frames = frames;
  const sample = () => {
    const list = document.querySelector('[role="listbox"]');
    const main = document.querySelector('main');
    frames.push({
      empty: document.querySelector('.empty')?.textContent ?? null,
      status: document.querySelector('p.status')?.textContent ?? null,
      alert: !!document.querySelector('[role="alert"]'),
      listTop: list ? Math.round(list.getBoundingClientRect().top) : null,
      height: main ? Math.round(main.getBoundingClientRect().height) : null,
    });
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

/** Opens the popup with the frame recorder in place. */
async function openRecordedPopup(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(recordFrames);
  await page.goto(ext.url('src/popup/index.html'));
  return page;
}

const framesOf = (page: Page) => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
const distinct = <T>(xs: T[]) => [...new Set(xs)];

describe('the popup paints without flashes or jumps', () => {
  it('before Jira first answers, it says Loading…, never that the list is empty', async () => {
    await seed();
    fakes.acme.switches.slowNext(1_500);
    const popup = await openRecordedPopup();
    await option(popup, 'WEB-1').waitFor();
    const frames = await framesOf(popup);
    expect(frames.length, 'frames were recorded').toBeGreaterThan(5);
    expect(distinct(frames.map((f) => f.empty))).toEqual([null]);
    expect(
      frames.some((f) => f.status === 'Loading…'),
      'the wait is said',
    ).toBe(true);
    expect(distinct(frames.map((f) => f.height).filter((h) => h !== null)), 'one popup height').toHaveLength(1);
  });

  it('a search that finds nothing says so only once Jira answered: the rows stay until then', async () => {
    await seed();
    const popup = await openRecordedPopup();
    await option(popup, 'WEB-1').waitFor();
    fakes.acme.switches.slowNext(800);
    await popup.getByRole('searchbox', { name: 'Search' }).fill('zebracorn');
    await popup.getByText('No issues match your search.').waitFor();
    const frames = await framesOf(popup);
    const firstEmpty = frames.findIndex((f) => f.empty !== null);
    const searching = frames.findIndex((f) => f.status === 'Searching…');
    expect(searching, 'the search was said').toBeGreaterThan(0);
    // From the first frame of the search to Jira's answer: the rows, never the empty text.
    expect(frames.slice(searching, firstEmpty).every((f) => f.listTop !== null && f.empty === null)).toBe(true);
  });

  it('a list the background answers from its fresh cache never shows "Updating…"', async () => {
    await seed();
    const first = await ext.openPopup();
    await option(first, 'WEB-1').waitFor();
    await first.close();
    const popup = await openRecordedPopup();
    await option(popup, 'WEB-1').waitFor();
    // The background's answer (from its cache) has come when the status says when Jira answered.
    await expect.poll(async () => (await framesOf(popup)).at(-1)?.status).toMatch(/^Updated /);
    const statuses = distinct((await framesOf(popup)).map((f) => f.status));
    expect(statuses.filter((s) => s?.startsWith('Updating'))).toEqual([]);
  });

  it('an alert that comes after the rows neither pushes the list down nor resizes the popup', async () => {
    await seed();
    const first = await ext.openPopup();
    await option(first, 'WEB-1').waitFor();
    await first.close();
    await ageCaches();
    fakes.acme.switches.stop();
    const popup = await openRecordedPopup();
    await popup.getByRole('alert').waitFor();
    const frames = (await framesOf(popup)).filter((f) => f.listTop !== null);
    expect(frames.some((f) => !f.alert) && frames.some((f) => f.alert), 'rows before and with the alert').toBe(true);
    expect(distinct(frames.map((f) => f.listTop)), 'the list top').toHaveLength(1);
    expect(distinct(frames.map((f) => f.height)), 'the popup height').toHaveLength(1);
    fakes.acme.switches.resume();
  });

  it('Load more, loading and loaded, neither moves the list nor resizes the popup', async () => {
    await seed();
    const popup = await openRecordedPopup();
    await firstOption(popup).waitFor();
    fakes.acme.switches.slowNext(600);
    await issues(popup).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await popup.getByRole('button', { name: 'Loading more…' }).waitFor();
    await expect.poll(async () => (await issues(popup).getByRole('option').last().getAttribute('aria-setsize')) ?? '').not.toBe('50');
    const frames = (await framesOf(popup)).filter((f) => f.listTop !== null);
    expect(distinct(frames.map((f) => f.listTop)), 'the list top').toHaveLength(1);
    expect(distinct(frames.map((f) => f.height)), 'the popup height').toHaveLength(1);
  });
});
