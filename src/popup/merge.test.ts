import { describe, expect, it } from 'vitest';
import type { IssueRow } from '../shared/issues';
import { appendRows, mergeRows } from './merge';

const r = (c: string, key: string, updated?: string): IssueRow => ({
  connectionId: c,
  key,
  summary: key,
  status: { name: 'Open', category: 'new' },
  ...(updated ? { updated } : {}),
});

describe('mergeRows', () => {
  it('keeps Jira order for one source', () => {
    const rows = [r('a', 'A-2', '2026-01-01T00:00:00Z'), r('a', 'A-1', '2026-02-01T00:00:00Z')];
    expect(mergeRows([rows])).toBe(rows);
  });
  it('merges several connections newest first, keeping same keys of different sites apart', () => {
    const merged = mergeRows([
      [r('a', 'X-1', '2026-03-01T00:00:00Z'), r('a', 'X-2', '2026-01-01T00:00:00Z')],
      [r('b', 'X-1', '2026-02-01T00:00:00Z'), r('b', 'Y-9')],
    ]);
    expect(merged.map((x) => `${x.connectionId}:${x.key}`)).toEqual(['a:X-1', 'b:X-1', 'a:X-2', 'b:Y-9']);
  });
  it('is empty for no sources', () => {
    expect(mergeRows([])).toEqual([]);
  });
});

describe('appendRows', () => {
  it('drops rows already shown', () => {
    expect(appendRows([r('a', 'A-1'), r('a', 'A-2')], [r('a', 'A-2'), r('a', 'A-3')]).map((x) => x.key)).toEqual(['A-1', 'A-2', 'A-3']);
  });
});
