import { describe, expect, it } from 'vitest';
import { MAX_BRANCH_LENGTH, branchName, markdownLink } from './copy-text';

describe('branchName', () => {
  it.each([
    ['ACME-7', 'Fix login redirect', 'ACME-7-fix-login-redirect'],
    ['ACME-7', '  Fix: login / redirect (again)!  ', 'ACME-7-fix-login-redirect-again'],
    ['WEB-12', 'Crème brûlée über Straße', 'WEB-12-creme-brulee-uber-stra-e'],
    ['WEB-12', 'Ошибка входа', 'WEB-12'],
    ['WEB-12', '🔥 Hotfix 🚀 deploy', 'WEB-12-hotfix-deploy'],
    ['WEB-12', '日本語 and english', 'WEB-12-and-english'],
    ['OPS-3', '', 'OPS-3'],
  ])('%s %j -> %s', (key, summary, name) => {
    expect(branchName(key, summary)).toBe(name);
  });

  it(`is at most ${MAX_BRANCH_LENGTH} characters, cut at a word, never ending in a hyphen`, () => {
    const name = branchName('ACME-1234', 'Make the checkout page remember the shipping address between visits');
    expect(name.length).toBeLessThanOrEqual(MAX_BRANCH_LENGTH);
    expect(name).toBe('ACME-1234-make-the-checkout-page-remember-the-shipping');
    expect(branchName('ACME-1', 'x'.repeat(200))).toHaveLength(MAX_BRANCH_LENGTH);
    expect(branchName('ACME-1', 'x'.repeat(200))).not.toMatch(/-$/);
  });
});

describe('markdownLink', () => {
  it('links the key and summary, with brackets escaped', () => {
    expect(markdownLink('ACME-7', 'Fix login redirect', 'https://acme.atlassian.net/browse/ACME-7')).toBe(
      '[ACME-7 Fix login redirect](https://acme.atlassian.net/browse/ACME-7)',
    );
    expect(markdownLink('ACME-8', 'Handle [brackets]\nand lines', 'https://x/browse/ACME-8')).toBe(
      '[ACME-8 Handle \\[brackets\\] and lines](https://x/browse/ACME-8)',
    );
    expect(markdownLink('A-1', 'x', 'https://x/jira(old)/browse/A-1')).toBe('[A-1 x](https://x/jira%28old%29/browse/A-1)');
  });
});
