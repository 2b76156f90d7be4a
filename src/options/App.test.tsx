// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary } from '../shared/connection';
import { DEFAULT_SETTINGS, MESSAGE_TAG, type Settings } from '../shared/protocol';
import { App, shownForm } from './App';
import { takeOver } from './hooks/useOptionsChannel';
import { alerts, button, byLabel, click, flush, headings, link, queryButton, secretField, statuses, type } from './test-dom';

const mocks = vi.hoisted(() => ({
  request: vi.fn(),
  permissionsRequest: vi.fn(async () => true),
  tabsCreate: vi.fn(async () => ({})),
  listeners: [] as Array<(m: unknown, s: unknown) => unknown>,
}));
vi.mock('../shared/messaging', () => ({ request: mocks.request }));
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: { request: mocks.permissionsRequest },
    runtime: {
      onMessage: {
        addListener: (l: (m: unknown, s: unknown) => unknown) => mocks.listeners.push(l),
        removeListener: (l: (m: unknown, s: unknown) => unknown) => mocks.listeners.splice(mocks.listeners.indexOf(l), 1),
      },
    },
    tabs: { create: mocks.tabsCreate },
  },
}));

function isoInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const cloud: ConnectionSummary = {
  id: 'c1',
  name: 'Acme Cloud',
  siteUrl: 'https://acme.atlassian.net',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: 'ada@acme.com',
  user: { displayName: 'Ada Lovelace' },
  siteTitle: 'Acme',
  scoped: false,
  tokenExpiresOn: isoInDays(5),
  createdAt: 1,
  updatedAt: 1,
  status: { state: 'ok', checkedAt: Date.now() },
};
const server: ConnectionSummary = {
  ...cloud,
  id: 'c2',
  name: 'Corp Jira',
  siteUrl: 'https://jira.corp.example',
  deployment: 'server',
  authMethod: 'pat',
  username: '',
  user: { displayName: 'Ada L', name: 'ada' },
  tokenExpiresOn: undefined,
  status: { state: 'no-site-access' },
};

/** The fields of the requests this fake background answers: each reads only those its request sends. */
interface RequestPayload {
  id: string;
  jql: string;
  settings: Partial<Settings>;
  name: string;
  tokenExpiresOn: string | null;
}

let state: { connections: ConnectionSummary[]; defaultId: string | null; settings: Settings; capture: unknown };
let root: HTMLElement;

