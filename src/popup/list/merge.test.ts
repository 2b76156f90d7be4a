import { describe, expect, it } from 'vitest';
import type { IssueRow } from '../../shared/issues';
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
  it('shows rows only down to where a connection with more pages could still have rows', () => {
    const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00Z`;
    // a: a busy site, its first page covers days 30..20 and it has more; b: a quiet one, all loaded.
    const a = [r('a', 'A-30', day(30)), r('a', 'A-20', day(20))];
    const b = [r('b', 'B-25', day(25)), r('b', 'B-5', day(5)), r('b', 'B-1', day(1))];
    const keys = (x: IssueRow[]) => x.map((y) => y.key);
    expect(keys(mergeRows([a, b], [true, false]))).toEqual(['A-30', 'B-25', 'A-20']);
    // a's next page loaded (days 10..2, no more): everything, in order, the new rows below.
    const a2 = [...a, r('a', 'A-10', day(10)), r('a', 'A-2', day(2))];
    expect(keys(mergeRows([a2, b], [false, false]))).toEqual(['A-30', 'B-25', 'A-20', 'A-10', 'B-5', 'A-2', 'B-1']);
    // Both with more: the later of their oldest rows.
    expect(keys(mergeRows([a, b], [true, true]))).toEqual(['A-30', 'B-25', 'A-20']);
    expect(keys(mergeRows([a, b.slice(0, 2)], [false, true]))).toEqual(['A-30', 'B-25', 'A-20', 'B-5']);
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
