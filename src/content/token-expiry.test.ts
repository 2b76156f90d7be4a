import { describe, expect, it } from 'vitest';
import { findExpiryDate, parseDate } from './token-expiry';

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
