// Every refusal blames the right thing: a login Jira refused to check, a scope a token lacks,
// and Jira's own reasons from every body shape it uses (docs/jira-api.md#failed-logins,
// #scoped-tokens, #error-bodies).
import { describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { isScopeMismatch, missingScopeMessage, throwIfFailed } from './answer-errors';
import type { Answer } from './body';
import { jiraErrorMessages } from './errors-body';
import { neededScope } from './scopes';

const DC_BASE = new URL('https://jira.corp.example/jira/');
const GATEWAY_BASE = new URL('https://api.atlassian.com/ex/jira/cloud-1/');
const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text, headers: new Headers({ ...(typeof body === 'string' ? {} : JSON_TYPE), ...headers }) };
}

function thrown(a: Answer, base: URL, authMethod: AuthMethod | undefined, scope?: string): AppError {
  try {
    throwIfFailed(a, base, authMethod, scope);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const DC_401 = { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} };
const CLOUD_401 = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };
const SCOPE_401 = { code: 401, message: 'Unauthorized; scope does not match' };
const SCOPE_HEADERS = { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' };

describe('a login Jira refused to check (AUTHENTICATION_DENIED without CAPTCHA)', () => {
  it.each([
    ['password', 401, DC_401],
    ['pat', 401, DC_401],
    ['password', 200, { sections: [] }],
    ['password', 403, DC_401],
  ] as const)('%s, HTTP %i: captcha kind with the login link, never "wrong password"', (authMethod, status, body) => {
    const e = thrown(answer(status, body, { 'x-seraph-loginreason': 'AUTHENTICATION_DENIED' }), DC_BASE, authMethod);
    expect(e.kind).toBe('captcha');
    expect(e.status).toBe(status);
    expect(e.loginUrl).toBe('https://jira.corp.example/jira/login.jsp');
    expect(e.message).toMatch(/refused to check the sign-in/);
    expect(e.message).not.toMatch(/username or password|rejected/i);
  });

  it.each([
    ['cloud-token', 'AUTHENTICATION_DENIED', 'auth', /API token/],
    ['cloud-token', 'AUTHENTICATED_FAILED', 'auth', /API token/],
    ['password', 'AUTHENTICATED_FAILED', 'auth', /username or password/],
    ['pat', 'AUTHENTICATED_FAILED', 'auth', /personal access token/],
    [undefined, 'AUTHENTICATION_DENIED', 'auth', /requires signing in/],
  ] as const)('%s with %s -> %s', (authMethod, reason, kind, message) => {
    const e = thrown(answer(401, CLOUD_401, { 'x-seraph-loginreason': reason }), DC_BASE, authMethod);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });

  it('the CAPTCHA challenge keeps its own message and its login link on the site', () => {
    const e = thrown(
      answer(403, '<html/>', {
        'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
        'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.corp.example/jira/login.jsp',
      }),
      DC_BASE,
      'password',
    );
    expect([e.kind, e.loginUrl]).toEqual(['captcha', 'https://jira.corp.example/jira/login.jsp']);
    expect(e.message).toMatch(/CAPTCHA/);
  });
});

describe("the gateway's scope refusal: a token that lacks a scope, not a dead token", () => {
  it.each([
    ['body and header, as Atlassian sends it', answer(401, SCOPE_401, SCOPE_HEADERS)],
    ['the body only', answer(401, SCOPE_401)],
    ['the header only', answer(401, '', SCOPE_HEADERS)],
  ])('%s -> missing-scope naming the scope', (_name, a) => {
    expect(isScopeMismatch(a)).toBe(true);
    const e = thrown(a, GATEWAY_BASE, 'cloud-token', 'read:jira-work');
    expect([e.kind, e.scope, e.status]).toEqual(['missing-scope', 'read:jira-work', 401]);
    expect(e.message).toContain('read:jira-work');
    expect(e.message).not.toMatch(/rejected|expired|revoked/);
  });

  it.each([
    ['a rejected token', answer(401, CLOUD_401, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' })],
    ['a 403 that mentions scopes', answer(403, { errorMessages: ['Unauthorized; scope does not match'] })],
    ['a 200', answer(200, SCOPE_401)],
  ])('%s is not a scope refusal', (_name, a) => {
    expect(isScopeMismatch(a)).toBe(false);
  });

  it('without a known scope, says a scope is missing and what covers everything', () => {
    expect(thrown(answer(401, SCOPE_401, SCOPE_HEADERS), GATEWAY_BASE, 'cloud-token').scope).toBeUndefined();
    expect(missingScopeMessage(undefined)).toMatch(/lacks a scope Jira needs/);
    expect(missingScopeMessage(undefined)).toContain('read:jira-user, read:jira-work, write:jira-work');
  });

  it.each([
    ['GET', '/rest/api/3/myself', false, 'read:jira-user'],
    ['GET', '/rest/api/3/serverInfo', false, 'read:jira-user'],
    ['GET', '/rest/api/3/search/jql', false, 'read:jira-work'],
    ['POST', '/rest/api/3/search/jql', true, 'read:jira-work'],
    ['POST', '/rest/api/3/search/approximate-count', false, 'read:jira-work'],
    ['GET', '/rest/api/3/filter/favourite', false, 'read:jira-work'],
    ['GET', '/rest/api/3/issue/WEB-1', false, 'read:jira-work'],
    ['GET', '/rest/api/3/issue/WEB-1/transitions', false, 'read:jira-work'],
    ['POST', '/rest/api/3/issue/WEB-1/transitions', false, 'write:jira-work'],
    ['POST', '/rest/api/3/issue/WEB-1/comment', false, 'write:jira-work'],
    ['PUT', '/rest/api/3/issue/WEB-1/assignee', false, 'write:jira-work'],
    ['GET', '/rest/api/2/universal_avatar/view/type/issuetype/avatar/1', false, undefined],
    ['GET', '/secure/viewavatar', false, undefined],
    ['GET', '/_edge/tenant_info', false, undefined],
  ] as const)('%s %s (idempotent %s) needs %s', (method, path, idempotent, scope) => {
    expect(neededScope(method, path, idempotent)).toBe(scope);
  });
});

describe("Jira's reasons, from every body shape (docs/jira-api.md#error-bodies)", () => {
  it.each([
    ['errorMessages', { errorMessages: ['A'], errors: {} }, ['A']],
    ['errors per field', { errorMessages: [], errors: { summary: 'B', priority: 'C' } }, ['B', 'C']],
    [
      'warningMessages only',
      { errorMessages: [], errors: {}, warningMessages: ["The value 'NOPE' does not exist for the field 'project'."] },
      ["The value 'NOPE' does not exist for the field 'project'."],
    ],
    ["Cloud's edge {message, status-code}", { message: 'Request body is too large.', 'status-code': 400 }, ['Request body is too large.']],
    ["the gateway's {code, message}", { code: 400, message: 'Invalid cloud id' }, ['Invalid cloud id']],
    [
      'all of them, in order, without repeats',
      { errorMessages: ['A', ' '], errors: { f: 'B' }, warningMessages: ['C', 'A'], message: 'D', 'status-code': 400 },
      ['A', 'B', 'C', 'D'],
    ],
    ['strings only', { errorMessages: [1, null, 'A'], errors: { f: 2 }, warningMessages: 'C', message: { x: 1 } }, ['A']],
    [
      "a proxy's or framework's JSON error: its message stays out",
      { timestamp: '2026-11-30T07:00:00Z', status: 500, error: 'Internal Server Error', message: 'java.lang.NullPointerException at x.y' },
      [],
    ],
    ['HTML', '<html><body>Bad Request</body></html>', []],
    ['a JSON array', '["A"]', []],
    ['broken JSON', '{"errorMessages":', []],
  ])('%s', (_name, body, messages) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    expect(jiraErrorMessages(text, typeof body === 'string' ? 'text/html' : 'application/json')).toEqual(messages);
  });

  it.each([
    [400, 'bad-request'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'bad-request'],
  ])('HTTP %i with the reason only in warningMessages or {message}: the reason is the message, never "HTTP %i"', (status, kind) => {
    for (const body of [
      { errorMessages: [], errors: {}, warningMessages: ['Field labels cannot be set.'] },
      { message: 'Field labels cannot be set.', 'status-code': status },
      { code: status, message: 'Field labels cannot be set.' },
    ]) {
      const e = thrown(answer(status, body), DC_BASE, 'pat');
      expect([e.kind, e.message, e.details]).toEqual([kind, 'Field labels cannot be set.', ['Field labels cannot be set.']]);
      expect(e.message).not.toMatch(/HTTP/);
    }
  });

  it("a server error keeps its own message and adds Jira's reasons as details", () => {
    const e = thrown(answer(500, { errorMessages: ['Index is being rebuilt.'], errors: {} }), DC_BASE, 'pat');
    expect([e.kind, e.details]).toEqual(['server', ['Index is being rebuilt.']]);
    expect(thrown(answer(500, '<html>stack trace</html>'), DC_BASE, 'pat').details).toBeUndefined();
  });
});
