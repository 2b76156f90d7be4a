import { describe, expect, it } from 'vitest';
import { connection } from '../../../tests/unit/fixtures';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { settingsItem } from '../../shared/storage-items';
import { MemoryStorageArea } from './area';
import { pendingCaptureItem } from './items';
import { Store } from './store';

describe('Store', () => {
  it('keeps secrets apart from connections', async () => {
    const area = new MemoryStorageArea();
    const store = new Store(area);
    await store.putConnection(connection('a'), 'secret-a');
    expect(JSON.stringify(area.data.get('connections'))).not.toContain('secret-a');
    expect(await store.secret('a')).toBe('secret-a');
    expect(await store.secret('__proto__')).toBeUndefined();
  });

  it('makes the first connection the default and keeps order on replace', async () => {
    const store = new Store(new MemoryStorageArea());
    await store.putConnection(connection('a'), 's');
    await store.putConnection(connection('b'), 's');
    await store.putConnection(connection('a', { name: 'Renamed' }));
    expect((await store.connections()).map((c) => c.name)).toEqual(['Renamed', 'Conn b']);
    expect(await store.defaultConnectionId()).toBe('a');
    expect(await store.secret('a')).toBe('s');
  });

  it('deletes secret, caches and reminder marks with the connection, and moves the default', async () => {
    const area = new MemoryStorageArea();
    const store = new Store(area);
    await store.putConnection(connection('a'), 'sa');
    await store.putConnection(connection('b'), 'sb');
    await store.markExpiryNotified('a', '2026-12-01');
    await area.set({ 'cache:a:assigned': { issues: [] }, 'cache:b:assigned': { issues: [] }, 'cache:ab:assigned': {} });
    await store.deleteConnection('a');
    expect((await store.connections()).map((c) => c.id)).toEqual(['b']);
    expect(await store.secret('a')).toBeUndefined();
    expect(await store.defaultConnectionId()).toBe('b');
    expect(area.data.has('cache:a:assigned')).toBe(false);
    expect(area.data.has('cache:b:assigned')).toBe(true);
    expect(area.data.has('cache:ab:assigned')).toBe(true);
    expect(await store.expiryNotified()).toEqual({});
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = new Store(new MemoryStorageArea());
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.putConnection(connection(id), `s-${id}`)));
    expect((await store.connections()).map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const id of ['a', 'b', 'c', 'd']) expect(await store.secret(id)).toBe(`s-${id}`);
  });

  it('survives a fresh Store over the same area (worker restart)', async () => {
    const area = new MemoryStorageArea();
    await new Store(area).putConnection(connection('a'), 's');
    expect((await new Store(area).connections())[0]?.id).toBe('a');
  });

  it('reads what is stored through its item: malformed values read as the fallback, never as cast data', async () => {
    const store = new Store(
      new MemoryStorageArea({
        connections: [connection('a'), { id: 'broken' }],
        secrets: { a: 's', b: 42 },
        defaultConnectionId: 7,
        settings: { badgeEnabled: 'yes', badgeIntervalMinutes: 15 },
      }),
    );
    expect((await store.connections()).map((c) => c.id)).toEqual(['a']);
    expect(await store.secret('b')).toBeUndefined();
    expect(await store.defaultConnectionId()).toBe('a');
    expect(await store.settings()).toEqual({ ...DEFAULT_SETTINGS, badgeIntervalMinutes: 15 });
  });

  it('updates an item from a fresh read, one change at a time', async () => {
    const store = new Store(new MemoryStorageArea());
    await Promise.all(
      [1, 2, 3].map((n) =>
        store.update(settingsItem, (s) => ({ ...s, savedQueries: [...s.savedQueries, { id: `q${n}`, name: 'Q', jql: 'x' }] })),
      ),
    );
    expect((await store.read(settingsItem)).savedQueries.map((q) => q.id).sort()).toEqual(['q1', 'q2', 'q3']);
  });

  it('holds storage.local items only', async () => {
    await expect(new Store(new MemoryStorageArea()).read(pendingCaptureItem)).rejects.toThrow(/storage\.local/);
  });
});
