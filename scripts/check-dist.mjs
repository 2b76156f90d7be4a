#!/usr/bin/env node
// After `vite build`: every file the built manifest names, and every script and stylesheet its
// pages load, exists in the build. The options page loads its script by a plain
// <script src="./main.js" vite-ignore> (vite.config.ts builds it on its own), which vite does
// not check: a renamed entry would ship a blank options page without this.
// Usage: node scripts/check-dist.mjs <build dir>; $CFJ_OUT_DIR, when set, wins (as in vite.config.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const dir = process.env.CFJ_OUT_DIR || process.argv[2];
if (!dir) {
  console.error('usage: check-dist.mjs <build dir>');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const named = new Set();
const add = (p) => typeof p === 'string' && named.add(p.replace(/^\//, ''));
Object.values(manifest.icons ?? {}).forEach(add);
Object.values(manifest.action?.default_icon ?? {}).forEach(add);
add(manifest.action?.default_popup);
add(manifest.options_ui?.page);
add(manifest.background?.service_worker);
(manifest.background?.scripts ?? []).forEach(add);
for (const cs of manifest.content_scripts ?? []) [...(cs.js ?? []), ...(cs.css ?? [])].forEach(add);

const missing = [];
for (const file of named) {
  if (!existsSync(join(dir, file))) {
    missing.push(`${file} (named in manifest.json)`);
    continue;
  }
  if (!file.endsWith('.html')) continue;
  const html = readFileSync(join(dir, file), 'utf8');
  for (const [, ref] of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      missing.push(`${ref} (remote, in ${file}: pages load only packaged files)`);
      continue;
    }
    const path = ref.startsWith('/') ? ref.slice(1) : posix.join(dirname(file), ref);
    if (!existsSync(join(dir, path))) missing.push(`${path} (loaded by ${file})`);
  }
}

if (missing.length) {
  console.error(`check-dist: ${dir} is missing:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-dist: ${dir}: ${named.size} manifest files and their pages' scripts are present`);
