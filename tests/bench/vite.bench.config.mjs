// Builds one page for the popup bench (the bare Preact baseline, or the popup alone for its
// size) with the same settings as the extension build. Input and output come from env.
import { defineConfig } from 'vite';

export default defineConfig({
  root: process.env.BENCH_ROOT,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_OUT,
    emptyOutDir: true,
    target: 'chrome120',
    rollupOptions: { input: process.env.BENCH_INPUT },
  },
});
