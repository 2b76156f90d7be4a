// A plain-http intranet Jira Data Center in real Firefox ESR with the SHIPPED build (dist/firefox),
// at a named, non-loopback host: http://jira.intranet.test/jira (the fakes' http-only site).
//
// Firefox's default policy for Manifest V3 extension pages is
// "script-src 'self'; upgrade-insecure-requests;" (docs/browsers.md#csp): every http:// request
// of the background page would go out as https://, and an http-only site never answers. The
// manifest's own content_security_policy.extension_pages leaves that directive out. This file
// proves both halves: the shipped build connects over http and lists the issues; the same build
// without that manifest key never reaches the site.
//
// Names resolve to 127.0.0.1 through network.dns.localDomains (every fake host); ports are
// redirected with network.socket.forcePort ("443=<https port>;80=<http port>"). The host
// permission prompt is answered by the extensions.webextOptionalPermissionPrompts pref, as in
// grant-access.firefox.ts: the permission is still asked for by a real click.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_HTTP_CONFIRM_LABEL, PLAIN_HTTP_WARNING } from '../../src/shared/connection-draft';
import { BOB, HOSTS, INTRANET_URL, startFakes, type Fakes, type RecordedRequest } from '../e2e/support/fakes';
import { FIREFOX_DIST, launchFirefox, poll, type FirefoxExtension } from './support/firefox';
import { addComment, alerts, aria, bodyText, openIssue, textField, waitForText as waitForTextOn } from './support/popup';

const INTRANET_PATTERN = `http://${HOSTS.intranet}/*`;

let fakes: Fakes;

beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await fakes?.close();
});

/** Firefox with `dist` installed, the fakes' two ports behind :443 and :80, and no permission prompt. */
function launch(dist?: string): Promise<FirefoxExtension> {
  return launchFirefox({
    port: fakes.port,
    ...(dist ? { dist } : {}),
    extraPrefs: {
      'extensions.webextOptionalPermissionPrompts': false,
      // Replaces the default "443=<port>": ';' separates Firefox's from=to pairs.
      'network.socket.forcePort': `443=${fakes.port};80=${fakes.httpPort}`,
    },
  });
}

const intranetRequests = (): RecordedRequest[] => fakes.requests.to(HOSTS.intranet);
const describeRequests = (rs: RecordedRequest[]) => rs.map((r) => `${r.method} ${r.path} ${r.auth?.scheme ?? '-'} ${r.status}`);

/** Fills the New Jira Connection form for Bob on the intranet site and confirms plain http. */
async function fillIntranetForm(ff: FirefoxExtension, page: Page): Promise<void> {
  await page.locator(aria('URL', 'textbox')).fill(`${INTRANET_URL}/browse/INFRA-1`);
  await waitForTextOn(ff, page, PLAIN_HTTP_WARNING);
  const cloud = await page.locator(aria('Jira Cloud', 'checkbox')).waitHandle();
  expect(await cloud.evaluate((e) => (e as HTMLInputElement).checked)).toBe(false);
  await (await textField(page, 'Username')).type(BOB.username);
  await (await textField(page, 'Password')).type(BOB.password);
}

