import { describe, expect, it } from 'vitest';
import { moveItem, parseInterval } from './settings-model';

describe('moveItem', () => {
  it('moves up and down, clamped, without touching the input', () => {
    const items = ['a', 'b', 'c'];
    expect(moveItem(items, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(items, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(items, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});

describe('parseInterval', () => {
  it.each([
    ['1', 1],
    ['120', 120],
    [' 15 ', 15],
    ['0', undefined],
    ['121', undefined],
    ['2.5', undefined],
    ['', undefined],
    ['-3', undefined],
  ])('%s', (input, expected) => {
    expect(parseInterval(input)).toBe(expected);
  });
});
