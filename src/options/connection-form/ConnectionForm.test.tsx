// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary, ConnectionTestResult } from '../../shared/connection';
import { CLOUD_ADDRESS_ONLY, PLAIN_HTTP_CONFIRM_LABEL, PLAIN_HTTP_WARNING, cloudBehindCompanyDomain } from '../../shared/connection-draft';
import { AppError } from '../../shared/errors';
import { ConnectionForm, type FormMode, type IncomingCapture } from './ConnectionForm';
import { alerts, button, byLabel, click, flush, headings, link, queryButton, secretField, statuses, type } from '../test-dom';

const mocks = vi.hoisted(() => ({
  request: vi.fn(),
  permissionsRequest: vi.fn(async () => true),
}));
vi.mock('../../shared/messaging', () => ({ request: mocks.request }));
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: { request: mocks.permissionsRequest },
    runtime: { onMessage: { addListener: vi.fn(), removeListener: vi.fn() } },
    tabs: { create: vi.fn(async () => ({})) },
  },
}));

const testResult: ConnectionTestResult = {
  testId: 't-1',
  siteUrl: 'https://acme.atlassian.net',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: 'ada@acme.com',
  user: {
    displayName: 'Ada Lovelace',
    accountId: 'x',
    avatarUrl: 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/x/48.png',
  },
  siteTitle: 'Acme Jira',
  scoped: false,
  suggestedName: 'Acme',
  warnings: ['The site answered from another base URL.'],
};

const saved: ConnectionSummary = {
  id: 'c1',
  name: 'Acme',
  siteUrl: 'https://acme.atlassian.net',
  deployment: 'cloud',
  authMethod: 'cloud-token',
  username: 'ada@acme.com',
  user: { displayName: 'Ada Lovelace' },
  siteTitle: 'Acme Jira',
  scoped: false,
  createdAt: 1,
  updatedAt: 1,
  status: { state: 'ok' },
};

let root: HTMLElement;
const onSaved = vi.fn();

