// Unit tests only. Kept apart from vite.config.ts: the extension plugin would empty dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // webextension-polyfill refuses to load outside an extension: units get an in-memory fake.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./tests/unit/fake-browser.ts', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/conventions/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});
