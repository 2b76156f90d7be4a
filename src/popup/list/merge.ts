// Rows of one view, possibly from several connections ("All connections").
import type { IssueRow } from '../../shared/issues';

/** Stable identity of a row across refreshes (keys repeat across connections). */
export function rowId(r: IssueRow): string {
  return `${r.connectionId}:${r.key}`;
}

/** Appends `more` to `rows`, dropping rows already present (a page boundary moved). */
export function appendRows(rows: IssueRow[], more: IssueRow[]): IssueRow[] {
  const seen = new Set(rows.map(rowId));
  return [...rows, ...more.filter((r) => !seen.has(rowId(r)))];
}

const time = (r: IssueRow) => (r.updated ? Date.parse(r.updated) || 0 : 0);

/**
 * One list from each connection's rows: a single source keeps Jira's order; several are
 * merged newest update first (the merged "Assigned to me"), ties by connection order.
 * `hasMore[s]`: source s has pages not loaded yet. Those rows are all older than its oldest
 * loaded row, so rows older than that (from any source) wait until they are loaded: the merged
 * list never shows a row from months ago above a newer one still to come, and Load more only
 * adds rows below.
 */
export function mergeRows(sources: IssueRow[][], hasMore: boolean[] = []): IssueRow[] {
  if (sources.length <= 1) return sources[0] ?? [];
  // One pass: each row's time (parsed once), and each source's oldest.
  const oldest = sources.map(() => Infinity);
  const all = sources.flatMap((rows, s) =>
    rows.map((r, i) => {
      const t = time(r);
      if (t < oldest[s]!) oldest[s] = t;
      return { r, s, i, t };
    }),
  );
  const cutoff = Math.max(0, ...oldest.filter((t, s) => hasMore[s] && t !== Infinity));
  const tagged = cutoff ? all.filter((x) => x.t >= cutoff) : all;
  tagged.sort((a, b) => b.t - a.t || a.s - b.s || a.i - b.i);
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
