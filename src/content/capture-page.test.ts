// @vitest-environment happy-dom
// The detector, the flow and the UI together, as the content script runs them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request } from '../shared/messaging';
import { startTokenPage } from './capture-page';
import { PRIMARY_LABEL } from './capture-ui';
import { clickEvent, everythingShown, h, settle } from './test-dom';
import { fakeCloudToken } from './test-tokens';

vi.mock('../shared/messaging', () => ({ request: vi.fn() }));
const requestMock = vi.mocked(request);

const TOKEN = fakeCloudToken(5, 'a9F2');
const TOKEN2 = fakeCloudToken(6, 'Zz99');

// The shadow roots are closed: tests see them by watching attachShadow, page scripts cannot.
let roots: ShadowRoot[] = [];
let page: { stop(): void } | undefined;

const TOKEN_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';
const PROFILE_PAGE = '/manage-profile/profile-and-visibility';
/** Loads the document at `url` (happy-dom's own API: a new page load, as the content script starts on). */
const loadAt = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

beforeEach(() => {
  loadAt(TOKEN_PAGE);
  roots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  requestMock.mockReset();
  requestMock.mockImplementation((async (name: string) => {
    if (name === 'capture.status') return { pending: { site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: false } };
    if (name === 'capture.submit') return { delivered: 'pending-form' };
    throw new Error(name);
  }) as typeof request);
});
afterEach(() => {
  page?.stop();
  page = undefined;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function tokenRow(token: string): HTMLElement {
  const input = h('input', { readonly: '' }) as HTMLInputElement;
  input.value = token;
  return h('div', {}, input, h('button', {}, 'Copy'));
}

function dialog(token: string): HTMLElement {
  return h(
    'div',
    { role: 'dialog', 'aria-modal': 'true' },
    h('h2', {}, 'Copy your API token'),
    h('div', { class: 'body' }, h('p', {}, 'Copy it now: you won’t be able to see it again.'), tokenRow(token)),
    h('button', {}, 'Done'),
  );
}

const hosts = () => [...document.querySelectorAll<HTMLElement>('cfj-token-capture')];
const rootOf = (host: Element) => roots.find((r) => r.host === host)!;
const buttonOf = (host: Element) => rootOf(host).querySelector('button')!;

describe('token page', () => {
  it('puts one button inside the dialog, right after the token field', async () => {
    page = startTokenPage(document);
    const d = dialog(TOKEN);
    document.body.append(d);
    await settle(20);
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(d.contains(host)).toBe(true);
    expect(host.previousElementSibling).toBe(d.querySelector('input')!.parentElement);
    expect(buttonOf(host).textContent).toBe(PRIMARY_LABEL);
    expect(host.attributes.length).toBe(0);
  });

  it('keeps one button beside the token through re-renders, and puts it back when the page removes it', async () => {
    page = startTokenPage(document);
    const d = dialog(TOKEN);
    document.body.append(d);
    await settle(20);
    const body = d.querySelector('.body')!;
    // React replaces the field row with a new node holding the same token.
    const row = tokenRow(TOKEN);
    body.querySelector('div')!.replaceWith(row);
    await settle(20);
    expect(hosts()).toHaveLength(1);
    expect(row.nextElementSibling).toBe(hosts()[0]);
    // React re-renders the whole body, dropping our host.
    const row2 = tokenRow(TOKEN);
    body.replaceChildren(h('p', {}, 'Copy it now.'), row2);
    await settle(20);
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0]!;
    expect(d.contains(host)).toBe(true);
    expect(row2.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('offers the second token when a new one is shown, and removes the button when the dialog closes', async () => {
    page = startTokenPage(document);
    const d = dialog(TOKEN);
    document.body.append(d);
    await settle(20);
    expect(everythingShown(rootOf(hosts()[0]!))).toContain('ATATT3…a9F2');
    d.remove();
    await settle(20);
    expect(hosts()).toHaveLength(0);
    document.body.append(dialog(TOKEN2));
    await settle(20);
    expect(hosts()).toHaveLength(1);
    expect(everythingShown(rootOf(hosts()[0]!))).toContain('ATATT3…Zz99');
    buttonOf(hosts()[0]!).dispatchEvent(clickEvent(true));
    await settle();
    const submits = requestMock.mock.calls.filter(([n]) => n === 'capture.submit');
    expect(submits).toEqual([['capture.submit', { token: TOKEN2 }]]);
  });

  it('offers capture only while the app is on the token page: away (pushState) the button goes, back (popstate) it returns', async () => {
    page = startTokenPage(document);
    const d = dialog(TOKEN);
    document.body.append(d);
    await settle(20);
    expect(hosts()).toHaveLength(1);

    // The app moves in place to another account page and re-renders; the dialog stays open.
    history.pushState({}, '', PROFILE_PAGE);
    document.body.append(h('main', {}, 'Profile and visibility'));
    await settle(20);
    expect(location.pathname).toBe(PROFILE_PAGE);
    expect(d.isConnected).toBe(true);
    expect(hosts()).toHaveLength(0);

    // Back: the browser's popstate, with no re-render at all.
    history.replaceState({}, '', TOKEN_PAGE);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle(20);
    expect(hosts()).toHaveLength(1);
    buttonOf(hosts()[0]!).dispatchEvent(clickEvent(true));
    await settle();
    expect(requestMock.mock.calls.filter(([n]) => n === 'capture.submit')).toEqual([['capture.submit', { token: TOKEN }]]);
  });

  it('a click after an in-page navigation that changed nothing on the page sends nothing', async () => {
    page = startTokenPage(document);
    document.body.append(dialog(TOKEN));
    await settle(20);
    const host = hosts()[0]!;
    // pushState with no re-render and no event the content script could see.
    history.pushState({}, '', PROFILE_PAGE);
    buttonOf(host).dispatchEvent(clickEvent(true));
    await settle(20);
    expect(requestMock.mock.calls.filter(([n]) => n === 'capture.submit')).toEqual([]);
    expect(hosts()).toHaveLength(0);
  });

  it('shows no button for a token on a page that is not the token page', async () => {
    history.pushState({}, '', PROFILE_PAGE);
    page = startTokenPage(document);
    document.body.append(dialog(TOKEN));
    await settle(20);
    expect(hosts()).toHaveLength(0);
    expect(requestMock).not.toHaveBeenCalled();
  });

  it('opens no channel to page scripts and puts nothing on window', async () => {
    const before = new Set(Object.getOwnPropertyNames(window));
    page = startTokenPage(document);
    document.body.append(dialog(TOKEN));
    await settle(20);
    window.postMessage({ type: 'capture.submit', token: TOKEN }, '*');
    window.postMessage({ tag: 'client-for-jira/v1', name: 'capture.submit', payload: { token: TOKEN } }, '*');
    document.dispatchEvent(new CustomEvent('capture.submit', { detail: TOKEN }));
    hosts()[0]!.dispatchEvent(clickEvent(true));
    hosts()[0]!.click();
    await settle(20);
    expect(requestMock.mock.calls.filter(([n]) => n === 'capture.submit')).toEqual([]);
    const added = Object.getOwnPropertyNames(window).filter((k) => !before.has(k));
    expect(added).toEqual([]);
  });
});
