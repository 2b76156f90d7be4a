// The demo's browser: Chromium (or Chrome for Testing) with the shipped extension loaded, every
// Atlassian name the demo needs sent to the local fakes and every other name to nowhere, in a
// throwaway profile. The same launch serves the window a person uses, --smoke and the
// screenshots (headless). Recipe: docs/browsers.md#test-browsers.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { hostResolverRules } from '../../tests/e2e/support/fakes';

/** Chromium builds that still load an unpacked extension from the command line. */
function candidates(): string[] {
  const home = homedir();
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    path.join(home, 'AppData/Local/Chromium/Application/chrome.exe'),
    // Where `npx @puppeteer/browsers install chrome@stable` puts Chrome for Testing is versioned:
    // CFJ_CHROMIUM names it.
  ];
}

/** Branded Chrome: found only to say why it is not used. */
const BRANDED = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:/Program Files/Google/Chrome/Application/chrome.exe',
];

const INSTALL_HINT = [
  'Install Chromium or Chrome for Testing, for example:',
  '  Debian/Ubuntu:  sudo apt-get install chromium',
  '  macOS:          brew install --cask chromium',
  '  any system:     npx @puppeteer/browsers install chrome@stable   (Chrome for Testing)',
  'then, if it is not in a usual place, run again with CFJ_CHROMIUM=/path/to/its/executable.',
].join('\n');

/**
 * The browser to run: $CFJ_CHROMIUM, else the first Chromium or Chrome for Testing found in the
 * usual places. Throws a message saying what to install when there is none; branded Chrome is
 * never used, because Chrome 137+ ignores --load-extension (docs/browsers.md#test-browsers).
 */
export function findChromium(): string {
  const chosen = process.env.CFJ_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CFJ_CHROMIUM names ${chosen}, which does not exist.\n${INSTALL_HINT}`);
    return chosen;
  }
  const found = candidates().find((p) => existsSync(p));
  if (found) return found;
  const branded = BRANDED.find((p) => existsSync(p));
  const why = branded
    ? `Only Google Chrome was found (${branded}): since Chrome 137 it no longer loads an unpacked extension from the command line.`
    : 'No Chromium was found.';
  throw new Error(`${why}\n${INSTALL_HINT}`);
}

export interface DemoBrowser {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://ID/<path> */
  url(pathInExtension: string): string;
  /** Uncaught errors and console errors of the extension's pages since launch. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface DemoLaunch {
  /** The unpacked extension (the shipped Chromium build). */
  dist: string;
  /** Port of the fakes. */
  port: number;
  headless: boolean;
  colorScheme?: 'light' | 'dark';
}

/**
 * Starts the browser on a fresh profile with the extension installed (so it opens its options
 * page, as after a real install) and resolves once its service worker runs. The profile is
 * deleted by close(). --ignore-certificate-errors accepts the fakes' self-signed certificate:
 * safe only because this profile can reach nothing but the fakes (hostResolverRules).
 */
export async function launchDemoBrowser(opts: DemoLaunch): Promise<DemoBrowser> {
  const executablePath = findChromium();
  const profile = mkdtempSync(path.join(tmpdir(), 'cfj-demo-profile-'));
  const args = [
    `--disable-extensions-except=${opts.dist}`,
    `--load-extension=${opts.dist}`,
    `--host-resolver-rules=${hostResolverRules(opts.port)}`,
    '--ignore-certificate-errors',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    '--password-store=basic',
    // A system proxy would resolve names itself, past the rules above: no proxy, so nothing but
    // the fakes is reachable (https://www.chromium.org/developers/design-documents/network-settings/).
    '--no-proxy-server',
    ...(opts.headless ? ['--headless=new', '--disable-gpu'] : []),
    // Containers and CI have no usable sandbox, and Chromium refuses to run as root with one (as in the browser tests).
    ...(opts.headless || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      // --headless=new above: extensions need the new headless mode.
      headless: false,
      // Keep extensions on; drop the "controlled by automated test software" bar of the window a person uses.
      ignoreDefaultArgs: ['--disable-extensions', ...(opts.headless ? [] : ['--enable-automation'])],
      args,
      viewport: opts.headless ? { width: 1000, height: 800 } : null,
      // null: the system's light or dark, as for a person's browser.
      colorScheme: opts.colorScheme ?? null,
      // A person's window: the demo stops it on Ctrl+C itself, then deletes the profile.
      handleSIGINT: opts.headless,
      handleSIGTERM: opts.headless,
      handleSIGHUP: opts.headless,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`${executablePath} did not start: ${(e as Error).message.split('\n')[0]}`);
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const pageErrors: string[] = [];
  const ours = (page: Page) => page.url().startsWith(`chrome-extension://${extensionId}/`);
  const watch = (page: Page) => {
    page.on('pageerror', (e) => ours(page) && pageErrors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && ours(page) && pageErrors.push(`${page.url()}: console.error ${m.text()}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    extensionId,
    pageErrors,
    url: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The first tab whose URL starts with `prefix`, waiting for it up to `timeoutMs`. */
export async function waitForTab(context: BrowserContext, prefix: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A new tab's URL is about:blank when Playwright first sees it: poll.
    const page = context.pages().find((p) => p.url().startsWith(prefix));
    if (page) {
      await page.waitForLoadState('domcontentloaded');
      return page;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No tab opened ${prefix} within ${timeoutMs / 1000} s; open: ${context
          .pages()
          .map((p) => p.url())
          .join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
