import { beforeEach, describe, expect, it } from 'vitest';
import { calls, resetFakeBrowser } from '../../tests/unit/fake-browser';
import { daysUntilExpiry, needsRenewal } from '../shared/connection';
import { MemoryStorageArea } from './storage/area';
import { Store } from './storage/store';
import { connection } from '../../tests/unit/fixtures';
import { checkTokenExpiry, dueForNotice, noticeText, onNotificationClicked } from './expiry';
import { localStore } from './storage/store';

const now = new Date(2026, 10, 28, 9, 0);

describe('token expiry', () => {
  beforeEach(resetFakeBrowser);

  it('counts days in local calendar days', () => {
    expect(daysUntilExpiry('2026-11-28', now)).toBe(0);
    expect(daysUntilExpiry('2026-12-05', now)).toBe(7);
    expect(daysUntilExpiry('2026-11-20', now)).toBe(-8);
    expect(daysUntilExpiry(undefined, now)).toBeUndefined();
    expect(daysUntilExpiry('soon', now)).toBeUndefined();
  });

  it('asks for renewal from 14 days before, or when rejected', () => {
    expect(needsRenewal({ deployment: 'cloud', status: { state: 'ok' }, tokenExpiresOn: '2026-12-12' }, now)).toBe(true);
    expect(needsRenewal({ deployment: 'cloud', status: { state: 'ok' }, tokenExpiresOn: '2026-12-13' }, now)).toBe(false);
    expect(needsRenewal({ deployment: 'cloud', status: { state: 'token-rejected' } }, now)).toBe(true);
  });

  it('notifies once per token, 7 days before', async () => {
    const store = new Store(new MemoryStorageArea());
    await store.putConnection(connection('soon', { tokenExpiresOn: '2026-12-05' }), 's');
    await store.putConnection(connection('later', { tokenExpiresOn: '2026-12-06' }), 's');
    await store.putConnection(connection('none'), 's');
    await checkTokenExpiry(store, now);
    await checkTokenExpiry(store, now);
    expect(calls.notifications.map((n) => n.id)).toEqual(['token-expiry:soon']);
    // a renewed token (new date) is reminded again when its time comes
    await store.updateConnection('soon', (c) => ({ ...c, tokenExpiresOn: '2026-12-01' }));
    expect(dueForNotice(await store.connections(), await store.expiryNotified(), now).map((d) => d.c.id)).toEqual(['soon']);
  });

  it('words the reminder', () => {
    const c = connection('a', { name: 'Work', siteUrl: 'https://acme.atlassian.net' });
    expect(noticeText(c, 7).title).toBe('Jira API token expires in 7 days');
    expect(noticeText(c, 0).title).toBe('Jira API token expires today');
    expect(noticeText(c, -1).title).toBe('Jira API token expired yesterday');
    expect(noticeText(c, 3).message).toContain('acme.atlassian.net');
  });

  it('a click on the reminder opens the renewal form of that connection', async () => {
    await localStore().putConnection(connection('c1', { tokenExpiresOn: '2026-12-01' }), 's');
    await onNotificationClicked('token-expiry:c1');
    await onNotificationClicked('something-else');
    expect(calls.tabsCreated.map((t) => t.url)).toEqual(['chrome-extension://test-extension-id/src/options/index.html#renew=c1']);
  });
});