beforeEach(() => {
  state = { connections: [cloud, server], defaultId: 'c1', settings: { ...DEFAULT_SETTINGS, savedQueries: [] }, capture: null };
  mocks.request.mockReset();
  mocks.request.mockImplementation(async (name: string, payload: RequestPayload) => {
    switch (name) {
      case 'connections.list':
        return { connections: state.connections, defaultId: state.defaultId };
      case 'settings.get':
        return { settings: state.settings };
      case 'settings.update':
        state.settings = { ...state.settings, ...payload.settings };
        return { settings: state.settings };
      case 'capture.claim': {
        const capture = state.capture;
        state.capture = null;
        return { capture };
      }
      case 'capture.start':
        return { tokenPageUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens' };
      case 'connections.delete':
        state.connections = state.connections.filter((c) => c.id !== payload.id);
        return { revokeUrl: null };
      case 'connections.check':
        return { status: { state: 'ok', checkedAt: Date.now() } };
      case 'jql.check':
        return /= =/.test(payload.jql)
          ? { checkedOn: 'Acme Jira', errors: ["Error in the JQL Query: Expecting either a value, list or function but got '='."] }
          : /offline/.test(payload.jql)
            ? { errors: [], notChecked: 'Acme Jira: Could not reach Jira.' }
            : { checkedOn: 'Acme Jira', errors: [] };
      case 'connections.setDefault':
        state.defaultId = payload.id;
        return { defaultId: payload.id };
      case 'connections.update': {
        const before = state.connections.find((x) => x.id === payload.id)!;
        const c: ConnectionSummary = { ...before, name: payload.name, tokenExpiresOn: payload.tokenExpiresOn ?? undefined };
        state.connections = state.connections.map((x) => (x.id === c.id ? c : x));
        return { connection: c };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  });
  mocks.permissionsRequest.mockReset();
  mocks.permissionsRequest.mockResolvedValue(true);
  mocks.tabsCreate.mockClear();
  history.replaceState(null, '', '/src/options/index.html');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount() {
  await act(() => {
    render(<App />, root);
  });
  await flush();
}

function card(name: string): HTMLElement {
  const h = Array.from(root.querySelectorAll('article h3')).find((x) => x.textContent?.startsWith(name));
  return h!.closest('article') as HTMLElement;
}

describe('App: connection list', () => {
  it('lists connections with state, expiry, default marker and the right buttons', async () => {
    await mount();
    const a = card('Acme Cloud');
    expect(a.textContent).toContain('Default');
    expect(a.textContent).toContain('user: Ada Lovelace (ada@acme.com)');
    expect(a.textContent).toContain('OK');
    expect(a.textContent).toContain('Token expires in 5 days');
    expect(a.querySelector('.expiry-warn')).not.toBeNull();
    expect(queryButton('Renew token', a)).not.toBeNull();
    expect(queryButton('Make default', a)).toBeNull();
    expect(link('https://acme.atlassian.net', a).target).toBe('_blank');
    const s = card('Corp Jira');
    expect(s.textContent).toContain('No site access');
    expect(s.textContent).toContain('user: Ada L');
    expect(queryButton('Renew token', s)).toBeNull();
    expect(queryButton('Make default', s)).not.toBeNull();
    // No form while there are connections.
    expect(headings()).not.toContain('New Jira Connection');
  });

  it('opens the form with no connections, and with the button', async () => {
    state.connections = [];
    await mount();
    expect(headings()).toContain('New Jira Connection');
    render(null, root);
    state.connections = [cloud];
    await mount();
    await click(button('New Jira Connection'));
    expect(headings()).toContain('New Jira Connection');
  });

  it('Grant access asks for the site then checks it', async () => {
    await mount();
    await click(button('Grant access', card('Corp Jira')));
    await flush();
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://jira.corp.example/*'] });
    expect(mocks.request).toHaveBeenCalledWith('connections.check', { id: 'c2' });
  });

  it('Grant access refused: the card says why, with one Grant access button to try again', async () => {
    mocks.permissionsRequest.mockResolvedValueOnce(false);
    await mount();
    const corp = card('Corp Jira');
    await click(button('Grant access', corp));
    await flush();
    expect(mocks.request).not.toHaveBeenCalledWith('connections.check', { id: 'c2' });
    expect(alerts(corp).join(' ')).toContain('needs access to jira.corp.example');
    expect(Array.from(corp.querySelectorAll('button')).filter((b) => b.textContent?.trim() === 'Grant access')).toHaveLength(1);
  });

  it('Delete asks first, then shows the revoke reminder', async () => {
    await mount();
    await click(button('Delete', card('Acme Cloud')));
    const dialog = root.querySelector('dialog')!;
    expect(dialog.textContent).toContain('Delete Acme Cloud?');
    expect(document.activeElement).toBe(button('Cancel', dialog));
    await click(button('Cancel', dialog));
    expect(root.querySelector('dialog')).toBeNull();
    await click(button('Delete', card('Acme Cloud')));
    await click(button('Delete connection'));
    await flush();
    expect(mocks.request).toHaveBeenCalledWith('connections.delete', { id: 'c1' });
    expect(link('revoke the token').href).toBe('https://id.atlassian.com/manage-profile/security/api-tokens');
    expect(root.textContent).not.toContain('Delete Acme Cloud?');
  });

  it('Edit saves name and expiry with connections.update', async () => {
    await mount();
    await click(button('Edit', card('Corp Jira')));
    await type(byLabel('Connection name'), 'Corp');
    await type(byLabel('Token expires on'), '2027-02-01');
    await click(button('Save'));
    await flush();
    expect(mocks.request).toHaveBeenCalledWith('connections.update', { id: 'c2', name: 'Corp', tokenExpiresOn: '2027-02-01' });
  });

  it('Re-authenticate opens the form for that connection', async () => {
    await mount();
    await click(button('Re-authenticate', card('Corp Jira')));
    expect(headings()).toContain('Re-authenticate Corp Jira');
    expect(secretField('Personal access token').value).toBe('');
  });

  it('Renew token opens the re-auth form, starts a capture and opens the token page', async () => {
    await mount();
    await click(button('Renew token', card('Acme Cloud')));
    await flush();
    expect(headings()).toContain('Re-authenticate Acme Cloud');
    expect(mocks.request).toHaveBeenCalledWith('capture.start', {
      siteUrl: 'https://acme.atlassian.net',
      username: 'ada@acme.com',
      connectionId: 'c1',
    });
    expect(mocks.tabsCreate).toHaveBeenCalledWith({ url: 'https://id.atlassian.com/manage-profile/security/api-tokens', active: true });
  });

  it('#renew=<id> does the same on load and clears the hash', async () => {
    history.replaceState(null, '', '/src/options/index.html#renew=c1');
    await mount();
    expect(headings()).toContain('Re-authenticate Acme Cloud');
    expect(mocks.tabsCreate).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('');
  });
});

describe('App: token capture', () => {
  it('claims on load and fills the new form', async () => {
    state.capture = { token: 'ATATT3abc', siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.com', tokenExpiresOn: '2027-01-01' };
    await mount();
    expect(headings()).toContain('New Jira Connection');
    expect(secretField('API Token').value).toBe('ATATT3abc');
    expect(byLabel('URL').value).toBe('https://acme.atlassian.net');
    expect(statuses().join(' ')).toContain('Token received from id.atlassian.com');
  });

  it('claims again on a capture.delivered broadcast, into the re-auth form of its connection', async () => {
    await mount();
    state.capture = { token: 'ATATT3new', connectionId: 'c1' };
    await act(() => {
      for (const l of [...mocks.listeners]) l({ tag: MESSAGE_TAG, event: 'capture.delivered' }, { id: 'ext' });
    });
    await flush();
    expect(headings()).toContain('Re-authenticate Acme Cloud');
    expect(secretField('API Token').value).toBe('ATATT3new');
  });

  it('first run: a token captured for a new form goes into the form being filled in, which keeps what was typed', async () => {
    state.connections = [];
    await mount();
    await type(byLabel('URL'), 'https://acme.atlassian.net');
    await type(byLabel('Username'), 'typed@acme.com');
    state.capture = { token: 'ATATT3first' };
    await act(() => {
      for (const l of [...mocks.listeners]) l({ tag: MESSAGE_TAG, event: 'capture.delivered' }, { id: 'ext' });
    });
    await flush();
    expect(secretField('API Token').value).toBe('ATATT3first');
    expect(byLabel('URL').value).toBe('https://acme.atlassian.net');
    expect(byLabel('Username').value).toBe('typed@acme.com');
  });

  it("first run: the page's own form counts as open (the popup's Add a Jira connection only brings it to the front)", () => {
    expect(shownForm(null, true, [])).toEqual({ kind: 'new' });
    expect(takeOver(shownForm(null, true, []), { kind: 'new' })).toBe('front');
    expect(shownForm(null, false, [])).toBeNull();
    expect(shownForm(null, true, [cloud])).toBeNull();
  });

  it('ignores broadcasts from content scripts', async () => {
    await mount();
    const calls = mocks.request.mock.calls.length;
    await act(() => {
      for (const l of [...mocks.listeners]) l({ tag: MESSAGE_TAG, event: 'capture.delivered' }, { tab: { id: 1 } });
    });
    await flush();
    expect(mocks.request.mock.calls.length).toBe(calls);
  });
});

describe('App: settings', () => {
  it('toggles the badge, sets the interval and manages saved queries', async () => {
    await mount();
    await click(byLabel('Show the number of my open issues on the toolbar icon'));
    await flush();
    expect(mocks.request).toHaveBeenCalledWith('settings.update', { settings: { badgeEnabled: false } });

    const interval = byLabel('Refresh every (minutes)');
    await type(interval, '500');
    await act(() => {
      interval.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(alerts().join(' ')).toMatch(/1 to 120/);
    await type(interval, '15');
    await act(() => {
      interval.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(mocks.request).toHaveBeenCalledWith('settings.update', { settings: { badgeIntervalMinutes: 15 } });

    await click(button('Add query'));
    expect(alerts().join(' ')).toMatch(/name for the query/);
    await type(byLabel('Query name'), 'Mine');
    await type(byLabel('JQL'), 'assignee = currentUser()');
    await click(button('Add query'));
    await flush();
    await type(byLabel('Query name'), 'Bugs');
    await type(byLabel('JQL'), 'type = Bug');
    await click(button('Add query'));
    await flush();
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Mine', 'Bugs']);
    await click(button('Move Bugs up'));
    await flush();
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Bugs', 'Mine']);
    await click(button('Remove Bugs'));
    await flush();
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Mine']);
    expect(button('Move Mine down').disabled).toBe(true);

    // Jira's objection is shown before saving, and nothing is saved.
    await type(byLabel('Query name'), 'Broken');
    await type(byLabel('JQL'), 'project = = WEB');
    await click(button('Add query'));
    await flush();
    expect(alerts().join(' ')).toContain(
      "Acme Jira does not accept this JQL: Error in the JQL Query: Expecting either a value, list or function but got '='.",
    );
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Mine']);
    expect(mocks.request).toHaveBeenCalledWith('jql.check', { jql: 'project = = WEB' });
    // It may suit another connection: saved anyway at the user's word.
    await click(button('Save anyway'));
    await flush();
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Mine', 'Broken']);
    expect(mocks.request.mock.calls.filter(([n, p]) => n === 'jql.check' && p.jql === 'project = = WEB')).toHaveLength(1);
    // When Jira cannot be asked, the query is saved as it is, and the form says so.
    await type(byLabel('Query name'), 'Later');
    await type(byLabel('JQL'), 'text ~ offline');
    await click(button('Add query'));
    await flush();
    expect(state.settings.savedQueries.map((q) => q.name)).toEqual(['Mine', 'Broken', 'Later']);
    expect(root.textContent).toContain('Saved without a check: Acme Jira: Could not reach Jira.');
  });
});
