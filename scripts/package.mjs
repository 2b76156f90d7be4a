#!/usr/bin/env node
// npm run package: the store zips for the Chrome Web Store and Firefox Add-ons, and the source zip
// that addons.mozilla.org reviewers ask for when the submitted code is minified
// (https://extensionworkshop.com/documentation/publish/source-code-submission/).
//
// Each browser goes through its normal production build (`vite build --mode chrome|firefox`), then
// scripts/check-dist.mjs; the Firefox build also through `web-ext lint` (errors, and any warning about
// our own manifest, stop the run). The zips are reproducible: the same files give the same bytes
// (sorted entries, one fixed timestamp, fixed permissions; https://reproducible-builds.org/docs/archives/).
// `--check-reproducible` proves it for a release, as a reviewer would: it builds the source zip's
// files again in a fresh directory, zips them, and compares the SHA-256 of every zip.
// Usage: node scripts/package.mjs [--check-reproducible]. $CFJ_OUT_DIR: the parent of the two
// builds (<dir>/chrome, <dir>/firefox; default dist). $CFJ_ARTIFACTS_DIR: where the zips go (default artifacts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
// A maintained zip library, not hand-written zip code: the format has enough corners (CRC-32, data
// descriptors, ZIP64, UTF-8 names, DOS dates) that a slip would only show as a store refusing the
// upload. yazl: one small dependency; the caller sets each entry's date, mode and extra fields (what
// reproducibility needs); by the author of yauzl, the reader addons-linter opens uploads with.
import yazl from 'yazl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSERS = ['chrome', 'firefox'];

/** Store zip and source zip file names for a version: `client-for-jira-<version>-<kind>.zip`. */
export const zipName = (version, kind) => `client-for-jira-${version}-${kind}.zip`;

/**
 * The version both manifest.json and package.json declare under `root`.
 * @throws {Error} when they disagree or either has none (a store rejects a re-used version).
 */
export function readVersion(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')).version;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  if (!manifest || manifest !== pkg) throw new Error(`manifest.json version ${manifest} and package.json version ${pkg} differ`);
  return manifest;
}

/** Byte order of the UTF-8 names, the same on every machine (unlike localeCompare). */
const byName = (a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

/**
 * Writes `entries` ({name, data: Buffer, executable?}) to `outFile` as a deterministic zip:
 * entries sorted by name, every timestamp 2000-01-01 00:00, permissions 0644 or 0755, no extra
 * fields. yazl writes the DOS date in local time: the date is built from local-time parts on each
 * call and the Info-ZIP UTC timestamp field is left out, so the bytes do not depend on the time
 * zone. (Not the DOS epoch 1980-01-01: yazl clamps earlier dates to its own local 1980-01-01,
 * fixed when it loads, which another time zone would turn into a different time.) Deflate level 9
 * (Node's zlib). Written to a temporary name, then renamed, so a failed run leaves no half zip.
 */
export async function writeZip(entries, outFile) {
  const zip = new yazl.ZipFile();
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  for (const e of [...entries].sort(byName)) {
    const mode = e.executable ? 0o100755 : 0o100644;
    zip.addBuffer(e.data, e.name, { mtime, mode, compressionLevel: 9, forceDosTimestamp: true });
  }
  zip.end();
  mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  await pipeline(zip.outputStream, createWriteStream(partial));
  renameSync(partial, outFile);
}

/**
 * Every file under `dir` as zip entries named by their path relative to it (forward slashes).
 * @throws {Error} on a symbolic link or anything but a plain file (a store zip holds files only).
 */
export function filesOf(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => {
      const full = path.join(d.parentPath ?? d.path, d.name); // `path` before Node 20.12
      if (!d.isFile()) throw new Error(`${full}: not a plain file`);
      return { name: path.relative(dir, full).split(path.sep).join('/'), data: readFileSync(full) };
    });
}

