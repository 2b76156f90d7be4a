// Plain text typed in the popup -> Jira rich text: an Atlassian Document Format (ADF) doc for
// Cloud REST v3, which refuses a plain string body, and wiki markup for Server/DC REST v2.
// One parse, two printers, so a comment reads the same on both.
//
// Understood: blank lines (paragraphs), line breaks, bare http(s)/mailto links, **bold** /
// __bold__, *italic* / _italic_ (not inside words, not a lone asterisk), `code`, "- " / "* " and
// "1. " lists with one level of nesting (2+ spaces of indent). Everything else is text, and the
// wiki printer escapes what Jira's renderer would read as markup.
// ADF: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
// Wiki: https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all
import { AppError } from '../../shared/errors';

export interface MarkupOptions {
  /** false: keep `*`, `_`, backticks and list markers as typed (paragraphs, breaks, links only). Default true. */
  markdown?: boolean;
}

export type AdfMark = { type: 'strong' } | { type: 'em' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
export type AdfInline = { type: 'text'; text: string; marks?: AdfMark[] } | { type: 'hardBreak' };
export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}
export interface AdfListItem {
  type: 'listItem';
  content: [AdfParagraph, ...AdfList[]];
}
export type AdfList =
  | { type: 'bulletList'; content: AdfListItem[] }
  | { type: 'orderedList'; attrs?: { order: number }; content: AdfListItem[] };
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: (AdfParagraph | AdfList)[];
}

type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; url: string }
  | { kind: 'strong' | 'em'; children: Inline[] };
type Line = Inline[];
interface Item {
  lines: Line[];
  lists: List[];
}
interface List {
  kind: 'list';
  ordered: boolean;
  start: number;
  indent: number;
  items: Item[];
}
interface Paragraph {
  kind: 'paragraph';
  lines: Line[];
}
type Block = Paragraph | List;

/**
 * ADF doc for Jira Cloud REST v3 (comment bodies, textarea fields). Lines of a paragraph are
 * joined by `hardBreak`; a `code` mark never carries another mark; a `listItem` starts with a
 * paragraph. Throws AppError invalid-input for empty or whitespace-only text.
 */
export function textToAdf(text: string, opts: MarkupOptions = {}): AdfDoc {
  return { type: 'doc', version: 1, content: parse(text, opts).map((b) => (b.kind === 'paragraph' ? adfParagraph(b.lines) : adfList(b))) };
}

/**
 * Wiki markup for Jira Server/DC REST v2 (comment bodies). Paragraphs are separated by a blank
 * line, lines by "\n", list items' lines by Jira's forced break "\\". Links come out as `[url]`:
 * Jira's autolinker counts `\` as part of a bare URL, so an escape right after one would join it.
 * Markup characters are escaped with `\X`, which Jira's renderer turns into an entity for
 * - # * _ + ? ^ ~ | % { } [ ] ( ) ! @; where it has no escape (a backslash, the dot of a
 * line-start "h1." / "bq.") an HTML entity is written, which its HTML escaper keeps.
 * Throws like textToAdf.
 */
export function textToWiki(text: string, opts: MarkupOptions = {}): string {
  return parse(text, opts)
    .map((b) => (b.kind === 'paragraph' ? b.lines.map((l) => wikiLine(l, true)).join('\n') : wikiList(b, '').join('\n')))
    .join('\n\n');
}

function parse(text: string, opts: MarkupOptions): Block[] {
  const src = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (!/\S/.test(src)) throw new AppError({ kind: 'invalid-input', message: 'The text is empty.' });
  return parseBlocks(src.split('\n'), opts.markdown !== false);
}

// ---- blocks ----

const ITEM = /^([ \t]*)([-*]|\d{1,9}\.)[ \t]+(\S.*)$/;
const indentOf = (ws: string) => [...ws].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);

