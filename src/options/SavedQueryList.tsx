// The list of saved JQL queries, each with Move up, Move down and Remove.
import type { SavedQuery } from '../shared/issues';
import { moveItem } from './settings-model';

interface Props {
  queries: SavedQuery[];
  /** Saves the whole new list. */
  onChange: (queries: SavedQuery[]) => Promise<boolean>;
}

/** The queries in their order, or "No saved queries yet."; the buttons are named after each query ("Move Bugs up"). */
export function SavedQueryList({ queries, onChange }: Props) {
  if (queries.length === 0) return <p class="muted">No saved queries yet.</p>;
  return (
    <ul class="query-list">
      {queries.map((q, i) => (
        <li key={q.id} class="query">
          <div class="query-text">
            <strong>{q.name}</strong>
            <code>{q.jql}</code>
          </div>
          <div class="query-actions">
            <button
              type="button"
              class="button button-icon"
              aria-label={`Move ${q.name} up`}
              title="Move up"
              disabled={i === 0}
              onClick={() => void onChange(moveItem(queries, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              class="button button-icon"
              aria-label={`Move ${q.name} down`}
              title="Move down"
              disabled={i === queries.length - 1}
              onClick={() => void onChange(moveItem(queries, i, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              class="button button-danger-subtle"
              aria-label={`Remove ${q.name}`}
              onClick={() => void onChange(queries.filter((x) => x.id !== q.id))}
            >
              Remove
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
