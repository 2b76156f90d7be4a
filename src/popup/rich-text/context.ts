// What one rendering of rich text needs to know, and how much work it may do. Jira content is
// untrusted and unbounded: the limits keep a hostile or enormous description from freezing the
// popup (Preact renders recursively, and the popup has one thread).

/** Options of one rendering. */
export interface RenderOptions {
  /** The connection's site, context path included: "https://jira.example.com/jira". Relative links resolve against it. */
  siteUrl: string;
  /**
   * Added to a heading's level: the popup's own headings sit above the text. Default 2
   * (an ADF level-1 heading or an <h1> becomes <h3>); results are clamped to h6.
   */
  headingOffset?: number;
  /** BCP 47 locale for dates ("en-GB"); default the browser's. */
  locale?: string;
}

/** Deeper than this, a subtree is rendered as its plain text (a paragraph of it). */
export const MAX_DEPTH = 64;

/** Nodes visited per rendering (elements, text, ADF nodes). Past it, the rest is left out with a note. */
export const MAX_NODES = 25_000;

/** Counts the nodes one rendering visits. */
export class Budget {
  private left: number;
  /** Some content was left out. */
  truncated = false;
  constructor(max = MAX_NODES) {
    this.left = max;
  }
  /** Nodes still to take. */
  get remaining(): number {
    return this.left;
  }
  /** Takes one node; false once the budget is spent (and from then on). */
  take(): boolean {
    if (this.left <= 0) {
      this.truncated = true;
      return false;
    }
    this.left--;
    return true;
  }
}

export interface Context {
  siteUrl: string;
  headingOffset: number;
  locale: string | undefined;
  budget: Budget;
}

/** The options checked (they may come from a caller's state): offset an integer 0–5, strings or defaults. */
export function contextOf(options: RenderOptions, budget = new Budget()): Context {
  const offset = options.headingOffset;
  return {
    siteUrl: typeof options.siteUrl === 'string' ? options.siteUrl : '',
    headingOffset: typeof offset === 'number' && Number.isFinite(offset) ? Math.min(5, Math.max(0, Math.trunc(offset))) : 2,
    locale: typeof options.locale === 'string' && options.locale ? options.locale : undefined,
    budget,
  };
}
