import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../shared/connection';
import type { IssueRow } from '../shared/issues';
import { keyTarget, pastedUrl } from './key-target';

const conn = (id: string, siteUrl: string) =>
  ({ id, name: id, siteUrl, deployment: 'cloud', authMethod: 'cloud-token' }) as ConnectionSummary;
const ACME = conn('acme', 'https://acme.atlassian.net');
const BETA = conn('beta', 'https://beta.atlassian.net');
const DC = conn('dc', 'https://jira.corp.example/jira');
const DC_ROOT = conn('dcroot', 'https://jira.corp.example');
const row = (connectionId: string, key: string) => ({ connectionId, key, summary: '', status: { name: '', category: 'new' } }) as IssueRow;

describe('pastedUrl', () => {
  it.each([
    ['https://acme.atlassian.net/browse/WEB-7', 'https://acme.atlassian.net/browse/WEB-7'],
    ['acme.atlassian.net/browse/WEB-7', 'https://acme.atlassian.net/browse/WEB-7'],
    ['jira.corp.example:8443/jira/browse/X-1', 'https://jira.corp.example:8443/jira/browse/X-1'],
    ['10.0.0.5:8080/browse/A-1', 'https://10.0.0.5:8080/browse/A-1'],
  ])('%s is a URL', (text, href) => expect(pastedUrl(text)?.href).toBe(href));

  it.each(['WEB-7', 'web-7', 'checkout fails', '', 'a/b', 'javascript:alert(1)', 'ftp://x.example/browse/A-1'])('%s is not', (text) =>
    expect(pastedUrl(text)).toBeUndefined(),
  );
});

describe('keyTarget', () => {
  const all = [ACME, BETA, DC, DC_ROOT];

  it('opens a pasted URL on the connection whose site it is on, whatever connection is shown', () => {
    expect(keyTarget('https://beta.atlassian.net/browse/API-3', 'API-3', all, ACME, [])).toBe('https://beta.atlassian.net/browse/API-3');
    expect(keyTarget('beta.atlassian.net/browse/API-3', 'API-3', all, ACME, [])).toBe('https://beta.atlassian.net/browse/API-3');
  });

  it('keeps a Data Center context path, and tells two sites on one host apart by path', () => {
    expect(keyTarget('https://jira.corp.example/jira/browse/OPS-2', 'OPS-2', all, ACME, [])).toBe(
      'https://jira.corp.example/jira/browse/OPS-2',
    );
    expect(keyTarget('https://jira.corp.example/browse/OPS-2', 'OPS-2', all, ACME, [])).toBe('https://jira.corp.example/browse/OPS-2');
    expect(keyTarget('https://jira.corp.example/jiraX/browse/OPS-2', 'OPS-2', [ACME, DC], ACME, [])).toBe(
      'https://jira.corp.example/jiraX/browse/OPS-2',
    );
  });

  it('matches a URL pasted without its scheme to a site on http:// (same host and port)', () => {
    const plain = conn('plain', 'http://jira.corp:8080/jira');
    const plainRoot = conn('plainroot', 'http://tracker.corp');
    const list = [ACME, plain, plainRoot];
    expect(keyTarget('jira.corp:8080/jira/browse/OPS-2', 'OPS-2', list, ACME, [])).toBe('http://jira.corp:8080/jira/browse/OPS-2');
    expect(keyTarget('tracker.corp/browse/OPS-2', 'OPS-2', list, ACME, [])).toBe('http://tracker.corp/browse/OPS-2');
    // Another port is another site; a URL typed with https:// is taken at its word.
    expect(keyTarget('jira.corp:9090/jira/browse/OPS-2', 'OPS-2', list, ACME, [])).toBe('https://jira.corp:9090/jira/browse/OPS-2');
    expect(keyTarget('https://jira.corp:8080/jira/browse/OPS-2', 'OPS-2', list, ACME, [])).toBe('https://jira.corp:8080/jira/browse/OPS-2');
    // Both schemes saved for one host: the https one wins for a scheme-less paste.
    const secure = conn('secure', 'https://tracker.corp');
    expect(keyTarget('tracker.corp/browse/OPS-2', 'OPS-2', [plainRoot, secure], ACME, [])).toBe('https://tracker.corp/browse/OPS-2');
    expect(keyTarget('http://tracker.corp/browse/OPS-2', 'OPS-2', [plainRoot, secure], ACME, [])).toBe('http://tracker.corp/browse/OPS-2');
  });

  it('opens a URL on no connection as pasted', () => {
    expect(keyTarget('https://other.atlassian.net/browse/X-9?focusedCommentId=1', 'X-9', all, ACME, [])).toBe(
      'https://other.atlassian.net/browse/X-9?focusedCommentId=1',
    );
  });

  it('opens a bare key on the connection shown', () => {
    expect(keyTarget('api-3', 'API-3', all, BETA, [row('acme', 'API-1')])).toBe('https://beta.atlassian.net/browse/API-3');
  });

  it('in the merged view, opens a bare key where its project is listed, else on the first connection', () => {
    const rows = [row('acme', 'WEB-1'), row('beta', 'API-1')];
    expect(keyTarget('api-3', 'API-3', all, undefined, rows)).toBe('https://beta.atlassian.net/browse/API-3');
    expect(keyTarget('ZZ-3', 'ZZ-3', all, undefined, rows)).toBe('https://acme.atlassian.net/browse/ZZ-3');
    expect(keyTarget('ZZ-3', 'ZZ-3', [], undefined, [])).toBeUndefined();
  });
});
