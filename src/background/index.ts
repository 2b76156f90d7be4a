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
import type { StorageArea } from './storage/area';

const local = browser.storage.local as unknown as StorageArea;
const self = { id: browser.runtime.id, origin: originOf(browser.runtime.getURL('')) ?? '' };

// Migrations run on install/update; a worker that starts without that event checks once
// per life before its first request (cheap: one storage read).
let migrated: Promise<unknown> | undefined;
const ensureMigrated = () => (migrated ??= runMigrations(local));

const route = createRouter(handlers, self, async () => {
  await ensureMigrated();
});

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => route(message, sender));

browser.runtime.onInstalled.addListener(async (details) => {
  migrated = runMigrations(local);
  await migrated;
  await registerAlarms();
  if (details.reason === 'install') await browser.runtime.openOptionsPage();
});

browser.runtime.onStartup.addListener(async () => {
  await ensureMigrated();
  await registerAlarms();
});

browser.alarms.onAlarm.addListener(async (alarm) => {
  await ensureMigrated();
  await onAlarm(alarm);
});

browser.notifications.onClicked.addListener((id) => {
  void onNotificationClicked(id);
});
