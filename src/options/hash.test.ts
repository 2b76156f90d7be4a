import { describe, expect, it } from 'vitest';
import { parseHash } from './hash';

describe('parseHash', () => {
  it.each([
    ['', { kind: 'none' }],
    ['#new', { kind: 'new' }],
    ['#capture', { kind: 'capture' }],
    ['#renew=abc-123', { kind: 'renew', connectionId: 'abc-123' }],
    ['#reauth=c_1', { kind: 'reauth', connectionId: 'c_1' }],
    ['#renew=', { kind: 'none' }],
    ['#renew=a/b', { kind: 'none' }],
    ['#token=ATATT3xyz', { kind: 'none' }],
  ])('%s', (hash, expected) => {
    expect(parseHash(hash)).toEqual(expected);
  });
});
