// Atlassian Document Format as Jira Cloud checks it on writes: a `doc` of version 1 whose nodes
// and marks are in the published schema, block nodes where blocks go and inline nodes inside
// paragraphs, no property the schema does not name, non-empty text, and `code` combined with
// nothing but `link` (docs/jira-api.md#adf; schema: http://go.atlassian.com/adf-json-schema).
// Reading is lenient elsewhere: seeded documents may hold nodes this checker would refuse.

type Json = Record<string, unknown>;

const BLOCKS = new Set([
  ...['paragraph', 'heading', 'bulletList', 'orderedList', 'codeBlock', 'blockquote', 'panel', 'rule', 'table'],
  ...['mediaSingle', 'mediaGroup', 'expand', 'blockCard', 'taskList', 'decisionList', 'extension', 'bodiedExtension'],
  ...['layoutSection', 'embedCard'],
]);
const INLINES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'status',
  'date',
  'inlineCard',
  'mediaInline',
  'inlineExtension',
  'placeholder',
]);
/** What a node may contain, when it is not "blocks" or "inlines". */
const CHILDREN: Record<string, Set<string>> = {
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList', 'codeBlock', 'mediaSingle', 'heading', 'taskList', 'decisionList']),
  table: new Set(['tableRow']),
  tableRow: new Set(['tableHeader', 'tableCell']),
  mediaSingle: new Set(['media', 'caption']),
  mediaGroup: new Set(['media']),
  taskList: new Set(['taskItem', 'taskList']),
  decisionList: new Set(['decisionItem']),
  layoutSection: new Set(['layoutColumn']),
  codeBlock: new Set(['text']),
};
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'taskItem', 'decisionItem', 'caption']);
const LEAVES = new Set([...INLINES, 'rule', 'media', 'blockCard', 'embedCard', 'extension']);
/** Required attributes, each with a check. */
const ATTRS: Record<string, Record<string, (v: unknown) => boolean>> = {
  heading: { level: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6 },
  panel: { panelType: (v) => ['info', 'note', 'tip', 'warning', 'error', 'success', 'custom'].includes(v as string) },
  mention: { id: (v) => typeof v === 'string' },
  emoji: { shortName: (v) => typeof v === 'string' },
  status: { text: (v) => typeof v === 'string', color: (v) => typeof v === 'string' },
  date: { timestamp: (v) => typeof v === 'string' && /^\d+$/.test(v) },
  media: { id: (v) => typeof v === 'string', type: (v) => ['file', 'link', 'external'].includes(v as string) },
  taskItem: { localId: (v) => typeof v === 'string', state: (v) => v === 'TODO' || v === 'DONE' },
  decisionItem: { localId: (v) => typeof v === 'string', state: (v) => typeof v === 'string' },
};
const MARKS: Record<string, (attrs: Json | undefined) => boolean> = {
  strong: () => true,
  em: () => true,
  underline: () => true,
  strike: () => true,
  code: () => true,
  link: (a) => typeof a?.href === 'string',
  subsup: (a) => a?.type === 'sub' || a?.type === 'sup',
  textColor: (a) => typeof a?.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(a.color),
  backgroundColor: (a) => typeof a?.color === 'string',
  alignment: (a) => a?.align === 'center' || a?.align === 'end',
  indentation: (a) => Number.isInteger(a?.level),
  annotation: (a) => typeof a?.id === 'string',
};
const NODE_KEYS = new Set(['type', 'content', 'attrs', 'marks', 'text']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function marksOk(node: Json): boolean {
  if (node.marks === undefined) return true;
  if (node.type !== 'text' || !Array.isArray(node.marks)) return false;
  const types = new Set<string>();
  for (const m of node.marks) {
    if (!isObject(m) || typeof m.type !== 'string' || !Object.hasOwn(MARKS, m.type) || types.has(m.type)) return false;
    if (m.attrs !== undefined && !isObject(m.attrs)) return false;
    if (!MARKS[m.type]!(m.attrs as Json | undefined)) return false;
    types.add(m.type);
  }
  // Inline code takes no formatting but a link (the schema's code_inline_node).
  return !types.has('code') || [...types].every((t) => t === 'code' || t === 'link' || t === 'annotation');
}

function nodeOk(node: unknown, allowed: Set<string>): boolean {
  if (!isObject(node) || typeof node.type !== 'string' || !allowed.has(node.type)) return false;
  if (Object.keys(node).some((k) => !NODE_KEYS.has(k))) return false;
  const { type } = node;
  if (type === 'text') return typeof node.text === 'string' && node.text.length > 0 && marksOk(node);
  if (node.text !== undefined || !marksOk(node)) return false;
  if (node.attrs !== undefined && !isObject(node.attrs)) return false;
  const attrs = (node.attrs ?? {}) as Json;
  for (const [name, check] of Object.entries(ATTRS[type] ?? {})) if (!check(attrs[name])) return false;
  if (node.content === undefined) return LEAVES.has(type) || INLINE_PARENTS.has(type);
  if (!Array.isArray(node.content) || LEAVES.has(type)) return false;
  // Containers hold at least one node; a code block holds unmarked text only.
  if (node.content.length === 0 && !INLINE_PARENTS.has(type) && type !== 'codeBlock') return false;
  if (type === 'codeBlock' && node.content.some((c) => isObject(c) && c.marks !== undefined)) return false;
  const inside = CHILDREN[type] ?? (INLINE_PARENTS.has(type) ? INLINES : BLOCKS);
  return node.content.every((child) => nodeOk(child, inside));
}

/** Whether `value` is a document Jira Cloud accepts as a rich-text body. */
export function isValidAdf(value: unknown): boolean {
  if (!isObject(value) || value.type !== 'doc' || value.version !== 1 || !Array.isArray(value.content)) return false;
  if (Object.keys(value).some((k) => !['type', 'version', 'content'].includes(k))) return false;
  return value.content.every((n) => nodeOk(n, BLOCKS));
}

/** The text of a document (or any node), words of separate blocks and inlines apart. */
export function adfText(node: unknown): string {
  if (!isObject(node)) return '';
  if (node.type === 'text' && typeof node.text === 'string') return node.text;
  if (node.type === 'mention' && isObject(node.attrs)) return String(node.attrs.text ?? '');
  if (!Array.isArray(node.content)) return '';
  return node.content
    .map(adfText)
    .filter((t) => t.trim() !== '')
    .join(' ');
}

/** A document of one paragraph holding `text` (what Jira gives for a plain-text body). */
export function adfParagraph(text: string): object {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}
