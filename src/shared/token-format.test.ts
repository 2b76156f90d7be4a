import { describe, expect, it } from 'vitest';
import { isApiToken, maskToken } from './token-format';

const TOKEN = `ATATT3${'xFfGF0T'.repeat(26)}=A1b2`;

describe('isApiToken', () => {
  it.each([
    [TOKEN, true],
    [`ATATT3${'a'.repeat(186)}`, true],
    // Lengths vary on purpose: shorter and longer current tokens are tokens too.
    [`ATATT3${'a'.repeat(120)}`, true],
    [`ATATT3${'a'.repeat(600)}`, true],
    ['abcdefghijklmnopqrstuvwx', true],
    ['ATATT3short', false],
    [`ATATT3${'a'.repeat(186)} `, false],
    [`ATATT3${'<'.repeat(186)}`, false],
    ['abcdefghijklmnopqrstuvw', false],
    ['', false],
  ])('%s -> %s', (token, ok) => {
    expect(isApiToken(token)).toBe(ok);
  });
});

describe('maskToken', () => {
  it('keeps the prefix and the last four characters only', () => {
    expect(maskToken(TOKEN)).toBe('ATATT3…a1b2'.replace('a1b2', TOKEN.slice(-4)));
    expect(maskToken('aBcDeFgHiJkLmNoPqR4rS6')).toBe('aB…4rS6');
  });
});
