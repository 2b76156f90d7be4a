// @vitest-environment happy-dom
// An issue in the popup, with the background's replies scripted: → or a click opens it over the
// list, ← or Esc goes back to the same row; the cached copy paints first and stays, with the
// failure, when Jira cannot be reached; a typed key shows its issue first; the copy actions.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connection } from '../../../tests/unit/fixtures';
import { button, click } from '../../options/test-dom';
import { AppError } from '../../shared/errors';
import type { IssueDetails } from '../../shared/issue-details';
import type { IssueRow } from '../../shared/issues';
import type { Boot } from '../boot';

const ext = vi.hoisted(() => ({
  local: {} as Record<string, unknown>,
  get: vi.fn<(p: { connectionId: string; key: string; force?: boolean }) => Promise<unknown>>(),
  find: vi.fn<(p: { connectionId: string; key: string }) => Promise<unknown>>(),
  write: vi.fn<(name: string, p: Record<string, unknown>) => Promise<unknown>>(),
  copied: [] as string[],
}));
vi.mock('../ext', () => ({
  onLocalChanged: () => () => undefined,
  requestSiteAccess: async () => false,
  readLocal: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in ext.local).map((k) => [k, ext.local[k]])),
  writeLocal: () => undefined,
  openTab: async () => undefined,
  openOptions: async () => undefined,
  fixCredentials: async () => undefined,
  copyText: async (text: string) => {
    ext.copied.push(text);
    return true;
  },
  request: async (name: string, payload: never) => {
    if (name === 'issues.list') return { page: { issues: ROWS, fetchedAt: 1 } };
    if (name === 'filters.favourite') return { filters: [] };
    if (name === 'issue.get') return ext.get(payload);
    if (name === 'issue.find') return ext.find(payload);
    if (name.startsWith('issue.')) return ext.write(name, payload);
    throw new Error(`unexpected request ${name}`);
  },
}));
vi.mock('../rich-text', () => ({
  RichText: ({ body }: { body: { text?: string } | null }) => (body ? <div class="rich">{body.text ?? 'rich'}</div> : null),
}));

const { App } = await import('../app');
// The chunks the popup loads after its first paint, loaded before the tests (no timers needed).
await (await import('./lazy-details')).prefetchDetails();
await (await import('../list/list-body')).LazyErrorView.preload();
await import('./copy-text');

const A = connection('a');
const row = (n: number): IssueRow => ({
  connectionId: 'a',
  key: `A-${n}`,
  summary: `Issue ${n}`,
  status: { name: 'Open', category: 'new' },
});
const ROWS = [row(1), row(2), row(3)];
const details = (key: string, extra: Partial<IssueDetails> = {}): IssueDetails => ({
  ...row(Number(key.split('-')[1])),
  key,
  summary: `Details of ${key}`,
  labels: ['web'],
  description: { text: `About ${key}` },
  attachments: [],
  comments: { comments: [{ id: '1', author: { displayName: 'Cat' }, body: { text: 'First!' } }], total: 1 },
  ...extra,
});
const boot: Boot = {
  connections: [A],
  scope: { kind: 'connection', connectionId: 'a' },
  list: { kind: 'assigned' },
  savedQueries: [],
  lists: {},
  cache: {},
  filters: [],
};

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ now: 5_000_000 });
  root = document.createElement('div');
  document.body.append(root);
  ext.local = {};
  ext.copied = [];
  ext.get.mockReset();
  ext.find.mockReset();
  ext.write.mockReset();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