function parseBlocks(lines: string[], markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let para: Paragraph | undefined;
  let list: List | undefined;
  let lastItem: Item | undefined;
  let afterBlank = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      para = undefined;
      afterBlank = true;
      continue;
    }
    const m = markdown ? ITEM.exec(line) : null;
    if (m) {
      para = undefined;
      const indent = indentOf(m[1]!);
      const ordered = /\d/.test(m[2]!);
      const start = ordered ? Number.parseInt(m[2]!, 10) : 1;
      const item: Item = { lines: [parseInline(m[3]!, true)], lists: [] };
      const parent = list?.items[list.items.length - 1];
      if (list && parent && indent >= list.indent + 2) {
        // One level of nesting: anything indented deeper joins the same nested list.
        let child = parent.lists[parent.lists.length - 1];
        if (!child || child.ordered !== ordered) parent.lists.push((child = { kind: 'list', ordered, start, indent, items: [] }));
        child.items.push(item);
      } else if (list && list.ordered === ordered) {
        list.items.push(item);
      } else {
        list = { kind: 'list', ordered, start, indent, items: [item] };
        blocks.push(list);
      }
      lastItem = item;
    } else if (list && lastItem && !afterBlank && indentOf(/^[ \t]*/.exec(line)![0]) >= 2) {
      lastItem.lines.push(parseInline(line.trim(), markdown)); // an indented line continues the item
    } else {
      list = lastItem = undefined;
      if (!para || afterBlank) blocks.push((para = { kind: 'paragraph', lines: [] }));
      para.lines.push(parseInline(line, markdown));
    }
    afterBlank = false;
  }
  return blocks;
}

// ---- inlines ----

const WORD = /[\p{L}\p{N}]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
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

