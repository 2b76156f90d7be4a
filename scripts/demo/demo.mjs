#!/usr/bin/env node
// npm run demo [-- --smoke | --build]: see demo.ts. Plain JS so that Node runs it as it is.
import { runMain } from './load-ts.mjs';

await runMain(new URL('./demo.ts', import.meta.url));
