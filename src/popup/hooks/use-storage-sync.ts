// Connections and saved queries change under an open popup (a status after a failure, a renewed
// token, a query edited in the options page): follow storage.local, read through its items.
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { SavedQuery } from '../../shared/issues';
import { connectionsItem, settingsItem } from '../../shared/storage-items';
import { onLocalChanged } from '../ext';

/** The connections and saved queries, from `init` first, then as storage.local changes. */
export function useStorageSync(
  init: { connections: ConnectionSummary[]; savedQueries: SavedQuery[] },
  onSavedQueries: (saved: SavedQuery[]) => void,
) {
  const [connections, setConnections] = useState(init.connections);
  const [savedQueries, setSavedQueries] = useState(init.savedQueries);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one listener for the popup's life; onSavedQueries only sets state
  useEffect(
    () =>
      onLocalChanged((changes) => {
        const c = changes[connectionsItem.key];
        if (c) setConnections(connectionsItem.read(c.newValue));
        const s = changes[settingsItem.key];
        if (s) {
          const saved = settingsItem.read(s.newValue).savedQueries;
          setSavedQueries(saved);
          onSavedQueries(saved);
        }
      }),
    [],
  );
  return { connections, setConnections, savedQueries, setSavedQueries };
}

/** The current time, renewed every `ms` (relative times on screen stay true). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(tick);
  }, [ms]);
  return now;
}
