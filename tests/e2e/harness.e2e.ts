// The harness itself, on a minimal extension (support/mini-extension.ts): Chromium starts
// with an extension, reaches the fakes by their real names, the token page works in both
// shapes, the service worker can be stopped, storage survives a restart.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import { ACME_URL, ADA, HOSTS, TOKEN_PAGE_URL, basic, startFakes, type Fakes } from './support/fakes';
import { writeMiniExtension } from './support/mini-extension';
import { createTokenOnPage } from './support/token-page';

let fakes: Fakes;
let dist: string;
let ext: ExtensionBrowser;

beforeAll(async () => {
  fakes = await startFakes();
  dist = writeMiniExtension();
  ext = await launchExtension({ port: fakes.port, dist, closeWelcomeTab: false });
});
afterEach(() => fakes.reset());
afterAll(async () => {
  await ext?.close();
  await fakes?.close();
  rmSync(dist, { recursive: true, force: true });
});

type Ping = { bornAt: number };
const send = <T>(page: import('playwright-core').Page, msg: unknown) =>
  page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    msg,
  ) as Promise<T>;

describe('harness', () => {
  it('opens extension pages and lets the background reach the fake Jira without cookies', async () => {
    const options = await ext.openOptions();
    await options.getByText('ready').waitFor();
    const got = await send<{ status: number; body: string }>(options, {
      fetch: `${ACME_URL}/rest/api/3/myself`,
      headers: { authorization: basic(ADA.email, ADA.classicToken) },
    });
    expect(got.status).toBe(200);
    const [call] = fakes.requests.to(HOSTS.acme, '/rest/api/3/myself');
    expect(call).toMatchObject({ hasCookie: false, auth: { scheme: 'Basic', user: ADA.email } });
    expect(call!.userAgent).toContain('Mozilla');
    await options.close();
  });

  it('stops the service worker; the next message starts a fresh one', async () => {
    const page = await ext.openPopup();
    const before = await send<Ping>(page, 'ping');
    await ext.stopServiceWorker();
    const after = await send<Ping>(page, 'ping');
    expect(after.bornAt).not.toBe(before.bornAt);
    await page.close();
  });

  for (const shape of ['a', 'b'] as const) {
    it(`token page shape ${shape}: create, read, create a second, with the content script running`, async () => {
      fakes.tokenPage.configure({ shape });
      const page = await ext.context.newPage();
      await page.goto(TOKEN_PAGE_URL);
      await expect.poll(() => page.getAttribute('body', 'data-harness-content-script')).toBe('ran');
      const account = shape === 'a' ? page.getByRole('button', { name: `Account: ${ADA.email}` }) : page.getByText(ADA.email);
      await account.waitFor();

      const first = await createTokenOnPage(page, { name: 'first' });
      expect(first.token === fakes.tokenPage.lastToken, 'the page shows the token it created').toBe(true);
      await first.close();
      const second = await createTokenOnPage(page, { name: 'second' });
      expect(second.token === fakes.tokenPage.lastToken, 'the page shows the second token').toBe(true);
      expect(second.token === first.token, 'a new token').toBe(false);
      expect(fakes.tokenPage.issued.map((t) => t.label)).toEqual(['first', 'second']);
      await page.close();
    });
  }

  it('keeps storage across a restart', async () => {
    expect(await ext.readStorage()).toMatchObject({ installed: true });
    const page = await ext.openOptions();
    await page.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        marker: 42,
      }),
    );
    await ext.restart();
    expect(await ext.readStorage('local', ['marker'])).toEqual({ marker: 42 });
    await ext.clearStorage();
    expect(await ext.readStorage()).toEqual({});
  });
});
