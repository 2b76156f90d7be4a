import { describe, expect, it } from 'vitest';
import { statusLine, type StatusInput } from './status-line';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const base: StatusInput = {
  loading: false,
  search: null,
  answered: true,
  count: 3,
  more: false,
  errors: 0,
  oldest: NOW - 5 * 60_000,
  now: NOW,
  typedKey: undefined,
};
const text = (s: ReturnType<typeof statusLine>) => s.filter(Boolean).join('');

describe('statusLine', () => {
  it.each([
    ['a list', {}, 'Updated 5 minutes ago'],
    ['a list refreshing', { loading: true }, 'Updating… (updated 5 minutes ago)'],
    ['a first load', { loading: true, oldest: undefined }, 'Loading…'],
    // The background answers rows this young from its cache: no "Updating…" flash.
    ['a list inside the refresh window', { loading: true, oldest: NOW - 20_000, loadingCachedAt: NOW - 20_000 }, 'Updated now'],
    [
      'a list at the end of the refresh window',
      { loading: true, oldest: NOW - 60_000, loadingCachedAt: NOW - 60_000 },
      'Updating… (updated 1 minute ago)',
    ],
    // One connection fresh, another with nothing cached (or the user's Retry): Jira is asked.
    [
      'a fresh list with another on its way to Jira',
      { loading: true, oldest: NOW - 20_000, loadingCachedAt: 0 },
      'Updating… (updated now)',
    ],
    ['a clock set back', { loading: true, oldest: NOW + 60_000, loadingCachedAt: NOW + 60_000 }, 'Updating… (updated now)'],
    ['a search on its way', { search: { list: { kind: 'text', text: 'login' }, n: 0 }, answered: false }, 'Searching…'],
    ['a search found', { search: { list: { kind: 'text', text: 'login' }, n: 0 } }, '3 results for “login”'],
    ['a search with more to come', { search: { list: { kind: 'text', text: 'x' }, n: 0 }, count: 50, more: true }, '50+ results for “x”'],
    ['one result', { search: { list: { kind: 'jql', jql: 'x' }, n: 0 }, count: 1 }, '1 result'],
    ['a typed key', { typedKey: 'ACME-7' }, 'Enter opens ACME-7'],
  ] as [string, Partial<StatusInput>, string][])('%s', (_name, change, expected) => {
    expect(text(statusLine({ ...base, ...change }))).toBe(expected);
  });

  it('what changes while one types is not announced (the second part is aria-live="off")', () => {
    const [announced, quiet] = statusLine({ ...base, search: { list: { kind: 'text', text: 'acme-7' }, n: 0 }, typedKey: 'ACME-7' });
    expect(announced).toBe('3 results for “acme-7”');
    expect(quiet).toBe(' · Enter opens ACME-7');
  });
});
