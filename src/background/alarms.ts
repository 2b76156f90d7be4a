// Periodic work: the badge count (issue #4) and token-expiry reminders (issue #3).
// Alarms survive the worker stopping; each run reads everything it needs from storage.
import type { Alarms } from 'webextension-polyfill';
import { BADGE_ALARM, refreshBadge, scheduleBadge } from './issues/badge';
import { EXPIRY_ALARM, checkTokenExpiry, scheduleExpiryCheck } from './expiry';

export async function registerAlarms(): Promise<void> {
  await Promise.all([scheduleBadge(), scheduleExpiryCheck()]);
}

export async function onAlarm(alarm: Alarms.Alarm): Promise<void> {
  if (alarm.name === BADGE_ALARM) await refreshBadge();
  else if (alarm.name === EXPIRY_ALARM) await checkTokenExpiry();
}
