// The renderer's sources use no HTML-string sink or dynamic code anywhere: text from Jira can only
// reach the DOM as text nodes and checked attributes (createElement via Preact).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

const FORBIDDEN: [string, RegExp][] = [
  ['innerHTML', /innerHTML/],
  ['outerHTML', /outerHTML/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe', /setHTMLUnsafe/],
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function\b/],
  ['setTimeout with a string', /setTimeout\s*\(\s*['"`]/],
  ['srcdoc', /srcdoc/i],
  ['an <img> or <script> created', /(?:h|el|createElement)\(\s*['"](?:img|script|iframe|style|object|embed)['"]/],
];

describe('rich-text sources', () => {
  it('are all checked', () => {
    expect(sources).toEqual(expect.arrayContaining(['adf.ts', 'html.ts', 'allowlist.ts', 'links.ts', 'rich-text.tsx']));
  });

  it.each(sources)('%s uses no HTML-string sink or dynamic code', (file) => {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    for (const [name, pattern] of FORBIDDEN) expect(pattern.test(text), `${file}: ${name}`).toBe(false);
  });
});
