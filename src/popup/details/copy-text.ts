// What the copy actions put on the clipboard, for an issue: its key, its link, a branch name
// and a Markdown link. Pure (copy-text.test.ts).
import type { CopyKind } from './copy-actions';

/** Branch names stay short enough to read in a terminal prompt. */
export const MAX_BRANCH_LENGTH = 60;

/**
 * The summary as a branch-name slug: lower case, ASCII (accents dropped, other letters and
 * emoji removed), words joined by hyphens.
 */
export function slug(summary: string): string {
  return summary
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `ACME-7-fix-login-redirect`: the key as Jira writes it (Jira's development tools link a branch
 * that contains it: docs/jira-api.md#issue-details) and a slug of the summary, at most
 * MAX_BRANCH_LENGTH characters, cut at a word.
 */
export function branchName(key: string, summary: string): string {
  const rest = slug(summary);
  if (!rest) return key;
  let name = `${key}-${rest}`;
  if (name.length > MAX_BRANCH_LENGTH) {
    name = name.slice(0, MAX_BRANCH_LENGTH + 1);
    const cut = name.lastIndexOf('-');
    name = cut > key.length ? name.slice(0, cut) : name.slice(0, MAX_BRANCH_LENGTH);
  }
  return name.replace(/-+$/, '');
}

/** `[ACME-7 Fix login redirect](https://…/browse/ACME-7)`, brackets in the summary escaped. */
export function markdownLink(key: string, summary: string, url: string): string {
  const text = `${key} ${summary}`
    .replace(/[\\[\]]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
  return `[${text}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** The text an action copies for an issue whose link is `url`. */
export function copyValue(kind: CopyKind, issue: { key: string; summary: string }, url: string): string {
  switch (kind) {
    case 'key':
      return issue.key;
    case 'link':
      return url;
    case 'branch':
      return branchName(issue.key, issue.summary);
    case 'markdown':
      return markdownLink(issue.key, issue.summary, url);
  }
}
