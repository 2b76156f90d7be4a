import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { MemoryStorageArea } from './area';
import { runMigrations } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

describe('runMigrations', () => {
  it('initialises an empty install to the current schema', async () => {
    const area = new MemoryStorageArea();
    expect(await runMigrations(area)).toEqual({ from: 0, to: SCHEMA_VERSION, newerThanKnown: false });
    expect(Object.fromEntries(area.data)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      connections: [],
      secrets: {},
      defaultConnectionId: null,
      settings: DEFAULT_SETTINGS,
      expiryNotified: {},
    });
  });

  it('keeps existing data and fills missing settings with defaults (0 -> 1)', async () => {
    const area = new MemoryStorageArea({
      connections: [{ id: 'a' }],
      secrets: { a: 's' },
      settings: { badgeEnabled: false },
      'cache:a:assigned': { issues: [] },
    });
    await runMigrations(area);
    expect(area.data.get('connections')).toEqual([{ id: 'a' }]);
    expect(area.data.get('secrets')).toEqual({ a: 's' });
    expect(area.data.get('settings')).toEqual({ ...DEFAULT_SETTINGS, badgeEnabled: false });
    expect(area.data.get('cache:a:assigned')).toEqual({ issues: [] });
  });

  it('repairs malformed entries instead of crashing', async () => {
    const area = new MemoryStorageArea({ connections: 'oops', secrets: [1], settings: null, defaultConnectionId: 5 });
    await runMigrations(area);
    expect(area.data.get('connections')).toEqual([]);
    expect(area.data.get('secrets')).toEqual({});
    expect(area.data.get('defaultConnectionId')).toBeNull();
  });

  it('is a no-op at the current version', async () => {
    const area = new MemoryStorageArea({ schemaVersion: SCHEMA_VERSION, connections: [{ id: 'x' }] });
    await runMigrations(area);
    expect(Object.fromEntries(area.data)).toEqual({ schemaVersion: SCHEMA_VERSION, connections: [{ id: 'x' }] });
  });

  it('leaves a newer schema untouched (downgrade)', async () => {
    const area = new MemoryStorageArea({ schemaVersion: SCHEMA_VERSION + 5, connections: 'future format' });
    expect(await runMigrations(area)).toEqual({ from: SCHEMA_VERSION + 5, to: SCHEMA_VERSION + 5, newerThanKnown: true });
    expect(area.data.get('connections')).toBe('future format');
  });

  it('applies only the steps after the stored version, in order, and records the last', async () => {
    const seen: number[] = [];
    const steps: Migration[] = [
      ...MIGRATIONS,
      {
        to: 2,
        describe: 'rename',
        migrate: (e) => {
          seen.push(2);
          return { settings: { ...(e.settings as object), renamed: true } };
        },
      },
      {
        to: 3,
        describe: 'flag',
        migrate: (e) => {
          seen.push(3);
          return { settings: { ...(e.settings as object), three: true } };
        },
      },
    ];
    const area = new MemoryStorageArea({ schemaVersion: 2, settings: { a: 1 } });
    await runMigrations(area, steps);
    expect(seen).toEqual([3]);
    expect(area.data.get('schemaVersion')).toBe(3);
    expect(area.data.get('settings')).toEqual({ a: 1, three: true });
  });

  it('writes the version only after the data: an interrupted run is redone', async () => {
    const area = new MemoryStorageArea();
    let sets = 0;
    const failing = {
      get: area.get.bind(area),
      remove: area.remove.bind(area),
      async set(items: Record<string, unknown>) {
        sets += 1;
        if (sets === 2) throw new Error('worker stopped');
        await area.set(items);
      },
    };
    await expect(runMigrations(failing)).rejects.toThrow('worker stopped');
    expect(area.data.has('schemaVersion')).toBe(false);
    await runMigrations(area);
    expect(area.data.get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('each step is pure: same input, same output, input untouched', () => {
    for (const step of MIGRATIONS) {
      const input = { connections: [{ id: 'a' }], settings: { badgeEnabled: false } };
      const copy = structuredClone(input);
      expect(step.migrate(input)).toEqual(step.migrate(copy));
      expect(input).toEqual(copy);
    }
  });
});