/** Build output and dependencies: never in the source zip, even if someone tracked them. */
const NEVER = [/^(node_modules|dist|artifacts)\//, /(^|\/)node_modules\//, /\.(crx|xpi)$/i];
/** Names that look like secrets (keys, npm credentials, env files): a tracked one stops the run. */
const SECRET = [/(^|\/)\.env(\.|$)/, /(^|\/)\.npmrc$/, /\.(pem|key|p12|pfx)$/i, /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/];

/**
 * Why `name` must stay out of the source zip, or undefined when it may go in.
 * @returns {'build output' | 'secret' | undefined}
 */
export function refusal(name) {
  if (NEVER.some((re) => re.test(name))) return 'build output';
  if (SECRET.some((re) => re.test(name))) return 'secret';
  return undefined;
}

const git = (root, args) => {
  const r = spawnSync('git', args, { cwd: root, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr?.toString() || r.error}`);
  return r.stdout.toString('utf8');
};

/**
 * What git tracks under `root` (read-only `git ls-files`), as zip entries with the working tree's
 * content and git's executable bit. Left out and listed: `untracked` files, and tracked files
 * `deleted` from the working tree (the builds do not see them either).
 * @throws {Error} on a tracked secret-looking file, or a symbolic link or submodule.
 */
export function sourceFiles(root) {
  const entries = [];
  const deleted = [];
  for (const line of git(root, ['ls-files', '-s', '-z']).split('\0').filter(Boolean)) {
    const [meta, name] = line.split('\t');
    const mode = meta.split(' ')[0];
    const why = refusal(name);
    if (why === 'build output') continue;
    if (why) throw new Error(`${name} is tracked by git and looks like a ${why}: remove it from the repository first`);
    if (mode !== '100644' && mode !== '100755')
      throw new Error(`${name}: git mode ${mode} (a link or submodule) cannot go into the source zip`);
    const full = path.join(root, name);
    if (!existsSync(full)) {
      deleted.push(name);
      continue;
    }
    entries.push({ name, data: readFileSync(full), executable: mode === '100755' });
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  return { entries, untracked, deleted };
}

/**
 * SOURCE-BUILD.md for the source zip: where the files come from, the toolchain and the steps that
 * rebuild the store zips. `made` = {node, npm, platform, commit, dirty} of the run that made it.
 */
export function buildInstructions(version, made) {
  const from = `git commit ${made.commit}${made.dirty ? ' plus uncommitted changes' : ''}`;
  return `# Client for Jira ${version}: building from source

This archive holds the files the project's git repository tracks (${from}). The store zips were
made from it on ${made.platform} with Node.js ${made.node} and npm ${made.npm} (package.json
\`engines\`: Node.js 20 or later); every dependency's exact version is pinned in
\`package-lock.json\`.

\`\`\`sh
npm ci          # installs the pinned dependencies
npm run build   # production builds: dist/firefox and dist/chrome
\`\`\`

- \`dist/firefox\` holds exactly the files of \`${zipName(version, 'firefox')}\`,
  \`dist/chrome\` those of \`${zipName(version, 'chrome')}\`.
- The builds are made by \`vite build --mode firefox\` and \`--mode chrome\` (\`vite.config.ts\`);
  \`scripts/check-dist.mjs\` then checks that every file the manifest names is present.
- \`npm run package\` rebuilds both and writes the three zips to \`artifacts/\`; with the same
  sources and toolchain it gives the same bytes.
`;
}

function run(root, cmd, args, env = {}) {
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status})`);
}

/** The production build of one browser from the sources in `root` into `outDir`, then the check that it is complete. */
function build(root, browser, outDir) {
  run(root, path.join(root, 'node_modules/vite/bin/vite.js'), ['build', '--mode', browser, '--logLevel', 'warn'], { CFJ_OUT_DIR: outDir });
  run(root, path.join(root, 'scripts/check-dist.mjs'), [outDir], { CFJ_OUT_DIR: outDir });
}

/**
 * `web-ext lint` of a Firefox build: addons.mozilla.org's own validator.
 * @throws {Error} on any error, and on any warning about manifest.json (ours to fix); other
 *   warnings (today: bundled library code) are printed.
 */
function lintFirefox(dir) {
  const bin = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
  const args = ['lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json'];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    throw new Error(`web-ext lint of ${dir} gave no report (exit ${r.status}): ${r.stderr}`);
  }
  const line = (m) => `${m.code} ${m.file ?? ''}: ${m.message}`;
  const ours = (m) => m.file === 'manifest.json';
  for (const m of report.warnings.filter((w) => !ours(w))) console.warn(`web-ext lint warning: ${line(m)}`);
  const fatal = [...report.errors, ...report.warnings.filter(ours)];
  if (fatal.length) throw new Error(`web-ext lint of ${dir}:\n  ${fatal.map(line).join('\n  ')}`);
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The three zips of `version` from finished builds and the source entries; returns their paths. */
export async function writeArtifacts({ version, builds, source, outDir }) {
  const out = {};
  for (const browser of BROWSERS) {
    out[browser] = path.join(outDir, zipName(version, browser));
    await writeZip(filesOf(builds[browser]), out[browser]);
  }
  out.source = path.join(outDir, zipName(version, 'source'));
  await writeZip(source, out.source);
  return out;
}

function npmVersion() {
  const agent = /\bnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? '');
  if (agent) return agent[1];
  const r = spawnSync('npm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/** What goes into the source zip: the tracked files and SOURCE-BUILD.md. */
function sourceEntries(version) {
  const { entries, untracked, deleted } = sourceFiles(ROOT);
  const warn = (list, what) => {
    if (!list.length) return;
    console.warn(`warning: ${list.length} file(s) ${what} (commit the change before a release):`);
    for (const name of list) console.warn(`  ${name}`);
  };
  warn(untracked, 'git does not track are not in the source zip');
  warn(deleted, 'git tracks are deleted from the working tree and not in the source zip');
  const made = {
    node: process.version,
    npm: npmVersion(),
    platform: process.platform,
    commit: git(ROOT, ['rev-parse', 'HEAD']).trim(),
    dirty: git(ROOT, ['status', '--porcelain', '--untracked-files=no']).trim() !== '',
  };
  const notes = { name: 'SOURCE-BUILD.md', data: Buffer.from(buildInstructions(version, made)) };
  if (entries.some((e) => e.name === notes.name)) throw new Error(`${notes.name} is tracked: the source zip adds its own`);
  return [...entries, notes];
}

/** Builds both browsers from `root` into `distDir`, checks them and writes the zips to `outDir`. */
async function packageOnce(root, version, distDir, outDir, source) {
  const builds = Object.fromEntries(BROWSERS.map((b) => [b, path.join(distDir, b)]));
  for (const browser of BROWSERS) build(root, browser, builds[browser]);
  for (const browser of BROWSERS) {
    const built = JSON.parse(readFileSync(path.join(builds[browser], 'manifest.json'), 'utf8')).version;
    if (built !== version) throw new Error(`${builds[browser]}/manifest.json says ${built}, not ${version}`);
  }
  lintFirefox(builds.firefox);
  return writeArtifacts({ version, builds, source, outDir });
}

/**
 * What a reviewer does: the source zip's files in a fresh directory (with this checkout's
 * node_modules, installed from the same package-lock.json), built and zipped again; every zip
 * must have the same SHA-256. Fails too when the source zip lacks a file the build needs.
 */
async function checkReproducible(version, zips, source) {
  const again = mkdtempSync(path.join(tmpdir(), 'cfj-package-'));
  try {
    const tree = path.join(again, 'source');
    for (const e of source) {
      mkdirSync(path.dirname(path.join(tree, e.name)), { recursive: true });
      writeFileSync(path.join(tree, e.name), e.data);
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'junction');
    const second = await packageOnce(tree, version, path.join(again, 'dist'), path.join(again, 'artifacts'), source).catch((err) => {
      throw new Error(`the source zip does not build (does it lack an untracked file?): ${err.message}`);
    });
    const differ = Object.keys(zips).filter((k) => sha256(zips[k]) !== sha256(second[k]));
    if (differ.length) throw new Error(`not reproducible: building from the source zip gave other bytes for ${differ.join(', ')}`);
    console.log('reproducible: the source zip, built and zipped again, gave the same bytes for every zip');
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
}

async function main() {
  const version = readVersion(ROOT);
  const distDir = path.resolve(ROOT, process.env.CFJ_OUT_DIR || 'dist');
  const outDir = path.resolve(ROOT, process.env.CFJ_ARTIFACTS_DIR || 'artifacts');
  const source = sourceEntries(version);
  const zips = await packageOnce(ROOT, version, distDir, outDir, source);
  for (const file of Object.values(zips)) console.log(`${sha256(file)}  ${path.relative(process.cwd(), file)}`);
  if (process.argv.includes('--check-reproducible')) await checkReproducible(version, zips, source);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`package: ${err.message}`);
    process.exit(1);
  });
}
