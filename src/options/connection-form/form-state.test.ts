import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../shared/connection';
import { credentialsReducer, draftOf, initialCredentials, plainHttpConfirmed, plainHttpOriginOf } from './form-state';

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

  it('an atlassian.net address checks Jira Cloud; another address unchecks it until the user sets it', () => {
    let s = credentialsReducer(initialCredentials(undefined, undefined), { type: 'url', value: 'acme.atlassian.net' });
    expect(s.cloud).toBe(true);
    s = credentialsReducer(s, { type: 'url', value: 'https://jira.corp.example' });
    expect(s.cloud).toBe(false);
    s = credentialsReducer(s, { type: 'cloud', checked: true });
    s = credentialsReducer(s, { type: 'url', value: 'https://jira.acme.example' });
    expect(s.cloud).toBe(true);
    s = credentialsReducer(s, { type: 'cloud', checked: false });
    // Unchecked, an atlassian.net address would only be sent back to the box: it checks it.
    s = credentialsReducer(s, { type: 'url', value: 'https://beta.atlassian.net' });
    expect(s.cloud).toBe(true);
    // A re-authentication keeps the connection's kind.
    const reauth = credentialsReducer(initialCredentials(saved, undefined), { type: 'url', value: 'https://acme.atlassian.net' });
    expect(reauth.cloud).toBe(false);
  });

  it.each<[string, boolean, string | undefined]>([
    // [address, Jira Cloud checked, the plain-http origin the form warns about]
    ['http://jira.corp.example:8080/jira/browse/X-1', false, 'http://jira.corp.example:8080'],
    ['HTTP://JIRA.corp.example/', false, 'http://jira.corp.example'],
    ['http://10.1.2.3/jira', false, 'http://10.1.2.3'],
    ['https://jira.corp.example', false, undefined],
    ['http://localhost:2990/jira', false, undefined],
    ['http://127.0.0.1:8080', false, undefined],
    ['http://jira.corp.example', true, undefined],
    ['http://acme.atlassian.net', false, undefined],
    ['http://', false, undefined],
  ])('%s (Jira Cloud %s): warns for %s', (url, cloud, origin) => {
    expect(plainHttpOriginOf({ url, cloud })).toBe(origin);
  });

  it('the plain-http confirmation holds for the origin confirmed, not for another', () => {
    let s = credentialsReducer(initialCredentials(undefined, undefined), { type: 'url', value: 'http://jira.corp.example/jira' });
    expect(plainHttpConfirmed(s)).toBe(false);
    s = credentialsReducer(s, { type: 'plainHttp', checked: true });
    expect(plainHttpConfirmed(s)).toBe(true);
    // The same origin, another path: still confirmed.
    s = credentialsReducer(s, { type: 'url', value: 'http://jira.corp.example/jira/browse/X-1' });
    expect(plainHttpConfirmed(s)).toBe(true);
    s = credentialsReducer(s, { type: 'url', value: 'http://jira.corp.example:8080/jira' });
    expect(plainHttpConfirmed(s)).toBe(false);
    s = credentialsReducer(s, { type: 'url', value: 'http://jira.corp.example/jira' });
    s = credentialsReducer(s, { type: 'plainHttp', checked: false });
    expect(plainHttpConfirmed(s)).toBe(false);
  });
});
