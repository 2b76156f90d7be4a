// Plain text typed in the popup -> Jira rich text: an Atlassian Document Format (ADF) doc for
// Cloud REST v3, which refuses a plain string body, and wiki markup for Server/DC REST v2
// (docs/jira-api.md#comments). One parse (markup-blocks.ts, markup-inline.ts), two printers
// (markup-adf.ts, markup-wiki.ts), so a comment reads the same on both.
//
// Understood: blank lines (paragraphs), line breaks, bare http(s)/mailto links, **bold** /
// __bold__, *italic* / _italic_ (not inside words, not a lone asterisk), `code`, "- " / "* " and
// "1. " lists with one level of nesting (2+ spaces of indent). Everything else is text, and the
// wiki printer escapes what Jira's renderer would read as markup.
// ADF: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
// Wiki: https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all
import { AppError } from '../../shared/errors';
import { adfList, adfParagraph, type AdfDoc } from './markup-adf';
import { type Block, parseBlocks } from './markup-blocks';
import { wikiLine, wikiList } from './markup-wiki';

export type { AdfDoc, AdfInline, AdfList, AdfListItem, AdfMark, AdfParagraph } from './markup-adf';

export interface MarkupOptions {
  /** false: keep `*`, `_`, backticks and list markers as typed (paragraphs, breaks, links only). Default true. */
  markdown?: boolean;
}

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

/** Line ends made "\n" and control characters (but tab and line feed) dropped, then the blocks. */
function parse(text: string, opts: MarkupOptions): Block[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters (a pasted NUL or escape) is what this line is for
  const src = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (!/\S/.test(src)) throw new AppError({ kind: 'invalid-input', message: 'The text is empty.' });
  return parseBlocks(src.split('\n'), opts.markdown !== false);
}
