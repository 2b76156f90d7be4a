import { describe, expect, it, vi } from 'vitest';

// The default deps call the Jira client; these units inject their own.
vi.mock('../jira/connect', () => ({ transportFor: vi.fn() }));
vi.mock('../jira/issues-api', () => ({ countIssues: vi.fn() }));
import { AppError } from '../../shared/errors';
import { ASSIGNED_OPEN_JQL } from '../../shared/jql';
import type { JiraTransport } from '../jira/transport';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import {
  BADGE_ALARM,
  badgeText,
  onConnectionAuthFailure,
  refreshBadgeWith as refreshBadge,
  scheduleBadgeWith as scheduleBadge,
  type BadgeDeps,
} from './badge';
import { connection } from '../../../tests/unit/fixtures';

function setup(opts: { state?: 'ok' | 'token-rejected' | 'captcha'; settings?: object; count?: () => Promise<number> } = {}) {
  const store = new Store(
    new MemoryStorageArea({
      connections: [connection('c1', { status: { state: opts.state ?? 'ok' } }), connection('c2')],
      secrets: { c1: 'tok1', c2: 'tok2' },
      defaultConnectionId: 'c1',
      settings: { badgeEnabled: true, badgeIntervalMinutes: 5, savedQueries: [], ...opts.settings },
    }),
  );
  const alarms = new Map<string, { periodInMinutes: number }>();
  const badge = { text: 'unset', colour: '' };
  const count = vi.fn(opts.count ?? (async () => 7));
  const deps: BadgeDeps = {
    store,
    badge: {
      setText: async (t) => {
        badge.text = t;
      },
      setColour: async (c) => {
        badge.colour = c;
      },
    },
    alarms: {
      get: async (n) => alarms.get(n),
      create: vi.fn((n: string, info: { periodInMinutes: number }) => void alarms.set(n, info)),
      clear: async (n) => alarms.delete(n),
    },
    transport: () => ({}) as JiraTransport,
    count,
  };
  return { deps, alarms, badge, count, store };
}

describe('badge', () => {
  it('shows the count of open assigned issues on the default connection', async () => {
    const { deps, badge, count } = setup();
    await refreshBadge(deps);
    expect(badge.text).toBe('7');
    expect(count).toHaveBeenCalledWith(expect.anything(), 'cloud', ASSIGNED_OPEN_JQL);
  });

  it.each(['token-rejected', 'captcha'] as const)('does not call Jira when the connection is %s', async (state) => {
    const { deps, badge, count, alarms } = setup({ state });
    await scheduleBadge(deps);
    await refreshBadge(deps);
    expect(count).not.toHaveBeenCalled();
    expect(badge.text).toBe('!');
    expect(alarms.has(BADGE_ALARM)).toBe(false);
  });

  it('stops polling at the first authentication failure', async () => {
    const { deps, badge, count, alarms, store } = setup({
      count: async () => {
        throw new AppError({ kind: 'auth', message: 'Token rejected.' });
      },
    });
    await scheduleBadge(deps);
    expect(alarms.has(BADGE_ALARM)).toBe(true);
    await refreshBadge(deps);
    expect(badge.text).toBe('!');
    expect(alarms.has(BADGE_ALARM)).toBe(false);
    expect((await store.connection('c1'))!.status.state).toBe('token-rejected');
    await refreshBadge(deps);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('keeps the last count on a network error', async () => {
    const { deps, badge } = setup({
      count: async () => {
        throw new AppError({ kind: 'network', message: 'offline' });
      },
    });
    badge.text = '4';
    await refreshBadge(deps);
    expect(badge.text).toBe('4');
  });

  it('is off when disabled: no alarm, empty badge', async () => {
    const { deps, badge, alarms, count } = setup({ settings: { badgeEnabled: false } });
    alarms.set(BADGE_ALARM, { periodInMinutes: 5 });
    await scheduleBadge(deps);
    await refreshBadge(deps);
    expect(alarms.has(BADGE_ALARM)).toBe(false);
    expect(badge.text).toBe('');
    expect(count).not.toHaveBeenCalled();
  });

  it('schedules idempotently and follows the interval setting', async () => {
    const { deps, alarms, store } = setup({ settings: { badgeIntervalMinutes: 15 } });
    await scheduleBadge(deps);
    await scheduleBadge(deps);
    expect(deps.alarms.create).toHaveBeenCalledTimes(1);
    expect(alarms.get(BADGE_ALARM)!.periodInMinutes).toBe(15);
    await store.updateSettings({ badgeIntervalMinutes: 30 });
    await scheduleBadge(deps);
    expect(alarms.get(BADGE_ALARM)!.periodInMinutes).toBe(30);
  });

  it('resumes once the connection is fixed', async () => {
    const { deps, alarms, store, badge } = setup({ state: 'token-rejected' });
    await scheduleBadge(deps);
    expect(alarms.has(BADGE_ALARM)).toBe(false);
    await store.updateConnection('c1', (c) => ({ ...c, status: { state: 'ok' } }));
    await scheduleBadge(deps);
    await refreshBadge(deps);
    expect(alarms.has(BADGE_ALARM)).toBe(true);
    expect(badge.text).toBe('7');
  });

  it('shows "!" when the popup hit an auth failure on the default connection only', async () => {
    const { deps, badge } = setup();
    await onConnectionAuthFailure('c2', deps);
    expect(badge.text).toBe('unset');
    await onConnectionAuthFailure('c1', deps);
    expect(badge.text).toBe('!');
  });

  it('formats counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    expect(badgeText(5000)).toBe('999+');
  });
});
