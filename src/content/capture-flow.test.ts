// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/errors';
import { request } from '../shared/messaging';
import { createCaptureFlow, describeDestination, REMINDER, type CaptureFlow } from './capture-flow';
import { CONFIRM_LABEL, isTrustedActivation, PRIMARY_LABEL, SENT_LABEL } from './capture-ui';
import { accessibleName, clickEvent, everythingShown, settle } from './test-dom';
import { fakeCloudToken } from './test-tokens';

vi.mock('../shared/messaging', () => ({ request: vi.fn() }));
const requestMock = vi.mocked(request);

const TOKEN = fakeCloudToken(3, 'q7W1');
type Pending = { site?: string; username?: string; renewal: boolean } | null;

function answer(pending: Pending, submit: () => Promise<unknown> = async () => ({ delivered: 'pending-form' })): void {
  requestMock.mockImplementation((async (name: string) => {
    if (name === 'capture.status') return { pending };
    if (name === 'capture.submit') return submit();
    throw new Error(`unexpected ${name}`);
  }) as typeof request);
}

const submits = () => requestMock.mock.calls.filter(([name]) => name === 'capture.submit');

let flow: CaptureFlow;
let pageAccount: string | undefined;
/** Where the page is: the app may move in place to another account page. */
let onTokenPage: boolean;

function mount(expiresOn?: string): CaptureFlow {
  flow = createCaptureFlow(document, {
    token: TOKEN,
    ...(expiresOn ? { expiresOn } : {}),
    readPageAccount: () => pageAccount,
    isOnTokenPage: () => onTokenPage,
  });
  const anchor = document.createElement('div');
  document.body.append(anchor);
  flow.place(anchor);
  return flow;
}

const button = () => flow.ui.root.querySelector('button')!;
const alertText = () => {
  const alert = flow.ui.root.querySelector('[role="alert"]') as HTMLElement | null;
  return alert && !alert.hidden ? alert.textContent : null;
};
const statusText = () => flow.ui.root.querySelector('[role="status"]')!.textContent;

beforeEach(() => {
  requestMock.mockReset();
  pageAccount = undefined;
  onTokenPage = true;
});
afterEach(() => document.body.replaceChildren());

describe('trusted activation', () => {
  it('accepts only events the browser marks trusted', () => {
    expect(isTrustedActivation(clickEvent(false))).toBe(false);
    expect(isTrustedActivation(new Event('click'))).toBe(false);
    expect(isTrustedActivation(clickEvent(true))).toBe(true);
  });
});

