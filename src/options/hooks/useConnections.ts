// The connection list, refreshed on connections.changed broadcasts and when the window regains focus.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import { onBroadcast, request } from '../browser-api';
import { toFormError, type FormError } from '../form-error';

export interface ConnectionsState {
  loaded: boolean;
  connections: ConnectionSummary[];
  defaultId: string | null;
  error: FormError | null;
  refresh: () => Promise<void>;
}

/** The saved connections and the default's id from the background (connections.list), newest answer wins. */
export function useConnections(): ConnectionsState {
  const [loaded, setLoaded] = useState(false);
  const [connections, setConnections] = useState<ConnectionSummary[]>([]);
  const [defaultId, setDefaultId] = useState<string | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const reply = await request('connections.list', {});
      if (mine !== seq.current) return; // a newer refresh answers instead
      setConnections(reply.connections);
      setDefaultId(reply.defaultId);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(toFormError(e));
    } finally {
      if (mine === seq.current) setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const off = onBroadcast('connections.changed', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      off();
    };
  }, [refresh]);

  return { loaded, connections, defaultId, error, refresh };
}
