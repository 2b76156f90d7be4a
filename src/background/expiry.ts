// Token-expiry reminders: the options list and popup warn from 14 days before
// (computed from tokenExpiresOn where they render); this module shows one browser
// notification per token, 7 days (or fewer) before it expires.
import { EXPIRY_NOTIFY_DAYS, daysUntilExpiry, type ConnectionSummary } from '../shared/connection';
import { hostOf } from '../shared/site-url';
import { expiryPhrase } from '../shared/time';
import { clearNotification, createAlarm, extensionUrl, openTab, showNotification } from './browser-api';
import { localStore, type Store } from './storage/store';

/** The name of the alarm that checks token expiry dates. */
export const EXPIRY_ALARM = 'token-expiry';
/** A reminder's notification id is this prefix and the connection id. */
export const EXPIRY_NOTIFICATION_PREFIX = 'token-expiry:';

/** Schedules the expiry check: a minute from now, then every 12 hours. */
export async function scheduleExpiryCheck(): Promise<void> {
  // Twice a day is plenty for day-granular dates; alarms survive the worker stopping.
  await createAlarm(EXPIRY_ALARM, { delayInMinutes: 1, periodInMinutes: 12 * 60 });
}

/** Connections that should be notified now: within 7 days, not yet notified for this date. */
export function dueForNotice(
  connections: ConnectionSummary[],
  notified: Record<string, string>,
  now: Date,
): Array<{ c: ConnectionSummary; days: number }> {
  const due: Array<{ c: ConnectionSummary; days: number }> = [];
  for (const c of connections) {
    const days = daysUntilExpiry(c.tokenExpiresOn, now);
    if (days === undefined || days > EXPIRY_NOTIFY_DAYS) continue;
    if (notified[c.id] === c.tokenExpiresOn) continue;
    due.push({ c, days });
  }
  return due;
}

/** The reminder's wording: `days` until expiry (negative: expired that many days ago). */
export function noticeText(c: ConnectionSummary, days: number): { title: string; message: string } {
  const what = c.authMethod === 'cloud-token' ? 'API token' : 'token';
  return {
    title: `Jira ${what} ${expiryPhrase(days)}`,
    message: `${c.name} (${hostOf(c.siteUrl)}): renew it now so your issues keep loading. Click to renew.`,
  };
}

/** Shows the reminders due now (dueForNotice) and records each, so a token is reminded once per date. */
export async function checkTokenExpiry(store: Store = localStore(), now = new Date()): Promise<void> {
  const [connections, notified] = await Promise.all([store.connections(), store.expiryNotified()]);
  for (const { c, days } of dueForNotice(connections, notified, now)) {
    const { title, message } = noticeText(c, days);
    await showNotification(`${EXPIRY_NOTIFICATION_PREFIX}${c.id}`, { title, message });
    await store.markExpiryNotified(c.id, c.tokenExpiresOn!);
  }
}

/** A click on a reminder opens the renewal form for that connection. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(EXPIRY_NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(EXPIRY_NOTIFICATION_PREFIX.length);
  const c = await localStore().connection(id);
  if (!c) return;
  const hash = c.authMethod === 'cloud-token' ? `renew=${encodeURIComponent(id)}` : `reauth=${encodeURIComponent(id)}`;
  await openTab(extensionUrl(`src/options/index.html#${hash}`));
  await clearNotification(notificationId);
}
