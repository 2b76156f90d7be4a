import { describe, expect, it, vi } from 'vitest';
import type { PageCursor } from '../../shared/issues';
import { ASSIGNED_OPEN_JQL } from '../../shared/jql';
import { issueCacheItem } from '../../shared/storage-items';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import { page } from '../../../tests/unit/fixtures';
import { isCachedList } from '../../shared/lists';
import { listPage } from './list-cache';

const assigned = { kind: 'assigned' } as const;
const ITEM = issueCacheItem('c1', assigned);
const KEY = ITEM.key;
const cached = (area: MemoryStorageArea) => ITEM.read(area.data.get(KEY));

function setup(initial: Record<string, unknown> = {}) {
  const area = new MemoryStorageArea(initial);
  const store = new Store(area);
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  const fetchPage = vi.fn(async (_jql: string, cursor?: PageCursor) => page('c1', cursor ? ['ACME-51'] : ['ACME-1', 'ACME-2'], t));
  return { area, store, clock, fetchPage };
}

const req = (over = {}) => ({ connectionId: 'c1', list: assigned, jql: ASSIGNED_OPEN_JQL, ...over });

describe('listPage', () => {
  it('fetches and writes through when nothing is cached', async () => {
    const { store, clock, fetchPage, area } = setup();
    const got = await listPage(store, req(), fetchPage, { now: clock.now });
    expect(got.fromCache).toBe(false);
    expect(got.page.issues.map((i) => i.key)).toEqual(['ACME-1', 'ACME-2']);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    const entry = cached(area);
    expect(entry).toMatchObject({ cachedAt: clock.now(), jql: ASSIGNED_OPEN_JQL });
    expect(entry?.page.issues).toHaveLength(2);
  });

  it('answers from a fresh cache without fetching (two openings within the window: one search)', async () => {
    const { store, clock, fetchPage } = setup();
    await listPage(store, req(), fetchPage, { now: clock.now });
    clock.advance(59_000);
    const again = await listPage(store, req(), fetchPage, { now: clock.now });
    expect(again.fromCache).toBe(true);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('fetches again when the entry is stale', async () => {
    const { store, clock, fetchPage } = setup();
    await listPage(store, req(), fetchPage, { now: clock.now });
    clock.advance(60_000);
    expect((await listPage(store, req(), fetchPage, { now: clock.now })).fromCache).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('fetches when forced, even when fresh', async () => {
    const { store, clock, fetchPage } = setup();
    await listPage(store, req(), fetchPage, { now: clock.now });
    expect((await listPage(store, req({ force: true }), fetchPage, { now: clock.now })).fromCache).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('treats an entry for other JQL (an edited saved query) as stale', async () => {
    const list = { kind: 'saved', queryId: 'q', name: 'Q', jql: 'project = B' } as const;
    const { store, clock, fetchPage } = setup({
      [issueCacheItem('c1', list).key]: { page: page('c1', ['OLD-1']), cachedAt: 1_000_000, jql: 'project = A' },
    });
    const got = await listPage(store, { connectionId: 'c1', list, jql: 'project = B' }, fetchPage, { now: clock.now });
    expect(got.fromCache).toBe(false);
  });

  it('shares one request between concurrent duplicates', async () => {
    const { store, clock, fetchPage } = setup();
    const [a, b] = await Promise.all([
      listPage(store, req(), fetchPage, { now: clock.now }),
      listPage(store, req(), fetchPage, { now: clock.now }),
    ]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(a.page).toEqual(b.page);
  });

  it('keeps the old entry when Jira fails (the popup still paints it)', async () => {
    const { store, clock, area } = setup({ [KEY]: { page: page('c1', ['OLD-1']), cachedAt: 0, jql: ASSIGNED_OPEN_JQL } });
    const failing = vi.fn(async () => {
      throw new Error('offline');
    });
    await expect(listPage(store, req(), failing, { now: clock.now })).rejects.toThrow('offline');
    expect(cached(area)?.page.issues[0]?.key).toBe('OLD-1');
    // and a later request is not stuck behind the failed one
    await expect(listPage(store, req(), failing, { now: clock.now })).rejects.toThrow();
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('fetches later pages by cursor without touching the cache', async () => {
    const { store, clock, fetchPage, area } = setup();
    await listPage(store, req(), fetchPage, { now: clock.now });
    const before = structuredClone(area.data.get(KEY));
    const next = await listPage(store, req({ cursor: { nextPageToken: 'tok' } }), fetchPage, { now: clock.now });
    expect(fetchPage).toHaveBeenLastCalledWith(ASSIGNED_OPEN_JQL, { nextPageToken: 'tok' });
    expect(next.page.issues[0]!.key).toBe('ACME-51');
    expect(area.data.get(KEY)).toEqual(before);
  });

  it('does not cache typed searches', async () => {
    const { store, clock, fetchPage, area } = setup();
    await listPage(store, { connectionId: 'c1', list: { kind: 'text', text: 'bug' }, jql: 'text ~ "bug"' }, fetchPage, { now: clock.now });
    await listPage(store, { connectionId: 'c1', list: { kind: 'text', text: 'bug' }, jql: 'text ~ "bug"' }, fetchPage, { now: clock.now });
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect([...area.data.keys()]).toEqual([]);
    expect(isCachedList({ kind: 'jql', jql: 'x' })).toBe(false);
    expect(isCachedList({ kind: 'filter', filterId: '1', name: 'f' })).toBe(true);
  });
});
