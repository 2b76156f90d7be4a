// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, settle } from './test-dom';
import { fakeCloudToken, LEGACY_TOKEN } from './test-tokens';
import { startTokenDetector, type TokenDetector, type TokenSighting } from './token-detector';

const TOKEN = fakeCloudToken(1);
const TOKEN2 = fakeCloudToken(2, 'Zz99');

let detector: TokenDetector | undefined;
afterEach(() => {
  detector?.stop();
  detector = undefined;
  document.body.replaceChildren();
});

function start(pollMs = 0): (TokenSighting | null)[] {
  const changes: (TokenSighting | null)[] = [];
  detector = startTokenDetector(document, {
    onChange: (s) => changes.push(s),
    schedule: (run) => queueMicrotask(run),
    pollMs,
  });
  return changes;
}

function tokenInput(token: string): HTMLInputElement {
  const input = h('input', { readonly: '', 'aria-label': 'API token' }) as HTMLInputElement;
  input.value = token;
  return input;
}

/** The shape seen on the page: a modal with a heading, the read-only field, a Copy button. */
function inputDialog(token: string, extra: Node[] = []): HTMLElement {
  return h(
    'div',
    { role: 'dialog', 'aria-modal': 'true' },
    h('h1', {}, 'Copy your API token'),
    h('p', {}, 'Make sure you copy your new API token now. You won’t be able to see it again.'),
    h('div', { class: 'css-1x2y3z' }, tokenInput(token), h('button', {}, 'Copy')),
    ...extra,
    h('button', {}, 'Done'),
  );
}

const last = (changes: (TokenSighting | null)[]) => changes[changes.length - 1];

