// The saved connections, default first.
import type { ConnectionSummary } from '../shared/connection';
import { ConnectionCard } from './ConnectionCard';

interface Props {
  connections: ConnectionSummary[];
  defaultId: string | null;
  onChanged: () => void;
  onReauth: (c: ConnectionSummary) => void;
  onRenew: (c: ConnectionSummary) => void;
  onDelete: (c: ConnectionSummary) => void;
}

/** The connection cards, the default first (the page shows the list only once there is a connection). */
export function ConnectionList({ connections, defaultId, ...actions }: Props) {
  const sorted = [...connections].sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId));
  return (
    <ul class="cards">
      {sorted.map((c) => (
        <li key={c.id}>
          <ConnectionCard connection={c} isDefault={c.id === defaultId} {...actions} />
        </li>
      ))}
    </ul>
  );
}
