// safeHref: the one link check of both renderers.
import { describe, expect, it } from 'vitest';
import { safeHref } from './links';

const SITE = 'https://jira.example.com/jira';

describe('safeHref', () => {
  it.each([
    // Relative links from Data Center resolve under the site's context path.
    ['/jira/browse/X-1', SITE, 'https://jira.example.com/jira/browse/X-1'],
    ['browse/X-2', SITE, 'https://jira.example.com/jira/browse/X-2'],
    ['browse/X-2', `${SITE}/`, 'https://jira.example.com/jira/browse/X-2'],
    ['../secure/Dashboard.jspa', SITE, 'https://jira.example.com/secure/Dashboard.jspa'],
    ['//cdn.example.org/a', SITE, 'https://cdn.example.org/a'],
    ['https://example.org/a b?q=1#f', SITE, 'https://example.org/a%20b?q=1#f'],
    ['  http://example.org/  ', SITE, 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/', SITE, 'https://example.org/'],
    ['mailto:ann@example.org', SITE, 'mailto:ann@example.org'],
    ['https://example.org/', '', 'https://example.org/'],
  ])('keeps %j (site %j) as %j', (href, site, expected) => {
    expect(safeHref(href, site)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    [' JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['javascript://example.org/%0Aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['DATA:text/html;base64,PHNjcmlwdD4='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['blob:https://jira.example.com/1234'],
    ['chrome-extension://abc/popup.html'],
    ['ftp://example.org/'],
    ['tel:+15550100'],
    ['https://jira.example.com@evil.example/'],
    ['https://user:pass@example.org/'],
    ['#section'],
    [''],
    ['   '],
    ['http://[bad'],
    [`https://example.org/${'a'.repeat(5000)}`],
  ])('refuses %j', (href) => {
    expect(safeHref(href, SITE)).toBeUndefined();
  });

  it.each([[undefined], [null], [42], [{ href: 'https://example.org' }], [['https://example.org']]])('refuses a non-string %j', (href) => {
    expect(safeHref(href, SITE)).toBeUndefined();
  });

  it('refuses relative links without a usable site (rather than guessing one)', () => {
    expect(safeHref('/browse/X-1', '')).toBeUndefined();
    expect(safeHref('/browse/X-1', 'not a url')).toBeUndefined();
    expect(safeHref('/browse/X-1', 'javascript:alert(1)')).toBeUndefined();
  });
});
