// `npm run demo`: the extension as users get it, against a demo Jira Cloud site and
// id.atlassian.com's API tokens page served from this machine, in a browser window a person
// walks through. `npm run demo -- --smoke` walks the same flow headless and exits 0 once the
// popup shows issues (CI). Nothing here is part of the extension: src/ never imports it.
import { ADA, ACME_URL, BOB, SERVER_URL } from '../../tests/e2e/support/fakes';
import { findChromium, launchDemoBrowser, type DemoBrowser } from './browser';
import { assertDemoNotShipped, ensureChromeBuild } from './build';
import { startDemoFakes } from './fakes';
import { connectThroughTokenPage, openPopupWithIssues } from './flow';
import { openPopupWhenConnected } from './watch';

const USAGE = `usage: npm run demo [-- --smoke] [-- --build]
  (no option)  open a browser window with the extension and the demo Jira; walk the flow yourself
  --smoke      walk the flow headless; exit 0 once the popup shows issues (CI)
  --build      rebuild the extension first even if dist/chrome looks up to date`;

/** Entry point (scripts/demo/demo.mjs). Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => !['--smoke', '--build'].includes(a));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const smoke = argv.includes('--smoke');
  if (!smoke && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display to open a browser window on. On a machine without one, run: npm run demo -- --smoke');
    return 1;
  }
  findChromium(); // says what to install before anything is built or started
  const dist = ensureChromeBuild(process.cwd(), argv.includes('--build'));
  const fakes = await startDemoFakes();
  let browser: DemoBrowser | undefined;
  try {
    browser = await launchDemoBrowser({ dist, port: fakes.port, headless: smoke });
    return smoke ? await runSmoke(browser, dist) : await runInteractive(browser);
  } finally {
    await browser?.close();
    await fakes.close();
  }
}

async function runSmoke(browser: DemoBrowser, dist: string): Promise<number> {
  let current = 'starting';
  const step = (name: string) => {
    current = name;
    console.log(`  · ${name}`);
  };
  const started = Date.now();
  try {
    step('the built extension carries nothing of the demo');
    assertDemoNotShipped(process.cwd(), dist);
    await connectThroughTokenPage(browser, step);
    const { rows } = await openPopupWithIssues(browser, step);
    const count = Number((await rows.first().getAttribute('aria-setsize')) ?? (await rows.count()));
    if (browser.pageErrors.length) throw new Error(`errors on the extension's pages:\n    ${browser.pageErrors.join('\n    ')}`);
    console.log(`✓ demo smoke: the popup lists ${count} issues (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (e) {
    console.error(`✗ demo smoke failed at "${current}": ${(e as Error).message.split('\n').slice(0, 6).join('\n  ')}`);
    return 1;
  }
}

async function runInteractive(browser: DemoBrowser): Promise<number> {
  console.log(`
Client for Jira: demo
A demo Jira Cloud site and Atlassian's API tokens page run on this machine; the browser
window reaches nothing else. In the window:

  1. The options page (opened by the extension on install): New Jira Connection.
       URL       ${ACME_URL}
       Jira Cloud  checked
       Username  ${ADA.email}
  2. Click the "API Token" link → Create API token → give it a name → Create.
  3. Click "Use this token in Client for Jira": the token lands in the form. Next → Finish.
  4. The popup opens in a window of its own (later: the toolbar's puzzle piece → Client for
     Jira; pin it). Type web-2 in Search, ↓ then → to read it; "Change status" to move it.

  Also there: Jira Data Center at ${SERVER_URL} (uncheck Jira Cloud; Password;
  username ${BOB.username}, password ${BOB.password}).

Stop: close the browser window, or Ctrl+C here.
`);
  const stopped = new Promise<void>((resolve) => {
    browser.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await Promise.race([stopped, openPopupWhenConnected(browser)]);
  await stopped;
  console.log('Demo stopped.');
  return 0;
}
