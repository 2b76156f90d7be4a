// @vitest-environment happy-dom
// The popup's automatic retries and paging, with the background's replies scripted: per
// connection, as many as the background's retry budget leaves (`retriesLeft`), the same request
// again (a failed Load more retries that next page, not the first), and never a loop on a page
// that added nothing (docs/jira-api.md#search, #rate-limits).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connection } from '../../tests/unit/fixtures';
import { alerts, button, click, queryButton } from '../options/test-dom';
import { AppError } from '../shared/errors';
import type { IssueRow, ListRef, PageCursor } from '../shared/issues';
import { SETTINGS_KEY } from '../shared/storage-keys';
import type { Boot } from './boot';

type ListCall = { connectionId: string; list: ListRef; cursor?: PageCursor; force?: boolean };
const ext = vi.hoisted(() => ({
  list: vi.fn<(p: ListCall) => Promise<unknown>>(),
  onChanged: new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>(),
}));
vi.mock('./ext', () => ({
  onLocalChanged: (f: never) => {
    ext.onChanged.add(f);
    return () => ext.onChanged.delete(f);
  },
  requestSiteAccess: async () => false,
  readLocal: async () => ({}),
  writeLocal: () => undefined,
  openTab: async () => undefined,
  openOptions: async () => undefined,
  fixCredentials: async () => undefined,
  request: async (name: string, payload: unknown) => {
    if (name === 'issues.list') return ext.list(payload as ListCall);
    if (name === 'filters.favourite') return { filters: [] };
    throw new Error(`unexpected request ${name}`);
  },
}));

const { App } = await import('./app');
// The chunks the popup loads after its first paint, loaded before the tests (no timers needed).
await (await import('./list/list-body')).LazyErrorView.preload();

const A = connection('a');
const B = connection('b');
const row = (c: string, n: number): IssueRow => ({
  connectionId: c,
  key: `${c.toUpperCase()}-${n}`,
  summary: `Issue ${n}`,
  status: { name: 'Open', category: 'new' },
});
const page = (c: string, from: number, count: number, next?: PageCursor) => ({
  page: { issues: Array.from({ length: count }, (_, i) => row(c, from + i)), fetchedAt: Date.now(), ...(next ? { next } : {}) },
});
const limited = (retryAfterSeconds?: number, retriesLeft = 2) =>
  new AppError({
    kind: 'rate-limited',
    message: 'Jira is limiting requests right now.',
    retriesLeft,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });

function boot(scope: Boot['scope'], connections = [A, B]): Boot {
  return { connections, scope, list: { kind: 'assigned' }, savedQueries: [], lists: {}, cache: {}, filters: [] };
}

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  root = document.createElement('div');
  document.body.append(root);
  ext.list.mockReset();
  ext.onChanged.clear();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

