// The interactive demo's one helping hand: once the person's first connection is saved, the
// popup opens in a window of its own, popup-sized. (An extension's toolbar popup opens only on
// a user's click, docs/browsers.md#popup; extensions are not pinned to the toolbar either.)
import type { Page } from 'playwright-core';
import type { DemoBrowser } from './browser';

type ChromeApi = {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(o: { url: string; type: 'popup'; width: number; height: number; focused: boolean }): Promise<unknown> };
};

/**
 * Polls the open options page (read-only: the saved connection list, which holds no secret)
 * until a connection exists, then opens the popup page in a 400 × 600 window. Returns when it
 * did, or never when the browser closes first.
 */
export async function openPopupWhenConnected(browser: DemoBrowser): Promise<void> {
  let closed = false;
  browser.context.on('close', () => {
    closed = true;
  });
  const optionsPrefix = browser.url('src/options/');
  while (!closed) {
    const options = browser.context.pages().find((p) => p.url().startsWith(optionsPrefix));
    if (options && (await connectionCount(options)) > 0) {
      const popupUrl = browser.url('src/popup/index.html');
      const inWindow = await options
        .evaluate(
          (url) =>
            (globalThis as unknown as { chrome: ChromeApi }).chrome.windows.create({
              url,
              type: 'popup',
              width: 416,
              height: 640,
              focused: true,
            }),
          popupUrl,
        )
        .then(() => true)
        .catch(() => false);
      // Without a popup window (the options tab closed meanwhile, say), a tab will do.
      if (!inWindow) await (await browser.context.newPage()).goto(popupUrl).catch(() => undefined);
      console.log(`Connected: the popup is open in ${inWindow ? 'a window of its own' : 'a tab'}.`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await new Promise(() => undefined);
}

async function connectionCount(page: Page): Promise<number> {
  return page
    .evaluate(async () => {
      const { connections } = await (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get('connections');
      return Array.isArray(connections) ? connections.length : 0;
    })
    .catch(() => 0);
}