describe('token detector', () => {
  it('finds a token in a read-only input in a role=dialog, anchored after its field row', async () => {
    const changes = start();
    const dialog = inputDialog(TOKEN);
    document.body.append(h('main', {}, h('h1', {}, 'API tokens')), dialog);
    await settle();
    const s = last(changes)!;
    expect(s.token).toBe(TOKEN);
    expect(s.element).toBe(dialog.querySelector('input'));
    expect(s.container).toBe(dialog);
    expect(s.anchor).toBe(dialog.querySelector('input')!.parentElement);
    expect(dialog.contains(s.anchor)).toBe(true);
  });

  it('finds a token shown as text in a <code> inside a portal dialog', async () => {
    const changes = start();
    const portal = h(
      'div',
      { class: 'portal' },
      h(
        'section',
        { 'aria-modal': 'true', 'aria-label': 'Your new API token' },
        h('p', {}, 'Copy it now'),
        h('div', {}, h('code', {}, TOKEN)),
      ),
    );
    document.body.append(portal);
    await settle();
    const s = last(changes)!;
    expect(s.token).toBe(TOKEN);
    expect(s.element.tagName).toBe('CODE');
    expect(s.container.getAttribute('aria-modal')).toBe('true');
  });

  it('finds a token in a <span> among other text, anchored inside the dialog', async () => {
    const changes = start();
    const dialog = h('div', { role: 'dialog' }, h('span', {}, TOKEN));
    document.body.append(dialog);
    await settle();
    expect(last(changes)!.element.tagName).toBe('SPAN');
    expect(dialog.contains(last(changes)!.anchor)).toBe(true);
  });

  it('finds a token already on the page when it starts', () => {
    document.body.append(inputDialog(TOKEN));
    const changes = start();
    expect(last(changes)!.token).toBe(TOKEN);
  });

  it('waits for a dialog rendered empty and filled later (text)', async () => {
    const changes = start();
    const body = h('div', {});
    document.body.append(h('div', { role: 'dialog' }, h('h1', {}, 'Copy your API token'), body));
    await settle();
    expect(changes).toEqual([]);
    body.append(h('code', {}, TOKEN));
    await settle();
    expect(last(changes)!.token).toBe(TOKEN);
  });

  it('waits for a dialog whose input value is set later by attribute', async () => {
    const changes = start();
    const input = h('input', { readonly: '' }) as HTMLInputElement;
    document.body.append(h('div', { role: 'dialog' }, h('p', {}, 'API token'), input));
    await settle();
    expect(changes).toEqual([]);
    input.setAttribute('value', TOKEN);
    await settle();
    expect(last(changes)!.token).toBe(TOKEN);
  });

  it('notices an input value set by property (no mutation) while the dialog is open', async () => {
    const changes = start(10);
    const input = h('input', { readonly: '' }) as HTMLInputElement;
    document.body.append(h('div', { role: 'dialog' }, h('p', {}, 'API token'), input));
    await settle();
    input.value = TOKEN;
    await settle(40);
    expect(last(changes)!.token).toBe(TOKEN);
  });

  it('follows a re-render that replaces the input with a new node holding the same token', async () => {
    const changes = start();
    const dialog = inputDialog(TOKEN);
    document.body.append(dialog);
    await settle();
    const row = dialog.querySelector('input')!.parentElement!;
    const newRow = h('div', {}, tokenInput(TOKEN), h('button', {}, 'Copy'));
    row.replaceWith(newRow);
    await settle();
    const s = last(changes)!;
    expect(s.token).toBe(TOKEN);
    expect(s.element).toBe(newRow.querySelector('input'));
    expect(s.anchor).toBe(newRow);
    expect(changes.filter((c) => c === null)).toEqual([]);
  });

  it('offers a second token when the value is replaced', async () => {
    const changes = start();
    const dialog = inputDialog(TOKEN);
    document.body.append(dialog);
    await settle();
    dialog.querySelector('input')!.setAttribute('value', TOKEN2);
    dialog.querySelector('input')!.value = TOKEN2;
    await settle();
    expect(last(changes)!.token).toBe(TOKEN2);
  });

  it('offers a second token in a new dialog, and does not flip back to an old dialog left open', async () => {
    const changes = start(10);
    const old = inputDialog(TOKEN);
    document.body.append(old);
    await settle();
    document.body.prepend(inputDialog(TOKEN2));
    await settle(50);
    old.append(document.createElement('span')); // the old dialog re-renders
    await settle(50);
    expect(last(changes)!.token).toBe(TOKEN2);
    expect(changes.map((c) => c?.token)).toEqual([TOKEN, TOKEN2]);
  });

  it('reports null when the dialog closes and finds the token again when it reopens', async () => {
    const changes = start();
    let dialog = inputDialog(TOKEN);
    document.body.append(dialog);
    await settle();
    dialog.remove();
    await settle();
    expect(last(changes)).toBeNull();
    dialog = inputDialog(TOKEN);
    document.body.append(dialog);
    await settle();
    expect(last(changes)!.token).toBe(TOKEN);
    expect(last(changes)!.container).toBe(dialog);
    dialog.remove();
    await settle();
    document.body.append(inputDialog(TOKEN2));
    await settle();
    expect(last(changes)!.token).toBe(TOKEN2);
  });

  it('finds a legacy 24-character token inside a token dialog, in an input or as text', async () => {
    const changes = start();
    document.body.append(inputDialog(LEGACY_TOKEN));
    await settle();
    expect(last(changes)!.token).toBe(LEGACY_TOKEN);
    document.body.replaceChildren();
    await settle();
    document.body.append(h('div', { role: 'dialog', 'aria-label': 'API token created' }, h('code', {}, LEGACY_TOKEN)));
    await settle();
    expect(last(changes)!.token).toBe(LEGACY_TOKEN);
  });

  it.each([
    ['a 24-character string outside any dialog', () => h('main', {}, h('p', {}, 'API token'), h('code', {}, LEGACY_TOKEN))],
    [
      'a 24-character string in a dialog that is not about tokens',
      () => h('div', { role: 'dialog' }, h('p', {}, 'Order id'), h('code', {}, LEGACY_TOKEN)),
    ],
    [
      'a 24-character value in an editable input of the token dialog',
      () => {
        const input = h('input', {}) as HTMLInputElement;
        input.value = LEGACY_TOKEN;
        return h('div', { role: 'dialog' }, h('p', {}, 'Create an API token'), input);
      },
    ],
    [
      'an ATATT-looking string that is too short',
      () => h('div', { role: 'dialog' }, h('p', {}, 'Copy your API token'), h('code', {}, TOKEN.slice(0, 30))),
    ],
    ['a token in an aria-hidden subtree', () => h('div', { 'aria-hidden': 'true' }, h('div', { role: 'dialog' }, h('code', {}, TOKEN)))],
    ['a token inside a <script>', () => h('script', { type: 'application/json' }, JSON.stringify({ t: TOKEN }))],
  ])('ignores %s', async (_name, build) => {
    const changes = start();
    document.body.append(build());
    await settle();
    expect(changes).toEqual([]);
    expect(detector!.current()).toBeNull();
  });

  it('reads the expiry date from the dialog text', async () => {
    const changes = start();
    document.body.append(inputDialog(TOKEN, [h('p', {}, 'Expires on ', h('strong', {}, 'Nov 28, 2027'))]));
    await settle();
    expect(last(changes)!.expiresOn).toBe('2027-11-28');
  });

  it('reads the expiry date from a labelled date input, and picks it up when it renders late', async () => {
    const changes = start();
    const dialog = inputDialog(TOKEN);
    document.body.append(dialog);
    await settle();
    expect(last(changes)!.expiresOn).toBeUndefined();
    const date = h('input', { id: 'exp', type: 'date', readonly: '' }) as HTMLInputElement;
    date.value = '2027-11-28';
    dialog.append(h('label', { for: 'exp' }, 'Expiration date'), date);
    await settle();
    expect(last(changes)!.expiresOn).toBe('2027-11-28');
    expect(last(changes)!.token).toBe(TOKEN);
  });

  it('ignores its own nodes', async () => {
    const own = new WeakSet<Node>();
    const changes: (TokenSighting | null)[] = [];
    let flushes = 0;
    detector = startTokenDetector(document, {
      onChange: (s) => changes.push(s),
      afterFlush: () => flushes++,
      isOwnNode: (n) => own.has(n),
      schedule: (run) => queueMicrotask(run),
      pollMs: 0,
    });
    const host = h('cfj-x', {}, TOKEN); // would be a token if it were the page's
    own.add(host);
    document.body.append(host);
    await settle();
    expect(changes).toEqual([]);
    expect(flushes).toBeGreaterThan(1);
  });
});
