import { describe, expect, it } from 'vitest';
import { fakeCloudToken, LEGACY_TOKEN } from './test-tokens';
import { asLegacyToken, findCloudToken } from './token-format';

describe('findCloudToken', () => {
  const token = fakeCloudToken();
  it.each([
    ['alone', token, token],
    ['in a sentence', `Your token: ${token} (copy it now)`, token],
    ['with = padding', `${token.slice(0, -2)}==`, `${token.slice(0, -2)}==`],
    ['too short', token.slice(0, 24), undefined],
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
