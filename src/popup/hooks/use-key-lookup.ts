// A key (or a pasted issue URL) typed in Search shows its issue as the first row while typing:
// Jira's text search does not match an issue's own key (docs/jira-api.md#jql-text-search), so the
// issue is fetched by its key, next to the text results. No issue by that key: no row, no error.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import { detectIssueKey } from '../../shared/issue-key';
import type { IssueRow } from '../../shared/issues';
import { request } from '../ext';
import { lookupConnections } from '../key-target';
import { SEARCH_DEBOUNCE_MS } from './use-search';

/**
 * The rows of the issue whose key `text` is (or holds), on the connections it may be on, and
 * `patch`, which puts an issue changed in the details view in place of its row.
 */
export function useKeyLookup(
  text: string,
  enabled: boolean,
  connections: ConnectionSummary[],
  shown: ConnectionSummary[],
): { rows: IssueRow[]; patch(row: IssueRow): void } {
  const key = enabled ? detectIssueKey(text.trim()) : undefined;
  const asked = key ? lookupConnections(text, connections, shown) : [];
  const lookup = key ? `${key} ${asked.map((c) => c.id).join(' ')}` : '';
  const [found, setFound] = useState<{ lookup: string; rows: IssueRow[] }>({ lookup: '', rows: [] });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `lookup` names the key and the connections asked
  useEffect(() => {
    if (!key || !asked.length) return;
    let live = true;
    const t = window.setTimeout(async () => {
      const answers = await Promise.all(
        asked.map((c) =>
          request('issue.find', { connectionId: c.id, key }).then(
            (r) => r.row,
            () => undefined, // the text search shows what is wrong with the connection
          ),
        ),
      );
      if (live) setFound({ lookup, rows: answers.filter((r): r is IssueRow => !!r) });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [lookup]);
  const patch = useCallback((row: IssueRow) => {
    const same = (r: IssueRow) => r.connectionId === row.connectionId && r.key === row.key;
    setFound((f) => (f.rows.some(same) ? { ...f, rows: f.rows.map((r) => (same(r) ? row : r)) } : f));
  }, []);
  return { rows: lookup && found.lookup === lookup ? found.rows : [], patch };
}
