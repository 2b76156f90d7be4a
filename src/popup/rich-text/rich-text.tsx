// An issue's description or comment, whichever form Jira sent it in: ADF from Jira Cloud (REST
// v3), rendered HTML from Server/Data Center (renderedFields), or plain text.
import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { adfToNodes } from './adf';
import type { RenderOptions } from './context';
import { htmlToNodes } from './html';
// With the component, so the styles load with the chunk that shows rich text, not at popup start.
import './rich-text.css';

/** A text field as Jira sent it; null when the field is empty. */
export type RichBody = { adf: unknown } | { html: string } | { text: string } | null;

export interface RichTextProps {
  body: RichBody | undefined;
  /** The connection's site, context path included ("https://jira.example.com/jira"): relative links resolve against it. */
  siteUrl: string;
  /** Added to the text's heading levels (default 2: an h1 in Jira becomes an h3), at most h6. */
  headingOffset?: number;
  /** Locale for dates in ADF (default the browser's). */
  locale?: string;
}

function render(body: RichBody | undefined, options: RenderOptions): { plain: boolean; nodes: ComponentChildren } {
  if (!body || typeof body !== 'object') return { plain: false, nodes: null };
  try {
    if ('adf' in body) return { plain: false, nodes: adfToNodes(body.adf, options) };
    if ('html' in body) return { plain: false, nodes: htmlToNodes(body.html, options) };
    if ('text' in body) return { plain: true, nodes: typeof body.text === 'string' && body.text ? body.text : null };
  } catch {
    // The renderers do not throw on any input; should one still, the popup keeps working.
    return { plain: false, nodes: <p class="rt-truncated">This text could not be shown here. Open the issue in Jira to read it.</p> };
  }
  return { plain: false, nodes: null };
}

/**
 * `body` as Preact nodes in a div.rich-text (plain text: div.rich-text.rt-plain, line breaks kept);
 * nothing for an empty body. Safe for untrusted content: see adfToNodes and htmlToNodes.
 */
export function RichText({ body, siteUrl, headingOffset, locale }: RichTextProps) {
  const { plain, nodes } = useMemo(() => render(body, { siteUrl, headingOffset, locale }), [body, siteUrl, headingOffset, locale]);
  if (nodes === null || nodes === undefined) return null;
  return <div class={plain ? 'rich-text rt-plain' : 'rich-text'}>{nodes}</div>;
}
