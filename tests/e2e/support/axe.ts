// axe-core (Deque's accessibility rules engine) run inside a page of the real browser.
//
//   const violations = await axeViolations(page);            // the whole document
//   expect(formatViolations(violations)).toEqual([]);
//   await expectAccessible(page);                             // both, light and dark
//
// Extension pages allow only packaged scripts (script-src 'self', docs/browsers.md#csp), so an
// added <script> with axe's source would be refused there; Playwright's evaluate runs the source
// through DevTools, which a page's Content Security Policy does not govern. axe sees open shadow
// roots only: a closed one (the token page's capture UI, docs/browsers.md#shadow-dom) is checked
// through exposeClosedShadowRoot below, or through the accessibility tree (support/token-page.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the tests keep of one violated rule: enough to find and fix it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

let source: string | undefined;

/** axe-core's browser bundle (the installed dev dependency), read once. */
function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** Puts `window.axe` into `page` (once per document). */
export async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axeSource());
}

type RawNode = { target: unknown[]; html: string; failureSummary?: string };
type RawResult = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: RawNode[] };

/**
 * Runs axe over the whole document of `page` (every rule axe enables by default: WCAG 2.0 to 2.2
 * A and AA, and its best practices) and returns the violations. Rules that need a human
 * ("incomplete") are not violations. Waits for CSS transitions to end first: a colour caught
 * mid-transition is no colour the user reads.
 *
 * axe judges the contrast only of text inside the viewport: text scrolled out of view in a
 * scroll container comes back "incomplete" (its background is "obscured"). Unless `scroll` is
 * false, every scroll container (and the page) is therefore also scrolled view by view, with
 * color-contrast run at each stop, and put back where it was. Virtual lists (role="listbox")
 * are left alone: scrolling them renders other rows of the same markup and may load a page.
 */
export async function axeViolations(page: Page, opts: { scroll?: boolean } = {}): Promise<AxeViolation[]> {
  await injectAxe(page);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const raw = await page.evaluate(async (scroll) => {
    type Axe = { run(ctx: Document, o: object): Promise<{ violations: RawResult[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    if (!scroll) return violations;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const scrollers = [document.scrollingElement, ...Array.from(document.querySelectorAll('*'))].filter(
      (el): el is Element =>
        !!el &&
        el.scrollHeight > el.clientHeight + 1 &&
        (el === document.scrollingElement || /auto|scroll/.test(getComputedStyle(el).overflowY)) &&
        !el.closest('[role=listbox]'),
    );
    for (const el of scrollers) {
      const start = el.scrollTop;
      const step = Math.max(40, Math.floor(el.clientHeight * 0.8));
      for (let top = step; top < el.scrollHeight; top += step) {
        el.scrollTop = top;
        await frame();
        const more = await axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
        violations.push(...more.violations);
      }
      el.scrollTop = start;
    }
    return violations;
  }, opts.scroll !== false);
  // One entry per rule, each failing node once (a node seen from two scroll stops counts once).
  const byRule = new Map<string, AxeViolation>();
  for (const v of raw as RawResult[]) {
    const entry = byRule.get(v.id) ?? { id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, nodes: [] };
    byRule.set(v.id, entry);
    for (const n of v.nodes) {
      const target = JSON.stringify(n.target);
      if (entry.nodes.some((m) => m.target === target)) continue;
      entry.nodes.push({ target, html: n.html.slice(0, 300), summary: n.failureSummary ?? '' });
    }
  }
  return [...byRule.values()];
}

/** One line per failing node ("color-contrast: #x .badge — Fix any of…"), for a readable assertion message. */
export function formatViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target} ${n.html} — ${n.summary.replace(/\s+/g, ' ')}`),
  );
}

/**
 * axe's violations on `page` in the light and the dark palette (prefers-color-scheme emulated,
 * then put back), one line per failing node.
 */
export async function violationsByScheme(page: Page): Promise<{ light: string[]; dark: string[] }> {
  const found = { light: [] as string[], dark: [] as string[] };
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found[colorScheme] = formatViolations(await axeViolations(page));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

/** Asserts that axe finds nothing on `page`, light and dark (the failing nodes are the message). */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await violationsByScheme(page)).toEqual({ light: [], dark: [] });
}
