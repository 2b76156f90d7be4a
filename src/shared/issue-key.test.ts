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
    ['https://jira.acme.test/secure/Dashboard.jspa?issueKey=OPS-3', 'OPS-3'],
    // Data Center project issue view, Cloud's project views
    ['https://j.example.com/projects/ACME/issues/ACME-7?filter=allopenissues', 'ACME-7'],
    ['https://j.example.com/jira/projects/ACME/issues/ACME-7', 'ACME-7'],
    ['https://x.atlassian.net/jira/software/c/projects/ACME/issues/ACME-7?jql=project%20%3D%20ACME', 'ACME-7'],
    ['https://x.atlassian.net/jira/software/projects/ACME/issues/ACME-7', 'ACME-7'],
    ['https://x.atlassian.net/jira/core/projects/ACME/issues/ACME-7', 'ACME-7'],
    // Service Management: an agent's queue, a customer's portal request
    ['https://x.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1/SD-12', 'SD-12'],
    ['https://jira.acme.test/servicedesk/customer/portal/2/SD-12', 'SD-12'],
    // pasted without the scheme
    ['x.atlassian.net/browse/ACME-7', 'ACME-7'],
    ['jira.acme.test:8443/jira/browse/ops-12', 'OPS-12'],
    ['x.atlassian.net/jira/software/c/projects/ACME/issues/ACME-7', 'ACME-7'],
    // context path
    ['https://jira.corp/jira/browse/ACME-7', 'ACME-7'],
    ['HTTPS://JIRA.CORP/browse/ACME-7', 'ACME-7'],
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
    ['https://acme.atlassian.net/browse/%E0%A4%A'],
    // key-shaped tokens that are not an issue location
    ['https://j.example.com/projects/ACME-7'],
    ['https://j.example.com/projects/ACME-7/issues'],
    ['https://j.example.com/projects/ACME/issues'],
    ['https://j.example.com/projects/ACME/issues/ACME-7/comments'],
    ['https://x.atlassian.net/jira/software/projects/ACME/boards/1/ACME-7'],
    ['https://x.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1'],
    ['https://x.atlassian.net/jira/servicedesk/projects/SD-1/queues/custom/SD-12'],
    ['https://x.atlassian.net/ACME-7'],
    ['https://x.atlassian.net/wiki/spaces/ACME/pages/ACME-7'],
    ['https://x.atlassian.net/issues/?jql=key%3DACME-7'],
    ['https://x.atlassian.net/servicedesk/customer/portal/SD-12'],
    ['https://evil.example/?q=/browse/ACME-7'],
    ['https://evil.example/#/browse/ACME-7'],
    // not URLs (a scheme other than http(s), or no host before the path)
    ['ftp://x.atlassian.net/browse/ACME-7'],
    ['localhost/browse/ACME-7'],
    ['/browse/ACME-7'],
    ['browse/ACME-7'],
    ['see x.atlassian.net/browse/ACME-7'],
  ])('%j is not a key', (input) => {
    expect(detectIssueKey(input)).toBeUndefined();
  });

  it('parseIssueKey takes keys only', () => {
    expect(parseIssueKey('https://x/browse/A-1')).toBeUndefined();
  });
});
