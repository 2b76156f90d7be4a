// Blocks -> Jira wiki markup, the rich text of Jira Server/DC REST v2 (docs/jira-api.md#comments).
// Jira's renderer reads markup in far more characters than were typed as markup, so text is
// escaped wherever the renderer would otherwise read it as a macro, link, table, image, phrase,
// list, heading, emoticon or bare link.
// Wiki: https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all
import type { List } from './markup-blocks';
import { type Inline, isSpace, isWord, type Line } from './markup-inline';

/**
 * A list as wiki lines: "* " / "# " markers, repeated once per level after `prefix` ('' for a
 * top-level list). Never throws.
 */
export function wikiList(l: List, prefix: string): string[] {
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

/**
 * One line as wiki markup; `lineStart`: the line begins a line of the output (a paragraph's
 * line, not a list item's text after its marker), where "h1." and "#" mean something. Links come
 * out as `[url]`: Jira's autolinker counts `\` as part of a bare URL, so an escape right after
 * one would join it. Never throws.
 */
export function wikiLine(line: Line, lineStart: boolean): string {
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
