// The toolbar badge: how many open issues are assigned to the user on the default
// connection. Refreshed on an alarm; never calls Jira while the connection is known to
// fail authentication (a "!" shows instead), so polling cannot lock the user's account.
// scheduleBadge() and refreshBadge() are idempotent: call them after any change.
import { AppError, isAppError, isAuthFailure } from '../../shared/errors';
import { ASSIGNED_OPEN_JQL } from '../../shared/jql';
import { clearAlarm, createAlarm, getAlarm, setBadgeColour, setBadgeText } from '../browser-api';
import { coalesce } from '../coalesce';
import { countIssues } from '../jira/issues-api';
import { localStore, type Store } from '../storage/store';
import { blockedBy, connectionTransport, withJira, type TransportFactory } from './jira-access';

/** The name of the alarm that refreshes the badge. */
export const BADGE_ALARM = 'badge-refresh';

const BADGE_COLOUR = '#0052cc';
const ALERT_COLOUR = '#de350b';

/** The toolbar badge (action.setBadgeText / setBadgeBackgroundColor). */
export interface BadgeApi {
  setText(text: string): Promise<void>;
  setColour(colour: string): Promise<void>;
}

/** The part of the alarms API the badge uses; times in minutes. */
export interface AlarmApi {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> | void;
  clear(name: string): Promise<unknown>;
}

/** What the badge needs (replaced in tests): storage, the badge, alarms and a way to count issues. */
export interface BadgeDeps {
  store: Store;
  badge: BadgeApi;
  alarms: AlarmApi;
  transport: TransportFactory;
  count: (t: ReturnType<TransportFactory>, deployment: 'cloud' | 'server', jql: string) => Promise<number>;
}

/** The badge's dependencies in the worker: storage.local, the browser, Jira without retries. */
export function defaultBadgeDeps(): BadgeDeps {
  return {
    store: localStore(),
    badge: { setText: setBadgeText, setColour: setBadgeColour },
    alarms: { get: getAlarm, create: createAlarm, clear: clearAlarm },
    // No retries: a rate-limited or unavailable Jira is left alone until the next alarm, and
    // while the connection's retry budget says Jira asked to wait, nothing is sent.
    transport: (c, secret) => connectionTransport(c, secret, { maxRetries: 0 }),
    count: (t, deployment, jql) => countIssues(t, deployment, jql),
  };
}

/** The badge text for a count: '' for none, '999+' above 999 (the badge shows about four characters). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Creates, re-creates or clears the alarm to match the settings and the default connection. */
export function scheduleBadge(): Promise<void> {
  return scheduleBadgeWith(defaultBadgeDeps());
}

/** scheduleBadge with explicit dependencies. */
export async function scheduleBadgeWith(deps: BadgeDeps): Promise<void> {
  const settings = await deps.store.settings();
  const id = await deps.store.defaultConnectionId();
  const c = id ? await deps.store.connection(id) : undefined;
  if (!settings.badgeEnabled || !c || blockedBy(c)) {
    await deps.alarms.clear(BADGE_ALARM);
    return;
  }
  const period = Math.min(120, Math.max(1, Math.round(settings.badgeIntervalMinutes)));
  const existing = await deps.alarms.get(BADGE_ALARM);
  if (existing?.periodInMinutes === period) return;
  await deps.alarms.create(BADGE_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

/**
 * Shows the current count; "!" (and no Jira call) when the default connection needs the user.
 * At start-up onStartup, onInstalled and an overdue alarm all ask at once: one count request
 * runs, and calls during it share one follow-up (coalesce.ts).
 */
export const refreshBadge: () => Promise<void> = coalesce(() => refreshBadgeWith(defaultBadgeDeps()));

/** refreshBadge with explicit dependencies, not coalesced. Throws only errors that are not AppErrors. */
export async function refreshBadgeWith(deps: BadgeDeps): Promise<void> {
  const settings = await deps.store.settings();
  const id = await deps.store.defaultConnectionId();
  const c = id ? await deps.store.connection(id) : undefined;
  if (!settings.badgeEnabled || !id || !c) {
    await deps.badge.setText('');
    return;
  }
  if (blockedBy(c)) {
    await showAlert(deps);
    return;
  }
  try {
    const n = await withJira({ store: deps.store, transport: deps.transport }, id, (t, conn) =>
      deps.count(t, conn.deployment, ASSIGNED_OPEN_JQL),
    );
    await deps.badge.setColour(BADGE_COLOUR);
    await deps.badge.setText(badgeText(n));
  } catch (e) {
    if (isAppError(e) && isAuthFailure(e.kind)) {
      // Stop polling at the first authentication failure; saving the connection again resumes it.
      await deps.alarms.clear(BADGE_ALARM);
      await showAlert(deps);
    } else if (!(e instanceof AppError)) {
      throw e;
    }
    // Network, rate limit, server: keep the last count; the next alarm tries again (the
    // transport does not retry for the badge).
  }
}

async function showAlert(deps: BadgeDeps): Promise<void> {
  await deps.badge.setColour(ALERT_COLOUR);
  await deps.badge.setText('!');
}

/** The badge after the popup's own request showed the token is rejected. */
export async function onConnectionAuthFailure(connectionId: string, deps: BadgeDeps = defaultBadgeDeps()): Promise<void> {
  if ((await deps.store.defaultConnectionId()) !== connectionId) return;
  await deps.alarms.clear(BADGE_ALARM);
  await showAlert(deps);
}
