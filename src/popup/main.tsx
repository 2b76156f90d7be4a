// Popup entry: read the cached list from storage.local (boot.ts), paint it, and only then
// ask the background to refresh it (app.tsx). One chunk: splitting the UI into a parallel
// dynamic import measured slower (an extra sequential fetch) than reading storage first.
import { ASSIGNED, boot, type Boot } from './boot';
import { mount } from './mount';

const EMPTY: Boot = { connections: [], scope: { kind: 'all' }, list: ASSIGNED, savedQueries: [], lists: {}, cache: {}, filters: [] };

void boot()
  .catch(() => EMPTY)
  .then((init) => mount(init, document.getElementById('app')!));
