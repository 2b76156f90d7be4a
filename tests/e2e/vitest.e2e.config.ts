// Browser tests (npm run test:e2e). Real Chromium + the extension built by `npm run build:e2e`
// (dist/chrome-e2e) + local HTTPS fakes. One file at a time: the machines have 2 cores and
// each file starts its own browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
