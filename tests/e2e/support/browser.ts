// Launches Debian's Chromium with the extension loaded, pointed at the local fakes.
// Recipe: docs/browsers.md#test-browsers (verified): playwright-core only, persistent
// context, --headless=new, host-resolver-rules, --ignore-certificate-errors.
//
//   const ext = await launchExtension({ port: fakes.port });   // ~0.5 s
//   const options = await ext.openOptions();                   // a tab on the options page
//   await ext.stopServiceWorker();                             // what Chrome does after 30 s idle
//   const stored = await ext.readStorage();                    // storage.local, as the extension sees it
//   await ext.restart();                                       // same profile, new browser
//   await ext.close();                                         // also deletes the profile
//
// Never call Playwright's worker.evaluate() on the service worker: stopping it afterwards
// closes the whole context (docs/browsers.md#test-browsers). Observe it through pages and storage instead.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { hostResolverRules } from './fakes';

export interface LaunchOptions {
  /** Port of the fakes (startFakes().port). */
  port: number;
  /** The fakes' plain HTTP port (startFakes().httpPort), for the http-only intranet site; without it that host does not resolve. */
  httpPort?: number;
  /**
   * Host permissions to hold from the start, as the e2e build holds the Data Center's: headless
   * Chromium cannot answer the permissions.request prompt (docs/browsers.md#host-permissions).
   * The extension is loaded from a copy of `dist` whose manifest lists them too.
   */
  grantHosts?: string[];
  /** Unpacked extension to load. Default: $CFJ_E2E_DIST, else dist/chrome-e2e (npm run build:e2e). */
  dist?: string;
  /** Default timeout of Playwright actions and waits, ms. Default 7000. */
  timeout?: number;
  /**
   * The extension opens its options page on install (runtime.onInstalled). Wait for that tab
   * and close it, so each test starts with no extension tab open. Default true.
   */
  closeWelcomeTab?: boolean;
}

export interface ExtensionBrowser {
  /** The current browser context (a new one after restart()). */
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly userDataDir: string;
  /** chrome-extension://ID/<path> */
  url(pathInExtension: string): string;
  /** Opens the options page (src/options/index.html) in a new tab. */
  openOptions(): Promise<Page>;
  /** Opens the popup (src/popup/index.html) as a tab. */
  openPopup(): Promise<Page>;
  /** The newest open tab whose URL starts with (or matches) `prefix`, else the next one opened. */
  waitForTab(prefix: string | RegExp, timeoutMs?: number): Promise<Page>;
  /** Runs `trigger` and returns the tab it opens whose URL starts with (or matches) `prefix`. */
  newTabFrom(prefix: string | RegExp, trigger: () => Promise<unknown>, timeoutMs?: number): Promise<Page>;
  /**
   * Whether an EXTENSION page's tab is the active tab of its window (chrome.tabs.getCurrent()
   * from that page; document.visibilityState says "visible" for every tab in headless mode).
   */
  isActiveTab(page: Page): Promise<boolean>;
  /** Stops the extension's service worker (CDP ServiceWorker.stopAllWorkers). */
  stopServiceWorker(): Promise<void>;
  readStorage(area?: 'local' | 'session', keys?: string[] | null): Promise<Record<string, unknown>>;
  /** Empties chrome.storage's `area`, or ('page') the extension origin's localStorage (the popup's snapshot). */
  clearStorage(area?: 'local' | 'session' | 'page'): Promise<void>;
  /** All visible text of every open extension page (for "no secret in the DOM" checks). */
  extensionPagesText(): Promise<string>;
  /** Uncaught exceptions and console errors of extension pages since launch (tests assert it stays empty). */
  readonly pageErrors: string[];
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  /** Closes the browser and removes the profile directory. */
  close(): Promise<void>;
}

export const DEFAULT_DIST = path.resolve('dist/chrome-e2e');

function chromiumArgs(dist: string, port: number, httpPort: number | undefined): string[] {
  return [
    '--headless=new',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    '--password-store=basic',
    `--host-resolver-rules=${hostResolverRules(port, httpPort)}`,
    '--ignore-certificate-errors',
  ];
}

