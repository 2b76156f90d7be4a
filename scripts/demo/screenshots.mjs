#!/usr/bin/env node
// npm run screenshots: see screenshots.ts. Plain JS so that Node runs it as it is.
import { runMain } from './load-ts.mjs';

await runMain(new URL('./screenshots.ts', import.meta.url));
