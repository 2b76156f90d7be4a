// The demo runs the extension as users get it: the shipped Chromium build (dist/chrome,
// `npm run build:chrome`), not the test build. Everything the demo needs is in it: the fake
// Cloud site and token page answer under their real names (*.atlassian.net, id.atlassian.com),
// which the manifest already covers; the browser, not the extension, sends those names here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What a build is made from: a change to any of these makes dist/chrome stale. */
const INPUTS = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/**
 * The shipped Chromium build's directory ($CFJ_OUT_DIR as for `vite build`, else dist/chrome
 * under `root`), built first with `npm run build:chrome` when missing, older than its sources,
 * or when `force`. Throws when the build fails.
 */
export function ensureChromeBuild(root: string, force = false): string {
  const dist = path.resolve(root, process.env.CFJ_OUT_DIR ?? 'dist/chrome');
  const manifest = path.join(dist, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const stale = Math.max(...INPUTS.map((i) => newestMtime(path.join(root, i)))) > builtAt;
  if (force || !builtAt || stale) {
    console.log(`Building the extension (npm run build:chrome${process.env.CFJ_OUT_DIR ? ` into ${dist}` : ''})…`);
    // Under `npm run`, npm_execpath names npm's own script: no reliance on `npm` being on PATH (npm.cmd on Windows).
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const run = spawnSync(npm[0]!, [...npm.slice(1), 'run', '--silent', 'build:chrome'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error('npm run build:chrome failed (its errors are above).');
  }
  // The shipped Chromium manifest: a test build (`--mode e2e`) would show more than users get.
  const built = JSON.parse(readFileSync(manifest, 'utf8')) as { background?: { service_worker?: string }; host_permissions?: string[] };
  if (!built.background?.service_worker || built.host_permissions?.some((h) => !/atlassian\.(net|com)\//.test(h))) {
    throw new Error(`${dist} is not the shipped Chromium build: run npm run build:chrome (or the demo with --build).`);
  }
  return dist;
}

/** Text found only in the demo and the browser tests' fakes: none of it may be in a build. */
const DEMO_MARKERS = ['ada@acme.test', 'acme-corp.test', 'Release notes for 4.2', 'startFakeServers', 'cfj-demo-profile'];

/**
 * Throws when the built extension in `dist` carries anything of the demo or the fakes, or when
 * a source file of the extension imports them: the demo must never ship.
 */
export function assertDemoNotShipped(root: string, dist: string): void {
  const found: string[] = [];
  const walk = (dir: string, visit: (file: string) => void) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p, visit);
      else visit(p);
    }
  };
  walk(dist, (file) => {
    if (!/\.(js|html|css|json)$/.test(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const marker of DEMO_MARKERS) if (text.includes(marker)) found.push(`${path.relative(root, file)} contains "${marker}"`);
  });
  walk(path.join(root, 'src'), (file) => {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) return;
    if (/from\s+['"][^'"]*(scripts\/demo|tests\/e2e)/.test(readFileSync(file, 'utf8')))
      found.push(`${path.relative(root, file)} imports the demo or the fakes`);
  });
  if (found.length) throw new Error(`the demo would ship in the extension:\n    ${found.join('\n    ')}`);
}
