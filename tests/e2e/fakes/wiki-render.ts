// The HTML Jira Data Center renders for a comment written in wiki markup (its `renderedBody`),
// for the markup clients send: paragraphs, line breaks, bullet and numbered lists, headings,
// *bold*, _italic_, -strike-, +underline+, {{monospace}}, [text|url] and bare links, and the
// backslash escapes. Shapes as Jira 9 renders them (wiki renderer help:
// https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all). Not a full
// renderer: {code}, {quote}, tables and macros stay text.
import { escapeHtml } from './http';

const MARKS: [string, string][] = [
  ['*', 'b'],
  ['_', 'em'],
  ['-', 'del'],
  ['+', 'ins'],
  ['^', 'sup'],
  ['~', 'sub'],
];

/** One line's inline markup as HTML (the text escaped first). */
function inline(line: string): string {
  // Backslash escapes are set aside, so that no rule below sees them.
  const escaped: string[] = [];
  let s = line.replace(/\\(.)/g, (_m, ch: string) => `\uE000${escaped.push(ch) - 1}\uE000`);
  s = escapeHtml(s);
  s = s.replace(/\{\{(.+?)\}\}/g, '<tt>$1</tt>');
  s = s.replace(
    /\[([^|\]]+)\|([^\]]+)\]/g,
    (_m, text: string, href: string) => `<a href="${href}" class="external-link" rel="nofollow">${text}</a>`,
  );
  s = s.replace(/\[(https?:\/\/[^\]]+)\]/g, '<a href="$1" class="external-link" rel="nofollow">$1</a>');
  s = s.replace(/(^|[\s(])(https?:\/\/[^\s<)]+)/g, '$1<a href="$2" class="external-link" rel="nofollow">$2</a>');
  for (const [mark, tag] of MARKS) {
    const m = `\\${mark}`;
    // A mark opens after a line start, a space or punctuation, and closes before the same.
    s = s.replace(new RegExp(`(^|[\\s(>])${m}(\\S(?:.*?\\S)?)${m}(?=$|[\\s.,;:!?)<])`, 'g'), `$1<${tag}>$2</${tag}>`);
  }
  return s.replace(/\uE000(\d+)\uE000/g, (_m, n: string) => escapeHtml(escaped[Number(n)] ?? '')).replace(/\\\\/g, '<br/>');
}

/** A run of list lines ("* a", "** b", "# c") as nested <ul>/<ol>. */
function list(lines: string[]): string {
  const out: string[] = [];
  const open: string[] = [];
  for (const line of lines) {
    const [, markers = '', text = ''] = /^([*#]+)\s+(.*)$/.exec(line) ?? [];
    while (open.length > markers.length) out.push(`</li></${open.pop()}>`);
    if (open.length === markers.length && open.length) out.push('</li>');
    while (open.length < markers.length) {
      const tag = markers[open.length] === '#' ? 'ol' : 'ul';
      out.push(`<${tag}>`);
      open.push(tag);
    }
    out.push(`<li>${inline(text)}`);
  }
  while (open.length) out.push(`</li></${open.pop()}>`);
  return out.join('\n');
}

/** Wiki markup -> Jira's rendered HTML. */
export function renderWiki(wiki: string): string {
  const blocks: string[] = [];
  let para: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(`<p>${para.map(inline).join('<br/>\n')}</p>`);
    if (items.length) blocks.push(list(items));
    para = [];
    items = [];
  };
  for (const line of wiki.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^h([1-6])\.\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push(`<h${heading[1]}>${inline(heading[2] ?? '')}</h${heading[1]}>`);
    } else if (/^[*#]+\s/.test(line)) {
      if (para.length) flush();
      items.push(line);
    } else {
      if (items.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks.join('\n');
}
