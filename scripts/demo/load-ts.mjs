// Loads one of the demo's TypeScript modules from plain Node.
//
// The demo reuses the browser tests' fakes and helpers (tests/e2e/fakes, tests/e2e/support),
// which are TypeScript. Node 20 cannot run TypeScript (type stripping arrived in Node 22), and
// a TypeScript runner such as tsx would be one more dependency. Vite, already a dependency,
// exports runnerImport(): it transforms a module and everything it imports in memory and runs
// it in this process, with node_modules left to Node. It is what Vite itself loads a config
// file with under `--configLoader runner` (https://vite.dev/guide/cli; source:
// https://github.com/vitejs/vite/blob/main/packages/vite/src/node/ssr/runnerImport.ts). No
// temporary build, no extra package, and the demo always runs the fakes as they are in the tree.
// One limit: the runner closes once the import is done, so the demo's modules use static
// imports only (a later `await import()` fails with "Vite module runner has been closed").
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

/**
 * Imports the TypeScript module at `url` (a file: URL, e.g. new URL('./demo.ts', import.meta.url))
 * and returns its exports. Throws what the module throws while loading.
 */
export async function importTs(url) {
  const { module } = await runnerImport(fileURLToPath(url), { logLevel: 'error' });
  return module;
}

/**
 * Runs `main(argv)` of the TypeScript module at `url` and exits with the code it returns
 * (0 on success). An error thrown anywhere is printed without a stack trace unless
 * CFJ_DEMO_DEBUG is set: the demo's messages say what failed and what to do.
 */
export async function runMain(url) {
  try {
    const { main } = await importTs(url);
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    console.error(`\n✗ ${process.env.CFJ_DEMO_DEBUG ? (e?.stack ?? e) : (e?.message ?? e)}`);
    process.exitCode = 1;
  }
}
