import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';
import { initialLayout } from './001-initial-layout';

describe('001 initial layout', () => {
  it('gives an empty install every entry, empty, with default settings', () => {
    expect(initialLayout.migrate({})).toEqual({
      connections: [],
      secrets: {},
      defaultConnectionId: null,
      settings: DEFAULT_SETTINGS,
      expiryNotified: {},
    });
  });

  it('keeps existing data and fills missing settings with defaults', () => {
    const out = initialLayout.migrate({
      connections: [{ id: 'a' }],
      secrets: { a: 's' },
      defaultConnectionId: 'a',
      settings: { badgeEnabled: false },
      expiryNotified: { a: '2026-12-01' },
    });
    expect(out).toEqual({
      connections: [{ id: 'a' }],
      secrets: { a: 's' },
      defaultConnectionId: 'a',
      settings: { ...DEFAULT_SETTINGS, badgeEnabled: false },
      expiryNotified: { a: '2026-12-01' },
    });
  });

  it('repairs malformed entries instead of failing', () => {
    expect(
      initialLayout.migrate({ connections: 'oops', secrets: [1], settings: null, defaultConnectionId: 5, expiryNotified: 'x' }),
    ).toEqual({
      connections: [],
      secrets: {},
      defaultConnectionId: null,
      settings: DEFAULT_SETTINGS,
      expiryNotified: {},
    });
  });

  it('is pure and gives the same result when run again on its own output', () => {
    const input = { connections: [{ id: 'a' }], settings: { badgeEnabled: false } };
    const copy = structuredClone(input);
    const once = initialLayout.migrate(input);
    expect(input).toEqual(copy);
    expect(initialLayout.migrate(once)).toEqual(once);
  });

  it('produces schema 1', () => {
    expect(initialLayout.to).toBe(1);
  });
});