describe('capture UI and flow', () => {
  it('lives in a closed shadow root, with a real button named as the contract says', async () => {
    answer({ site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: false });
    mount();
    await settle();
    expect(flow.ui.host.shadowRoot).toBeNull();
    expect(button().tagName).toBe('BUTTON');
    expect(button().type).toBe('button');
    expect(button().textContent).toBe(PRIMARY_LABEL);
    expect(everythingShown(flow.ui.root)).toContain('Goes to the connection form waiting in Client for Jira.');
    expect(everythingShown(flow.ui.root)).toContain('ATATT3…q7W1');
    expect(alertText()).toBeNull();
  });

  it('does nothing on an untrusted synthetic click, or a click dispatched on the host', async () => {
    answer(null);
    mount();
    await settle();
    button().dispatchEvent(clickEvent(false));
    button().click();
    flow.ui.host.dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toEqual([]);
  });

  it('sends capture.submit exactly once with the token and expiry on a trusted click', async () => {
    let release!: (v: unknown) => void;
    answer(null, () => new Promise((r) => (release = r)));
    mount('2027-11-28');
    await settle();
    button().dispatchEvent(clickEvent(true));
    await settle();
    button().dispatchEvent(clickEvent(true)); // double click while sending
    await settle();
    release({ delivered: 'new-form' });
    await settle();
    button().dispatchEvent(clickEvent(true)); // after success
    await settle();
    expect(submits()).toEqual([['capture.submit', { token: TOKEN, tokenExpiresOn: '2027-11-28' }]]);
    expect(statusText()).toMatch(/^Token sent to Client for Jira\. A new Jira Cloud connection form opened/);
    expect(everythingShown(flow.ui.root)).toContain(REMINDER);
    // The button itself says it was sent, stays disabled and is no longer busy; the check mark is decorative.
    expect(accessibleName(button())).toBe(SENT_LABEL);
    expect(button().querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
    expect(button().disabled).toBe(true);
    expect(button().hasAttribute('aria-busy')).toBe(false);
  });

  it('words the confirmation for a pending form', async () => {
    answer({ site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: false });
    pageAccount = 'Ann@Example.com'; // same account, other case: no warning
    mount();
    await settle();
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toEqual([['capture.submit', { token: TOKEN, pageAccount: 'Ann@Example.com' }]]);
    expect(statusText()).toMatch(/It is in the connection form/);
    expect(alertText()).toBeNull();
  });

  it('requires a second, explicit click when the page shows another account', async () => {
    answer({ site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: true });
    pageAccount = 'bob@example.com';
    mount();
    await settle();
    expect(button().textContent).toBe(PRIMARY_LABEL);
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toEqual([]);
    expect(alertText()).toContain('bob@example.com');
    expect(alertText()).toContain('another account');
    expect(button().textContent).toBe(CONFIRM_LABEL);
    button().dispatchEvent(clickEvent(false)); // a synthetic confirm does nothing either
    await settle();
    expect(submits()).toEqual([]);
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toEqual([['capture.submit', { token: TOKEN, pageAccount: 'bob@example.com' }]]);
    expect(alertText()).toBeNull();
  });

  it('shows the background’s error in a role="alert" and lets the user retry', async () => {
    answer({ renewal: false }, async () => {
      throw new AppError({ kind: 'expired', message: 'The connection form waited too long. Open it again from Client for Jira.' });
    });
    mount();
    await settle();
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(alertText()).toBe('The connection form waited too long. Open it again from Client for Jira.');
    expect(button().disabled).toBe(false);
    expect(accessibleName(button())).toBe(PRIMARY_LABEL);
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toHaveLength(2);
  });

  it('never shows the token in its shadow DOM text or attributes, nor on the host', async () => {
    answer({ site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: false });
    pageAccount = 'bob@example.com';
    mount('2027-11-28');
    await settle();
    const states: string[] = [everythingShown(flow.ui.root)];
    button().dispatchEvent(clickEvent(true)); // warning
    await settle();
    states.push(everythingShown(flow.ui.root));
    button().dispatchEvent(clickEvent(true)); // sent
    await settle();
    states.push(everythingShown(flow.ui.root), everythingShown(flow.ui.host), flow.ui.host.outerHTML);
    for (const shown of states) {
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain(TOKEN.slice(6, 30));
    }
  });

  it('never shows the Jira site or the connection’s username: the page’s scripts can read the UI’s text', async () => {
    const site = 'jira-secret-project.atlassian.net';
    const username = 'ann@example.com';
    for (const renewal of [false, true]) {
      answer({ site: `https://${site}`, username, renewal });
      pageAccount = 'bob@example.com';
      mount();
      await settle();
      const states = [everythingShown(flow.ui.root)];
      button().dispatchEvent(clickEvent(true)); // the account warning
      await settle();
      states.push(everythingShown(flow.ui.root));
      button().dispatchEvent(clickEvent(true)); // sent
      await settle();
      states.push(everythingShown(flow.ui.root), flow.ui.host.outerHTML);
      for (const shown of states) {
        expect(shown).not.toContain(site);
        expect(shown).not.toContain('jira-secret-project');
        expect(shown).not.toContain(username);
      }
      flow.detach();
    }
  });

  it('sends nothing when the page has moved in place to another account page, and takes the button away', async () => {
    answer({ renewal: false });
    mount();
    await settle();
    onTokenPage = false; // history.pushState to /manage-profile/profile-and-visibility
    button().dispatchEvent(clickEvent(true));
    await settle();
    expect(submits()).toEqual([]);
    expect(flow.ui.host.isConnected).toBe(false);
  });

  it('sends nothing when the page moved away while the click waited for the background', async () => {
    let release!: (v: unknown) => void;
    requestMock.mockImplementation((async (name: string) => {
      if (name === 'capture.status') return new Promise<unknown>((r) => (release = r));
      return { delivered: 'pending-form' };
    }) as typeof request);
    mount();
    release({ pending: { renewal: false } });
    await settle();
    button().dispatchEvent(clickEvent(true));
    onTokenPage = false;
    release({ pending: { renewal: false } });
    await settle();
    expect(submits()).toEqual([]);
    expect(flow.ui.host.isConnected).toBe(false);
    // Back on the token page, the same button sends it.
    onTokenPage = true;
    const anchor = document.createElement('div');
    document.body.append(anchor);
    flow.place(anchor);
    button().dispatchEvent(clickEvent(true));
    release({ pending: { renewal: false } });
    await settle();
    expect(submits()).toEqual([['capture.submit', { token: TOKEN }]]);
  });

  it('still offers the button when the background cannot say where the token goes', async () => {
    requestMock.mockRejectedValue(new Error('no background'));
    mount();
    await settle();
    expect(button().textContent).toBe(PRIMARY_LABEL);
    expect(everythingShown(flow.ui.root)).toContain('Sends the token to Client for Jira.');
  });
});

describe('describeDestination', () => {
  it.each([
    [null, 'No connection form is waiting: this opens a new Jira Cloud connection in Client for Jira with this token.'],
    [
      { site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: false },
      'Goes to the connection form waiting in Client for Jira.',
    ],
    [
      { site: 'https://acme.atlassian.net', username: 'ann@example.com', renewal: true },
      'Renews the token of the connection waiting in Client for Jira.',
    ],
    [{ renewal: false }, 'Goes to the connection form waiting in Client for Jira.'],
    [{ renewal: true }, 'Renews the token of the connection waiting in Client for Jira.'],
  ])('%j', (pending, expected) => {
    expect(describeDestination(pending)).toBe(expected);
  });
});
