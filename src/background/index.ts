// Service worker (Chrome) / background script (Firefox) entry. Registers every listener
// synchronously at start-up, as MV3 requires; keeps no state between events: everything
// lives in storage.local / storage.session, so the worker may stop at any time
// (docs/browsers.md#service-worker).
import './zod-setup'; // first: before any schema is built
import { onAlarm, registerAlarms } from './alarms';
import {
  addAlarmListener,
  addLocalChangeListener,
  addInstalledListener,
  addMessageListener,
  addNotificationClickListener,
  addStartupListener,
  extensionId,
  extensionUrl,
  localArea,
  openOptionsPage,
  restrictLocalStorageToTrustedContexts,
} from './browser-api';
import { onNotificationClicked } from './expiry';
import { handlers } from './handlers';
import { refreshBadge } from './issues/badge';
import { createRouter } from './router';
import { originOf } from './senders';
import { connectionsItem } from '../shared/storage-items';
import { runMigrations } from './storage/migrate';
import { localStore } from './storage/store';
import { syncXsrfRules } from './xsrf-rules';

// Content scripts need no storage: keep them out of storage.local (tokens included) where the
// browser allows it.
restrictLocalStorageToTrustedContexts();
const self = { id: extensionId(), origin: originOf(extensionUrl('')) ?? '' };

// Migrations run on install/update; a worker that starts without that event checks once
// per life before its first request (cheap: one storage read).
// One run per worker life, shared by every caller: two concurrent runs could each write back
// a stale snapshot over a connection saved in between. A failed run is retried next time.
let migrated: Promise<unknown> | undefined;
const ensureMigrated = () => {
  migrated ??= runMigrations(localArea()).catch((e: unknown) => {
    migrated = undefined;
    throw e;
  });
  return migrated;
};

const route = createRouter(handlers, self, async () => {
  await ensureMigrated();
});

addMessageListener((message, sender) => route(message, sender));

// Badge text set with action.setBadgeText does not reliably survive a browser restart or an
// extension update (docs/browsers.md#badge), and the next alarm is minutes away: draw it again
// at once. A blocked default connection gets its "!" back without a Jira call; otherwise
// this is one count request (refreshBadge).
addInstalledListener(async (details) => {
  await ensureMigrated();
  await registerAlarms();
  await syncXsrfRules(await localStore().connections());
  if (details.reason === 'install') await openOptionsPage();
  await refreshBadge();
});

addStartupListener(async () => {
  await ensureMigrated();
  await registerAlarms();
  await syncXsrfRules(await localStore().connections());
  await refreshBadge();
});

addAlarmListener(async (alarm) => {
  await ensureMigrated();
  await onAlarm(alarm);
});

// Firefox's writes need one header rule per connected Jira origin: kept in step with the
// connections, whoever changes them (xsrf-rules.ts).
addLocalChangeListener((changes) => {
  const c = changes[connectionsItem.key];
  if (c) void syncXsrfRules(connectionsItem.read(c.newValue)).catch(() => undefined);
});

addNotificationClickListener((id) => {
  void onNotificationClicked(id);
});
