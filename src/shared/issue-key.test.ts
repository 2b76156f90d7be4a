import { describe, expect, it } from 'vitest';
import { detectIssueKey, parseIssueKey } from './issue-key';

describe('detectIssueKey', () => {
  it.each([
    ['ACME-7', 'ACME-7'],
    ['acme-7', 'ACME-7'],
    ['  Acme-123  ', 'ACME-123'],
    ['AB_C2-9', 'AB_C2-9'],
    ['https://acme.atlassian.net/browse/ACME-7', 'ACME-7'],
    ['https://acme.atlassian.net/browse/acme-7?focusedCommentId=1', 'ACME-7'],
    ['https://jira.acme.test/jira/browse/OPS-12', 'OPS-12'],
    ['https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-42', 'ACME-42'],
    ['https://acme.atlassian.net/issues/?jql=x&selectedIssue=acme-5', 'ACME-5'],
  ])('%s -> %s', (input, key) => {
    expect(detectIssueKey(input)).toBe(key);
  });

  it.each([
    [''],
    ['login bug'],
    ['ACME-'],
    ['ACME-0'],
    ['7-ACME'],
    ['ACME 7'],
    ['project = ACME-7'],
    ['https://acme.atlassian.net/issues/?jql=project%3DACME'],
    ['javascript:alert(1)//browse/ACME-7'],
    ['https://acme.atlassian.net/browse/'],
  ])('%j is not a key', (input) => {
    expect(detectIssueKey(input)).toBeUndefined();
  });

  it('parseIssueKey takes keys only', () => {
    expect(parseIssueKey('https://x/browse/A-1')).toBeUndefined();
  });
});
