// Popup entry: paint the last view at once from its localStorage snapshot (snapshot.ts), if
// any; read the cached list from storage.local (boot.ts) and paint it, or bring the snapshot
// in line with it in place; only then ask the background to refresh it (app.tsx).
// One chunk: splitting the UI into a parallel dynamic import measured slower (an extra
// sequential fetch) than reading storage first.
import { ASSIGNED, boot, type Boot } from './boot';
import { expiryReady } from './expiry-lazy';
import { mount } from './mount';
import { readSnapshot } from './snapshot';

const EMPTY: Boot = { connections: [], scope: { kind: 'all' }, list: ASSIGNED, savedQueries: [], lists: {}, cache: {}, filters: [] };

const root = document.getElementById('app')!;
const snapshot = readSnapshot();
if (snapshot) {
  // The storage.local read starts once the first frame is built: it is not needed before.
  let settle!: (b: Boot) => void;
  const settled = new Promise<Boot>((r) => (settle = r));
  void expiryReady(snapshot.connections).then(() => {
    mount(snapshot, root, settled);
    void boot()
      .catch(() => EMPTY)
      .then(settle);
  });
} else {
  void boot()
    .catch(() => EMPTY)
    .then(async (init) => {
      await expiryReady(init.connections);
      mount(init, root);
    });
}
