// @vitest-environment happy-dom
// A popup painted from the snapshot: once storage.local answers, the connections carry every
// field again (the snapshot keeps a few), even when the view itself is the same.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary } from '../../shared/connection';
import type { Boot } from '../boot';
import { slimBoot } from '../snapshot';
import { type SettleActions, useSettle } from './use-snapshot';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const CONNECTION: ConnectionSummary = {
  id: 'c1',
  name: 'Acme',
  siteUrl: 'https://acme.atlassian.net',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: 'ada@acme.test',
  user: { displayName: 'Ada Lovelace', accountId: 'acc-ada' },
  siteTitle: 'Acme',
  scoped: false,
  createdAt: 1,
  updatedAt: 1,
  status: { state: 'ok' },
};

const REAL: Boot = {
  connections: [CONNECTION],
  scope: { kind: 'connection', connectionId: 'c1' },
  list: { kind: 'assigned' },
  savedQueries: [],
  lists: {},
  cache: {},
  filters: [],
};

function Probe({ init, settled, actions }: { init: Boot; settled: Promise<Boot>; actions: SettleActions }) {
  useSettle(init, settled, actions);
  return null;
}

async function settle(init: Boot, real: Boot) {
  const actions = { cacheRead: vi.fn(), connections: vi.fn(), replace: vi.fn() };
  await act(async () => {
    render(<Probe init={init} settled={Promise.resolve(real)} actions={actions} />, root);
    await Promise.resolve();
  });
  return actions;
}

describe('useSettle', () => {
  it('gives the full connections when the snapshot showed the same view', async () => {
    const snapshot = slimBoot(REAL);
    expect(snapshot.connections[0]).not.toHaveProperty('user');
    const actions = await settle(snapshot, REAL);
    expect(actions.connections).toHaveBeenCalledWith([CONNECTION]);
    expect(actions.replace).not.toHaveBeenCalled();
  });

  it('replaces the view when storage.local holds another one', async () => {
    const actions = await settle(slimBoot({ ...REAL, list: { kind: 'watching' } }), REAL);
    expect(actions.replace).toHaveBeenCalledWith(REAL);
  });
});
