// Atlassian Document Format (Jira Cloud, REST v3) to Preact nodes. The input is untrusted JSON:
// shapes are checked as they are read (adf-read.ts), elements come only from the allowlist
// (allowlist.ts) and text stays text. Depth and node count are bounded (context.ts).
// https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
import type { ComponentChildren } from 'preact';
import { attachment, el, heading, link, truncatedNote } from './allowlist';
import { adfText, attrsOf, cardUrl, contentOf, mediaName, obj, str, typeOf, type Json } from './adf-read';
import { inlineAtom, textNode } from './adf-inline';
import { contextOf, MAX_DEPTH, type Context, type RenderOptions } from './context';

/** Panel types (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/panel/, plus "tip") and the label read out before them. */
const PANELS: Record<string, string> = { info: 'Info', note: 'Note', tip: 'Tip', warning: 'Warning', success: 'Success', error: 'Error' };

/**
 * An ADF document (or any ADF node; an array is read as a document's content) as Preact nodes.
 *
 * Node types and what they become: doc → its content; paragraph → p; text → text in strong/em/u/s/
 * code/sub/sup/a for its marks; hardBreak → br; heading → h(level + headingOffset, max 6); bulletList
 * → ul; orderedList → ol (attrs.order as start); listItem → li; codeBlock → pre.rt-code > code
 * (data-language); blockquote; panel → div.rt-panel.rt-panel-<type> led by a screen-reader label
 * ("Warning: "); table → div.rt-table (the scroll box) > table > tbody; tableRow → tr; tableHeader → th;
 * tableCell → td (colspan/rowspan 2–100); rule → hr; mention → span.rt-mention "@Name"; emoji → its
 * text; status → span.rt-status.rt-status-<colour>; date → time.rt-date (UTC day, localised);
 * inlineCard → a.rt-card; blockCard/embedCard → div.rt-card-block > a; media/mediaInline →
 * span.rt-media "📎 name" (no image is loaded); mediaSingle/mediaGroup → div.rt-media-block; expand/
 * nestedExpand → details > summary + div; taskList → ul.rt-tasks, taskItem → li.rt-task with ☑/☐
 * (labelled Done/To do); decisionList → ul.rt-decisions, decisionItem → li.rt-decision with ◆;
 * placeholder → nothing; extension/inlineExtension → attrs.text; bodiedExtension → its content;
 * layoutSection/layoutColumn → div; any other type → its plain text. A link whose href safeHref
 * refuses is its text. Nodes deeper than MAX_DEPTH render as their plain text; past MAX_NODES the
 * rest is left out and a note says so. Never throws on any JSON value.
 */
export function adfToNodes(doc: unknown, options: RenderOptions): ComponentChildren {
  const ctx = contextOf(options);
  const root = Array.isArray(doc) ? { type: 'doc', content: doc } : doc;
  const out = node(root, ctx, 0);
  return ctx.budget.truncated ? [out, truncatedNote()] : out;
}

/** A node's content, each rendered one level deeper; stops when the budget is spent. */
function children(parent: Json, ctx: Context, depth: number, nested?: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  for (const child of contentOf(parent)) {
    if (ctx.budget.remaining <= 0) {
      ctx.budget.truncated = true;
      break;
    }
    const rendered = node(child, ctx, depth + 1);
    // A list directly inside a task list (how ADF nests tasks) goes into an item of its own.
    out.push(nested && typeOf(obj(child) ?? {}) === nested ? el('li', { class: 'rt-nested' }, rendered) : rendered);
  }
  return out;
}

/** A code block's text: its text nodes, unformatted (ADF allows no marks in it). */
function codeText(block: Json, ctx: Context): string {
  let text = '';
  for (const child of contentOf(block)) {
    if (!ctx.budget.take()) break;
    const c = obj(child);
    if (c && typeof c.text === 'string') text += c.text;
    else if (c && typeOf(c) === 'hardBreak') text += '\n';
  }
  return text;
}