describe('a plain-http intranet Data Center in Firefox (dist/firefox)', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launch();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('ships an extension-pages policy without upgrade-insecure-requests, as strict as the default for scripts', () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
      optional_host_permissions?: string[];
    };
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(manifest.optional_host_permissions).toContain('http://*/*');
  });

  it('connects after the warning and the explicit confirmation, over http, asking for that http origin only', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    await fillIntranetForm(ff, page);

    await page.locator(aria('Next', 'button')).click();
    await poll('the confirmation alert', async () => ((await alerts(page)).some((a) => /unencrypted/.test(a)) ? true : undefined));
    expect(intranetRequests()).toEqual([]);

    await page.locator(aria(PLAIN_HTTP_CONFIRM_LABEL, 'checkbox')).click();
    await page.locator(aria('Next', 'button')).click();
    await waitForTextOn(ff, page, `Connected as ${BOB.displayName}`);
    const myself = intranetRequests().filter((r) => r.path === '/jira/rest/api/2/myself');
    // The intranet host answers nothing on https: a 200 here came over plain http.
    expect(
      myself.some((r) => r.auth?.scheme === 'Basic' && r.auth.user === BOB.username && r.status === 200 && !r.hasCookie),
      describeRequests(intranetRequests()).join('; '),
    ).toBe(true);
    expect(await bodyText(page)).not.toContain('Jira gives its own address');

    await page.locator(aria('Connection name', 'textbox')).fill('Intranet');
    await page.locator(aria('Finish', 'button')).click();
    const { connections } = await poll('the saved connection', async () => {
      const got = await ff.readStorage(page, 'local', ['connections']);
      return Array.isArray(got.connections) && got.connections.length ? got : undefined;
    });
    expect(connections).toEqual([expect.objectContaining({ name: 'Intranet', siteUrl: INTRANET_URL, deployment: 'server' })]);
    const granted = await page.evaluate(
      (http, https) => {
        const p = (globalThis as unknown as { browser: { permissions: { contains(x: object): Promise<boolean> } } }).browser.permissions;
        return Promise.all([p.contains({ origins: [http] }), p.contains({ origins: [https] })]);
      },
      INTRANET_PATTERN,
      `https://${HOSTS.intranet}/*`,
    );
    expect(granted, 'access to the http origin, and not to its https twin').toEqual([true, false]);
    await page.close();
  });

  it('the popup lists the intranet issues, fetched over http', async () => {
    const before = intranetRequests().length;
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const rows = await poll(
      'issue rows',
      async () => {
        const got = await popup
          .$$eval('[role="listbox"] [role="option"]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
          .catch(() => [] as string[]);
        return got.length ? got : undefined;
      },
      10_000,
    ).catch(async (e) => {
      throw new Error(`${(e as Error).message}; alerts: ${JSON.stringify(await alerts(popup))}; errors: ${JSON.stringify(ff.pageErrors)}`);
    });
    expect(
      rows.every((k) => /^(INFRA|HR)-\d+\b/.test(k)),
      rows.slice(0, 3).join(' | '),
    ).toBe(true);
    const search = intranetRequests()
      .slice(before)
      .filter((r) => r.path === '/jira/rest/api/2/search');
    expect(search.some((r) => r.status === 200)).toBe(true);
    await popup.close();
  });

  it("adds a comment over http, through Jira's XSRF rule with the site's http Origin", async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await openIssue(ff, popup, 'INFRA-1');
    const before = intranetRequests().length;
    await addComment(ff, popup, 'Checked from the intranet.', 'Checked from the intranet.');
    const writes = intranetRequests()
      .slice(before)
      .filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /jira/rest/api/2/issue/INFRA-1/comment 201']);
    expect(writes[0]!.origin).toBe(`http://${HOSTS.intranet}`);
    await popup.close();
  });

  it('logged no errors on extension pages', () => {
    expect(ff.pageErrors).toEqual([]);
  });
});

describe('the same build without the manifest policy (Firefox default: upgrade-insecure-requests)', () => {
  let ff: FirefoxExtension;
  let copy: string;
  beforeAll(async () => {
    copy = mkdtempSync(path.join(tmpdir(), 'cfj-firefox-nocsp-'));
    cpSync(FIREFOX_DIST, copy, { recursive: true });
    const file = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete manifest.content_security_policy;
    writeFileSync(file, JSON.stringify(manifest));
    fakes.reset();
    ff = await launch(copy);
  });
  afterAll(async () => {
    await ff?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('never reaches the http site: its requests are sent as https, where nothing answers', async () => {
    const page = await ff.openExtensionPage('src/options/index.html');
    await fillIntranetForm(ff, page);
    await page.locator(aria(PLAIN_HTTP_CONFIRM_LABEL, 'checkbox')).click();
    await page.locator(aria('Next', 'button')).click();
    const shown = await poll(
      'an alert after Next',
      async () => {
        const got = (await alerts(page)).filter(Boolean);
        return got.length ? got : undefined;
      },
      20_000,
    );
    // The upgraded request met a closed port: to the extension, an unreachable site.
    expect(shown.join(' ')).toMatch(/Could not reach Jira/);
    expect(await bodyText(page)).not.toContain(`Connected as ${BOB.displayName}`);
    expect(intranetRequests(), describeRequests(intranetRequests()).join('; ')).toEqual([]);
    await page.close();
  });
});
