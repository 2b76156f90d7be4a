import { describe, expect, it, vi } from 'vitest';
import { connection } from '../../../tests/unit/fixtures';
import { SessionItem } from '../session-item';
import { MemoryStorageArea } from '../storage/area';
import { CAPTURE_TTL_MS, capturedTokenItem, pendingCaptureItem } from '../storage/items';
import { Store } from '../storage/store';
import { captureStatus, claimCapture, startCapture, submitCapture, type CaptureDeps } from './service';

const TOKEN = `ATATT3xFfGF0${'Ab-_='.repeat(36)}a1b2c3`;

function setup() {
  const session = new MemoryStorageArea();
  const clock = { t: 1_000_000 };
  const openTabs = new Set([11]);
  const deps: CaptureDeps = {
    store: new Store(new MemoryStorageArea()),
    pending: new SessionItem(
      () => session,
      pendingCaptureItem,
      () => clock.t,
    ),
    captured: new SessionItem(
      () => session,
      capturedTokenItem,
      () => clock.t,
    ),
    focusTab: vi.fn(async (id: number) => openTabs.has(id)),
    openOptionsForCapture: vi.fn(async () => 99),
    notifyPages: vi.fn(async () => undefined),
  };
  return { deps, session, clock, openTabs };
}

describe('capture', () => {
  it('delivers a token to the pending form, once, and focuses its tab', async () => {
    const { deps } = setup();
    await startCapture(deps, { siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.test' }, 11);
    expect(await captureStatus(deps)).toEqual({ pending: { username: 'ada@acme.test', renewal: false } });
    expect(await submitCapture(deps, { token: TOKEN, tokenExpiresOn: '2027-11-28' })).toEqual({ delivered: 'pending-form' });
    expect(deps.focusTab).toHaveBeenCalledWith(11);
    expect(deps.notifyPages).toHaveBeenCalled();
    expect(await captureStatus(deps)).toEqual({ pending: null });
    // another tab cannot take it
    expect(await claimCapture(deps, 12)).toEqual({ capture: null });
    expect(await claimCapture(deps, 11)).toEqual({
      capture: { token: TOKEN, tokenExpiresOn: '2027-11-28', siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.test' },
    });
    expect(await claimCapture(deps, 11)).toEqual({ capture: null });
  });

  it('without a pending capture opens a new options form for the token', async () => {
    const { deps } = setup();
    expect(await submitCapture(deps, { token: TOKEN })).toEqual({ delivered: 'new-form' });
    expect(deps.openOptionsForCapture).toHaveBeenCalled();
    expect((await claimCapture(deps, 99)).capture?.token).toBe(TOKEN);
  });

  it('falls back to a new options tab when the pending form was closed', async () => {
    const { deps } = setup();
    await startCapture(deps, { username: 'ada@acme.test' }, 42);
    expect(await submitCapture(deps, { token: TOKEN })).toEqual({ delivered: 'pending-form' });
    expect(deps.openOptionsForCapture).toHaveBeenCalled();
    expect((await claimCapture(deps, 99)).capture).toMatchObject({ token: TOKEN, username: 'ada@acme.test' });
  });

  it('a renewal is bound to the saved connection, whatever the page sent', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('c1', { siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.test' }), 'old');
    await startCapture(deps, { connectionId: 'c1', siteUrl: 'https://evil.example', username: 'mallory' }, 11);
    expect(await captureStatus(deps)).toEqual({ pending: { username: 'ada@acme.test', renewal: true } });
    await submitCapture(deps, { token: TOKEN });
    expect((await claimCapture(deps, 11)).capture).toMatchObject({ connectionId: 'c1', siteUrl: 'https://acme.atlassian.net' });
  });

  it('pending captures expire after 30 minutes', async () => {
    const { deps, clock } = setup();
    await startCapture(deps, { username: 'a@b.c' }, 11);
    clock.t += CAPTURE_TTL_MS + 1;
    expect(await captureStatus(deps)).toEqual({ pending: null });
  });

  it('rejects anything not in the token format and stores nothing', async () => {
    const { deps, session } = setup();
    await startCapture(deps, {}, 11);
    await expect(submitCapture(deps, { token: 'hunter2' })).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(session.data.has('capturedToken')).toBe(false);
  });

  it('starting a new capture drops a token captured for an earlier form', async () => {
    const { deps } = setup();
    await startCapture(deps, {}, 11);
    await submitCapture(deps, { token: TOKEN });
    await startCapture(deps, {}, 11);
    expect(await claimCapture(deps, 11)).toEqual({ capture: null });
  });

  it('the status reply never carries a token or other connections', async () => {
    const { deps } = setup();
    await deps.store.putConnection(connection('other', { username: 'someone@else' }), 'their-secret');
    await startCapture(deps, { username: 'ada@acme.test' }, 11);
    await submitCapture(deps, { token: TOKEN });
    await startCapture(deps, { username: 'ada@acme.test' }, 11);
    const reply = JSON.stringify(await captureStatus(deps));
    expect(reply).not.toContain(TOKEN);
    expect(reply).not.toContain('their-secret');
    expect(reply).not.toContain('someone@else');
  });

  it('the status reply never names the Jira site, which the token page does not need', async () => {
    const { deps } = setup();
    await startCapture(deps, { siteUrl: 'https://secret-project.atlassian.net', username: 'ada@acme.test' }, 11);
    const reply = await captureStatus(deps);
    expect(reply).toEqual({ pending: { username: 'ada@acme.test', renewal: false } });
    expect(JSON.stringify(reply)).not.toContain('secret-project');
  });
});
