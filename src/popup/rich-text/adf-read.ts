// Reading untrusted ADF JSON without trusting its shape: every field is checked for its type
// before use, and a wrong type reads as absent. Also the plain text of a subtree, used where
// rendering stops (too deep) and for node types the renderer does not know.
// ADF reference: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
import type { Context } from './context';

export type Json = Record<string, unknown>;

/** A JSON object (not null, not an array), or undefined. */
export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function typeOf(node: Json): string {
  return typeof node.type === 'string' ? node.type : '';
}

export function attrsOf(node: Json): Json {
  return obj(node.attrs) ?? {};
}

export function contentOf(node: Json): readonly unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

/** Names and labels are shown in one line: at most this many characters. */
const MAX_LABEL = 300;

function label(v: unknown): string | undefined {
  const s = str(v)?.trim();
  return s ? s.slice(0, MAX_LABEL) : undefined;
}

/**
 * "@Name" from a mention's attrs.text, which Jira sends with or without the "@" (and empty when
 * the user is not visible to the caller): https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/
 */
export function mentionText(node: Json): string {
  const name = (label(attrsOf(node).text) ?? '').replace(/^@+/, '').trim();
  return `@${name || 'user'}`;
}

/** An emoji: attrs.text (its unicode) or else attrs.shortName (":smile:"). https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/emoji/ */
export function emojiText(node: Json): string {
  const a = attrsOf(node);
  return label(a.text) ?? label(a.shortName) ?? '';
}

/** A media node's name: attrs.alt, else Jira's attrs.__fileName, else "Attachment". */
export function mediaName(node: Json): string {
  const a = attrsOf(node);
  return label(a.alt) ?? label(a.__fileName) ?? 'Attachment';
}

/** A smart card's URL: attrs.url, else the url of its JSON-LD attrs.data. https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/inlineCard/ */
export function cardUrl(node: Json): string | undefined {
  const a = attrsOf(node);
  return str(a.url) ?? str(obj(a.data)?.url);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    } catch {
      // A malformed locale tag is a RangeError: the browser's own locale then.
      f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * A date node: attrs.timestamp is milliseconds since the epoch, as a string (numbers accepted),
 * and names a day in UTC (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/date/).
 * Returns the day as "YYYY-MM-DD" and as text in `locale` (Intl "medium" style, UTC); undefined
 * when the timestamp is not a valid time.
 */
export function dateOf(node: Json, locale: string | undefined): { iso: string; text: string } | undefined {
  const ts = attrsOf(node).timestamp;
  const ms = typeof ts === 'number' ? ts : typeof ts === 'string' && /^\s*-?\d{1,16}\s*$/.test(ts) ? Number(ts) : NaN;
  const d = new Date(Number.isFinite(ms) ? ms : NaN);
  if (Number.isNaN(d.getTime())) return undefined;
  return { iso: d.toISOString().slice(0, -14), text: formatter(locale).format(d) };
}

/** The raw timestamp of an invalid date node, shown as text. */
export function rawDate(node: Json): string {
  const ts = attrsOf(node).timestamp;
  return typeof ts === 'string' || typeof ts === 'number' ? String(ts).slice(0, MAX_LABEL) : '';
}

/** The text a leaf node stands for, or undefined for a container (whose content is its text). */
function leafText(node: Json, ctx: Context): string | undefined {
  switch (typeOf(node)) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return mentionText(node);
    case 'emoji':
      return emojiText(node);
    case 'status':
      return label(attrsOf(node).text) ?? '';
    case 'date':
      return dateOf(node, ctx.locale)?.text ?? rawDate(node);
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return cardUrl(node) ?? '';
    case 'media':
    case 'mediaInline':
      return mediaName(node);
    case 'placeholder':
      return '';
    case 'extension':
    case 'inlineExtension':
      return label(attrsOf(node).text) ?? '';
    default:
      return undefined;
  }
}

/** Marks the end of a container in adfText's stack: a space between blocks. */
const GAP = Symbol('gap');

/**
 * The plain text of an ADF subtree: text nodes as they are, line breaks as "\n", mentions, emoji,
 * statuses, dates, cards and attachments as their labels, containers joined by a space. Iterative
 * (a 10,000-level document cannot overflow the stack) and counted against the budget, so it ends
 * on any input; never throws.
 */
export function adfText(root: unknown, ctx: Context): string {
  const parts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === GAP) {
      parts.push(' ');
      continue;
    }
    if (!ctx.budget.take()) break;
    const node = obj(item);
    if (!node) continue;
    const own = leafText(node, ctx);
    if (own !== undefined) {
      parts.push(own);
      continue;
    }
    const content = contentOf(node);
    // Children in reverse, so the first is popped first; never more than the budget can take.
    if (content.length > ctx.budget.remaining) ctx.budget.truncated = true;
    for (let i = Math.min(content.length, ctx.budget.remaining) - 1; i >= 0; i--) {
      const child = content[i];
      if (Array.isArray(obj(child)?.content)) stack.push(GAP);
      stack.push(child);
    }
  }
  return parts.join('').replace(/ {2,}/g, ' ').trim();
}
