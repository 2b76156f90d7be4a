// scripts/package.mjs: the zips a store receives are the same bytes whenever the same files go in,
// hold what they should, and never the build output, dependencies or secrets.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInstructions, filesOf, readVersion, refusal, sourceFiles, writeArtifacts, writeZip, zipName } from './package.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const temps = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfj-package-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The central directory of a zip (no comment, no ZIP64), read by the format's spec (APPNOTE 4.3.12). */
function entriesOf(file) {
  const zip = readFileSync(file);
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  let at = zip.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + zip.readUInt32LE(at + 20)));
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLen),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      extraLen,
      text: data.toString('utf8'),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A fake build: the same files each time, written in `order`, with the given mtime and mode. */
function fakeBuild(dir, order, { mtime, mode }) {
  const files = { 'manifest.json': '{"version":"1.2.3"}', 'src/popup/index.js': 'console.log(1)', 'icons/a.png': 'png', 'B.txt': 'b' };
  for (const name of order === 'reverse' ? Object.keys(files).reverse() : Object.keys(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, files[name]);
    chmodSync(full, mode);
    utimesSync(full, mtime, mtime);
  }
  return dir;
}

describe('writeArtifacts', () => {
  it('gives the same bytes for the same files, whatever their order on disk, dates, modes or the time zone', async () => {
    const runs = [];
    const localEpochs = [];
    const settings = [
      { order: 'forward', mtime: new Date('2020-05-01T10:00:00Z'), mode: 0o600, tz: 'UTC' },
      { order: 'reverse', mtime: new Date('2026-11-30T23:59:59Z'), mode: 0o755, tz: 'Pacific/Auckland' },
    ];
    const tz = process.env.TZ;
    try {
      for (const s of settings) {
        process.env.TZ = s.tz;
        localEpochs.push(new Date(1980, 0, 1).getTime());
        const dir = temp();
        const builds = { chrome: fakeBuild(path.join(dir, 'c'), s.order, s), firefox: fakeBuild(path.join(dir, 'f'), s.order, s) };
        const source = [
          { name: 'README.md', data: Buffer.from('# read me') },
          { name: '.ci/run', data: Buffer.from('#!/bin/sh'), executable: true },
        ];
        if (s.order === 'reverse') source.reverse();
        const zips = await writeArtifacts({ version: '1.2.3', builds, source, outDir: path.join(dir, 'out') });
        runs.push(Object.fromEntries(Object.entries(zips).map(([k, f]) => [k, { file: path.basename(f), hash: sha256(f) }])));
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expect(localEpochs[1]).not.toBe(localEpochs[0]); // the time zone did change
    expect(runs[1]).toEqual(runs[0]);
    expect(Object.values(runs[0]).map((z) => z.file)).toEqual([
      'client-for-jira-1.2.3-chrome.zip',
      'client-for-jira-1.2.3-firefox.zip',
      'client-for-jira-1.2.3-source.zip',
    ]);
  });

  it('writes sorted entries dated 2000-01-01 00:00, 0644 (0755 for executables) and no extra fields', async () => {
    const dir = temp();
    const file = path.join(dir, 'x.zip');
    await writeZip(
      [
        { name: 'b/z.js', data: Buffer.from('z') },
        { name: 'B.txt', data: Buffer.from('B') },
        { name: 'a.sh', data: Buffer.from('#!'), executable: true },
      ],
      file,
    );
    const entries = entriesOf(file);
    expect(entries.map((e) => e.name)).toEqual(['B.txt', 'a.sh', 'b/z.js']);
    expect(entries.map((e) => (e.mode & 0o777).toString(8))).toEqual(['644', '755', '644']);
    // 2000-01-01 00:00:00 in DOS fields: date ((2000 - 1980) << 9) | (1 << 5) | 1, time 0.
    expect(entries.map((e) => [e.dosDate, e.dosTime, e.extraLen])).toEqual([
      [10273, 0, 0],
      [10273, 0, 0],
      [10273, 0, 0],
    ]);
    expect(entries.map((e) => e.text)).toEqual(['B', '#!', 'z']);
  });

  it('puts a build directory in as it is, manifest.json at the root', () => {
    const dir = fakeBuild(temp(), 'forward', { mtime: new Date(), mode: 0o644 });
    expect(
      filesOf(dir)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['B.txt', 'icons/a.png', 'manifest.json', 'src/popup/index.js']);
  });
});

describe('the source zip', () => {
  it.each([
    ['node_modules/yazl/index.js', 'build output'],
    ['dist/firefox/manifest.json', 'build output'],
    ['artifacts/client-for-jira-0.1.0-chrome.zip', 'build output'],
    ['tests/node_modules/x.js', 'build output'],
    ['.env', 'secret'],
    ['config/.env.local', 'secret'],
    ['.npmrc', 'secret'],
    ['keys/signing.pem', 'secret'],
    ['server.KEY', 'secret'],
    ['client-for-jira.xpi', 'build output'],
    ['id_ed25519', 'secret'],
    ['src/background/jira/credentials.ts', undefined],
    ['docs/environment.md', undefined],
    ['tests/e2e/fakes/tls.ts', undefined],
    ['.ci/run', undefined],
  ])('%s: %s', (name, why) => {
    expect(refusal(name)).toBe(why);
  });

  it("holds what git tracks in this repository, with git's executable bit, and nothing refused", () => {
    const { entries } = sourceFiles(ROOT);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'LICENSE']));
    expect(names.filter((n) => refusal(n) !== undefined)).toEqual([]);
    expect(entries.find((e) => e.name === '.ci/run')?.executable).toBe(true);
    expect(entries.find((e) => e.name === 'package.json')?.executable).toBe(false);
  });

  it('tells a reviewer the commit, the toolchain, the two commands and where the output is', () => {
    const made = { node: 'v20.20.2', npm: '11.19.1', platform: 'linux', commit: 'abc123', dirty: false };
    const text = buildInstructions('1.2.3', made);
    for (const part of ['v20.20.2', '11.19.1', 'linux', 'abc123', 'npm ci', 'npm run build', 'dist/firefox', zipName('1.2.3', 'firefox')]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('uncommitted');
    expect(buildInstructions('1.2.3', { ...made, dirty: true })).toContain('abc123 plus uncommitted changes');
  });
});

describe('readVersion', () => {
  const project = (manifest, pkg) => {
    const dir = temp();
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: manifest }));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version: pkg }));
    return dir;
  };

  it('is the version manifest.json and package.json share', () => {
    expect(readVersion(project('0.4.1', '0.4.1'))).toBe('0.4.1');
    expect(readVersion(ROOT)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses versions that disagree', () => {
    expect(() => readVersion(project('0.4.1', '0.4.0'))).toThrow(/differ/);
  });
});
