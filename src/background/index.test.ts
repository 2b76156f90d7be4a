// The service worker as the browser drives it: its listeners, on the fake browser
// (tests/unit/fake-browser.ts), with Jira answering through a scripted fetch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser, { calls, resetFakeBrowser } from '../../tests/unit/fake-browser';
import { connection } from '../../tests/unit/fixtures';
import type { ConnectionSummary } from '../shared/connection';
import { MESSAGE_TAG, type ReplyEnvelope } from '../shared/protocol';
import { BADGE_ALARM } from './issues/badge';
import { fakeFetch, json, type Reply } from './jira/testing';
import './index';

const ALERT_COLOUR = '#de350b';
const CLOUD_COUNT = 'POST /rest/api/3/search/approximate-count';
const SERVER = { deployment: 'server', authMethod: 'pat', siteUrl: 'https://jira.corp.example' } as const;

type Listener = (...args: unknown[]) => Promise<unknown>;
const fire = async (event: { listeners: Set<unknown> }, ...args: unknown[]) => {
  for (const l of event.listeners) await (l as Listener)(...args);
};

let fetched: ReturnType<typeof fakeFetch>['calls'];

function seed(c: ConnectionSummary, routes: Record<string, Reply | Reply[]> = {}, settings: object = {}): void {
  for (const [k, v] of Object.entries({
    schemaVersion: 1,
    connections: [c],
    secrets: { [c.id]: 'secret-1' },
    defaultConnectionId: c.id,
    settings: { badgeEnabled: true, badgeIntervalMinutes: 5, savedQueries: [], ...settings },
  })) {
    browser.storage.local.data.set(k, v);
  }
  const f = fakeFetch(routes);
  fetched = f.calls;
  vi.stubGlobal('fetch', f.fetch);
}

const badgeTexts = () => calls.badge.flatMap((b) => (b.text === undefined ? [] : [b.text]));

beforeEach(() => resetFakeBrowser());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the badge after a browser restart (runtime.onStartup)', () => {
  it.each(['token-rejected', 'captcha'] as const)('draws "!" for a %s default connection without calling Jira', async (state) => {
    seed(connection('c1', { status: { state } }), { [CLOUD_COUNT]: json({ count: 3 }) });
    const create = vi.spyOn(browser.alarms, 'create');
    await fire(browser.runtime.onStartup);
    expect(badgeTexts()).toEqual(['!']);
    expect(calls.badge).toContainEqual({ color: ALERT_COLOUR });
    expect(fetched).toHaveLength(0);
    expect(create).not.toHaveBeenCalledWith(BADGE_ALARM, expect.anything());
  });

  it('draws the count at once, with one request, and registers the alarm', async () => {
    seed(connection('c1'), { [CLOUD_COUNT]: json({ count: 12 }) });
    const create = vi.spyOn(browser.alarms, 'create');
    await fire(browser.runtime.onStartup);
    expect(badgeTexts()).toEqual(['12']);
    expect(fetched.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([CLOUD_COUNT]);
    expect(create).toHaveBeenCalledWith(BADGE_ALARM, { periodInMinutes: 5, delayInMinutes: 5 });
  });

  it('leaves the badge empty, without a request, when it is switched off', async () => {
    seed(connection('c1'), { [CLOUD_COUNT]: json({ count: 12 }) }, { badgeEnabled: false });
    await fire(browser.runtime.onStartup);
    expect(badgeTexts()).toEqual(['']);
    expect(fetched).toHaveLength(0);
  });

  it.each([
    [429, { 'retry-after': '1' }],
    [503, { 'retry-after': '1' }],
    [502, {}],
  ])('does not retry a GET %i: one request, the badge is left for the next alarm', async (status, headers) => {
    seed(connection('c1', SERVER), { 'GET /rest/api/2/search': [json({}, status, headers), json({ total: 4 })] });
    await fire(browser.runtime.onStartup);
    expect(fetched).toHaveLength(1);
    expect(badgeTexts()).toEqual([]);
  });
});

describe('the badge after install or update (runtime.onInstalled)', () => {
  it('redraws it after an update', async () => {
    seed(connection('c1'), { [CLOUD_COUNT]: json({ count: 5 }) });
    await fire(browser.runtime.onInstalled, { reason: 'update', previousVersion: '0.0.9' });
    expect(badgeTexts()).toEqual(['5']);
  });

  it('opens the options page on install, then draws "!" for a blocked connection', async () => {
    seed(connection('c1', { status: { state: 'token-rejected' } }));
    const open = vi.spyOn(browser.runtime, 'openOptionsPage');
    await fire(browser.runtime.onInstalled, { reason: 'install' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(badgeTexts()).toEqual(['!']);
    expect(fetched).toHaveLength(0);
  });
});

describe('a rate-limited popup request', () => {
  const popup = {
    id: browser.runtime.id,
    origin: 'chrome-extension://test-extension-id',
    url: 'chrome-extension://test-extension-id/src/popup/index.html',
  };
  // A list per test: a request left hanging by a failing test must not be shared with the next.
  const list = (kind: string) => ({ tag: MESSAGE_TAG, name: 'issues.list', payload: { connectionId: 'c1', list: { kind }, force: true } });
  const ask = async (message: unknown) => {
    const [route] = browser.runtime.onMessage.listeners;
    return (await (route as Listener)(message, popup)) as ReplyEnvelope;
  };

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    [429, 'rate-limited', 'assigned'],
    [503, 'server', 'reported'],
  ])('answers a GET %i with a long Retry-After at once, with retryAfterSeconds', async (status, kind, listKind) => {
    seed(connection('c1'), { 'GET /rest/api/3/search/jql': [json({}, status, { 'retry-after': '30' }), json({ issues: [] })] });
    const reply = await ask(list(listKind));
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ kind, status, retryAfterSeconds: 30 }) });
    expect(fetched).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits out a Retry-After of 1 s in the background (up to 3 times), then answers', async () => {
    seed(connection('c1'), { 'GET /rest/api/3/search/jql': [json({}, 429, { 'retry-after': '1' }), json({ issues: [], isLast: true })] });
    const reply = ask(list('watching'));
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(reply).resolves.toMatchObject({ ok: true, value: { fromCache: false } });
    expect(fetched).toHaveLength(2);
  });
});
