import { describe, expect, it } from 'vitest';
import { fakeCloudToken, LEGACY_TOKEN } from './test-tokens';
import { asLegacyToken, findCloudToken, findExpiryDate, parseDate } from './token-format';

describe('findCloudToken', () => {
  const token = fakeCloudToken();
  it.each([
    ['alone', token, token],
    ['in a sentence', `Your token: ${token} (copy it now)`, token],
    ['with = padding', `${token.slice(0, -2)}==`, `${token.slice(0, -2)}==`],
    ['too short', 'ATATT3xFfGF0abcdef123456', undefined],
    ['glued to more token characters', `x${token}`, undefined],
    ['far too long', token + 'A'.repeat(1000), undefined],
    ['no prefix', token.slice(6), undefined],
  ])('%s', (_name, text, expected) => {
    expect(findCloudToken(text)).toBe(expected);
  });
});

describe('asLegacyToken', () => {
  it.each([
    [LEGACY_TOKEN, LEGACY_TOKEN],
    [`  ${LEGACY_TOKEN}\n`, LEGACY_TOKEN],
    ['abcdefghijklmnopqrstuvwx', undefined], // one-case word, no digit
    ['aB3dE5fG7hJ9kL1mN2pQ4rS', undefined], // 23
    ['aB3dE5fG7hJ9kL1mN2pQ4rS6x', undefined], // 25
    ['aB3dE5fG7hJ9 kL1mN2pQ4rS6', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(asLegacyToken(text)).toBe(expected);
  });
});

describe('parseDate', () => {
  it.each([
    ['2027-11-28', '2027-11-28'],
    ['2027-11-28T00:00:00Z', '2027-11-28'],
    ['Nov 28, 2027', '2027-11-28'],
    ['November 28, 2027', '2027-11-28'],
    ['Sept 3 2027', '2027-09-03'],
    ['Tue, Mar 1st, 2028', '2028-03-01'],
    ['28 November 2027', '2027-11-28'],
    ['3 Jan. 2028', '2028-01-03'],
    ['Feb 29, 2028', '2028-02-29'],
    ['Feb 29, 2027', undefined],
    ['2027-13-01', undefined],
    ['11/28/2027', undefined], // ambiguous: not guessed
    ['soon', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

describe('findExpiryDate', () => {
  it.each([
    ['Expires on Nov 28, 2027', '2027-11-28'],
    ['Your token "ci" expires November 28, 2027.', '2027-11-28'],
    ['Expiration date: 2027-11-28', '2027-11-28'],
    ['Expiration date 28 Nov 2027', '2027-11-28'],
    ['Created Nov 1, 2026. Expires on Nov 1, 2027', '2027-11-01'],
    ['Created Nov 1, 2026', undefined],
    ['Tokens expire after a year. Created Nov 1, 2026', undefined],
    ['Expiry: never', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(findExpiryDate(text)).toBe(expected);
  });
});