/** A copy of the extension in `dist` whose manifest also lists `origins` in host_permissions; returns its directory. */
function withHostPermissions(dist: string, origins: string[]): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'cfj-dist-'));
  cpSync(dist, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(file, JSON.stringify(manifest));
  return copy;
}

async function startContext(userDataDir: string, dist: string, options: LaunchOptions, timeout: number) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CFJ_CHROMIUM ?? '/usr/bin/chromium',
    headless: false, // --headless=new below: extensions need the new headless mode
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(dist, options.port, options.httpPort),
    viewport: { width: 1100, height: 800 },
  });
  context.setDefaultTimeout(timeout);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

export async function launchExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const built = path.resolve(options.dist ?? process.env.CFJ_E2E_DIST ?? DEFAULT_DIST);
  const dist = options.grantHosts?.length ? withHostPermissions(built, options.grantHosts) : built;
  const timeout = options.timeout ?? 7_000;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'cfj-profile-'));
  let { context, extensionId } = await startContext(userDataDir, dist, options, timeout);
  const pageErrors: string[] = [];
  const watch = (ctx: BrowserContext) =>
    ctx.on('page', (page) => {
      const ours = () => page.url().startsWith(`chrome-extension://${extensionId}/`);
      page.on('pageerror', (e) => {
        if (ours()) pageErrors.push(`${page.url()}: ${e.message}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error' && ours()) pageErrors.push(`${page.url()}: console.error ${m.text()}`);
      });
    });
  watch(context);
  if (options.closeWelcomeTab ?? true) {
    // Poll: a new tab's URL is about:blank when Playwright first sees it.
    const prefix = `chrome-extension://${extensionId}/`;
    const deadline = Date.now() + 3_000;
    let welcome: Page | undefined;
    while (!welcome && Date.now() < deadline) {
      welcome = context.pages().find((p) => p.url().startsWith(prefix));
      if (!welcome) await new Promise((r) => setTimeout(r, 25));
    }
    await welcome?.close();
  }

  const url = (p: string) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`;

  async function openTab(p: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url(p));
    return page;
  }

  /** Runs `fn` in a short-lived blank extension page (chrome.* APIs available). */
  async function inExtensionPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await context.newPage();
    try {
      // manifest.json is served from the extension origin and runs no app code.
      await page.goto(url('manifest.json'));
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  const ext: ExtensionBrowser = {
    get context() {
      return context;
    },
    get extensionId() {
      return extensionId;
    },
    userDataDir,
    pageErrors,
    url,
    openOptions: () => openTab('src/options/index.html'),
    openPopup: () => openTab('src/popup/index.html'),

    async waitForTab(prefix, timeoutMs = timeout) {
      const matches = (p: Page) => (typeof prefix === 'string' ? p.url().startsWith(prefix) : prefix.test(p.url()));
      const open = context.pages().filter(matches).at(-1);
      if (open) return open;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(
            `No tab matching ${String(prefix)} within ${timeoutMs} ms; open: ${context
              .pages()
              .map((p) => p.url())
              .join(', ')}`,
          );
        }
        const page = await context.waitForEvent('page', { timeout: left }).catch(() => undefined);
        if (page) {
          await page.waitForURL((u) => u.href !== 'about:blank', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
          if (matches(page)) return page;
        }
        const later = context.pages().filter(matches).at(-1);
        if (later) return later;
      }
    },

    async newTabFrom(prefix, trigger, timeoutMs = timeout) {
      const before = new Set(context.pages());
      const matches = (p: Page) => !before.has(p) && (typeof prefix === 'string' ? p.url().startsWith(prefix) : prefix.test(p.url()));
      await trigger();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = context.pages().find(matches);
        if (found) {
          await found.waitForLoadState('domcontentloaded');
          return found;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `No new tab matching ${String(prefix)} within ${timeoutMs} ms; open: ${context
              .pages()
              .map((p) => p.url())
              .join(', ')}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },

    async isActiveTab(page) {
      return page.evaluate(async () => {
        const tabs = (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ active: boolean } | undefined> } } }).chrome
          .tabs;
        return (await tabs.getCurrent())?.active === true;
      });
    },

    async stopServiceWorker() {
      const scope = `chrome-extension://${extensionId}/`;
      await inExtensionPage(async (page) => {
        const cdp = await context.newCDPSession(page);
        // Wait for DevTools to report every version of our worker as stopped.
        const running = new Map<string, string>();
        let settle: () => void = () => undefined;
        const stopped = new Promise<void>((r) => (settle = r));
        const check = () => {
          if (running.size && [...running.values()].every((s) => s === 'stopped')) settle();
        };
        cdp.on(
          'ServiceWorker.workerVersionUpdated',
          (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
            for (const v of e.versions) if (v.scriptURL.startsWith(scope)) running.set(v.versionId, v.runningStatus);
            check();
          },
        );
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        check();
        await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
        await cdp.detach().catch(() => undefined);
      });
    },

    readStorage(area = 'local', keys = null) {
      return inExtensionPage((page) =>
        page.evaluate(([a, k]) => (globalThis as unknown as { chrome: ChromeStorageGlobal }).chrome.storage[a].get(k), [
          area,
          keys,
        ] as const),
      );
    },

    clearStorage(area = 'local') {
      if (area === 'page') return inExtensionPage((page) => page.evaluate(() => localStorage.clear()));
      return inExtensionPage((page) =>
        page.evaluate((a) => (globalThis as unknown as { chrome: ChromeStorageGlobal }).chrome.storage[a].clear(), area),
      );
    },

    async extensionPagesText() {
      const texts: string[] = [];
      for (const page of context.pages()) {
        if (!page.url().startsWith(`chrome-extension://${extensionId}/`)) continue;
        // innerText misses input values; collect those too.
        texts.push(
          await page.evaluate(() => {
            const values = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
            return `${document.body?.textContent ?? ''}\n${document.documentElement.outerHTML}\n${values.join('\n')}`;
          }),
        );
      }
      return texts.join('\n');
    },

    async restart() {
      await context.close();
      ({ context, extensionId } = await startContext(userDataDir, dist, options, timeout));
      watch(context);
      if (options.closeWelcomeTab ?? true) {
        const prefix = `chrome-extension://${extensionId}/`;
        const welcome =
          context.pages().find((p) => p.url().startsWith(prefix)) ??
          (await context.waitForEvent('page', { predicate: (p) => p.url().startsWith(prefix), timeout: 3_000 }).catch(() => undefined));
        await welcome?.close();
      }
    },

    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      if (dist !== built) rmSync(dist, { recursive: true, force: true });
    },
  };
  return ext;
}

