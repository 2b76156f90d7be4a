// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { IssueRow } from '../shared/issues';
import { POPUP_SNAPSHOT_KEY } from '../shared/storage-keys';
import { connection } from '../../tests/unit/fixtures';
import type { Boot } from './boot';
import { SNAPSHOT_VERSION, SNAP_ROWS, readSnapshot, sameView, slimBoot, writeSnapshot } from './snapshot';

const row = (i: number): IssueRow => ({
  connectionId: 'a',
  key: `WEB-${i}`,
  summary: `Issue ${i}`,
  status: { name: 'To Do', category: 'new' },
});

function boot(rows: number, over: Partial<Boot> = {}): Boot {
  return {
    connections: [connection('a', { user: { displayName: 'Ada', emailAddress: 'ada@acme.test', accountId: 'acc' } })],
    scope: { kind: 'connection', connectionId: 'a' },
    list: { kind: 'assigned' },
    savedQueries: [],
    lists: {},
    cache: {
      a: {
        page: { issues: Array.from({ length: rows }, (_, i) => row(i + 1)), fetchedAt: 5 },
        cachedAt: 5,
        jql: 'assignee = currentUser()',
      },
    },
    filters: [],
    ...over,
  };
}

describe('popup snapshot', () => {
  beforeEach(() => localStorage.clear());

  it('keeps only the first screen: a few connection fields and the first rows', () => {
    const slim = slimBoot(boot(50));
    expect(slim.cache.a?.page.issues).toHaveLength(SNAP_ROWS);
    expect(slim.cache.a?.page.next).toBeDefined(); // "Load more" is in the first frame
    expect(slim.connections[0]).not.toHaveProperty('user');
    expect(slim.connections[0]).not.toHaveProperty('username');
  });

  it('round-trips through localStorage, and writes nothing when unchanged', () => {
    const first = writeSnapshot(boot(3));
    expect(readSnapshot()).toEqual(slimBoot(boot(3)));
    localStorage.setItem(POPUP_SNAPSHOT_KEY, 'tampered');
    writeSnapshot(boot(3), first);
    expect(localStorage.getItem(POPUP_SNAPSHOT_KEY)).toBe('tampered');
  });

  it('is dropped when no connection is left', () => {
    writeSnapshot(boot(3));
    writeSnapshot(boot(0, { connections: [] }));
    expect(localStorage.getItem(POPUP_SNAPSHOT_KEY)).toBeNull();
  });

  it.each([
    'not json',
    '[]',
    '{}',
    JSON.stringify({ v: SNAPSHOT_VERSION, view: { ...slimBoot(boot(1)), connections: [] } }),
    JSON.stringify({ v: SNAPSHOT_VERSION, view: { ...slimBoot(boot(1)), cache: null } }),
  ])('ignores a malformed snapshot (%s)', (raw) => {
    localStorage.setItem(POPUP_SNAPSHOT_KEY, raw);
    expect(readSnapshot()).toBeUndefined();
  });

  it("ignores another version's snapshot (its rows may lack fields this version reads)", () => {
    writeSnapshot(boot(3));
    const stored = JSON.parse(localStorage.getItem(POPUP_SNAPSHOT_KEY)!) as { v: number; view: unknown };
    expect(stored.v).toBe(SNAPSHOT_VERSION);
    localStorage.setItem(POPUP_SNAPSHOT_KEY, JSON.stringify({ ...stored, v: SNAPSHOT_VERSION + 1 }));
    expect(readSnapshot()).toBeUndefined();
    localStorage.setItem(POPUP_SNAPSHOT_KEY, JSON.stringify(stored.view)); // the unversioned form of 0.1.0
    expect(readSnapshot()).toBeUndefined();
  });

  it('tells an identical view from a changed one', () => {
    writeSnapshot(boot(3));
    const snap = readSnapshot()!;
    expect(sameView(snap, boot(3))).toBe(true);
    expect(sameView(snap, boot(4))).toBe(false);
    expect(sameView(snap, boot(3, { list: { kind: 'watching' } }))).toBe(false);
  });
});
