// Blocks -> Atlassian Document Format, the rich text of Jira Cloud REST v3, which refuses a
// plain string body (docs/jira-api.md#adf, docs/jira-api.md#comments). Only the nodes and marks
// typed text can make.
import type { List } from './markup-blocks';
import type { Inline, Line } from './markup-inline';

export type AdfMark = { type: 'strong' } | { type: 'em' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
export type AdfInline = { type: 'text'; text: string; marks?: AdfMark[] } | { type: 'hardBreak' };
export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}
/** A list item always starts with a paragraph; lists nested in it follow. */
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

/** A list as ADF: `attrs.order` only when it does not start at 1. Never throws. */
export function adfList(l: List): AdfList {
  const content = l.items.map((it): AdfListItem => ({ type: 'listItem', content: [adfParagraph(it.lines), ...it.lists.map(adfList)] }));
  if (!l.ordered) return { type: 'bulletList', content };
  return l.start === 1 ? { type: 'orderedList', content } : { type: 'orderedList', attrs: { order: l.start }, content };
}

/** A paragraph's lines as one ADF paragraph, joined by `hardBreak`. Never throws. */
export function adfParagraph(lines: Line[]): AdfParagraph {
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