function parseInline(s: string, markdown: boolean): Line {
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

// ---- ADF ----

function adfList(l: List): AdfList {
  const content = l.items.map((it): AdfListItem => ({ type: 'listItem', content: [adfParagraph(it.lines), ...it.lists.map(adfList)] }));
  if (!l.ordered) return { type: 'bulletList', content };
  return l.start === 1 ? { type: 'orderedList', content } : { type: 'orderedList', attrs: { order: l.start }, content };
}

function adfParagraph(lines: Line[]): AdfParagraph {
  const content: AdfInline[] = [];
  lines.forEach((line, n) => {
    if (n > 0) content.push({ type: 'hardBreak' });
    adfInlines(line, [], content);
  });
  return { type: 'paragraph', content };
}

function adfInlines(nodes: Inline[], marks: AdfMark[], out: AdfInline[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') pushText(out, n.text, marks);
    // ADF: code may only be combined with link, so it drops the surrounding bold/italic.
    else if (n.kind === 'code') pushText(out, n.text, [{ type: 'code' }]);
    else if (n.kind === 'link') pushText(out, n.url, [...marks, { type: 'link', attrs: { href: n.url } }]);
    else adfInlines(n.children, [...marks, { type: n.kind }], out);
  }
}

function pushText(out: AdfInline[], text: string, marks: AdfMark[]): void {
  if (!text) return; // ADF refuses empty text nodes
  const last = out[out.length - 1];
  if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
  else out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
}

// ---- wiki ----

function wikiList(l: List, prefix: string): string[] {
  const marker = prefix + (l.ordered ? '#' : '*');
  // A newline would end the item: its lines are joined by Jira's forced line break.
  return l.items.flatMap((it) => [
    `${marker} ${it.lines.map((line) => wikiLine(line, false)).join('\\\\ ')}`,
    ...it.lists.flatMap((c) => wikiList(c, marker)),
  ]);
}

/** A wiki line being written, and what Jira will see before its next character. */
interface WikiOut {
  parts: string[];
  last?: string;
  start: boolean;
  head: boolean;
}

/** `head`: the line so far is only spaces and our own * _ delimiters (a "#" there starts a list). */
function write(w: WikiOut, s: string, keepsHead = false): void {
  if (!s) return;
  w.parts.push(s);
  w.last = s[s.length - 1];
  w.start = false;
  w.head &&= keepsHead;
}

function wikiLine(line: Line, lineStart: boolean): string {
  const w: WikiOut = { parts: [], start: lineStart, head: lineStart };
  const walk = (nodes: Inline[], strict: string) => {
    for (const n of nodes) {
      if (n.kind === 'text') escapeWiki(n.text, w, strict, false);
      else if (n.kind === 'link') write(w, `[${n.url}]`);
      else if (n.kind === 'code') {
        // {{ }} content may neither start nor end with a space: keep those outside.
        const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(n.text) ?? [];
        write(w, lead, true);
        if (core) {
          write(w, '{{');
          escapeWiki(core, w, strict, true);
          write(w, '}}');
        }
        write(w, trail, true);
      } else {
        const d = n.kind === 'strong' ? '*' : '_';
        write(w, d, true);
        walk(n.children, strict + d); // inside *…* every * must be escaped, even within a word
        write(w, d);
      }
    }
  };
  walk(line, '');
  return w.parts.join('');
}

const ENTITY = /^&[#A-Za-z0-9][A-Za-z0-9]{1,7};/; // what Jira's HtmlEscaper keeps as an entity
const ALWAYS = '{}[]|!'; // macros, links, tables, images
const PHRASE = '*_-+^~?'; // phrase delimiters, and - * list markers
const SCHEME_ONLY = /(?:^|[^\p{L}\p{N}])mailto$/iu; // Jira autolinks "mailto:" without "//"
const PAREN_EMOTICON = /^\((?:[yni/x!+\-?*]|on|off|\*[rgby]|flag|flagoff)\)/;

/**
 * A phrase delimiter Jira cannot read as one: a start needs a non-space after it and no letter or
 * digit before, an end the reverse; "??" needs two. Where unsure (a node's edge), escape.
 */
function inert(c: string, prev: string | undefined, next: string | undefined, strict: string, head: boolean): boolean {
  if (strict.includes(c)) return false;
  if (c === '?') return prev !== '?' && next !== '?';
  return (isWord(prev) && isWord(next)) || (!head && prev !== undefined && next !== undefined && /\s/.test(prev) && /\s/.test(next));
}

/** Writes `text` as literal wiki text; `strict` lists delimiters to escape even inside words. */
function escapeWiki(text: string, w: WikiOut, strict: string, inCode: boolean): void {
  let out = '';
  let { last, head } = w; // kept aside: reading a growing string flattens it
  let i = 0;
  const h = w.start ? /^\s*(?:h[1-6]|bq)(?=\.)/i.exec(text) : null; // "h1. " / "bq. " would be a heading / quote
  if (h) {
    out = `${h[0]}&#46;`;
    i = h[0].length + 1;
    last = ';';
    head = false;
  }
  for (; i < text.length; i++) {
    const c = text[i]!;
    let e = c;
    if (c === '\\')
      e = '&#92;'; // Jira has no escape for a backslash (two of them make a line break)
    else if (c === '&' && ENTITY.test(text.slice(i, i + 12))) e = '&amp;';
    else if (inCode && (c === '{' || c === '}')) e = c === '{' ? '&#123;' : '&#125;';
    else if (ALWAYS.includes(c)) e = `\\${c}`;
    else if (PHRASE.includes(c)) e = inert(c, text[i - 1], text[i + 1], strict, head) ? c : `\\${c}`;
    else if (c === '#' && head)
      e = '\\#'; // a numbered list
    else if ((c === '(' || c === ')') && (last === ':' || last === ';'))
      e = `\\${c}`; // :) :( ;)
    else if (c === '(' && PAREN_EMOTICON.test(text.slice(i, i + 9))) e = '\\(';
    else if (c === ':' && (text[i + 1] === 'P' || text[i + 1] === 'D') && !isWord(text[i + 2]))
      e = '\\:'; // Jira's own emoticon escape
    else if (
      c === ':' &&
      (text.startsWith('//', i + 1) || (SCHEME_ONLY.test(text.slice(Math.max(0, i - 7), i)) && !isSpace(text[i + 1])))
    ) {
      e = '&#58;'; // what we left as text must not be autolinked by Jira (ftp://…, mailto:x)
    }
    out += e;
    last = e[e.length - 1];
    head &&= c === ' ' || c === '\t';
  }
  if (!out) return;
  w.parts.push(out);
  w.last = last;
  w.head = head;
  w.start = false;
}
