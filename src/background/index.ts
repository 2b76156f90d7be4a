// Service worker (Chrome) / background script (Firefox) entry. Registers every listener
// synchronously at start-up, as MV3 requires; keeps no state between events: everything
// lives in storage.local / storage.session, so the worker may stop at any time.
import './zod-setup'; // first: before any schema is built
import browser from 'webextension-polyfill';
import { handlers } from './handlers';
import { createRouter } from './router';
import { originOf, type Sender } from './senders';
import { runMigrations } from './storage/migrations';
import { registerAlarms, onAlarm } from './alarms';
import { onNotificationClicked } from './expiry';
import { refreshBadge } from './issues/badge';
import type { StorageArea } from './storage/area';

const local = browser.storage.local as unknown as StorageArea;

// Content scripts need no storage: where the browser allows it (recent Chromium), keep
// storage.local (tokens included) out of their reach. Firefox has no such switch (bug 1724754).
void (browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
  .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
  ?.catch(() => undefined);
const self = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('')) ?? '' };

// Migrations run on install/update; a worker that starts without that event checks once
// per life before its first request (cheap: one storage read).
// One run per worker life, shared by every caller: two concurrent runs could each write back
// a stale snapshot over a connection saved in between. A failed run is retried next time.
let migrated: Promise<unknown> | undefined;
const ensureMigrated = () =>
  (migrated ??= runMigrations(local).catch((e: unknown) => {
    migrated = undefined;
    throw e;
  }));

const route = createRouter(handlers, self, async () => {
  await ensureMigrated();
});

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => route(message, sender));

// Badge text set with action.setBadgeText does not reliably survive a browser restart or an
// extension update (w3c/webextensions#249), and the next alarm is minutes away: draw it again
// at once. A blocked default connection gets its "!" back without a Jira call; otherwise
// this is one count request (refreshBadge).
browser.runtime.onInstalled.addListener(async (details) => {
  await ensureMigrated();
  await registerAlarms();
  if (details.reason === 'install') await browser.runtime.openOptionsPage();
  await refreshBadge();
});

browser.runtime.onStartup.addListener(async () => {
  await ensureMigrated();
  await registerAlarms();
  await refreshBadge();
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  await ensureMigrated();
  await onAlarm(alarm);
});

browser.notifications.onClicked.addListener((id) => {
  void onNotificationClicked(id);
});