/** The part of chrome.storage the helpers use (no @types/chrome in this repo). */
interface ChromeStorageGlobal {
  storage: Record<'local' | 'session', { get(keys: string[] | null): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
}

/**
 * afterEach of a suite that launches a browser per test: closes it, resets the fakes, and
 * fails the test on any uncaught error seen on the extension's pages.
 */
export async function closeAfterTest(ext: ExtensionBrowser | undefined, fakes: { reset(): void } | undefined): Promise<void> {
  const errors = [...(ext?.pageErrors ?? [])];
  await ext?.close();
  fakes?.reset();
  expect(errors, 'uncaught errors on extension pages').toEqual([]);
}

/**
 * afterEach of a suite that shares one browser: closes the extension's pages (and pages
 * under `alsoClose` prefixes), empties the extension's storage and resets the fakes.
 */
export async function resetBetweenTests(ext: ExtensionBrowser, fakes: { reset(): void }, alsoClose: string[] = []): Promise<void> {
  const prefixes = [ext.url(''), ...alsoClose];
  for (const p of ext.context.pages()) if (prefixes.some((x) => p.url().startsWith(x))) await p.close();
  await ext.clearStorage('local');
  await ext.clearStorage('session');
  await ext.clearStorage('page');
  fakes.reset();
}
