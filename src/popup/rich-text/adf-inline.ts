// ADF inline nodes: text with its marks, and the inline atoms (mention, emoji, status, date,
// inline card, inline media). https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/#inline-nodes
import type { ComponentChildren } from 'preact';
import { attachment, el, link } from './allowlist';
import { attrsOf, cardUrl, dateOf, emojiText, mediaName, mentionText, obj, rawDate, str, type Json } from './adf-read';
import type { Context } from './context';

/** Real text has a handful of marks; more than this is not a Jira document. */
const MAX_MARKS = 16;

/**
 * A text node with its marks: strong, em, underline, strike, code, subsup and link. Colours,
 * alignment, indentation, annotations and unknown marks are ignored (the text shows plain).
 * The link is outermost, so the whole marked run is one link; a refused href leaves the text.
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/marks/link/
 */
export function textNode(node: Json, ctx: Context): ComponentChildren {
  const text = typeof node.text === 'string' ? node.text : '';
  if (!text) return null;
  const marks = new Map<string, Json>();
  if (Array.isArray(node.marks)) {
    for (const m of node.marks.slice(0, MAX_MARKS)) {
      const mark = obj(m);
      const type = mark && str(mark.type);
      if (mark && type && !marks.has(type)) marks.set(type, mark);
    }
  }
  let out: ComponentChildren = text;
  if (marks.has('code')) out = el('code', null, out);
  const subsup = marks.get('subsup');
  const script = subsup ? attrsOf(subsup).type : undefined;
  if (script === 'sub' || script === 'sup') out = el(script, null, out);
  if (marks.has('strike')) out = el('s', null, out);
  if (marks.has('underline')) out = el('u', null, out);
  if (marks.has('em')) out = el('em', null, out);
  if (marks.has('strong')) out = el('strong', null, out);
  const href = marks.get('link');
  if (href) out = link(attrsOf(href).href, ctx, out);
  return out;
}

/** The status lozenge colours ADF allows; anything else is neutral. https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/status/ */
const STATUS_COLORS = new Set(['neutral', 'purple', 'blue', 'red', 'yellow', 'green']);

/** An inline node other than text, or undefined when `node` is not one. */
export function inlineAtom(node: Json, type: string, ctx: Context): ComponentChildren | undefined {
  switch (type) {
    case 'hardBreak':
      return el('br', null);
    case 'mention':
      return el('span', { class: 'rt-mention' }, mentionText(node));
    case 'emoji':
      return emojiText(node) || null;
    case 'status': {
      const a = attrsOf(node);
      const color = typeof a.color === 'string' && STATUS_COLORS.has(a.color) ? a.color : 'neutral';
      const text = str(a.text)?.slice(0, 100);
      return text ? el('span', { class: `rt-status rt-status-${color}` }, text) : null;
    }
    case 'date': {
      const d = dateOf(node, ctx.locale);
      return d ? el('time', { class: 'rt-date', datetime: d.iso }, d.text) : rawDate(node) || null;
    }
    case 'inlineCard': {
      const url = cardUrl(node);
      return url ? link(url, ctx, url, 'rt-card') : null;
    }
    case 'mediaInline':
      return attachment(mediaName(node));
    case 'inlineExtension':
      return str(attrsOf(node).text) ?? null;
    case 'placeholder':
      // Editor hint text ("Type something"), not content.
      return null;
    default:
      return undefined;
  }
}
