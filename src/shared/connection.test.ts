import { describe, expect, it } from 'vitest';
import { ATLASSIAN_TOKEN_PAGE, isTokenPageUrl } from './connection';

describe('isTokenPageUrl', () => {
  it.each([
    [ATLASSIAN_TOKEN_PAGE, true],
    [`${ATLASSIAN_TOKEN_PAGE}/`, true],
    [`${ATLASSIAN_TOKEN_PAGE}?autofocus=true#new`, true],
    [`${ATLASSIAN_TOKEN_PAGE}/scoped`, true],
    ['https://id.atlassian.com/manage/api-tokens', true],
    ['HTTPS://ID.ATLASSIAN.COM/manage/api-tokens', true],
    ['https://id.atlassian.com:443/manage/api-tokens', true],
    // Other account pages the app moves to in place.
    ['https://id.atlassian.com/manage-profile/profile-and-visibility', false],
    ['https://id.atlassian.com/manage-profile/security', false],
    ['https://id.atlassian.com/', false],
    // Look-alikes.
    [`${ATLASSIAN_TOKEN_PAGE}-evil`, false],
    ['https://id.atlassian.com/x/manage/api-tokens', false],
    ['https://id.atlassian.com/MANAGE/api-tokens', false],
    ['http://id.atlassian.com/manage/api-tokens', false],
    ['https://id.atlassian.com:8443/manage/api-tokens', false],
    ['https://id.atlassian.com.evil.example/manage/api-tokens', false],
    ['https://evil.example/manage-profile/security/api-tokens', false],
    ['https://user@id.atlassian.com/manage/api-tokens', false],
    ['', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isTokenPageUrl(url)).toBe(expected);
  });
});
