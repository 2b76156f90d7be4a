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

/** A `text ~` literal as Lucene reads it: backslash escapes, words, and `word*` prefixes. */
export function textTerms(literal: string): { word: string; prefix: boolean }[] {
  const terms: { word: string; prefix: boolean }[] = [];
  for (const raw of literal.split(/\s+/).filter(Boolean)) {
    // A `*` or `?` not escaped by a backslash is a wildcard.
    const wild = /(^|[^\\])[*?]/.exec(raw);
    if (wild && wild.index + wild[1]!.length === 0) {
      throw new JqlError([`The text query '${literal}' for field 'text' is not allowed to start with a wildcard.`]);
    }
    const prefix = /[^\\]\*$/.test(raw);
    const plain = raw.replace(/\*$/, '').replace(/\\(.)/g, '$1');
    const words = textWords(plain);
    for (const [n, word] of words.entries()) terms.push({ word, prefix: prefix && n === words.length - 1 });
  }
  return terms;
}
