import { describe, expect, it } from 'vitest';
import { expiryPhrase, formatWait, relativeTime } from './time';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('relativeTime', () => {
  it.each([
    [ago(10_000), 'now', 'now'],
    [ago(-5_000), 'now', 'now'],
    [ago(60_000), '1m ago', '1 minute ago'],
    [ago(3 * 60_000), '3m ago', '3 minutes ago'],
    [ago(59 * 60_000), '59m ago', '59 minutes ago'],
    [ago(3 * 3_600_000 + 120_000), '3h ago', '3 hours ago'],
    [ago(26 * 3_600_000), 'yesterday', 'yesterday'],
    [ago(6 * 86_400_000), '6d ago', '6 days ago'],
    [ago(15 * 86_400_000), '2w ago', '2 weeks ago'],
  ])('%s -> %s, in a sentence %s', (when, narrow, long) => {
    expect(relativeTime(when, NOW)).toBe(narrow);
    expect(relativeTime(when, NOW, 'long')).toBe(long);
  });
  it('shows a date for old times, with the year when it differs', () => {
    expect(relativeTime(new Date(2026, 2, 4, 12).getTime(), NOW)).toBe('Mar 4');
    expect(relativeTime(new Date(2024, 2, 4, 12).getTime(), NOW)).toBe('Mar 4, 2024');
  });
  it('is empty for missing or bad input', () => {
    expect(relativeTime(undefined, NOW)).toBe('');
    expect(relativeTime('not a date', NOW)).toBe('');
  });
});

describe('expiryPhrase', () => {
  it.each([
    [10, 'expires in 10 days'],
    [1, 'expires tomorrow'],
    [0, 'expires today'],
    [-1, 'expired yesterday'],
    [-3, 'expired 3 days ago'],
  ])('%i days -> %s', (days, text) => {
    expect(expiryPhrase(days)).toBe(text);
  });
});

describe('formatWait', () => {
  it('counts seconds, then minutes and seconds', () => {
    expect(formatWait(59)).toBe('59 s');
    expect(formatWait(60)).toBe('1 min 00 s');
    expect(formatWait(245)).toBe('4 min 05 s');
    expect(formatWait(599)).toBe('9 min 59 s');
  });
  it('says long waits to the minute, then the hour', () => {
    expect(formatWait(600)).toBe('about 10 min');
    expect(formatWait(3599)).toBe('about 60 min');
    expect(formatWait(5400)).toBe('about 2 h');
  });
});
