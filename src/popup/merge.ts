// Rows of one view, possibly from several connections ("All connections").
import type { IssueRow } from '../shared/issues';

/** Stable identity of a row across refreshes (keys repeat across connections). */
export function rowId(r: IssueRow): string {
  return `${r.connectionId}:${r.key}`;
}

/** Appends `more` to `rows`, dropping rows already present (a page boundary moved). */
export function appendRows(rows: IssueRow[], more: IssueRow[]): IssueRow[] {
  const seen = new Set(rows.map(rowId));
  return [...rows, ...more.filter((r) => !seen.has(rowId(r)))];
}

/**
 * One list from each connection's rows: a single source keeps Jira's order; several are
 * merged newest update first (the merged "Assigned to me"), ties by connection order.
 */
export function mergeRows(sources: IssueRow[][]): IssueRow[] {
  if (sources.length <= 1) return sources[0] ?? [];
  const tagged = sources.flatMap((rows, s) => rows.map((r, i) => ({ r, s, i, t: r.updated ? Date.parse(r.updated) : 0 })));
  tagged.sort((a, b) => (b.t || 0) - (a.t || 0) || a.s - b.s || a.i - b.i);
  const seen = new Set<string>();
  const out: IssueRow[] = [];
  for (const { r } of tagged) {
    const id = rowId(r);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(r);
    }
  }
  return out;
}
