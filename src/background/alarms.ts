// Periodic work: the badge count and token-expiry reminders. Alarms survive the worker
// stopping; each run reads everything it needs from storage.
import type { Alarm } from './browser-api';
import { EXPIRY_ALARM, checkTokenExpiry, scheduleExpiryCheck } from './expiry';
import { BADGE_ALARM, refreshBadge, scheduleBadge } from './issues/badge';

/** Schedules every periodic job to match the stored settings and connections (idempotent). */
export async function registerAlarms(): Promise<void> {
  await Promise.all([scheduleBadge(), scheduleExpiryCheck()]);
}

/** Runs the job an alarm stands for; an unknown alarm is ignored. */
export async function onAlarm(alarm: Alarm): Promise<void> {
  if (alarm.name === BADGE_ALARM) await refreshBadge();
  else if (alarm.name === EXPIRY_ALARM) await checkTokenExpiry();
}
