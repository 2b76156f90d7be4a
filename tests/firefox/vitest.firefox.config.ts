// Firefox smoke suite (npm run test:firefox): real Firefox ESR (/usr/bin/firefox-esr) with the
// shipped build (dist/firefox: run `npm run build:firefox` first) against the e2e fakes.
// One browser per file, files one at a time (2-core machines).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
