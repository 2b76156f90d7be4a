// Text search as Jira's Lucene index does it: whole words with a light plural stem, `word*`
// prefixes, no leading wildcard (docs/jira-api.md#jql-text-search).
import { JqlError } from './jql-parse';

/** The words of a text as Jira's index holds them: lower case, split at anything not a letter or digit. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The light plural stem of the index: "issues" and "issue" meet. */
export const stem = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);

/** One term of a text query: a word (or `word*` prefix), and whether Lucene's operators excluded it. */
export interface TextTerm {
  word: string;
  prefix: boolean;
  /** `NOT word`, `-word`, `!word`: issues with the word are left out. */
  negated: boolean;
}

/** A parsed `text ~` literal: its terms, and whether an `OR` / `||` made any positive term enough. */
export interface TextQuery {
  terms: TextTerm[];
  anyOf: boolean;
}

/**
 * A `text ~` literal as Lucene reads it: backslash escapes, words, `word*` prefixes, and the
 * operators a client must escape to search them as words (docs/jira-api.md#jql-text-search):
 * `AND` / `&&` / `+word` (all words, the default), `OR` / `||` (any word; a simplification of
 * Lucene's grouping: one OR makes the whole query any-of), `NOT word` / `-word` / `!word`
 * (exclude). Operator words count only in capitals, as in Jira.
 */
export function textQuery(literal: string): TextQuery {
  const terms: TextTerm[] = [];
  let anyOf = false;
  let negateNext = false;
  for (let raw of literal.split(/\s+/).filter(Boolean)) {
    if (raw === 'AND' || raw === '&&') continue;
    if (raw === 'OR' || raw === '||') {
      anyOf = true;
      continue;
    }
    if (raw === 'NOT') {
      negateNext = true;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if (/^[-!]/.test(raw)) {
      negated = true;
      raw = raw.slice(1);
    } else if (raw.startsWith('+')) raw = raw.slice(1);
    // A `*` or `?` not escaped by a backslash is a wildcard.
    const wild = /(^|[^\\])[*?]/.exec(raw);
    if (wild && wild.index + wild[1]!.length === 0) {
      throw new JqlError([`The text query '${literal}' for field 'text' is not allowed to start with a wildcard.`]);
    }
    const prefix = /[^\\]\*$/.test(raw);
    const plain = raw.replace(/\*$/, '').replace(/\\(.)/g, '$1');
    const words = textWords(plain);
    for (const [n, word] of words.entries()) terms.push({ word, prefix: prefix && n === words.length - 1, negated });
  }
  return { terms, anyOf };
}
