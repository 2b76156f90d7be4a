import { describe, expect, it } from 'vitest';
import { SessionItem, SessionMap } from './session-item';
import { MemoryStorageArea } from './storage/area';

describe('SessionItem', () => {
  it('expires, and take() reads once', async () => {
    const area = new MemoryStorageArea();
    const clock = { t: 0 };
    const item = new SessionItem<string>(
      () => area,
      'k',
      1000,
      () => clock.t,
    );
    await item.set('v');
    expect(await item.take()).toBe('v');
    expect(await item.get()).toBeUndefined();
    await item.set('w');
    clock.t = 1000;
    expect(await item.get()).toBeUndefined();
    expect(area.data.size).toBe(0);
  });
});

describe('SessionMap', () => {
  it('keeps concurrent writes apart', async () => {
    const area = new MemoryStorageArea();
    const map = new SessionMap<number>(
      () => area,
      'd',
      1000,
      () => 0,
    );
    await Promise.all([map.set('a', 1), map.set('b', 2), map.set('c', 3)]);
    expect([await map.get('a'), await map.get('b'), await map.get('c')]).toEqual([1, 2, 3]);
    await Promise.all([map.delete('a'), map.set('d', 4)]);
    expect(await map.get('a')).toBeUndefined();
    expect(await map.get('d')).toBe(4);
  });

  it('purges expired entries when a new one is written', async () => {
    const area = new MemoryStorageArea({ other: 1 });
    const clock = { t: 0 };
    const map = new SessionMap<string>(
      () => area,
      'd',
      1000,
      () => clock.t,
    );
    await map.set('old', 'secret');
    clock.t = 2000;
    await map.set('new', 'x');
    expect([...area.data.keys()].sort()).toEqual(['d:new', 'other']);
  });

  it('does not confuse ids with object keys', async () => {
    const map = new SessionMap<string>(
      () => new MemoryStorageArea(),
      'd',
      1000,
      () => 0,
    );
    expect(await map.get('__proto__')).toBeUndefined();
    expect(await map.get('constructor')).toBeUndefined();
  });
});
