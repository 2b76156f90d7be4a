// The four copy actions of an issue, and what the user is told after each.
import { jiraIssueUrl } from '../../shared/jql';
import { copyText } from '../ext';
import type { CopyKind } from './copy-actions';

export { COPY_ACTIONS, type CopyKind } from './copy-actions';

/** Copies, and says what happened in a sentence for the status line. */
export async function copyIssue(kind: CopyKind, issue: { key: string; summary: string }, siteUrl: string): Promise<string> {
  // The wording rules load when first used (the key press still counts as the user's gesture).
  const { copyValue } = await import('./copy-text');
  const text = copyValue(kind, issue, jiraIssueUrl(siteUrl, issue.key));
  if (!(await copyText(text))) return 'The browser did not allow copying. Try again.';
  return kind === 'key'
    ? `Copied ${text}`
    : kind === 'link'
      ? `Copied the link to ${issue.key}`
      : kind === 'branch'
        ? `Copied ${text}`
        : `Copied ${issue.key} as Markdown`;
}
