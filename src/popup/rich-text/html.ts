// Jira Server/Data Center `renderedFields` HTML to Preact nodes. The HTML is parsed into an inert
// document (DOMParser: no scripts run, no images load, nothing is inserted into the popup) and
// rebuilt node by node through the allowlist (allowlist.ts): only listed elements, no attribute
// from the input except a checked href and cell spans, text as text.
// renderedFields: https://docs.atlassian.com/software/jira/docs/api/REST/9.12.0/#api/2/issue-getIssue (expand=renderedFields)
import type { ComponentChildren } from 'preact';
import { attachment, cellSpan, el, heading, link, truncatedNote, type Tag } from './allowlist';
import { contextOf, MAX_DEPTH, type Context, type RenderOptions } from './context';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Longer input is cut (and a note says so): parsing megabytes would stall the popup. */
const MAX_HTML = 2_000_000;

/**
 * Elements dropped with everything inside them: active content, forms, metadata, and the
 * elements whose content is fallback or raw text rather than the document's text.
 */
const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'audio',
  'video',
  'source',
  'track',
  'canvas',
  'portal',
]);

/** Elements kept, as the allowlist's tag they become. Any other element is unwrapped (its content kept). */
const KEPT: Record<string, Tag> = {
  p: 'p',
  br: 'br',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  u: 'u',
  s: 's',
  del: 's',
  strike: 's',
  ins: 'ins',
  sub: 'sub',
  sup: 'sup',
  code: 'code',
  tt: 'code',
  blockquote: 'blockquote',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  thead: 'thead',
  tbody: 'tbody',
  tfoot: 'tfoot',
  tr: 'tr',
  hr: 'hr',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd',
  span: 'span',
};

/** Parents in which whitespace-only text is markup indentation, not content. */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl']);

/**
 * Rendered HTML from Jira Server/Data Center as Preact nodes.
 *
 * Kept: p, br, strong/b, em/i, u, s/del/strike, ins, sub, sup, code/tt, pre (class rt-code),
 * blockquote, ul, ol, li, h1–h6 (shifted by headingOffset, at most h6), table (inside a
 * div.rt-table scroll box), thead, tbody, tfoot, tr, th, td (colspan/rowspan 2–100), a (href
 * resolved against siteUrl and checked by safeHref, opening in a new tab; refused: its text),
 * hr, dl, dt, dd, span and div as plain containers. Jira's panels (div.panel, div.code.panel,
 * div.preformatted.panel, div.panelHeader; AUI messages) become div.rt-panel / div.rt-panel-title.
 * Dropped with their content: script, style, iframe, object, embed, template, noscript, svg, math,
 * form controls, link, meta, base, media and the like (DROPPED). Every other element is unwrapped.
 * img becomes text: an emoticon its alt ("(smile)", or its file name), any other image
 * span.rt-media "📎 name" (alt, title, the enclosing link's title or the file name): the popup
 * never loads an image named by rendered HTML, which would send the user's Jira cookies.
 * Bounded like adfToNodes: deeper than MAX_DEPTH is plain text, past MAX_NODES a note. Never throws.
 */
export function htmlToNodes(html: string, options: RenderOptions): ComponentChildren {
  if (typeof html !== 'string' || !html.trim()) return null;
  const ctx = contextOf(options);
  if (html.length > MAX_HTML) ctx.budget.truncated = true;
  // A DOMParser document has no browsing context and scripting disabled: its scripts never run and
  // its images never load (https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#dom-domparser-parsefromstring).
  const doc = new DOMParser().parseFromString(html.slice(0, MAX_HTML), 'text/html');
  const out = children(doc.body, ctx, 0);
  return ctx.budget.truncated ? [out, truncatedNote()] : out;
}

function children(parent: Element, ctx: Context, depth: number): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const structural = STRUCTURAL.has(parent.localName);
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (ctx.budget.remaining <= 0) {
      ctx.budget.truncated = true;
      break;
    }
    if (structural && c.nodeType === TEXT_NODE && !(c as Text).data.trim()) continue;
    out.push(node(c, ctx, depth + 1));
  }
  return out;
}

