// JQL for the popup's lists, with user text quoted so it can never change the query's shape.
// Quoting rules: JQL string literals escape `\` and `"` with a backslash; `text ~` hands the
// literal to Lucene, whose special characters need their own backslash (Atlassian: "to
// search for special characters use \\", e.g. text ~ "\\[example\\]"), and whose operator
// words (AND, OR, NOT, TO) are operators only in capitals (docs/jira-api.md#jql-text-search).
import type { ListRef } from './issues';
import { builtInList } from './lists';

export { ASSIGNED_OPEN_JQL } from './lists';

/**
 * Lucene's special characters, and its operator words: Jira applies those only when written in
 * capitals (matched at ASCII word boundaries: lower-casing a few more letters, TO in "ÉTO",
 * changes nothing, text search ignores case).
 */
const LUCENE_SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/]|\b(?:AND|OR|NOT|TO)\b/g;

/** A JQL string literal: double-quoted, backslash and quote escaped, line breaks flattened. */
export function jqlString(value: string): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ');
  return `"${flat.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Escapes Lucene's query syntax so the user's text is searched for as words: its special
 * characters get a backslash, and its operator words (AND, OR, NOT, TO in capitals) are written
 * in lower case, where they are plain words (text search ignores case; Jira: "Boolean operators
 * must be ALL CAPS"). Source: docs/jira-api.md#jql-text-search.
 */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SYNTAX, (s) => (s.length > 1 ? s.toLowerCase() : `\\${s}`));
}

/**
 * `text ~ "<escaped>"`: a full-text search for what the user typed. Jira matches whole words,
 * so a search typed as you go also asks for its last word as a prefix with Lucene's `*` (Jira:
 * `summary ~ "win*"`): "checko" finds "checkout". Both, because a wildcard term is not stemmed
 * as the index is: "issues*" alone would miss "issues" (indexed as "issu"). Only a last word
 * of two or more letters or digits gets a prefix (Jira refuses a leading `*`, and a one-letter
 * prefix matches nearly everything), lower-cased as the index is; the text stays escaped.
 */
export function textSearchJql(text: string): string {
  const t = text.trim();
  const words = `text ~ ${jqlString(escapeLucene(t))}`;
  const last = /[\p{L}\p{N}]+$/u.exec(t)?.[0] ?? '';
  if (last.length < 2 || !/(^|\s)[\p{L}\p{N}]+$/u.test(t)) return `${words} ORDER BY updated DESC`;
  return `${words} OR text ~ ${jqlString(`${escapeLucene(t.slice(0, -last.length))}${last.toLowerCase()}*`)} ORDER BY updated DESC`;
}

/**
 * Filter ids are numeric in Jira; anything else is refused rather than pasted into JQL.
 * `filter = ID` takes only the saved filter's conditions, not its ORDER BY: `order` (from
 * orderByOf of the filter's own JQL) keeps the order its owner gave it.
 */
export function filterJql(filterId: string, order?: string): string {
  if (!/^\d+$/.test(filterId)) throw new Error('A filter id is a number.');
  return order ? `filter = ${filterId} ${order}` : `filter = ${filterId}`;
}

/** The `ORDER BY ...` clause of a JQL query (outside its quoted strings), if it has one. */
export function orderByOf(jql: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < jql.length; i++) {
    const ch = jql[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if ((i === 0 || /[\s)"']/.test(jql[i - 1]!)) && /^order\s+by\s/i.test(jql.slice(i, i + 20))) {
      const rest = jql
        .slice(i)
        .replace(/^order\s+by\s+/i, '')
        .trim();
      return rest ? `ORDER BY ${rest.replace(/\s+/g, ' ')}` : undefined;
    }
  }
  return undefined;
}

/** `{site}/issues/?filter=<id>`: a saved filter in Jira, under its name. */
export function jiraFilterUrl(siteUrl: string, filterId: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/issues/?filter=${encodeURIComponent(filterId)}`;
}

/** The JQL a list runs. Throws (filterJql) for a filter id that is not a number. */
export function jqlForList(list: ListRef): string {
  switch (list.kind) {
    case 'filter':
      return filterJql(list.filterId);
    case 'saved':
      return list.jql.trim();
    case 'text':
      return textSearchJql(list.text);
    case 'jql':
      return list.jql.trim();
    default:
      return builtInList(list.kind)!.jql;
  }
}

/** `{site}/issues/?jql=<encoded>`: the list as a Jira search. */
export function jiraSearchUrl(siteUrl: string, jql: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/issues/?jql=${encodeURIComponent(jql)}`;
}

/** `{site}/browse/{KEY}`. */
export function jiraIssueUrl(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;
}
