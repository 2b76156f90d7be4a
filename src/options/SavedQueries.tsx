// Saved JQL queries: the popup lists them; here they are added, removed and ordered.
import { useId, useRef, useState } from 'preact/hooks';
import type { SavedQuery } from '../shared/issues';
import { SavedQueryList } from './SavedQueryList';

interface Props {
  queries: SavedQuery[];
  onChange: (queries: SavedQuery[]) => Promise<boolean>;
  /** Jira's objections to a query (asked of the default connection), or none. */
  checkJql?: (jql: string) => Promise<{ checkedOn?: string; errors: string[] }>;
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The saved JQL queries with Move up / Move down / Remove, and the form that adds one after Jira
 * has checked its JQL (`checkJql`). `onChange` saves the whole new list and resolves false when it
 * could not.
 */
export function SavedQueries({ queries, onChange, checkJql }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [jql, setJql] = useState('');
  /** The error and the field it is about. */
  const [error, setError] = useState<{ field: 'name' | 'jql'; text: string } | null>(null);
  const errorOf = error?.field;
  const [note, setNote] = useState('');
  /** The JQL Jira refused, which the user may save anyway (it may suit another connection). */
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  // The list as it is when the save happens: moves and removals made during a check stay.
  const latest = useRef(queries);
  latest.current = queries;
  const nameRef = useRef<HTMLInputElement>(null);
  const jqlRef = useRef<HTMLTextAreaElement>(null);

  async function add(e: Event, anyway = false) {
    e.preventDefault();
    if (busyRef.current) return;
    if (!name.trim()) {
      setError({ field: 'name', text: 'Enter a name for the query.' });
      nameRef.current?.focus();
      return;
    }
    if (!jql.trim()) {
      setError({ field: 'jql', text: 'Enter the JQL of the query.' });
      jqlRef.current?.focus();
      return;
    }
    const query = jql.trim();
    setError(null);
    setNote('');
    busyRef.current = true;
    setBusy(true);
    try {
      // Jira says now what it would say in the popup later. When it cannot be asked (no
      // connection, offline), the query is saved as it is, and the form says so.
      let notChecked: string | undefined;
      if (checkJql && !(anyway && refused === query)) {
        const verdict: { checkedOn?: string; errors: string[]; notChecked?: string } = await checkJql(query).catch(() => ({ errors: [] }));
        if (verdict.errors.length) {
          setRefused(query);
          setError({ field: 'jql', text: `${verdict.checkedOn ?? 'Jira'} does not accept this JQL: ${verdict.errors.join(' ')}` });
          jqlRef.current?.focus();
          return;
        }
        notChecked = verdict.notChecked;
      }
      setRefused(undefined);
      const ok = await onChange([...latest.current, { id: newId(), name: name.trim(), jql: query }]);
      if (ok) {
        setName('');
        setJql('');
        if (notChecked) setNote(`Saved without a check: ${notChecked}`);
        nameRef.current?.focus();
      } else {
        jqlRef.current?.focus();
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return (
    <div class="saved-queries">
      <h3>Saved JQL queries</h3>
      <SavedQueryList queries={queries} onChange={onChange} />
      <form class="form query-add" noValidate onSubmit={add}>
        <div class="field">
          <label for={`${id}-name`}>Query name</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            type="text"
            value={name}
            maxLength={100}
            onInput={(e) => {
              setName(e.currentTarget.value);
              if (errorOf === 'name') setError(null);
            }}
            aria-invalid={errorOf === 'name' || undefined}
            aria-describedby={errorOf === 'name' ? `${id}-error` : undefined}
          />
        </div>
        <div class="field">
          <label for={`${id}-jql`}>JQL</label>
          <textarea
            id={`${id}-jql`}
            ref={jqlRef}
            rows={2}
            value={jql}
            spellcheck={false}
            placeholder="e.g. project = WEB AND statusCategory != Done ORDER BY updated DESC"
            onInput={(e) => {
              setJql(e.currentTarget.value);
              if (errorOf === 'jql') setError(null);
            }}
            aria-invalid={errorOf === 'jql' || undefined}
            aria-describedby={errorOf === 'jql' ? `${id}-error` : undefined}
            onKeyDown={(e) => {
              // Enter adds the query, as in a one-line field; Shift+Enter breaks the line.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </div>
        {error && (
          <p class="alert alert-error" role="alert" id={`${id}-error`}>
            {error.text}
          </p>
        )}
        {note && (
          <p class="muted" role="status">
            {note}
          </p>
        )}
        <div class="actions actions-start">
          <button type="submit" class="button" aria-disabled={busy}>
            {busy ? 'Checking…' : 'Add query'}
          </button>
          {refused !== undefined && refused === jql.trim() && !busy ? (
            <button type="button" class="button" onClick={(e) => void add(e, true)}>
              Save anyway
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