/** Lets `ms` pass: timers fire, replies settle, Preact renders. */
async function pass(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
async function open(init: Boot) {
  act(() => render(<App init={init} />, root));
  await pass(300); // the first refresh waits for the first paint
}
const calls = (id: string) => ext.list.mock.calls.map(([p]) => p).filter((p) => p.connectionId === id);
const alertOf = (name: string) => alerts(root).find((t) => t.startsWith(`${name}:`)) ?? '';
const rowKeys = () => Array.from(root.querySelectorAll('[role=option]')).map((r) => r.textContent);

describe('popup saved query', () => {
  it('edited in the options page while shown, is fetched again with its new JQL', async () => {
    ext.list.mockImplementation(async () => page('a', 1, 2));
    const saved = { id: 'q1', name: 'Mine', jql: 'assignee = currentUser()' };
    await open({
      ...boot({ kind: 'connection', connectionId: 'a' }),
      list: { kind: 'saved', queryId: 'q1', name: 'Mine', jql: saved.jql },
      savedQueries: [saved],
    });
    expect(calls('a').map((p) => p.list)).toEqual([{ kind: 'saved', queryId: 'q1', name: 'Mine', jql: saved.jql }]);

    await act(() => {
      for (const f of ext.onChanged) f({ [SETTINGS_KEY]: { newValue: { savedQueries: [{ ...saved, jql: 'project = WEB' }] } } }, 'local');
    });
    await pass(0);
    expect(calls('a').map((p) => p.list)).toHaveLength(2);
    expect(calls('a')[1]!.list).toMatchObject({ kind: 'saved', queryId: 'q1', jql: 'project = WEB' });
  });
});

describe('popup automatic retry', () => {
  it("a Retry on one connection leaves the other connection's countdown and retry running", async () => {
    ext.list.mockImplementation(async () => {
      throw limited(30);
    });
    await open(boot({ kind: 'all' }));
    expect(alertOf('Conn a')).toContain('Retrying automatically in 30 s.');
    expect(alertOf('Conn b')).toContain('Retrying automatically in 30 s.');

    await pass(10_000);
    const alertA = Array.from(root.querySelectorAll<HTMLElement>('[role=alert]')).find((el) => el.textContent?.startsWith('Conn a:'))!;
    await click(button('Retry', alertA));
    await pass(0);
    expect(calls('a')).toHaveLength(2);
    expect(calls('a')[1]).toMatchObject({ force: true });
    expect(alertOf('Conn b')).toContain('Retrying automatically in 20 s.');

    await pass(20_000);
    expect(calls('b')).toHaveLength(2); // B retried on time
    expect(calls('a')).toHaveLength(2); // A's new wait (30 s from its Retry) is not over yet
    await pass(10_000);
    expect(calls('a')).toHaveLength(3);
  });

  it("stops retrying by itself when the connection's retry budget is spent; Retry is left, and it starts over", async () => {
    // The background counts: 2 retries left, then 1, then none.
    let left = 3;
    ext.list.mockImplementation(async () => {
      left = Math.max(0, left - 1);
      throw limited(5, left);
    });
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    await pass(60_000);
    expect(calls('a')).toHaveLength(3); // the first request and two automatic retries
    expect(alerts(root)[0]).not.toContain('Retrying');
    await pass(600_000);
    expect(calls('a')).toHaveLength(3);

    left = 3; // a user's Retry gives the connection a fresh budget
    await click(button('Retry', root));
    await pass(0);
    expect(calls('a')[3]).toMatchObject({ force: true });
    expect(alerts(root)[0]).toContain('Retrying automatically in 5 s.');
    await pass(5_000);
    expect(calls('a')).toHaveLength(5);
  });

  it('does not wait out a Retry-After longer than an hour (no timer overflow, no request loop)', async () => {
    ext.list.mockImplementation(async () => {
      throw limited(2 ** 40);
    });
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    await pass(10_000);
    expect(calls('a')).toHaveLength(1);
    expect(alerts(root)[0]).not.toContain('Retrying');
    expect(queryButton('Retry', root)).not.toBeNull();
  });

  it('a rate-limited Load more keeps the rows, asks for that same page after the wait, and never loops', async () => {
    ext.list.mockImplementation(async (p) => (p.cursor ? Promise.reject(limited(10)) : page('a', 1, 3, { nextPageToken: 'p2' })));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    expect(rowKeys()).toHaveLength(3);

    await click(button('Load more', root));
    await pass(0);
    expect(alerts(root)[0]).toContain('Retrying automatically in 10 s.');
    expect(rowKeys()).toHaveLength(3);
    expect(queryButton('Load more', root)).toBeNull(); // the failed page waits for its retry
    await pass(5_000);
    expect(calls('a')).toHaveLength(2);

    ext.list.mockImplementation(async (p) => (p.cursor ? page('a', 4, 2) : page('a', 1, 3, { nextPageToken: 'p2' })));
    await pass(5_000);
    expect(calls('a')).toHaveLength(3);
    expect(calls('a')[2]).toMatchObject({ cursor: { nextPageToken: 'p2' } });
    expect(rowKeys()).toHaveLength(5);
    expect(alerts(root)).toEqual([]);
  });

  it('scrolled to the end, a failed next page is not asked for again on every render', async () => {
    ext.list.mockImplementation(async (p) =>
      p.cursor
        ? Promise.reject(new AppError({ kind: 'server', message: 'Jira is down.', status: 502 }))
        : page('a', 1, 30, { nextPageToken: 'p2' }),
    );
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    const list = root.querySelector<HTMLElement>('[role=listbox]')!;
    await act(() => {
      list.scrollTop = 2_000;
      list.dispatchEvent(new Event('scroll'));
    });
    await pass(1_000);
    expect(alerts(root)[0]).toContain('Jira is down.');
    expect(calls('a').filter((p) => p.cursor)).toHaveLength(1);
  });

  it('a next page that adds nothing (yet names another) stops the loading by itself; Load more still asks', async () => {
    ext.list.mockImplementation(async (p) =>
      p.cursor ? { page: { issues: [], next: { nextPageToken: 'again' }, fetchedAt: 1 } } : page('a', 1, 30, { nextPageToken: 'p2' }),
    );
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    const list = root.querySelector<HTMLElement>('[role=listbox]')!;
    for (let i = 0; i < 5; i++) {
      await act(() => {
        list.scrollTop = 1_000 + i;
        list.dispatchEvent(new Event('scroll'));
      });
      await pass(500);
    }
    expect(calls('a').filter((p) => p.cursor)).toHaveLength(1);
    expect(root.querySelector('.list-end')?.textContent).toContain('Jira’s last page had no new issues.');
    await click(button('Load more', root));
    await pass(1_000);
    expect(calls('a').filter((p) => p.cursor)).toHaveLength(2);
  });

  it('the same page answered twice stops by itself too', async () => {
    ext.list.mockImplementation(async () => page('a', 1, 30, { startAt: 30 }));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    const list = root.querySelector<HTMLElement>('[role=listbox]')!;
    for (let i = 0; i < 5; i++) {
      await act(() => {
        list.scrollTop = 1_000 + i;
        list.dispatchEvent(new Event('scroll'));
      });
      await pass(500);
    }
    expect(calls('a')).toHaveLength(2);
  });

  it('an expired cursor comes back as the first page: it replaces the rows, and the end is said plainly', async () => {
    ext.list.mockImplementation(async (p) =>
      p.cursor ? { ...page('a', 1, 3), restarted: true } : page('a', 1, 3, { nextPageToken: 'p2' }),
    );
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    await click(button('Load more', root));
    await pass(0);
    expect(rowKeys()).toHaveLength(3);
    expect(alerts(root)).toEqual([]);
    expect(root.querySelector('.list-end')?.textContent).toBe('End of the list: 3 issues.');
  });

  it('Retry after a failed Load more asks for the next page, not the first', async () => {
    ext.list.mockImplementation(async (p) =>
      p.cursor ? Promise.reject(new AppError({ kind: 'network', message: 'Jira did not answer.' })) : page('a', 1, 3, { startAt: 3 }),
    );
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    await click(button('Load more', root));
    await pass(0);
    expect(alerts(root)[0]).toContain('Jira did not answer.');
    await click(button('Retry', root));
    await pass(0);
    expect(calls('a').map((p) => p.cursor ?? null)).toEqual([null, { startAt: 3 }, { startAt: 3 }]);
    expect(rowKeys()).toHaveLength(3);
  });
});

describe('popup keyboard', () => {
  const key = (el: Element, k: string) =>
    act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
  const listbox = () => root.querySelector('[role=listbox]')!;
  const searchbox = () => root.querySelector<HTMLInputElement>('input[type=search]')!;

  it('Up from the first row goes back to Search', async () => {
    ext.list.mockImplementation(async () => page('a', 1, 3));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    act(() => (listbox() as HTMLElement).focus());
    const selected = () => root.querySelector('[role=option][aria-selected=true]')?.textContent ?? '';
    expect(selected()).toContain('A-1');
    key(listbox(), 'ArrowDown');
    expect(selected()).toContain('A-2');
    key(listbox(), 'ArrowUp');
    expect(document.activeElement).toBe(listbox());
    expect(selected()).toContain('A-1');
    key(listbox(), 'ArrowUp');
    expect(document.activeElement).toBe(searchbox());
  });

  it('Esc in the list clears a search; with none it is left to the browser (which closes the popup)', async () => {
    ext.list.mockImplementation(async () => page('a', 1, 3));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    act(() => (listbox() as HTMLElement).focus());
    const pressEscape = () => {
      let handled = false;
      act(() => {
        handled = !listbox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      });
      return handled;
    };
    expect(pressEscape()).toBe(false);

    act(() => {
      searchbox().value = 'login';
      searchbox().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await pass(400);
    expect(calls('a').some((p) => p.list.kind === 'text')).toBe(true);
    act(() => (listbox() as HTMLElement).focus());
    expect(pressEscape()).toBe(true);
    expect(searchbox().value).toBe('');
    expect(document.activeElement).toBe(searchbox());
  });
});

describe('popup merged list', () => {
  const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00Z`;
  const dated = (c: string, n: number, d: number): IssueRow => ({ ...row(c, n), updated: at(d) });

  it("a connection that fails keeps its cached rows and does not hide the other connection's older rows", async () => {
    // a: cached first page (days 30, 20) with more pages; its refresh fails (Jira down).
    const cachedA = {
      page: { issues: [dated('a', 1, 30), dated('a', 2, 20)], fetchedAt: 1, next: { nextPageToken: 't2' } },
      cachedAt: 1,
      jql: 'x',
    };
    ext.list.mockImplementation(async (p) => {
      if (p.connectionId === 'a') throw new AppError({ kind: 'network', message: 'Jira cannot be reached.' });
      return { page: { issues: [dated('b', 1, 25), dated('b', 2, 5), dated('b', 3, 1)], fetchedAt: Date.now() } };
    });
    await open({ ...boot({ kind: 'all' }), cache: { a: cachedA as never } });
    await pass(0);
    expect(rowKeys().map((t) => /^[AB]-\d/.exec(t ?? '')?.[0])).toEqual(['A-1', 'B-1', 'A-2', 'B-2', 'B-3']);
  });

  it('a healthy connection with more pages holds back older rows of the others until its next page comes', async () => {
    ext.list.mockImplementation(async (p) => {
      if (p.connectionId === 'a') {
        return p.cursor
          ? { page: { issues: [dated('a', 3, 10), dated('a', 4, 2)], fetchedAt: Date.now() } }
          : { page: { issues: [dated('a', 1, 30), dated('a', 2, 20)], fetchedAt: Date.now(), next: { nextPageToken: 't2' } } };
      }
      return { page: { issues: [dated('b', 1, 25), dated('b', 2, 5)], fetchedAt: Date.now() } };
    });
    await open(boot({ kind: 'all' }));
    await pass(0);
    const keys = () => rowKeys().map((t) => /^[AB]-\d/.exec(t ?? '')?.[0]);
    expect(keys()).toEqual(['A-1', 'B-1', 'A-2']);
    await click(button('Load more', root));
    await pass(0);
    expect(keys()).toEqual(['A-1', 'B-1', 'A-2', 'A-3', 'B-2', 'A-4']);
  });
});

describe('popup status line', () => {
  const searchbox = () => root.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = () => root.querySelector('[role=status]')?.textContent ?? '';
  async function type(text: string) {
    act(() => {
      searchbox().value = text;
      searchbox().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await pass(400);
    await pass(0);
  }

  it('says how many results a search found and for what, and what Enter does with a key', async () => {
    ext.list.mockImplementation(async (p) => (p.list.kind === 'text' ? page('a', 1, 3) : page('a', 1, 5)));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    await type('login');
    expect(status()).toBe('3 results for “login”');
    await type('a-3');
    expect(status()).toBe('3 results for “a-3” · Enter opens A-3');
    // The issue with that key first.
    expect(rowKeys()[0]).toMatch(/^A-3 Issue/);
  });

  it('"/" reaches Search from the JQL checkbox and the menus too', async () => {
    ext.list.mockImplementation(async () => page('a', 1, 3));
    await open(boot({ kind: 'connection', connectionId: 'a' }));
    const jql = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    act(() => jql.focus());
    act(() => void jql.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true })));
    expect(document.activeElement).toBe(searchbox());
  });
});
