// One line of typed text -> inline nodes: bare http(s)/mailto links, **bold** / __bold__,
// *italic* / _italic_ (not inside words, not a lone asterisk) and `code`. The printers
// (markup-adf.ts, markup-wiki.ts) write these nodes; everything else stays text.

/** An inline node: plain text, a code span, a bare link, or bold / italic around other nodes. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string }
  | { kind: 'strong' | 'em'; children: Inline[] };
/** The inline nodes of one typed line. */
export type Line = Inline[];

const WORD = /[\p{L}\p{N}]/u;
/** Whether `c` is a letter or digit of any script (undefined: the edge of the text, not one). */
export const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
/** Whether `c` is white space or the edge of the text (undefined). */
export const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const LINK = /(?:https?:\/\/|mailto:)[^\s<>"`{}|\\^[\]]+/iy;
const LINK_END = '.,:;!?\'"*_~';

/** The bare link starting at i (not glued to a word), trailing punctuation and an unmatched ")" left out. */
function linkAt(s: string, i: number, to: number): string | undefined {
  if (!/[hm]/i.test(s[i]!) || isWord(s[i - 1])) return undefined;
  LINK.lastIndex = i;
  let url = LINK.exec(s)?.[0].slice(0, to - i);
  while (url) {
    const last = url[url.length - 1]!;
    if (LINK_END.includes(last) || (last === ')' && url.split('(').length < url.split(')').length)) url = url.slice(0, -1);
    else break;
  }
  if (!url) return undefined;
  return /^https?:\/\/[^/?#]/i.test(url) || /^mailto:[^@]+@[^@]+$/i.test(url) ? url : undefined;
}

const runAt = (s: string, i: number, c: string, to: number) => {
  let j = i;
  while (j < to && s[j] === c) j++;
  return j - i;
};

/**
 * The inline nodes of one line `s`. With `markdown` false only links are read; `*`, `_` and
 * backticks stay text. Linear in the length of `s`. Never throws.
 */
export function parseInline(s: string, markdown: boolean): Line {
  const out: Inline[] = [];
  inlineRange(s, 0, s.length, markdown, new Set(), new Map(), out);
  return out;
}

/**
 * s[from, to) into inlines. `misses` remembers, per delimiter and range end, from where no
 * closer exists, so a long line of lone `*` stays linear instead of quadratic.
 */
function inlineRange(
  s: string,
  from: number,
  to: number,
  markdown: boolean,
  active: Set<string>,
  misses: Map<string, number>,
  out: Inline[],
): void {
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = from;
  while (i < to) {
    const c = s[i]!;
    const url = linkAt(s, i, to);
    if (url) {
      flush();
      out.push({ kind: 'link', url });
      i += url.length;
      continue;
    }
    if (markdown && (c === '`' || c === '*' || c === '_')) {
      const run = runAt(s, i, c, to);
      const mark = c === '`' ? 'code' : run === 2 ? 'strong' : run === 1 ? 'em' : undefined;
      const opens = c === '`' || (mark !== undefined && !active.has(mark) && !isWord(s[i - 1]) && !isSpace(s[i + run]));
      const close = mark && opens ? findCloser(s, i + run, c, run, to, misses) : -1;
      if (mark && close > i + run) {
        flush();
        if (mark === 'code') out.push({ kind: 'code', text: s.slice(i + run, close) });
        else {
          const children: Inline[] = [];
          inlineRange(s, i + run, close, markdown, new Set([...active, mark]), misses, children);
          out.push({ kind: mark, children });
        }
        i = close + run;
      } else {
        text += s.slice(i, i + run);
        i += run;
      }
      continue;
    }
    text += c;
    i++;
  }
  flush();
}

/** Start of the run closing `c` x run in s[from, to), or -1. Code spans and links are skipped whole. */
function findCloser(s: string, from: number, c: string, run: number, to: number, misses: Map<string, number>): number {
  const key = `${c}${run}:${to}`;
  if (from >= (misses.get(key) ?? Infinity)) return -1;
  let j = from;
  while (j < to) {
    const ch = s[j]!;
    const r = ch === '`' || ch === c ? runAt(s, j, ch, to) : 0;
    if (ch === c && r === run && (c === '`' || (!isSpace(s[j - 1]) && !isWord(s[j + run])))) return j;
    if (ch === '`' && c !== '`') {
      const end = findCloser(s, j + r, '`', r, to, misses);
      j = end === -1 ? j + r : end + r;
      continue;
    }
    const url = linkAt(s, j, to);
    j += url ? url.length : Math.max(r, 1);
  }
  misses.set(key, Math.min(from, misses.get(key) ?? Infinity));
  return -1;
}
