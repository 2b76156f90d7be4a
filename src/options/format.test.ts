import { describe, expect, it } from 'vitest';
import { ATLASSIAN_TOKEN_PAGE } from '../shared/connection';
import { checkedAgo, expiryInfo, revokeHint, safeHttpUrl, secretLabel, stateLabel, stateTone, todayIso, userLine } from './format';

const now = new Date(2026, 10, 28, 15, 0, 0);

describe('stateLabel', () => {
  it.each([
    ['ok', 'OK'],
    ['token-rejected', 'Token rejected'],
    ['captcha', 'Sign-in blocked'],
    ['no-site-access', 'No site access'],
    ['unreachable', 'Unreachable'],
    ['unchecked', 'Not checked yet'],
  ] as const)('%s -> %s', (state, label) => {
    expect(stateLabel(state)).toBe(label);
  });
  it('tones', () => {
    expect(stateTone('ok')).toBe('good');
    expect(stateTone('unchecked')).toBe('neutral');
    expect(stateTone('captcha')).toBe('bad');
  });
});

describe('expiryInfo', () => {
  it.each([
    [undefined, undefined],
    ['not a date', undefined],
    ['2026-11-27', { text: 'Token expired yesterday', level: 'expired' }],
    ['2026-11-28', { text: 'Token expires today', level: 'warn' }],
    ['2026-11-29', { text: 'Token expires tomorrow', level: 'warn' }],
    ['2026-12-12', { text: 'Token expires in 14 days', level: 'warn' }],
    ['2026-12-13', { text: 'Token expires in 15 days', level: 'ok' }],
  ])('%s', (date, expected) => {
    expect(expiryInfo(date, now)).toEqual(expected);
  });
});

describe('userLine', () => {
  it('shows display name and username', () => {
    expect(userLine({ displayName: 'Ada Lovelace' }, 'ada@example.com')).toBe('user: Ada Lovelace (ada@example.com)');
  });
  it('leaves out an empty or identical username', () => {
    expect(userLine({ displayName: 'Ada' }, '')).toBe('user: Ada');
    expect(userLine({ displayName: 'ada' }, 'ada')).toBe('user: ada');
  });
});

describe('secretLabel', () => {
  it('names the secret after the sign-in method', () => {
    expect(secretLabel('cloud-token')).toBe('API Token');
    expect(secretLabel('password')).toBe('Password');
    expect(secretLabel('pat')).toBe('Personal access token');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://jira.example.com/jira', 'https://jira.example.com/jira'],
    ['http://localhost:8080', 'http://localhost:8080/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('revokeHint', () => {
  it('Cloud: the token page', () => {
    expect(revokeHint({ authMethod: 'cloud-token', siteUrl: 'https://a.atlassian.net' }, null)).toEqual({
      linkText: 'revoke the token',
      href: ATLASSIAN_TOKEN_PAGE,
    });
  });
  it('PAT: the revoke URL from the background, or the site', () => {
    const site = { authMethod: 'pat' as const, siteUrl: 'https://jira.corp.example' };
    expect(revokeHint(site, 'https://jira.corp.example/secure/ViewProfile.jspa')?.href).toBe(
      'https://jira.corp.example/secure/ViewProfile.jspa',
    );
    expect(revokeHint(site, null)).toEqual({ linkText: 'revoke the personal access token in Jira', href: 'https://jira.corp.example/' });
    expect(revokeHint(site, 'javascript:alert(1)')?.href).toBe('https://jira.corp.example/');
  });
  it('password: nothing to revoke', () => {
    expect(revokeHint({ authMethod: 'password', siteUrl: 'https://jira.corp.example' }, null)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('todayIso', () => expect(todayIso(now)).toBe('2026-11-28'));
  it('checkedAgo', () => {
    const t = now.getTime();
    expect(checkedAgo(undefined, t)).toBe('');
    expect(checkedAgo(t - 10_000, t)).toBe('checked now');
    expect(checkedAgo(t - 5 * 60_000, t)).toBe('checked 5 minutes ago');
    expect(checkedAgo(t - 3 * 3_600_000, t)).toBe('checked 3 hours ago');
    expect(checkedAgo(t - 49 * 3_600_000, t)).toBe('checked 2 days ago');
  });
});
