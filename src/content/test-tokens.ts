// Fake tokens for tests: the right shape, never real.
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** `ATATT3` + 186 pseudo-random token characters, ending in a fixed, distinct tail. */
export function fakeCloudToken(seed = 1, tail = 'a9F2'): string {
  let x = seed * 7919;
  let body = '';
  for (let i = 0; i < 182; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    body += CHARS[x % CHARS.length];
  }
  return `ATATT3${body}${tail}`;
}

export const LEGACY_TOKEN = 'aB3dE5fG7hJ9kL1mN2pQ4rS6';
