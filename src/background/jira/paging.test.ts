import { describe, expect, it, vi } from 'vitest';
import { followCursor, type CursorPage } from './paging';

function pages(...list: CursorPage<string>[]) {
  const fetch = vi.fn(async (_cursor: string | undefined) => list[Math.min(fetch.mock.calls.length - 1, list.length - 1)]!);
  return fetch;
}

describe('followCursor', () => {
  it('follows tokens to the last page', async () => {
    const fetch = pages({ ids: ['1', '2'], next: 'a' }, { ids: ['3'], next: 'b' }, { ids: ['4'], isLast: true, next: 'c' });
    expect(await followCursor(fetch, { maxPages: 10 })).toEqual({ ids: new Set(['1', '2', '3', '4']), stop: 'last' });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([undefined, 'a', 'b']);
  });

  it.each([
    [
      'an empty page with a token',
      [
        { ids: ['1'], next: 'a' },
        { ids: [], next: 'b' },
      ],
      2,
    ],
    [
      'the same page twice',
      [
        { ids: ['1'], next: 'a' },
        { ids: ['1'], next: 'a' },
      ],
      2,
    ],
    [
      'a token that comes back',
      [
        { ids: ['1'], next: 'a' },
        { ids: ['2'], next: 'b' },
        { ids: ['3'], next: 'a' },
      ],
      3,
    ],
  ])('stops at %s', async (_name, list, calls) => {
    const fetch = pages(...list);
    expect((await followCursor(fetch, { maxPages: 1000 })).stop).toBe('no-progress');
    expect(fetch).toHaveBeenCalledTimes(calls);
  });

  it('stops at the page cap and at maxItems', async () => {
    let n = 0;
    const endless = vi.fn(async () => ({ ids: [String(n++)], next: `t${n}` }));
    expect((await followCursor(endless, { maxPages: 5 })).stop).toBe('cap');
    expect(endless).toHaveBeenCalledTimes(5);
    expect((await followCursor(endless, { maxPages: 50, maxItems: 3 })).stop).toBe('items');
  });
});