async function pass(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
const listbox = () => root.querySelector<HTMLElement>('[role=listbox]')!;
const key = (el: Element, k: string) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
const heading = () => root.querySelector('h2')?.textContent ?? '';
const selected = () => root.querySelector('[role=option][aria-selected=true]')?.getAttribute('aria-label') ?? '';
async function openPopup() {
  act(() => render(<App init={boot} />, root));
  await pass(300);
}

describe('issue details in the popup', () => {
  it('→ opens the selected issue over the list (the row at once, then the details); Esc returns to the same row', async () => {
    ext.get.mockImplementation(async ({ key: k }) => ({ issue: details(k), fetchedAt: Date.now() }));
    await openPopup();
    act(() => listbox().focus());
    key(listbox(), 'ArrowDown');
    expect(selected()).toMatch(/^A-2 /);
    key(listbox(), 'ArrowRight');
    expect(heading()).toBe('A-2 Issue 2'); // the row's fields, in the keypress's frame
    expect(document.activeElement).toBe(root.querySelector('h2'));
    expect(root.querySelector('.list-page')?.hasAttribute('inert')).toBe(true);
    await pass(0);
    expect(heading()).toBe('A-2 Details of A-2');
    expect(root.querySelector('.rich')?.textContent).toBe('About A-2');
    expect(root.textContent).toContain('First!');

    key(root.querySelector('.issue-view')!, 'Escape');
    await pass(20);
    expect(root.querySelector('.issue-view')).toBeNull();
    expect(selected()).toMatch(/^A-2 /);
    expect(document.activeElement).toBe(listbox());
  });

  it('a click on a row opens it; Back returns', async () => {
    ext.get.mockImplementation(async ({ key: k }) => ({ issue: details(k), fetchedAt: Date.now() }));
    await openPopup();
    await click(root.querySelectorAll<HTMLElement>('[role=option]')[2]!);
    await pass(0);
    expect(heading()).toBe('A-3 Details of A-3');
    await click(button('Back', root));
    expect(root.querySelector('.issue-view')).toBeNull();
  });

  it('paints the cached copy first; with Jira unreachable it stays, saying when it was fetched, with Retry', async () => {
    const fetchedAt = Date.now() - 2 * 3_600_000;
    ext.local = { 'cache:a:issue:A-1': { issue: details('A-1', { summary: 'Cached summary' }), fetchedAt } };
    ext.get.mockRejectedValue(new AppError({ kind: 'network', message: 'Could not reach Jira.' }));
    await openPopup();
    act(() => listbox().focus());
    key(listbox(), 'ArrowRight');
    await pass(0);
    expect(heading()).toBe('A-1 Cached summary');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Could not reach Jira.');
    expect(root.querySelector('.issue-view .status')?.textContent).toBe('Fetched 2 hours ago');
    ext.get.mockResolvedValue({ issue: details('A-1'), fetchedAt: Date.now() });
    await click(button('Retry', root));
    await pass(0);
    expect(ext.get.mock.calls.at(-1)![0]).toMatchObject({ force: true });
    expect(heading()).toBe('A-1 Details of A-1');
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('copies the key, link, branch name and Markdown, from the view and from the list', async () => {
    ext.get.mockImplementation(async ({ key: k }) => ({ issue: details(k, { summary: 'Fix login redirect' }), fetchedAt: Date.now() }));
    await openPopup();
    act(() => listbox().focus());
    key(listbox(), 'b');
    await pass(0);
    expect(ext.copied).toEqual(['A-1-issue-1']);
    expect(root.querySelector('.status')?.textContent).toBe('Copied A-1-issue-1');
    key(listbox(), 'ArrowRight');
    await pass(0);
    for (const name of ['Copy key', 'Copy link', 'Copy branch name', 'Copy as Markdown']) await click(button(name, root));
    await pass(0);
    expect(ext.copied.slice(1)).toEqual([
      'A-1',
      'https://a.atlassian.net/browse/A-1',
      'A-1-fix-login-redirect',
      '[A-1 Fix login redirect](https://a.atlassian.net/browse/A-1)',
    ]);
  });
});

describe('a typed key', () => {
  const type = async (text: string) => {
    const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
    act(() => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await pass(400);
  };

  it('shows its issue as the first row while typing, upper-cased; a key with no issue adds nothing', async () => {
    ext.find.mockImplementation(async ({ key: k }) => (k === 'ZED-9' ? { row: { ...row(9), key: 'ZED-9', summary: 'Far away' } } : {}));
    await openPopup();
    await type('zed-9');
    expect(ext.find).toHaveBeenCalledWith({ connectionId: 'a', key: 'ZED-9' });
    expect(root.querySelector('[role=option]')?.getAttribute('aria-label')).toMatch(/^ZED-9 Far away/);
    await type('nope-1');
    expect(root.querySelector('[role=option]')?.getAttribute('aria-label')).not.toMatch(/^NOPE-1/);
    expect(root.querySelector('[role=alert]')).toBeNull();
  });
});

describe('changes from the details view', () => {
  const transitions = [
    { id: '21', name: 'Start progress', to: { name: 'In Progress', category: 'indeterminate' }, fields: [] },
    {
      id: '31',
      name: 'Resolve',
      to: { name: 'Done', category: 'done' },
      fields: [
        {
          id: 'resolution',
          name: 'Resolution',
          required: true,
          kind: 'resolution',
          hasDefault: false,
          allowedValues: [{ id: '1', name: 'Fixed' }],
        },
      ],
    },
  ];
  async function openIssue() {
    ext.get.mockImplementation(async ({ key: k }) => ({ issue: details(k), fetchedAt: Date.now() }));
    await openPopup();
    act(() => listbox().focus());
    key(listbox(), 'ArrowRight');
    await pass(0);
  }
  const rowLabel = () => root.querySelector('[role=option]')?.getAttribute('aria-label') ?? '';

  it('a status without a screen: the menu names each target, the change shows at once in the view and the list row', async () => {
    let answer!: (v: unknown) => void;
    ext.write.mockImplementation(async (name) => (name === 'issue.transitions' ? { transitions } : new Promise((r) => (answer = r))));
    await openIssue();
    await click(button('Change status: Open', root));
    await pass(0);
    const items = Array.from(root.querySelectorAll('[role=menuitem]')).map((i) => i.getAttribute('aria-label'));
    expect(items).toEqual(['In Progress (Start progress)', 'Done (Resolve)']);
    await click(root.querySelectorAll<HTMLElement>('[role=menuitem]')[0]!);
    expect(root.querySelector('.issue-view .fields')?.textContent).toContain('In Progress');
    expect(rowLabel()).toContain('In Progress');
    expect(ext.write.mock.calls.at(-1)).toEqual(['issue.transition', { connectionId: 'a', key: 'A-1', transitionId: '21', values: {} }]);
    answer({ issue: details('A-1', { status: { name: 'In Progress', category: 'indeterminate' } }), fetchedAt: Date.now() });
    await pass(0);
    expect(button('Change status: In Progress', root)).toBeTruthy();
  });

  it('a screen that requires a resolution asks for it, then moves; a refusal rolls back with Jira’s reason', async () => {
    ext.write.mockImplementation(async (name) => {
      if (name === 'issue.transitions') return { transitions };
      throw new AppError({ kind: 'bad-request', status: 400, message: 'Resolution is required.', details: ['Resolution is required.'] });
    });
    await openIssue();
    await click(button('Change status: Open', root));
    await pass(0);
    await click(root.querySelectorAll<HTMLElement>('[role=menuitem]')[1]!);
    const select = root.querySelector<HTMLSelectElement>('#tf-resolution')!;
    expect(root.querySelector('label[for=tf-resolution]')?.textContent).toBe('Resolution (required)');
    act(() => {
      select.value = '1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button('Move to Done', root));
    await pass(0);
    expect(ext.write.mock.calls.at(-1)).toEqual([
      'issue.transition',
      { connectionId: 'a', key: 'A-1', transitionId: '31', values: { resolution: '1' } },
    ]);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Resolution is required.');
    expect(root.querySelector('.issue-view .fields')?.textContent).toContain('Open'); // rolled back
    expect(rowLabel()).toContain('Open');
  });

  it('Assign to me shows at once; Jira refusing puts it back', async () => {
    ext.write.mockRejectedValue(new AppError({ kind: 'forbidden', status: 403, message: 'You do not have permission to assign issues.' }));
    await openIssue();
    await click(button('Assign to me', root));
    expect(button('Unassign', root)).toBeTruthy();
    await pass(0);
    expect(button('Assign to me', root)).toBeTruthy();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('You do not have permission to assign issues.');
  });

  it('a comment: Ctrl+Enter sends it, it shows at once; refused, the text stays in the box', async () => {
    ext.write.mockRejectedValueOnce(new AppError({ kind: 'network', message: 'Could not reach Jira.' }));
    await openIssue();
    const box = root.querySelector<HTMLTextAreaElement>('#comment-text')!;
    act(() => {
      box.value = 'Looks good';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true })));
    expect(root.textContent).toContain('Looks good'); // the pending comment
    await pass(0);
    expect(box.value).toBe('Looks good');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Could not reach Jira.');

    ext.write.mockResolvedValueOnce({ issue: details('A-1'), fetchedAt: Date.now(), answerLost: true });
    await click(button('Add comment', root));
    await pass(0);
    expect(box.value).toBe('');
    expect(root.querySelector('.issue-view .status')?.textContent).toMatch(/answer to the change was lost/);
  });
});
