// @vitest-environment happy-dom
// What a failed list shows in the popup, and its way out.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connection } from '../../tests/unit/fixtures';
import { alerts, button, click, flush, link, queryButton } from '../options/test-dom';
import type { AppErrorInfo } from '../shared/errors';

// ext.ts takes the extension API from globalThis (Firefox's `browser`, Chrome's `chrome`).
const api = vi.hoisted(() => {
  const permissionsRequest = vi.fn<(p: { origins: string[] }) => Promise<boolean>>();
  const tabsCreate = vi.fn(async () => ({}));
  (globalThis as Record<string, unknown>).browser = {
    permissions: { request: permissionsRequest },
    tabs: { create: tabsCreate },
    runtime: { getURL: (p: string) => `chrome-extension://x/${p}` },
  };
  return { permissionsRequest, tabsCreate };
});

const { ErrorView } = await import('./errors-view');

const CLOUD = connection('acme');
const DC = connection('corp', { siteUrl: 'https://jira.corp.example/jira', deployment: 'server', authMethod: 'pat' });

let root: HTMLElement;
let onRetry: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  onRetry = vi.fn<() => void>();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  api.permissionsRequest.mockReset();
});

function show(error: AppErrorInfo, c = CLOUD, retryAt?: number) {
  act(() => render(<ErrorView error={error} connection={c} named={false} onRetry={onRetry} {...(retryAt ? { retryAt } : {})} />, root));
}

describe('popup ErrorView', () => {
  it('counts down to the automatic retry after a 429', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    show(
      { kind: 'rate-limited', message: 'Jira is limiting requests right now. Try again in 42 s.', retryAfterSeconds: 42 },
      CLOUD,
      1_000_000 + 42_000,
    );
    expect(alerts(root)[0]).toContain('Retrying automatically in 42 s.');
    await act(() => void vi.advanceTimersByTime(2_000));
    expect(alerts(root)[0]).toContain('Retrying automatically in 40 s.');
    // The message's own wait would go stale next to the countdown: only the countdown shows it.
    expect(alerts(root)[0]).toContain('Jira is limiting requests right now.');
    expect(alerts(root)[0]).not.toContain('Try again');
    // The alert's message is announced once; the ticking seconds are not re-read every second.
    const ticking = Array.from(root.querySelectorAll('[role=alert] *'))
      .filter((el) => el.textContent?.includes('Retrying automatically'))
      .pop();
    expect(ticking?.closest('[aria-live]')?.getAttribute('aria-live')).toBe('off');
    await act(() => void vi.advanceTimersByTime(40_000));
    expect(alerts(root)[0]).toContain('Retrying…');
    // The user need not wait.
    await click(button('Retry', root));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('names the credential fix as the options page does', () => {
    show({ kind: 'auth', message: 'Jira rejected the token.' });
    expect(queryButton('Renew token', root)).not.toBeNull();
    show({ kind: 'auth', message: 'Jira rejected the token.' }, DC);
    expect(queryButton('Re-authenticate', root)).not.toBeNull();
    expect(queryButton('Renew token', root)).toBeNull();
  });

  it("after a CAPTCHA, links to the site's own login page and offers Try again", async () => {
    show({ kind: 'captcha', message: 'Jira wants a CAPTCHA.', loginUrl: 'https://evil.example/login' }, DC);
    expect(link('Log in to Jira', root).href).toBe('https://jira.corp.example/jira/login.jsp');
    await click(button('Try again', root));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('a missing scope names it, offers a token with it through the renewal, and no Retry', async () => {
    show({
      kind: 'missing-scope',
      scope: 'read:jira-work',
      message: 'The API token works, but it lacks the scope “read:jira-work”, which Jira needs for this.',
      details: ['Unauthorized; scope does not match'],
    });
    expect(alerts(root)[0]).toContain('read:jira-work');
    expect(queryButton('Retry', root)).toBeNull();
    expect(queryButton('Renew token', root)).toBeNull();
    await click(button('Create a token with read:jira-work', root));
    // No options page open to take it over (src/popup/open-options.ts): a new tab, after the short wait.
    await vi.waitFor(() =>
      expect(api.tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://x/src/options/index.html#renew=acme', active: true }),
    );
  });

  it("shows Jira's reasons from the body, not only the status", () => {
    show({
      kind: 'bad-request',
      status: 400,
      message: "The value 'NOPE' does not exist for the field 'project'.",
      details: ["The value 'NOPE' does not exist for the field 'project'.", 'Field status is unknown.'],
    });
    expect(alerts(root)[0]).toContain("The value 'NOPE' does not exist for the field 'project'.");
    expect(alerts(root)[0]).toContain('Field status is unknown.');
    expect(alerts(root)[0]).not.toContain('HTTP 400');
  });

  it('Grant access asks for the site from the click, and retries when granted', async () => {
    api.permissionsRequest.mockResolvedValue(true);
    show(
      {
        kind: 'no-site-access',
        message: 'The extension does not have access to this Jira site yet.',
        originPattern: 'https://jira.corp.example/*',
      },
      DC,
    );
    await click(button('Grant access', root));
    await flush();
    expect(api.permissionsRequest).toHaveBeenCalledWith({ origins: ['https://jira.corp.example/*'] });
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says so when access is refused, and does not retry', async () => {
    api.permissionsRequest.mockResolvedValue(false);
    show(
      {
        kind: 'no-site-access',
        message: 'The extension does not have access to this Jira site yet.',
        originPattern: 'https://jira.corp.example/*',
      },
      DC,
    );
    await click(button('Grant access', root));
    await flush();
    expect(onRetry).not.toHaveBeenCalled();
    expect(alerts(root)[0]).toContain('Access was not granted');
    expect(queryButton('Grant access', root)).not.toBeNull(); // still there to try again
  });
});
