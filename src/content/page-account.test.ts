// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { accountMismatch, findPageAccount } from './page-account';
import { h } from './test-dom';

afterEach(() => document.body.replaceChildren());

describe('findPageAccount', () => {
  it('reads an email from an account button label in the header', () => {
    document.body.append(h('header', {}, h('button', { 'aria-label': 'Account: Ann Lee (ann@example.com)' }, 'AL')));
    expect(findPageAccount(document)).toBe('ann@example.com');
  });

  it('reads an email shown as text in the navigation', () => {
    document.body.append(h('nav', {}, h('p', {}, 'Ann Lee'), h('p', {}, 'ann.lee+work@example.co.uk')));
    expect(findPageAccount(document)).toBe('ann.lee+work@example.co.uk');
  });

  it('falls back to any element labelled with an email, outside dialogs', () => {
    document.body.append(
      h('div', { role: 'dialog' }, h('span', { 'aria-label': 'mallory@example.com' })),
      h('div', {}, h('img', { title: 'bob@example.com', alt: '' })),
    );
    expect(findPageAccount(document)).toBe('bob@example.com');
  });

  it('returns undefined when the page shows no account', () => {
    document.body.append(h('header', {}, h('a', { href: '/' }, 'Atlassian account')));
    expect(findPageAccount(document)).toBeUndefined();
  });
});

describe('accountMismatch', () => {
  it.each([
    ['bob@example.com', 'ann@example.com', true],
    ['Ann@Example.com', 'ann@example.com ', false],
    [undefined, 'ann@example.com', false],
    ['bob@example.com', undefined, false],
    ['bob@example.com', 'ann', false], // not an email: nothing to compare
  ])('%j vs %j -> %j', (page, username, expected) => {
    expect(accountMismatch(page, username)).toBe(expected);
  });
});
