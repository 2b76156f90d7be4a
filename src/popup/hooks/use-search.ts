// The Search box: what is typed, whether it is JQL, and the search shown (as you type, after a
// pause; Enter runs it again). A search is a view of its own (`n` changes on every Enter).
import { useEffect, useState } from 'preact/hooks';
import { detectIssueKey } from '../../shared/issue-key';
import type { ListRef } from '../../shared/issues';
import { pastedUrl } from '../key-target';

export const SEARCH_DEBOUNCE_MS = 300;

export interface Search {
  list: ListRef;
  /** Bumped by Enter: the same text searched again is a new view. */
  n: number;
}

export function useSearch() {
  const [query, setQuery] = useState('');
  const [jqlMode, setJqlMode] = useState(false);
  const [search, setSearch] = useState<Search | null>(null);

  // As you type (not in JQL mode: half-typed JQL is always wrong).
  useEffect(() => {
    if (jqlMode) return;
    const text = query.trim();
    // Under two characters, and a pasted URL (Enter opens it), show the list again. A bare key
    // still searches as text (Enter opens it): "utf-8" and "web-12" are words too.
    if (text.length < 2 || (detectIssueKey(text) && pastedUrl(text))) {
      setSearch(null);
      return;
    }
    const t = window.setTimeout(() => setSearch((s) => ({ list: { kind: 'text', text }, n: s?.n ?? 0 })), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [query, jqlMode]);

  return {
    query,
    setQuery,
    jqlMode,
    setJqlMode(on: boolean) {
      setJqlMode(on);
      setSearch(null);
    },
    search,
    /** Enter: the text (or JQL) searched now, as a new view. */
    runNow(text: string) {
      setSearch((s) => ({ list: jqlMode ? { kind: 'jql', jql: text } : { kind: 'text', text }, n: (s?.n ?? 0) + 1 }));
    },
    clear() {
      setQuery('');
      setSearch(null);
    },
  };
}