async function mount(mode: FormMode = { kind: 'new' }, capture?: IncomingCapture) {
  await act(() => {
    render(<ConnectionForm mode={mode} capture={capture} onSaved={onSaved} />, root);
  });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  mocks.request.mockReset();
  mocks.permissionsRequest.mockReset();
  mocks.permissionsRequest.mockResolvedValue(true);
  onSaved.mockReset();
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function fillCloud() {
  await type(byLabel('URL'), 'https://acme.atlassian.net/browse/X-1');
  await type(byLabel('Username'), 'ada@acme.com');
  await type(secretField('API Token'), 'ATATT3secret');
}

describe('ConnectionForm: credentials', () => {
  it('starts on Jira Cloud (the common case) and toggles the secret label with it', async () => {
    await mount();
    expect(headings()).toContain('New Jira Connection');
    const cloud = byLabel('Jira Cloud');
    expect(cloud.checked).toBe(true);
    expect(secretField('API Token').type).toBe('password');
    expect(queryButton('Show API Token')).not.toBeNull();
    expect(document.body.textContent).toContain('The email address of your Atlassian account.');
    const tokenLink = link('API Token');
    expect(tokenLink.href).toBe('https://id.atlassian.com/manage-profile/security/api-tokens');
    expect(tokenLink.target).toBe('_blank');
    expect(tokenLink.rel).toContain('noopener');
    await click(cloud);
    expect(() => link('API Token')).toThrow();
    expect(secretField('Password').type).toBe('password');
    expect(queryButton('Show password')).not.toBeNull();
    expect(document.body.textContent).not.toContain('The email address of your Atlassian account.');
    await click(cloud);
    expect(secretField('API Token').type).toBe('password');
  });

  it('show/hide toggles the masking', async () => {
    await mount();
    await click(button('Show API Token'));
    expect(secretField('API Token').type).toBe('text');
    await click(button('Hide API Token'));
    expect(secretField('API Token').type).toBe('password');
  });

  it('checks Jira Cloud from an atlassian.net URL, unless the user chose', async () => {
    await mount();
    await type(byLabel('URL'), 'https://acme.atlassian.net');
    expect(byLabel('Jira Cloud').checked).toBe(true);
    expect(byLabel('Username').type).toBe('email');
    await type(byLabel('URL'), 'https://jira.corp.example');
    expect(byLabel('Jira Cloud').checked).toBe(false);
    await click(byLabel('Jira Cloud'));
    await type(byLabel('URL'), 'https://jira.corp.example/jira');
    expect(byLabel('Jira Cloud').checked).toBe(true);
  });

  it('Server: Personal access token makes Username optional and renames the secret', async () => {
    await mount();
    await click(byLabel('Jira Cloud'));
    await click(byLabel('Personal access token'));
    expect(secretField('Personal access token').type).toBe('password');
    expect(document.body.textContent).toContain('Username (optional)');
    await type(byLabel('URL'), 'https://jira.corp.example');
    await type(secretField('Personal access token'), 'pat-secret');
    mocks.request.mockResolvedValueOnce({ ...testResult, deployment: 'server', authMethod: 'pat', username: '' });
    await click(button('Next'));
    await flush();
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://jira.corp.example/*'] });
    expect(mocks.request).toHaveBeenCalledWith('connections.test', {
      draft: { siteUrl: 'https://jira.corp.example', deployment: 'server', authMethod: 'pat', username: '', secret: 'pat-secret' },
    });
  });

  it('empty fields: an alert, the field focused, and no request', async () => {
    await mount();
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/address of your Jira site/);
    expect(document.activeElement).toBe(byLabel('URL'));
    expect(byLabel('URL').getAttribute('aria-invalid')).toBe('true');
    await type(byLabel('URL'), 'https://jira.corp.example');
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/username/i);
    expect(document.activeElement).toBe(byLabel('Username'));
    await type(byLabel('Username'), 'ada');
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/password/i);
    expect(mocks.request).not.toHaveBeenCalled();
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
  });

  it('Jira Cloud at a non-atlassian.net address: the message in the form, before any permission prompt or request', async () => {
    await mount();
    await type(byLabel('URL'), 'https://jira.acme.com');
    await click(byLabel('Jira Cloud'));
    await type(byLabel('Username'), 'ada@acme.com');
    await type(secretField('API Token'), 'ATATT3secret');
    await click(button('Next'));
    await flush();
    expect(alerts()[0]).toBe(CLOUD_ADDRESS_ONLY);
    expect(document.activeElement).toBe(byLabel('URL'));
    expect(byLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
    expect(mocks.request).not.toHaveBeenCalled();
  });

  it('an atlassian.net address with Jira Cloud unchecked, or a Cloud username that is no email: refused in the form', async () => {
    await mount();
    await type(byLabel('URL'), 'https://acme.atlassian.net');
    await click(byLabel('Jira Cloud'));
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/This is a Jira Cloud address/);
    expect(document.activeElement).toBe(byLabel('Jira Cloud'));
    await click(byLabel('Jira Cloud'));
    await type(secretField('API Token'), 'ATATT3secret');
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/email address of your Atlassian account/);
    expect(document.activeElement).toBe(byLabel('Username'));
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
    expect(mocks.request).not.toHaveBeenCalled();
  });

  it('asks for site access synchronously inside the click (Firefox keeps the user gesture only that long)', async () => {
    await mount();
    await type(byLabel('URL'), 'https://jira.corp.example');
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');
    mocks.request.mockResolvedValueOnce({ ...testResult, deployment: 'server', authMethod: 'password', username: 'ada' });
    button('Next').click();
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://jira.corp.example/*'] });
    await flush();
    expect(document.body.textContent).toContain('Connected as Ada Lovelace');
  });

  it('refuses ftp:// before any prompt or request', async () => {
    await mount();
    await click(byLabel('Jira Cloud'));
    await type(byLabel('URL'), 'ftp://jira.corp.example');
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/https/);
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
    expect(mocks.request).not.toHaveBeenCalled();
  });

  it('plain http to Server/Data Center: a warning, an explicit confirmation, then access to that http origin only', async () => {
    await mount();
    const confirmation = () => byLabel(PLAIN_HTTP_CONFIRM_LABEL);
    await type(byLabel('URL'), 'https://jira.corp.example');
    expect(confirmation).toThrow();
    await type(byLabel('URL'), 'http://jira.corp.example:8080/jira/browse/X-1');
    expect(document.body.textContent).toContain(PLAIN_HTTP_WARNING);
    expect(confirmation().checked).toBe(false);
    expect(confirmation().getAttribute('aria-describedby')).toContain('plain-http-warning');
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');

    // Next without the confirmation: refused in the form, the checkbox focused.
    await click(button('Next'));
    expect(alerts()[0]).toMatch(/unencrypted/);
    expect(document.activeElement).toBe(confirmation());
    expect(confirmation().getAttribute('aria-invalid')).toBe('true');
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
    expect(mocks.request).not.toHaveBeenCalled();

    await click(confirmation());
    mocks.request.mockResolvedValueOnce({ ...testResult, siteUrl: 'http://jira.corp.example:8080/jira', deployment: 'server' });
    await click(button('Next'));
    await flush();
    expect(mocks.permissionsRequest).toHaveBeenCalledWith({ origins: ['http://jira.corp.example/*'] });
    expect(mocks.request).toHaveBeenCalledWith('connections.test', {
      draft: { siteUrl: 'http://jira.corp.example:8080/jira', deployment: 'server', authMethod: 'password', username: 'ada', secret: 'pw' },
    });
  });

  it('plain http: the confirmation holds for the address confirmed only, and never for Jira Cloud or this computer', async () => {
    await mount();
    const confirmation = () => byLabel(PLAIN_HTTP_CONFIRM_LABEL);
    await type(byLabel('URL'), 'http://jira.corp.example');
    await click(confirmation());
    expect(confirmation().checked).toBe(true);
    await type(byLabel('URL'), 'http://jira.other.example');
    expect(confirmation().checked).toBe(false);
    await type(byLabel('URL'), 'http://localhost:8080/jira');
    expect(confirmation).toThrow();
    // An http atlassian.net address is the https Cloud site: no warning, Jira Cloud checked.
    await type(byLabel('URL'), 'http://acme.atlassian.net');
    expect(confirmation).toThrow();
    expect(byLabel('Jira Cloud').checked).toBe(true);
    // Jira Cloud checked at an http company domain: the atlassian.net message, not the http one.
    await type(byLabel('URL'), 'http://jira.acme.com');
    expect(confirmation().checked).toBe(false);
    await click(byLabel('Jira Cloud'));
    expect(confirmation).toThrow();
    await type(byLabel('Username'), 'ada@acme.com');
    await type(secretField('API Token'), 'ATATT3secret');
    await click(button('Next'));
    expect(alerts()[0]).toBe(CLOUD_ADDRESS_ONLY);
    expect(mocks.permissionsRequest).not.toHaveBeenCalled();
  });

  it('Jira Cloud behind a company domain (found by the background): the atlassian.net address at the URL field', async () => {
    await mount();
    await type(byLabel('URL'), 'https://jira.acme.com');
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');
    const message = cloudBehindCompanyDomain('https://acme.atlassian.net');
    mocks.request.mockRejectedValueOnce(new AppError({ kind: 'invalid-input', field: 'siteUrl', message }));
    await click(button('Next'));
    await flush();
    expect(alerts()[0]).toBe(message);
    expect(document.activeElement).toBe(byLabel('URL'));
    // The way out it names: that address checks Jira Cloud by itself, and asks for an email and an API token.
    await type(byLabel('URL'), 'https://acme.atlassian.net');
    expect(byLabel('Jira Cloud').checked).toBe(true);
    expect(secretField('API Token').value).toBe('pw');
  });

  it('refused site access: an alert with Grant access that retries', async () => {
    await mount();
    await type(byLabel('URL'), 'https://jira.corp.example');
    await type(byLabel('Username'), 'ada');
    await type(secretField('Password'), 'pw');
    mocks.permissionsRequest.mockResolvedValueOnce(false);
    await click(button('Next'));
    await flush();
    expect(alerts()[0]).toContain('Client for Jira needs access to jira.corp.example to talk to your Jira');
    expect(mocks.request).not.toHaveBeenCalled();
    mocks.request.mockResolvedValueOnce(testResult);
    await click(button('Grant access'));
    await flush();
    expect(mocks.request).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain('Connected as Ada Lovelace');
  });

  it('shows the background error and marks its field; captcha links to the login page', async () => {
    await mount();
    await fillCloud();
    mocks.request.mockRejectedValueOnce(new AppError({ kind: 'auth', message: 'Jira did not accept the API token.' }));
    await click(button('Next'));
    await flush();
    expect(alerts()[0]).toContain('Jira did not accept the API token.');
    expect(alerts()[0]).toContain('API tokens page');
    mocks.request.mockRejectedValueOnce(
      new AppError({ kind: 'captcha', message: 'Jira asks for a CAPTCHA.', loginUrl: 'https://acme.atlassian.net/login.jsp' }),
    );
    await click(button('Next'));
    await flush();
    expect(link('Log in to Jira once in the browser').href).toBe('https://acme.atlassian.net/login.jsp');
  });

  it('while testing: Next disabled and "Testing connection…"', async () => {
    await mount();
    await fillCloud();
    let resolve!: (v: ConnectionTestResult) => void;
    mocks.request.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    await click(button('Next'));
    await flush();
    expect(button('Next').disabled).toBe(true);
    expect(statuses()).toContain('Testing connection…');
    await act(async () => resolve(testResult));
    await flush();
    expect(document.body.textContent).toContain('Connected as Ada Lovelace');
  });

  it('API Token link starts a capture with the normalised site and username', async () => {
    await mount();
    await click(byLabel('Jira Cloud'));
    await type(byLabel('URL'), 'acme.atlassian.net/jira/software/projects/X');
    await type(byLabel('Username'), 'ada@acme.com');
    mocks.request.mockResolvedValueOnce({ tokenPageUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens' });
    const a = link('API Token');
    a.addEventListener('click', (e) => e.preventDefault()); // no navigation in the test DOM
    await click(a);
    expect(mocks.request).toHaveBeenCalledWith('capture.start', { siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.com' });
  });
});

describe('ConnectionForm: success and Finish', () => {
  it('Connected as, name defaulted, secret cleared, Finish saves', async () => {
    await mount();
    await fillCloud();
    mocks.request.mockResolvedValueOnce(testResult);
    await click(button('Next'));
    await flush();
    expect(mocks.request).toHaveBeenCalledWith('connections.test', {
      draft: {
        siteUrl: 'https://acme.atlassian.net',
        deployment: 'cloud',
        authMethod: 'cloud-token',
        username: 'ada@acme.com',
        secret: 'ATATT3secret',
      },
    });
    expect(document.body.textContent).toContain('Connected as Ada Lovelace');
    expect(document.body.textContent).toContain('The site answered from another base URL.');
    const img = root.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('');
    // A public avatar host loads directly (a site avatar waits for the token: Avatar.tsx).
    expect(img.getAttribute('src')).toBe('https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/x/48.png');
    expect(byLabel('Connection name').value).toBe('Acme');
    expect(byLabel('Token expires on').type).toBe('date');
    expect(document.activeElement).toBe(byLabel('Connection name'));
    // Back: the secret is gone from the form.
    await click(button('Back'));
    expect(secretField('API Token').value).toBe('');
    expect(byLabel('URL').value).toBe('https://acme.atlassian.net/browse/X-1');
    await type(secretField('API Token'), 'ATATT3secret');
    mocks.request.mockResolvedValueOnce(testResult);
    await click(button('Next'));
    await flush();

    await type(byLabel('Connection name'), 'Work');
    await type(byLabel('Token expires on'), '2027-01-31');
    mocks.request.mockResolvedValueOnce({ connection: { ...saved, name: 'Work' } });
    await click(button('Finish'));
    await flush();
    expect(mocks.request).toHaveBeenLastCalledWith('connections.save', { testId: 't-1', name: 'Work', tokenExpiresOn: '2027-01-31' });
    expect(onSaved).toHaveBeenCalledWith({ ...saved, name: 'Work' });
  });

  it('Finish without a name: alert, no request', async () => {
    await mount();
    await fillCloud();
    mocks.request.mockResolvedValueOnce(testResult);
    await click(button('Next'));
    await flush();
    await type(byLabel('Connection name'), '  ');
    await click(button('Finish'));
    expect(alerts()[0]).toMatch(/name/);
    expect(mocks.request).toHaveBeenCalledTimes(1);
  });
});

describe('ConnectionForm: re-authenticate and captures', () => {
  it('re-auth: fixed URL, prefilled username, connectionId in the draft', async () => {
    await mount({ kind: 'reauth', connection: saved });
    expect(headings()).toContain('Re-authenticate Acme');
    expect(byLabel('URL').readOnly).toBe(true);
    expect(byLabel('URL').value).toBe('https://acme.atlassian.net');
    expect(byLabel('Jira Cloud').disabled).toBe(true);
    expect(byLabel('Username').value).toBe('ada@acme.com');
    expect(secretField('API Token').value).toBe('');
    await type(secretField('API Token'), 'ATATT3new');
    mocks.request.mockResolvedValueOnce({ ...testResult, connectionId: 'c1' });
    await click(button('Next'));
    await flush();
    expect(mocks.request.mock.calls[0]![1].draft.connectionId).toBe('c1');
    expect(byLabel('Connection name').value).toBe('Acme');
  });

  it('a captured token fills the form, masked, and checks Jira Cloud', async () => {
    await mount({ kind: 'new' }, { nonce: 1, token: 'ATATT3captured', tokenExpiresOn: '2027-06-01', username: 'ada@acme.com' });
    expect(byLabel('Jira Cloud').checked).toBe(true);
    expect(secretField('API Token').value).toBe('ATATT3captured');
    expect(secretField('API Token').type).toBe('password');
    expect(byLabel('Username').value).toBe('ada@acme.com');
    expect(statuses().join(' ')).toContain('Token received — enter your Jira URL and Username');
    expect(document.activeElement).toBe(byLabel('URL'));
    await type(byLabel('URL'), 'https://acme.atlassian.net');
    mocks.request.mockResolvedValueOnce(testResult);
    await click(button('Next'));
    await flush();
    expect(byLabel('Token expires on').value).toBe('2027-06-01');
  });
});
