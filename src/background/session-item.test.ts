import { describe, expect, it } from 'vitest';
import { isNumber, isString } from '../shared/guards';
import { SessionItem, SessionMap, expiringItem, expiringItems } from './session-item';
import { MemoryStorageArea } from './storage/area';

describe('SessionItem', () => {
  it('expires, and take() reads once', async () => {
    const area = new MemoryStorageArea();
    const clock = { t: 0 };
    const item = new SessionItem(
      () => area,
      expiringItem('k', 1000, isString),
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

  it.each([
    ['a value of the wrong type', { value: 5, expiresAt: 10_000 }],
    ['no expiry', { value: 'v' }],
    ['not a stamped value', 'v'],
  ])('reads %s as nothing, and removes it', async (_what, stored) => {
    const area = new MemoryStorageArea({ k: stored, other: 1 });
    const item = new SessionItem(
      () => area,
      expiringItem('k', 1000, isString),
      () => 0,
    );
    expect(await item.get()).toBeUndefined();
    expect([...area.data.keys()]).toEqual(['other']);
  });
});

describe('SessionMap', () => {
  it('keeps concurrent writes apart', async () => {
    const area = new MemoryStorageArea();
    const map = new SessionMap(
      () => area,
      expiringItems('d', 1000, isNumber),
      () => 0,
    );
    await Promise.all([map.set('a', 1), map.set('b', 2), map.set('c', 3)]);
    expect([await map.get('a'), await map.get('b'), await map.get('c')]).toEqual([1, 2, 3]);
    await Promise.all([map.delete('a'), map.set('d', 4)]);
    expect(await map.get('a')).toBeUndefined();
    expect(await map.get('d')).toBe(4);
  });

  it('purges expired and malformed entries when a new one is written', async () => {
    const area = new MemoryStorageArea({ other: 1, 'd:broken': { value: 7, expiresAt: 10_000 } });
    const clock = { t: 0 };
    const map = new SessionMap(
      () => area,
      expiringItems('d', 1000, isString),
      () => clock.t,
    );
    await map.set('old', 'secret');
    clock.t = 2000;
    await map.set('new', 'x');
    expect([...area.data.keys()].sort()).toEqual(['d:new', 'other']);
  });

  it('does not confuse ids with object keys', async () => {
    const map = new SessionMap(
      () => new MemoryStorageArea(),
      expiringItems('d', 1000, isString),
      () => 0,
    );
    expect(await map.get('__proto__')).toBeUndefined();
    expect(await map.get('constructor')).toBeUndefined();
  });
});
