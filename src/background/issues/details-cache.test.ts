import { describe, expect, it } from 'vitest';
import { connection } from '../../../tests/unit/fixtures';
import type { IssueDetails } from '../../shared/issue-details';
import { issueDetailsItem, recentIssuesItem } from '../../shared/details-items';
import { MemoryStorageArea } from '../storage/area';
import { Store } from '../storage/store';
import { MAX_CACHED_CHARS, MAX_CACHED_ISSUES, cachedDetails, keepDetails } from './details-cache';

function details(key: string, text = 'x'): IssueDetails {
  return {
    connectionId: 'a',
    key,
    summary: `Summary of ${key}`,
    status: { name: 'Open', category: 'new' },
    labels: [],
    description: { text },
    attachments: [],
    comments: { comments: [], total: 0 },
  };
}

function setup() {
  const area = new MemoryStorageArea({ connections: [connection('a')] });
  return { area, store: new Store(area) };
}

describe('details cache', () => {
  it('keeps an opened issue, and reads it back checked', async () => {
    const { store } = setup();
    await keepDetails(store, 'a', details('A-1'), 5);
    expect(await cachedDetails(store, 'a', 'A-1')).toEqual({ issue: details('A-1'), fetchedAt: 5 });
    expect(await cachedDetails(store, 'a', 'A-2')).toBeUndefined();
  });

  it(`keeps the ${MAX_CACHED_ISSUES} most recently opened issues of a connection`, async () => {
    const { store, area } = setup();
    for (let i = 1; i <= MAX_CACHED_ISSUES + 2; i++) await keepDetails(store, 'a', details(`A-${i}`), i);
    await keepDetails(store, 'a', details('A-3'), 99); // opened again: the most recent
    const recent = (await store.read(recentIssuesItem('a'))).issues.map((e) => e.key);
    expect(recent).toHaveLength(MAX_CACHED_ISSUES);
    expect(recent[0]).toBe('A-3');
    expect(recent).not.toContain('A-1');
    expect(area.data.has(issueDetailsItem('a', 'A-1').key)).toBe(false);
    expect(area.data.has(issueDetailsItem('a', 'A-2').key)).toBe(false);
    expect(area.data.has(issueDetailsItem('a', 'A-4').key)).toBe(true);
    expect(await cachedDetails(store, 'a', 'A-3')).toMatchObject({ fetchedAt: 99 });
  });

  it('stays within its size budget, and never keeps what alone is larger', async () => {
    const { store, area } = setup();
    const big = 'y'.repeat(Math.floor(MAX_CACHED_CHARS / 3));
    for (let i = 1; i <= 4; i++) await keepDetails(store, 'a', details(`A-${i}`, big), i);
    const kept = [...area.data.keys()].filter((k) => k.includes(':issue:'));
    expect(kept.sort()).toEqual([issueDetailsItem('a', 'A-3').key, issueDetailsItem('a', 'A-4').key]);
    await keepDetails(store, 'a', details('A-9', 'z'.repeat(MAX_CACHED_CHARS)), 9);
    expect(await cachedDetails(store, 'a', 'A-9')).toBeUndefined();
  });

  it('writes nothing for a connection deleted meanwhile', async () => {
    const { store, area } = setup();
    await store.deleteConnection('a');
    await keepDetails(store, 'a', details('A-1'), 1);
    expect([...area.data.keys()].filter((k) => k.startsWith('cache:'))).toEqual([]);
  });
});
