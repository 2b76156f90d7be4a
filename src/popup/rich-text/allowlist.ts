// The one allowlist of the rich-text renderer. Both paths (ADF and Data Center HTML) build every
// element through `el` and every link through `link`: an element not listed here, an attribute not
// listed for it, a class that is not one of ours, or a link safeHref refuses cannot reach the DOM.
// Nothing here reads markup: Preact creates the elements (document.createElement) and their text
// nodes, so text from Jira is always text.
import { h, type ComponentChildren } from 'preact';
import type { Context } from './context';
import { LINK_TARGET, safeHref } from './links';

/**
 * Every element the renderer may create, with the attributes it may carry besides `class`. `a` is
 * not here: only `link` creates it, after safeHref. No `img`, `input`, `style` or URL-bearing
 * attribute: the popup never loads anything named by Jira content.
 */
const ELEMENTS = {
  p: [],
  br: [],
  strong: [],
  em: [],
  u: [],
  s: [],
  ins: [],
  sub: [],
  sup: [],
  code: ['data-language'],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  hr: [],
  dl: [],
  dt: [],
  dd: [],
  span: ['role', 'aria-label', 'aria-hidden'],
  div: [],
  details: [],
  summary: [],
  time: ['datetime'],
} as const satisfies Record<string, readonly string[]>;

export type Tag = keyof typeof ELEMENTS;

/** Attributes the renderer sets; `el` keeps only those listed for the tag. */
export interface Attrs {
  /** Our own classes only ("rt-panel rt-panel-info"), never one copied from Jira. */
  class?: string;
  colspan?: number;
  rowspan?: number;
  start?: number;
  'data-language'?: string;
  datetime?: string;
  role?: 'img';
  'aria-label'?: string;
  'aria-hidden'?: 'true';
}

const CLASS = /^rt-[a-z0-9-]+( rt-[a-z0-9-]+)*$/;
const LANGUAGE = /^[A-Za-z0-9_#+.-]{1,40}$/;

export function isTag(name: string): name is Tag {
  return Object.hasOwn(ELEMENTS, name);
}

/** A rowspan/colspan worth keeping: an integer 2–100 (or its decimal string). 1, the default, and anything else are dropped. */
export function cellSpan(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 2 && n <= 100 ? n : undefined;
}

/** An <ol> start: a non-negative integer other than 1 (ADF orderedList attrs.order). */
function listStart(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value !== 1 ? value : undefined;
}

function checked(name: keyof Attrs, value: unknown): string | number | undefined {
  switch (name) {
    case 'class':
      return typeof value === 'string' && CLASS.test(value) ? value : undefined;
    case 'colspan':
    case 'rowspan':
      return cellSpan(value);
    case 'start':
      return listStart(value);
    case 'data-language':
      return typeof value === 'string' && LANGUAGE.test(value) ? value : undefined;
    case 'role':
      return value === 'img' ? value : undefined;
    case 'aria-hidden':
      return value === 'true' ? value : undefined;
    case 'datetime':
    case 'aria-label':
      return typeof value === 'string' && value.length <= 200 ? value : undefined;
  }
}

/**
 * An element of the allowlist with the attributes it may carry; a tag not on the list gives its
 * children alone (unwrapped). Attribute values are checked again here (classes must be "rt-…",
 * spans 2–100…), so a mistake in a caller cannot pass Jira's strings through.
 */
export function el(tag: string, attrs: Attrs | null, children?: ComponentChildren): ComponentChildren {
  if (!isTag(tag)) return children ?? null;
  const allowed: readonly string[] = ELEMENTS[tag];
  const props: Record<string, string | number> = {};
  if (attrs) {
    for (const name of Object.keys(attrs) as (keyof Attrs)[]) {
      if (name !== 'class' && !allowed.includes(name)) continue;
      const value = checked(name, attrs[name]);
      if (value !== undefined) props[name] = value;
    }
  }
  return h(tag, props, children);
}

/**
 * A link to `href` (untrusted) opening in a new tab, or `children` alone when safeHref refuses it
 * (the link's text stays readable, its target is not reachable). `cls` is one of our classes.
 */
export function link(href: unknown, ctx: Pick<Context, 'siteUrl'>, children: ComponentChildren, cls?: string): ComponentChildren {
  const safe = safeHref(href, ctx.siteUrl);
  if (!safe) return children;
  const props: Record<string, string> = { href: safe, ...LINK_TARGET };
  if (cls && CLASS.test(cls)) props.class = cls;
  return h('a', props, children);
}

/** The heading element for a level (1–6, else 1) pushed down by the context's offset, at most h6. */
export function heading(level: unknown, ctx: Pick<Context, 'headingOffset'>): Tag {
  const n = typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
  return `h${Math.min(6, n + ctx.headingOffset)}` as Tag;
}

/**
 * An attachment or image, as its name behind a paperclip: the popup never loads the image (a load
 * from the Jira site would carry the user's Jira cookies, and Cloud media need a token).
 */
export function attachment(name: string): ComponentChildren {
  return el('span', { class: 'rt-media' }, [el('span', { 'aria-hidden': 'true' }, '📎 '), name || 'Attachment']);
}

/** The note shown when the node budget ran out. */
export function truncatedNote(): ComponentChildren {
  return el('p', { class: 'rt-truncated' }, 'This text is too long to show in full here. Open the issue in Jira to read the rest.');
}
