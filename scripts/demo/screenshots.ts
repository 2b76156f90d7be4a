// `npm run screenshots`: the README's pictures, taken from the demo (the shipped Chromium build
// against the demo Jira) in light and dark, into docs/screenshots/:
//   options-new-connection-{light,dark}.png   the New Jira Connection form (1000 × 800)
//   token-page-{light,dark}.png               the API tokens page with the capture button (1000 × 800)
//   popup-list-{light,dark}.png               the popup's issue list (400 × 600)
//   details-{light,dark}.png                  WEB-2 read in the popup: its fields and actions (400 × 600)
//   details-description-{light,dark}.png      WEB-2's description: Jira's rich text (400 × 600)
//   status-menu-{light,dark}.png              WEB-2's "Change status" menu (400 × 600)
// Deterministic: no caret, no animation, the same demo token on every run, and each picture
// taken once the page has stopped changing. Dates are relative to the demo's start ("3 hours
// ago"), so they read the same on every run; the token page's expiry date is today's.
// CFJ_SCREENSHOTS_DIR writes them elsewhere (to compare two runs, say).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstOption } from '../../tests/e2e/support/popup';
import { launchDemoBrowser, type DemoBrowser } from './browser';
import { ensureChromeBuild } from './build';
import { startDemoFakes } from './fakes';
import { connectThroughTokenPage, openPopupWithIssues, type Step } from './flow';

const SCHEMES = ['light', 'dark'] as const;
const OUT_DIR = 'docs/screenshots';
/** Larger files are reported: the README should stay light. */
const MAX_BYTES = 200 * 1024;

/** Entry point (scripts/demo/screenshots.mjs). Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const dist = ensureChromeBuild(process.cwd(), argv.includes('--build'));
  const outDir = path.resolve(process.env.CFJ_SCREENSHOTS_DIR ?? OUT_DIR);
  mkdirSync(outDir, { recursive: true });
  const fakes = await startDemoFakes({ fixedTokens: true });
  let browser: DemoBrowser | undefined;
  const written: string[] = [];
  const shoot = async (page: Page, name: string) => {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const file = path.join(outDir, `${name}-${scheme}.png`);
      writeFileSync(file, await stableScreenshot(page));
      written.push(file);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };
  let current = 'starting';
  const step: Step = (name) => {
    current = name;
  };
  try {
    browser = await launchDemoBrowser({ dist, port: fakes.port, headless: true, colorScheme: 'light' });
    await connectThroughTokenPage(browser, step, async (at, page) => {
      await page.setViewportSize({ width: 1000, height: 800 });
      await blur(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, at === 'form' ? 'options-new-connection' : 'token-page');
    });
    const { popup } = await openPopupWithIssues(browser, step);
    await blur(popup);
    await shoot(popup, 'popup-list');

    step('WEB-2 in the details view');
    await popup.getByRole('searchbox', { name: 'Search' }).fill('web-2');
    await waitFor(async () => ((await firstOption(popup).getAttribute('aria-label')) ?? '').startsWith('WEB-2 '));
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowRight');
    const description = popup.getByRole('region', { name: 'Description' });
    await description.getByRole('heading').first().waitFor();
    await blur(popup);
    await shoot(popup, 'details');
    // Scrolled to the description for its picture, then back to the top of the issue.
    const scrollToDescription = (yes: boolean) =>
      description.evaluate((el, down) => {
        if (down) return el.scrollIntoView({ block: 'start' });
        let box = el.parentElement;
        while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
        box?.scrollTo(0, 0);
      }, yes);
    await scrollToDescription(true);
    await shoot(popup, 'details-description');
    await scrollToDescription(false);

    step('the Change status menu');
    await popup.getByRole('button', { name: /^Change status/ }).click();
    await popup.getByRole('menu').getByRole('menuitem').first().waitFor();
    await shoot(popup, 'status-menu');
    await popup.keyboard.press('Escape');
  } catch (e) {
    console.error(`✗ screenshots failed at "${current}": ${(e as Error).message.split('\n').slice(0, 6).join('\n  ')}`);
    return 1;
  } finally {
    await browser?.close();
    await fakes.close();
  }
  let tooBig = 0;
  for (const file of written) {
    const size = statSync(file).size;
    if (size > MAX_BYTES) tooBig++;
    console.log(`${size > MAX_BYTES ? '!' : '✓'} ${path.relative(process.cwd(), file)} (${Math.round(size / 1024)} KB)`);
  }
  if (tooBig) console.error(`${tooBig} picture(s) over ${MAX_BYTES / 1024} KB.`);
  return tooBig ? 1 : 0;
}

/** Moves focus off text fields, so that no caret or focus ring depends on timing. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
}

/**
 * A screenshot once two in a row are identical (images decoded, answers arrived, layout
 * settled), at most ~5 s of tries; then the last one.
 */
async function stableScreenshot(page: Page): Promise<Buffer> {
  let previous = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    if (next.equals(previous)) return next;
    previous = next;
  }
  return previous;
}

async function waitFor(test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
