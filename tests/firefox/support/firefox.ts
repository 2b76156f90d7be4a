// Launches Debian's Firefox ESR with the shipped Firefox build (dist/firefox) installed as a
// temporary add-on, pointed at the local HTTPS fakes (tests/e2e/support/fakes.ts).
// How: docs/browsers.md#test-browsers (puppeteer-core over WebDriver BiDi, no geckodriver).
//
//   const ff = await launchFirefox({ port: fakes.port });   // ~3 s
//   launchFirefox({ port, extraPrefs: { 'extensions.webextOptionalPermissionPrompts': false } })
//   const page = await ff.openExtensionPage('src/options/index.html');
//   const tab = await ff.waitForExtensionTab('src/options/index.html', (href) => ...);
//   await ff.readStorage(extensionPage, 'local', ['connections']);
//   await ff.close();                                         // also deletes the profile
//
// Firefox quirks handled here:
// - page.goto() of a moz-extension:// page never resolves (Firefox drops the navigation
//   events), so it is fired and the page polled. For the same reason puppeteer's page.url()
//   stays "about:blank" for extension tabs: ask the page for location.href instead.
// - The extension origin is fixed with the `extensions.webextensions.uuids` pref.
// - The extension opens its options page on install (runtime.onInstalled). When that came
//   after a test had opened its first page, the test's page lost `browser` between two
//   evaluate calls (1 run in 4 of grant-access.firefox.ts, and a red CI): launchFirefox
//   waits for that tab and closes it before any test opens a page.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HOSTS } from '../../e2e/support/fakes';

export const FIREFOX = process.env.CFJ_FIREFOX ?? '/usr/bin/firefox-esr';
/** The shipped Firefox build (npm run build:firefox). */
export const FIREFOX_DIST = path.resolve(process.env.CFJ_FIREFOX_DIST ?? 'dist/firefox');
export const GECKO_ID = 'client-for-jira@client-for-jira.org';
/** Fixed moz-extension origin for the add-on (any UUID works). */
export const EXTENSION_UUID = '6f0c8a52-3c1e-4d7b-9a2f-5e8b1c4d7a90';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtension {
  readonly browser: Browser;
  /** moz-extension://UUID/<path> */
  url(pathInExtension: string): string;
  /** Opens an extension page in a new tab and waits until its document has loaded. */
  openExtensionPage(pathInExtension: string, timeoutMs?: number): Promise<Page>;
  /** The tab whose location.href starts with `prefix` (and passes `accept`), polling until one appears. */
  waitForTab(prefix: string, opts?: { exclude?: Set<Page>; timeoutMs?: number }): Promise<Page>;
  /** location.href as the page itself sees it (puppeteer's page.url() is stale for extension tabs). */
  hrefOf(page: Page): Promise<string | undefined>;
  /** storage.<area>.get(keys), evaluated in `page` (an open extension page). */
  readStorage(page: Page, area?: 'local' | 'session', keys?: string[] | null): Promise<Record<string, unknown>>;
  /** Uncaught errors and console errors on extension pages opened through this helper. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Fails loudly (never skips) when the browser or the build is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `Firefox ESR not found at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set CFJ_FIREFOX. The Firefox smoke suite cannot run without it.`,
    );
  }
  if (!existsSync(path.join(FIREFOX_DIST, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_DIST}: run \`npm run build:firefox\` first (or set CFJ_FIREFOX_DIST).`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 7_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const got = await fn().catch((e: unknown) => {
      lastError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      return undefined;
    });
    if (got !== undefined) return got;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await sleep(100);
  }
}

export interface LaunchOptions {
  /** The fakes' port: every :443 connection goes there. */
  port: number;
  /** The extension to install; default FIREFOX_DIST (the shipped build). */
  dist?: string;
  /**
   * The extension opens its options page on install (runtime.onInstalled). Wait for that tab
   * and close it, so each test starts with no extension tab open. Default true.
   */
  closeWelcomeTab?: boolean;
  /**
   * More Firefox prefs for this browser only, on top of (and able to override) the defaults
   * below, e.g. `{ 'extensions.webextOptionalPermissionPrompts': false }` (grant-access suite).
   */
  extraPrefs?: Record<string, string | number | boolean>;
}

export async function launchFirefox(opts: LaunchOptions): Promise<FirefoxExtension> {
  assertPrerequisites();
  const profile = mkdtempSync(path.join(tmpdir(), 'cfj-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    acceptInsecureCerts: true,
    userDataDir: profile,
    // Lets a tab load moz-extension:// pages over BiDi (docs/browsers.md#test-browsers).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The fakes' host names -> 127.0.0.1, and every :443 connection -> the fakes' port.
      'network.dns.localDomains': Object.values(HOSTS).join(','),
      'network.socket.forcePort': `443=${opts.port}`,
      ...opts.extraPrefs,
    },
  });
  const pageErrors: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`);
    });
  };

  try {
    const id = await browser.installExtension(opts.dist ?? FIREFOX_DIST);
    if (id !== GECKO_ID) throw new Error(`installed add-on id ${id}, expected ${GECKO_ID}`);
  } catch (e) {
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }

  const url = (p: string) => `${EXTENSION_ORIGIN}/${p.replace(/^\//, '')}`;

  async function hrefOf(page: Page): Promise<string | undefined> {
    return withTimeout(
      page.evaluate(() => location.href).catch(() => undefined),
      1_000,
    );
  }

  async function openExtensionPage(p: string, timeoutMs = 10_000): Promise<Page> {
    const page = await browser.newPage();
    watch(page);
    const target = url(p);
    // Never resolves for extension pages in Firefox: fire it, then poll.
    page.goto(target).catch(() => undefined);
    await poll(
      `${target} to load`,
      async () =>
        (await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '')) === `complete ${target}` ? true : undefined,
      timeoutMs,
    );
    return page;
  }

  async function waitForTab(prefix: string, o: { exclude?: Set<Page>; timeoutMs?: number } = {}): Promise<Page> {
    return poll(
      `a tab at ${prefix}`,
      async () => {
        for (const page of (await browser.pages()).reverse()) {
          if (o.exclude?.has(page)) continue;
          const href = await hrefOf(page);
          if (href?.startsWith(prefix)) {
            watch(page);
            return page;
          }
        }
        return undefined;
      },
      o.timeoutMs ?? 7_000,
    );
  }

  async function readStorage(page: Page, area: 'local' | 'session' = 'local', keys: string[] | null = null) {
    // Evaluated in an open extension page: Firefox shows manifest.json in its JSON viewer,
    // which has no extension APIs, so there is no blank extension page to borrow.
    return (await page.evaluate(
      (a, k) =>
        (globalThis as unknown as { browser: { storage: Record<string, { get(k: string[] | null): Promise<object> }> } }).browser.storage[
          a
        ]!.get(k),
      area,
      keys,
    )) as Record<string, unknown>;
  }

  if (opts.closeWelcomeTab ?? true) {
    const welcome = url('src/options/index.html');
    try {
      const tab = await waitForTab(welcome, { timeoutMs: 10_000 });
      await tab.close();
    } catch (e) {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`the options page did not open on install: ${(e as Error).message}`);
    }
  }

  return {
    browser,
    url,
    openExtensionPage,
    waitForTab,
    hrefOf,
    readStorage,
    pageErrors,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