function node(n: Node, ctx: Context, depth: number): ComponentChildren {
  if (!ctx.budget.take()) return null;
  if (n.nodeType === TEXT_NODE) return (n as Text).data;
  if (n.nodeType !== ELEMENT_NODE) return null; // comments, processing instructions
  const e = n as Element;
  const name = e.localName;
  if (e.namespaceURI !== HTML_NS || DROPPED.has(name)) return null;
  if (name === 'img') return image(e);
  // Too deep to nest further (Preact renders recursively): the rest as one run of text.
  if (depth >= MAX_DEPTH) return flatText(e, ctx) || null;
  const kids = () => children(e, ctx, depth);
  switch (name) {
    case 'a':
      return link(e.getAttribute('href'), ctx, kids(), e.classList.contains('user-hover') ? 'rt-mention' : undefined);
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return el(heading(Number(name.slice(1)), ctx), null, kids());
    case 'td':
    case 'th':
      return el(name, { colspan: cellSpan(e.getAttribute('colspan')), rowspan: cellSpan(e.getAttribute('rowspan')) }, kids());
    case 'table':
      return el('div', { class: 'rt-table' }, el('table', null, kids()));
    case 'pre':
      return el('pre', { class: 'rt-code' }, kids());
    case 'div': {
      const cls = panelClass(e);
      return el('div', cls ? { class: cls } : null, kids());
    }
    default: {
      const tag = Object.hasOwn(KEPT, name) ? KEPT[name] : undefined;
      return tag ? el(tag, null, kids()) : kids();
    }
  }
}

/** AUI message types (some macros and apps render them) as our panel types. */
const AUI_MESSAGES: Record<string, string> = { info: 'info', hint: 'tip', success: 'success', warning: 'warning', error: 'error' };

/**
 * Our class for one of Jira's panel divs, read from its classes (never copied): {panel}, {code} and
 * {noformat} render as div.panel (div.code.panel, div.preformatted.panel) with a div.panelHeader
 * title and a div.panelContent body (https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all).
 */
function panelClass(e: Element): string | undefined {
  const c = e.classList;
  if (c.contains('panelHeader')) return 'rt-panel-title';
  if (c.contains('panel')) return c.contains('code') || c.contains('preformatted') ? 'rt-panel rt-code-panel' : 'rt-panel';
  if (c.contains('aui-message')) {
    for (const [aui, kind] of Object.entries(AUI_MESSAGES)) if (c.contains(`aui-message-${aui}`)) return `rt-panel rt-panel-${kind}`;
    return 'rt-panel';
  }
  return undefined;
}

function clean(v: string | null | undefined): string {
  return (v ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The last path segment of an image URL, decoded, without query or fragment: "screenshot.png". */
function fileName(src: string | null): string {
  const last = (src ?? '').split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return clean(decodeURIComponent(last));
  } catch {
    return clean(last);
  }
}

/** An emoticon's text, or an image's name (see htmlToNodes). */
function imageText(img: Element): { emoticon: boolean; text: string } {
  const alt = clean(img.getAttribute('alt'));
  if (img.classList.contains('emoticon')) {
    const stem = fileName(img.getAttribute('src')).replace(/\.[a-z0-9]+$/i, '');
    return { emoticon: true, text: alt || (stem ? `(${stem})` : '') };
  }
  const name =
    alt || clean(img.getAttribute('title')) || clean(img.closest('a')?.getAttribute('title')) || fileName(img.getAttribute('src'));
  return { emoticon: false, text: name || 'Image' };
}

function image(img: Element): ComponentChildren {
  const { emoticon, text } = imageText(img);
  return emoticon ? text || null : attachment(text);
}

/** Elements whose text is separated from what follows when a subtree is flattened. */
const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'dt', 'dd', 'table']);

/** Marks the end of a block in flatText's stack: a space after its text. */
const GAP = Symbol('gap');

/**
 * The text of a subtree, iteratively (a 5,000-level document cannot overflow the stack), skipping
 * dropped elements (a <script> deep down stays out), blocks separated by a space, and counted
 * against the budget.
 */
function flatText(root: Element, ctx: Context): string {
  const parts: string[] = [];
  const stack: (Node | typeof GAP)[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === GAP) {
      parts.push(' ');
      continue;
    }
    if (!n || !ctx.budget.take()) break;
    if (n.nodeType === TEXT_NODE) {
      parts.push((n as Text).data);
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const e = n as Element;
    if (e.namespaceURI !== HTML_NS || DROPPED.has(e.localName)) continue;
    if (e.localName === 'img') parts.push(imageText(e).text);
    else if (e.localName === 'br') parts.push('\n');
    else {
      if (BLOCKS.has(e.localName)) stack.push(GAP);
      for (let c = e.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return parts.join('').replace(/ {2,}/g, ' ').trim();
}
