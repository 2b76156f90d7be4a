import { describe, expect, it } from 'vitest';
import { jqlForList } from './jql';
import { BUILT_IN_LISTS, builtInList } from './lists';
import { listKey } from './storage-keys';

// One row per built-in list: a list added to lists.ts without its row here fails below.
const EXPECTED: Record<string, { jql: string; merged: boolean }> = {
  assigned: { jql: 'assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC', merged: true },
  reported: { jql: 'reporter = currentUser() ORDER BY updated DESC', merged: false },
  watching: { jql: 'watcher = currentUser() ORDER BY updated DESC', merged: false },
  recent: { jql: 'issuekey in issueHistory() ORDER BY lastViewed DESC', merged: false },
};

describe('built-in lists', () => {
  it('every built-in list has its row in this test, and every row a list', () => {
    expect(BUILT_IN_LISTS.map((l) => l.kind).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(BUILT_IN_LISTS.map((l) => [l.kind, l] as const))('%s: its JQL, cache key, and a label and an empty state', (kind, list) => {
    expect(jqlForList({ kind })).toBe(EXPECTED[kind]!.jql);
    expect(list.merged).toBe(EXPECTED[kind]!.merged);
    expect(listKey({ kind })).toBe(kind);
    expect(list.label.trim()).not.toBe('');
    expect(list.empty).toMatch(/\.$/);
  });

  it('a merged list orders by update time, as the merge does', () => {
    for (const l of BUILT_IN_LISTS.filter((x) => x.merged)) expect(l.jql).toMatch(/ORDER BY updated DESC$/);
  });

  it('only built-in kinds are found', () => {
    expect(builtInList('filter')).toBeUndefined();
    expect(builtInList('assigned')?.label).toBe('Assigned to me');
  });
});
