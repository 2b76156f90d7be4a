import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/connection';
import { credentialsReducer, draftOf, initialCredentials } from './form-state';

const saved: ConnectionSummary = {
  id: 'c1',
  name: 'Corp',
  siteUrl: 'https://jira.corp.example',
  deployment: 'server',
  authMethod: 'pat',
  username: '',
  user: { displayName: 'Ada' },
  siteTitle: 'Corp',
  scoped: false,
  createdAt: 1,
  updatedAt: 1,
  status: { state: 'ok' },
};

describe('credentialsReducer', () => {
  it('fills a capture once: the same nonce again changes nothing', () => {
    const first = credentialsReducer(initialCredentials(undefined, undefined), {
      type: 'capture',
      capture: { nonce: 1, token: 'ATATT3a', siteUrl: 'https://acme.atlassian.net', username: 'ada@acme.com' },
    });
    expect(first).toMatchObject({ secret: 'ATATT3a', cloud: true, url: 'https://acme.atlassian.net', hint: '', focus: { target: 'next' } });
    const typed = credentialsReducer(first, { type: 'secret', value: 'ATATT3typed' });
    expect(credentialsReducer(typed, { type: 'capture', capture: { nonce: 1, token: 'ATATT3a' } })).toBe(typed);
  });

  it('a capture keeps what the user typed, and a re-authentication keeps the connection’s site and kind', () => {
    const typed = credentialsReducer(initialCredentials(undefined, undefined), { type: 'url', value: 'https://beta.atlassian.net' });
    const filled = credentialsReducer(typed, { type: 'capture', capture: { nonce: 2, token: 't', siteUrl: 'https://acme.atlassian.net' } });
    expect(filled).toMatchObject({ url: 'https://beta.atlassian.net', hint: 'Token received — enter your Username.' });
    const reauth = initialCredentials(saved, { nonce: 3, token: 'pat-new' });
    expect(draftOf(reauth)).toEqual({
      siteUrl: 'https://jira.corp.example',
      deployment: 'server',
      authMethod: 'pat',
      username: '',
      secret: 'pat-new',
    });
  });

  it('the address decides Jira Cloud until the user sets it', () => {
    let s = credentialsReducer(initialCredentials(undefined, undefined), { type: 'url', value: 'acme.atlassian.net' });
    expect(s.cloud).toBe(true);
    s = credentialsReducer(s, { type: 'cloud', checked: false });
    s = credentialsReducer(s, { type: 'url', value: 'https://beta.atlassian.net' });
    expect(s.cloud).toBe(false);
  });
});
