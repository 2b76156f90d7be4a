// @vitest-environment happy-dom
// An open options page takes over the popup's request: it answers, comes to the front, then acts;
// it stays silent for a connection it does not know and while its list is loading.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionsIntent } from '../../shared/options-channel';
import { handOver } from '../../popup/open-options';
import { takeOver, type TakeOver, useOptionsChannel } from './useOptionsChannel';

const mocks = vi.hoisted(() => ({ order: [] as string[] }));
vi.mock('../browser-api', () => ({
  bringToFront: vi.fn(async () => {
    mocks.order.push('front');
  }),
}));

let decide: TakeOver = () => 'act';
function Page({ ids, onIntent }: { ids: string[] | null; onIntent(i: OptionsIntent): void }) {
  useOptionsChannel(ids, (i) => decide(i), onIntent);
  return null;
}

// Connection ids of this file's own: other test files' options pages may listen on the same
// channel in this process (Node's BroadcastChannel reaches worker threads).
const ACME = 'c-hook-acme';
const DC = 'c-hook-dc';
const popup = { channel: () => new BroadcastChannel('cfj.options'), waitMs: 150 };
let root: HTMLElement;
const intents: OptionsIntent[] = [];
const onIntent = (i: OptionsIntent) => {
  mocks.order.push(i.kind);
  intents.push(i);
};

async function mount(ids: string[] | null) {
  await act(() => render(<Page ids={ids} onIntent={onIntent} />, root));
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  intents.length = 0;
  mocks.order.length = 0;
  decide = () => 'act';
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('useOptionsChannel', () => {
  it('takes over a renewal of a known connection: front first, then the renewal', async () => {
    await mount([ACME, DC]);
    expect(await handOver({ kind: 'renew', connectionId: ACME }, popup)).toBe(true);
    await vi.waitFor(() => expect(intents).toEqual([{ kind: 'renew', connectionId: ACME }]));
    expect(mocks.order).toEqual(['front', 'renew']);
  });

  it('stays silent for a connection it does not know, so the popup opens a new tab', async () => {
    await mount([ACME]);
    expect(await handOver({ kind: 'reauth', connectionId: 'c-hook-gone' }, popup)).toBe(false);
    expect(intents).toEqual([]);
    expect(mocks.order).toEqual([]);
  });

  it('stays silent while its connections are loading', async () => {
    await mount(null);
    expect(await handOver({ kind: 'reauth', connectionId: DC }, popup)).toBe(false);
  });

  it('listens once the connections are known, and stops when the page goes', async () => {
    await mount(null);
    await mount([ACME]);
    expect(await handOver({ kind: 'renew', connectionId: ACME }, popup)).toBe(true);
    await act(() => render(null, root));
    expect(await handOver({ kind: 'renew', connectionId: ACME }, popup)).toBe(false);
  });

  it('with that form open already, only comes to the front (what is typed there stays)', async () => {
    decide = () => 'front';
    await mount([ACME]);
    expect(await handOver({ kind: 'reauth', connectionId: ACME }, popup)).toBe(true);
    await vi.waitFor(() => expect(mocks.order).toEqual(['front']));
    expect(intents).toEqual([]);
  });

  it('with another form open, stays silent, so the popup opens a new tab', async () => {
    decide = () => undefined;
    await mount([ACME]);
    expect(await handOver({ kind: 'renew', connectionId: ACME }, popup)).toBe(false);
    expect(mocks.order).toEqual([]);
  });
});

describe('takeOver', () => {
  it.each([
    ['no form open', null, { kind: 'renew', connectionId: 'c1' }, 'act'],
    ['no form open, new', null, { kind: 'new' }, 'act'],
    ['the same re-authentication open', { kind: 'reauth', connectionId: 'c1' }, { kind: 'renew', connectionId: 'c1' }, 'front'],
    ['the new form open, new asked', { kind: 'new' }, { kind: 'new' }, 'front'],
    ['another connection’s form open', { kind: 'reauth', connectionId: 'c2' }, { kind: 'reauth', connectionId: 'c1' }, undefined],
    ['the new form open, a renewal asked', { kind: 'new' }, { kind: 'renew', connectionId: 'c1' }, undefined],
    ['a re-authentication open, new asked', { kind: 'reauth', connectionId: 'c1' }, { kind: 'new' }, undefined],
  ] as const)('%s: %s', (_, open, intent, expected) => {
    expect(takeOver(open, intent)).toBe(expected);
  });
});
