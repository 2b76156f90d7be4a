// Typed lines -> blocks: paragraphs (split by blank lines, their lines kept as lines) and
// "- " / "* " / "1. " lists with one level of nesting (2+ spaces of indent; a tab counts 4).
import { type Line, parseInline } from './markup-inline';

/** One list item: its lines (an indented line continues the item) and the lists nested in it. */
export interface Item {
  lines: Line[];
  lists: List[];
}
/** A bullet or numbered list; `start` is the first item's number, `indent` its marker's column. */
export interface List {
  kind: 'list';
  ordered: boolean;
  start: number;
  indent: number;
  items: Item[];
}
export interface Paragraph {
  kind: 'paragraph';
  lines: Line[];
}
export type Block = Paragraph | List;

const ITEM = /^([ \t]*)([-*]|\d{1,9}\.)[ \t]+(\S.*)$/;
const indentOf = (ws: string) => [...ws].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);

/**
 * The blocks of `lines` (already free of "\r" and control characters). With `markdown` false,
 * list markers stay text and every non-blank run of lines is a paragraph. Never throws.
 */
export function parseBlocks(lines: string[], markdown: boolean): Block[] {
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
        if (!child || child.ordered !== ordered) {
          child = { kind: 'list', ordered, start, indent, items: [] };
          parent.lists.push(child);
        }
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
      if (!para || afterBlank) {
        para = { kind: 'paragraph', lines: [] };
        blocks.push(para);
      }
      para.lines.push(parseInline(line, markdown));
    }
    afterBlank = false;
  }
  return blocks;
}
