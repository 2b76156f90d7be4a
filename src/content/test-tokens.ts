// Fake tokens for tests: the right shape, never real.
import { CLOUD_TOKEN_PREFIX, TOKEN_CHARS } from '../shared/token-format';

/** Every printable ASCII character the token format allows. */
const CHARS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => new RegExp(`[${TOKEN_CHARS}]`).test(c))
  .join('');

/** The current-format prefix + 186 pseudo-random token characters, ending in a fixed, distinct tail. */
export function fakeCloudToken(seed = 1, tail = 'a9F2'): string {
  let x = seed * 7919;
  let body = '';
  for (let i = 0; i < 182; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    body += CHARS[x % CHARS.length];
  }
  return `${CLOUD_TOKEN_PREFIX}${body}${tail}`;
}

export const LEGACY_TOKEN = 'aB3dE5fG7hJ9kL1mN2pQ4rS6';
