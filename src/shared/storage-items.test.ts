import { describe, expect, it } from 'vitest';
import { connection } from '../../tests/unit/fixtures';
import { DEFAULT_SETTINGS } from './protocol/issues';
import { connectionsItem, iconsCacheItem, issueCacheItem, popupStateItem, settingsItem } from './storage-items';

const row = { connectionId: 'a', key: 'A-1', summary: 'One', status: { name: 'Open', category: 'new' } };

describe('storage items: a read is checked, never cast', () => {
  it.each([
    ['missing', undefined],
    ['not an array', { 0: 'x' }],
    ['a string', 'connections'],
  ])('connections %s -> []', (_name, raw) => {
    expect(connectionsItem.read(raw)).toEqual([]);
  });

  it('a malformed connection is left out, the others stay', () => {
    const good = connection('a');
    expect(connectionsItem.read([good, { id: 'b' }, null])).toEqual([good]);
  });

  it('settings take a default for each malformed field', () => {
    expect(settingsItem.read(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      settingsItem.read({ badgeEnabled: 'yes', badgeIntervalMinutes: 500, savedQueries: [{ id: 'q', name: 'Q', jql: 'x' }, { id: 1 }] }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      savedQueries: [{ id: 'q', name: 'Q', jql: 'x' }],
    });
  });

  it('a cached list keeps its well-formed rows and cursor', () => {
    const item = issueCacheItem('a', { kind: 'assigned' });
    expect(item.key).toBe('cache:a:assigned');
    expect(item.read({ page: { issues: [row, { key: 1 }], fetchedAt: 5, next: { nextPageToken: 't' } }, cachedAt: 6, jql: 'j' })).toEqual({
      page: { issues: [row], fetchedAt: 5, next: { nextPageToken: 't' } },
      cachedAt: 6,
      jql: 'j',
    });
    expect(item.read({ page: 'x', cachedAt: 6, jql: 'j' })).toBeUndefined();
  });

  it('popup state drops lists of unknown kinds', () => {
    expect(popupStateItem.read({ scope: { kind: 'all' }, lists: { a: { kind: 'watching' }, b: { kind: 'nope' } } })).toEqual({
      scope: { kind: 'all' },
      lists: { a: { kind: 'watching' } },
    });
    expect(popupStateItem.read({ scope: { kind: 'connection' } })).toBeUndefined();
  });

  it('icons of another version read as none', () => {
    expect(iconsCacheItem('a').read({ v: 2, icons: {} })).toEqual({ v: 1, icons: {} });
  });
});
