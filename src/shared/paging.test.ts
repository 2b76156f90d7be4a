import { describe, expect, it } from 'vitest';
import { MAX_LIST_PAGES, pageStop } from './paging';

describe('pageStop: when a loop may follow the cursor by itself', () => {
  it.each([
    ['a page that added issues and names a next one', { added: 50, pages: 1, hasNext: true }, undefined],
    ['the last page (no next)', { added: 50, pages: 2, hasNext: false }, 'last'],
    ['isLast, even with a token', { added: 50, pages: 2, hasNext: true, isLast: true }, 'last'],
    ['a page that adds nothing yet carries a token', { added: 0, pages: 2, hasNext: true, isLast: false }, 'no-progress'],
    ['the cap', { added: 50, pages: MAX_LIST_PAGES, hasNext: true }, 'cap'],
    ['a cap of its own', { added: 50, pages: 3, hasNext: true, maxPages: 3 }, 'cap'],
  ] as const)('%s', (_name, step, stop) => {
    expect(pageStop(step)).toBe(stop);
  });
});
