// The one link check of the rich-text renderer: ADF link marks and cards, and the href of a
// rendered-HTML <a>, all go through safeHref. Jira content is written by anyone who can comment,
// so a link is only ever an ordinary web or mail link, opened in a new tab without an opener.

/** Schemes a rendered link may use. Everything else (javascript:, data:, vbscript:, file:, blob:, chrome-extension:…) is text. */
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Longer hrefs are refused: nobody clicks them, and they only cost memory in the popup. */
const MAX_HREF = 4096;

/** What every rendered link carries: a new tab, no window.opener, no Referer to the target. */
export const LINK_TARGET = { target: '_blank', rel: 'noopener noreferrer' } as const;

/**
 * The href a link may be rendered with, or undefined when it must be shown as text.
 *
 * `href` is untrusted (any type). It is parsed with the WHATWG URL parser against `siteUrl`, the
 * connection's base URL with its context path ("https://jira.example.com/jira", with or without a
 * trailing slash), so Jira Data Center's relative links ("/jira/browse/X-1", "browse/X-1") point at
 * the site. Only http:, https: and mailto: results are kept; the check is made on the parsed URL
 * (not on the string), which already strips the leading spaces, tabs and newlines and folds the case
 * that "  JaVa\tScRiPt:" relies on (https://url.spec.whatwg.org/#concept-basic-url-parser). Also refused:
 * links to the page itself ("#top": the rendered page is not there), URLs with a user name or password
 * ("https://jira.example.com@evil.example" reads as the site but is not) and hrefs over 4096 characters.
 * Returns the parsed, serialised URL: what is rendered is exactly what was checked. Never throws.
 */
export function safeHref(href: unknown, siteUrl: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  const raw = href.trim();
  if (!raw || raw.length > MAX_HREF || raw.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(raw, baseOf(siteUrl));
  } catch {
    return undefined;
  }
  if (!SCHEMES.has(url.protocol) || url.username || url.password) return undefined;
  return url.href;
}

/** The site as a base URL: with a trailing slash, so "browse/X-1" stays under the context path. */
function baseOf(siteUrl: string): string | undefined {
  if (typeof siteUrl !== 'string' || !siteUrl) return undefined;
  try {
    const base = new URL(siteUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return undefined;
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    base.search = '';
    base.hash = '';
    return base.href;
  } catch {
    return undefined;
  }
}
