// The popup hands a credential fix to an options tab that is open (over a real BroadcastChannel,
// as Node provides it), and opens a new tab only when none takes it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixCredentials, type OpenNew, type OpenOptionsDeps } from './open-options';

// A channel of this file's own: test files may run side by side in one process, where Node's
// BroadcastChannel reaches them all.
const CHANNEL = 'cfj.options.open-options-test';

/** An options page on the channel: answers 'here' (unless `silent`) and, on its 'go', 'done' (unless `stalls`). */
function optionsPage(pageId: string, { silent = false, stalls = false } = {}) {
  const channel = new BroadcastChannel(CHANNEL);
  const acted: unknown[] = [];
  channel.onmessage = (event: MessageEvent) => {
    const m = event.data as { type: string; requestId: string; pageId?: string; intent: unknown };
    if (m.type === 'ask' && !silent) channel.postMessage({ type: 'here', requestId: m.requestId, pageId });
    if (m.type === 'go' && m.pageId === pageId) {
      acted.push(m.intent);
      if (!stalls) channel.postMessage({ type: 'done', requestId: m.requestId, pageId });
    }
  };
  pages.push(channel);
  return acted;
}

const pages: BroadcastChannel[] = [];
afterEach(() => {
  for (const p of pages.splice(0)) p.close();
});

function deps() {
  return {
    channel: () => new BroadcastChannel(CHANNEL),
    openNew: vi.fn<OpenNew>(async () => undefined),
    closePopup: vi.fn<OpenOptionsDeps['closePopup']>(),
    waitMs: 100,
  };
}

const CLOUD = { id: 'c-acme', deployment: 'cloud' as const };
const DC = { id: 'c-dc', deployment: 'server' as const };

describe('fixCredentials', () => {
  it('opens a new options tab with the fragment when no options page answers', async () => {
    const d = deps();
    await fixCredentials(CLOUD, d.openNew, d);
    expect(d.openNew).toHaveBeenCalledWith('#renew=c-acme');
    expect(d.closePopup).not.toHaveBeenCalled();
    await fixCredentials(DC, d.openNew, d);
    expect(d.openNew).toHaveBeenLastCalledWith('#reauth=c-dc');
  });

  it('hands the renewal to the open options page and closes the popup, with no new tab', async () => {
    const acted = optionsPage('p1');
    const d = deps();
    await fixCredentials(CLOUD, d.openNew, d);
    expect(acted).toEqual([{ kind: 'renew', connectionId: 'c-acme' }]);
    expect(d.closePopup).toHaveBeenCalledOnce();
    expect(d.openNew).not.toHaveBeenCalled();
  });

  it('with two options pages open, only one of them acts', async () => {
    const first = optionsPage('p1');
    const second = optionsPage('p2');
    const d = deps();
    await fixCredentials(DC, d.openNew, d);
    expect([...first, ...second]).toEqual([{ kind: 'reauth', connectionId: 'c-dc' }]);
    expect(d.openNew).not.toHaveBeenCalled();
  });

  it('opens a new tab when the page that answered never confirms (it may have closed)', async () => {
    optionsPage('p1', { stalls: true });
    const d = deps();
    await fixCredentials(CLOUD, d.openNew, d);
    expect(d.openNew).toHaveBeenCalledWith('#renew=c-acme');
    expect(d.closePopup).not.toHaveBeenCalled();
  });

  it('opens a new tab when the open page does not know the connection (it stays silent)', async () => {
    optionsPage('p1', { silent: true });
    const d = deps();
    await fixCredentials(CLOUD, d.openNew, d);
    expect(d.openNew).toHaveBeenCalledWith('#renew=c-acme');
  });

  it('ignores answers to another request', async () => {
    const stranger = new BroadcastChannel(CHANNEL);
    pages.push(stranger);
    stranger.onmessage = () => stranger.postMessage({ type: 'here', requestId: 'someone-else', pageId: 'p9' });
    const d = deps();
    await fixCredentials(CLOUD, d.openNew, d);
    expect(d.openNew).toHaveBeenCalledWith('#renew=c-acme');
  });

  it('opens a new tab when the browser has no BroadcastChannel', async () => {
    const d = {
      ...deps(),
      channel: () => {
        throw new ReferenceError('BroadcastChannel is not defined');
      },
    };
    await fixCredentials(CLOUD, d.openNew, d);
    expect(d.openNew).toHaveBeenCalledWith('#renew=c-acme');
  });
});
