// The project's conventions, checked (in the spirit of Refined GitHub's build/features.test.ts):
// a newcomer who misses one is told here, by name, what to do. Each check reads the sources as
// text or imports the real tables; none runs a browser.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../src/background/handlers';
import { MIGRATIONS } from '../../src/background/storage/migrations';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (test(p)) out.push(p);
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

const rel = (p: string) => path.relative(ROOT, p);
const isCode = (p: string) => /\.(ts|tsx|mjs|js)$/.test(p);
/** Tests and their helpers: the 300-line rule and the production rules do not apply to them. */
const isTestFile = (p: string) => /\.test\.tsx?$|[/\\](test-[\w-]+|testing|fixtures)\.tsx?$/.test(p);
const source = filesUnder('src', (p) => /\.tsx?$/.test(p) && !isTestFile(p));
const read = (p: string) => readFileSync(p, 'utf8');
/** Code without its comments (a comment may name what the code must not do). */
const code = (p: string) =>
  read(p)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
/** Files whose code matches `re`, outside `allowed` (paths relative to the repository). */
const offenders = (files: string[], re: RegExp, allowed: string[] = []) =>
  files.filter((p) => !allowed.includes(rel(p)) && re.test(code(p))).map(rel);

describe('files', () => {
  it('no source file is over 300 lines (split it by job; tests excluded)', () => {
    const long = source.map((p) => [rel(p), read(p).split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('nothing cites a file outside the repository, a machine path or an issue number (cite docs/ or a public link)', () => {
    // Built from parts, so this file does not find itself.
    const outside = new RegExp(
      ['JIRA_' + 'FACTS', 'E2E_' + 'NOTES', '/' + 'work/', '/' + 'home/', '/' + 'root/', '[Ii]ssue #' + '\\d'].join('|'),
    );
    const texts = [
      ...filesUnder('src', () => true),
      ...filesUnder('tests', (p) => !p.endsWith('.png')),
      ...filesUnder('scripts', () => true),
      ...filesUnder('docs', (p) => p.endsWith('.md')),
      ...readdirSync(ROOT)
        .filter((f) => /\.(md|ts|json|jsonc)$/.test(f) && f !== 'package-lock.json')
        .map((f) => path.join(ROOT, f)),
    ];
    expect(texts.filter((p) => outside.test(read(p))).map(rel)).toEqual([]);
  });
});

describe('security', () => {
  it('only the transport calls fetch (every request to Jira goes through its checks)', () => {
    expect(offenders(source, /(^|[^.\w])fetch\s*\(|\.fetch\s*\(/, ['src/background/jira/transport.ts'])).toEqual([]);
  });

  it.each([
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML', /\bouterHTML\b/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
    ['document.write', /\bdocument\.write(ln)?\s*\(/],
    ['eval', /(^|[^.\w])eval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['setTimeout with a string', /setTimeout\s*\(\s*['"`]/],
  ])('no %s in the extension (Jira text becomes nodes through an allowlist)', (_name, re) => {
    expect(offenders(source, re)).toEqual([]);
  });

  it('tokens never go to storage.sync', () => {
    expect(offenders(source, /storage\s*\.\s*sync/)).toEqual([]);
  });

  it('each page kind reaches the extension API through one module', () => {
    const doors = ['src/background/browser-api.ts', 'src/popup/ext.ts', 'src/options/browser-api.ts', 'src/shared/messaging.ts'];
    expect(offenders(source, /from\s+'webextension-polyfill'/, doors)).toEqual([]);
    expect(
      offenders(
        source,
        /\b(browser|chrome)\.(storage|runtime|tabs|permissions|alarms|action|notifications|declarativeNetRequest)\b/,
        doors,
      ),
    ).toEqual([]);
  });
});

type ZodNode = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Paths of the object schemas in `schema` that accept unknown keys (not z.strictObject). */
function looseObjects(schema: ZodNode, at = 'payload'): string[] {
  const def = schema._zod.def;
  const inner = (key: string) => (def[key] ? looseObjects(def[key] as ZodNode, at) : []);
  switch (def.type) {
    case 'object': {
      const strict = (def.catchall as ZodNode | undefined)?._zod.def.type === 'never';
      const shape = def.shape as Record<string, ZodNode>;
      return [...(strict ? [] : [at]), ...Object.entries(shape).flatMap(([k, v]) => looseObjects(v, `${at}.${k}`))];
    }
    case 'union':
      return (def.options as ZodNode[]).flatMap((o, i) => looseObjects(o, `${at}|${i}`));
    case 'array':
      return looseObjects(def.element as ZodNode, `${at}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    default:
      return [];
  }
}

describe('the message protocol', () => {
  it('the strictness check finds a loose object, however deep (so it can fail)', async () => {
    const { z } = await import('zod');
    expect(looseObjects(z.strictObject({ a: z.strictObject({ b: z.string() }) }) as unknown as ZodNode)).toEqual([]);
    expect(looseObjects(z.strictObject({ a: z.array(z.object({ b: z.string() })).optional() }) as unknown as ZodNode)).toEqual([
      'payload.a[]',
    ]);
    expect(looseObjects(z.union([z.strictObject({}), z.looseObject({})]) as unknown as ZodNode)).toEqual(['payload|1']);
  });

  const table = Object.entries(handlers) as unknown as [string, { senders: readonly string[]; payload: ZodNode }][];

  it.each(table)('%s lists the senders it accepts', (_name, def) => {
    expect(def.senders.length).toBeGreaterThan(0);
    for (const s of def.senders) expect(['extension-page', 'token-page']).toContain(s);
  });

  it.each(table)('%s takes a strict payload schema (unknown keys refused, all the way down)', (_name, def) => {
    expect(looseObjects(def.payload)).toEqual([]);
  });
});

describe('storage', () => {
  it.each(MIGRATIONS.map((m) => [m.to, m] as const))('migration %i has its own file and test', (to) => {
    const dir = path.join(ROOT, 'src/background/storage/migrations');
    const prefix = String(to).padStart(3, '0');
    const files = readdirSync(dir);
    const impl = files.find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(impl, `src/background/storage/migrations/${prefix}-<what it does>.ts`).toBeDefined();
    expect(existsSync(path.join(dir, impl!.replace(/\.ts$/, '.test.ts'))), `a test next to ${impl}`).toBe(true);
  });

  it('migrations follow each other one version at a time', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });
});

describe('lint', () => {
  it("Biome's hooks rule fires on Preact's hooks (Biome enables it by itself only for React projects)", () => {
    const biome = path.join(ROOT, 'node_modules/.bin/biome');
    // A component whose effect misses a dependency, linted with the project's configuration.
    const sample = path.join(ROOT, 'tests/conventions/hooks-sample.generated.tsx');
    writeFileSync(
      sample,
      "import { useEffect } from 'preact/hooks';\nexport function A({ n }: { n: number }) {\n  useEffect(() => console.warn(n), []);\n  return null;\n}\n",
    );
    let out = '';
    try {
      out = execFileSync(biome, ['lint', rel(sample)], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    } finally {
      rmSync(sample, { force: true });
    }
    expect(out).toContain('lint/correctness/useExhaustiveDependencies');
  });
});

describe('every source file is plain to find', () => {
  it('no empty folder or stray file type under src', () => {
    const stray = filesUnder('src', (p) => !/\.(ts|tsx|css|html)$/.test(p)).map(rel);
    expect(stray).toEqual([]);
    expect(source.filter((p) => !isCode(p))).toEqual([]);
  });
});