function node(item: unknown, ctx: Context, depth: number): ComponentChildren {
  const n = obj(item);
  if (!n || !ctx.budget.take()) return null;
  const type = typeOf(n);
  if (type === 'text') return textNode(n, ctx);
  const atom = inlineAtom(n, type, ctx);
  if (atom !== undefined) return atom;
  // Too deep to nest further (Preact renders recursively): the rest as one run of text.
  if (depth >= MAX_DEPTH) return adfText(n, ctx) || null;
  const a = attrsOf(n);
  const kids = (nested?: string) => children(n, ctx, depth, nested);
  switch (type) {
    case 'doc':
      return kids();
    case 'paragraph':
      return el('p', null, kids());
    case 'heading':
      return el(heading(a.level, ctx), null, kids());
    case 'bulletList':
      return el('ul', null, kids());
    case 'orderedList':
      return el('ol', { start: typeof a.order === 'number' ? a.order : 1 }, kids());
    case 'listItem':
      return el('li', null, kids());
    case 'codeBlock':
      return el('pre', { class: 'rt-code' }, el('code', { 'data-language': str(a.language) ?? '' }, codeText(n, ctx)));
    case 'blockquote':
      return el('blockquote', null, kids());
    case 'panel': {
      const kind = typeof a.panelType === 'string' && Object.hasOwn(PANELS, a.panelType) ? a.panelType : 'custom';
      return el('div', { class: `rt-panel rt-panel-${kind}` }, [el('span', { class: 'rt-sr' }, `${PANELS[kind] ?? 'Panel'}: `), kids()]);
    }
    case 'table':
      return el('div', { class: 'rt-table' }, el('table', null, el('tbody', null, kids())));
    case 'tableRow':
      return el('tr', null, kids());
    case 'tableHeader':
    case 'tableCell':
      return el(type === 'tableHeader' ? 'th' : 'td', { colspan: cellAttr(a.colspan), rowspan: cellAttr(a.rowspan) }, kids());
    case 'rule':
      return el('hr', null);
    case 'blockCard':
    case 'embedCard': {
      const url = cardUrl(n);
      return url ? el('div', { class: 'rt-card-block' }, link(url, ctx, url, 'rt-card')) : null;
    }
    case 'mediaSingle':
    case 'mediaGroup':
      return el('div', { class: 'rt-media-block' }, kids());
    case 'media':
      return attachment(mediaName(n));
    case 'caption':
      return el('div', { class: 'rt-caption' }, kids());
    case 'expand':
    case 'nestedExpand':
      return el('details', { class: 'rt-expand' }, [
        el('summary', null, str(a.title)?.slice(0, 300) ?? 'Details'),
        el('div', null, kids()),
      ]);
    case 'taskList':
      return el('ul', { class: 'rt-tasks' }, kids('taskList'));
    case 'taskItem': {
      const done = a.state === 'DONE';
      const check = el('span', { class: 'rt-check', role: 'img', 'aria-label': done ? 'Done' : 'To do' }, done ? '☑' : '☐');
      return el('li', { class: done ? 'rt-task rt-done' : 'rt-task' }, [check, ' ', kids()]);
    }
    case 'decisionList':
      return el('ul', { class: 'rt-decisions' }, kids('decisionList'));
    case 'decisionItem': {
      const mark = el('span', { class: 'rt-check', role: 'img', 'aria-label': 'Decision' }, '◆');
      return el('li', { class: 'rt-decision' }, [mark, ' ', kids()]);
    }
    case 'extension': {
      const text = str(a.text);
      return text ? el('p', null, text) : null;
    }
    case 'bodiedExtension':
    case 'layoutSection':
    case 'layoutColumn':
      return el('div', null, kids());
    default:
      return adfText(n, ctx) || null;
  }
}

/** ADF cells carry colspan/rowspan as numbers; el keeps 2–100. */
function cellAttr(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
