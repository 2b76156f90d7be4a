import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { canonicalSiteUrl, hostOf, isCloudHost, isLocalHost, normaliseSiteUrl, originPatternFor, sameSite } from './site-url';

describe('normaliseSiteUrl: accepted input', () => {
  it.each([
    // [input, siteUrl]
    ['acme.atlassian.net', 'https://acme.atlassian.net'],
    ['  https://acme.atlassian.net/  ', 'https://acme.atlassian.net'],
    ['HTTPS://ACME.Atlassian.NET', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/browse/ACME-1', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/software/projects/X/boards/1', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/issues/?jql=project%20%3D%20X', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/your-work#top', 'https://acme.atlassian.net'],
    ['https://legacy.jira.com/secure/Dashboard.jspa', 'https://legacy.jira.com'],
    ['https://jira.corp.example', 'https://jira.corp.example'],
    ['https://jira.corp.example/', 'https://jira.corp.example'],
    ['https://jira.corp.example/jira', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/jira/', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/jira/browse/X-1', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/browse/X-1?focusedCommentId=1#c1', 'https://jira.corp.example'],
    ['https://jira.corp.example/jira/secure/RapidBoard.jspa?rapidView=1', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/secure/Dashboard.jspa', 'https://jira.corp.example'],
    ['https://jira.corp.example/Dashboard.jspa', 'https://jira.corp.example'],
    ['https://jira.corp.example/jira/projects/X/issues', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/jira/issues/?jql=a', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/jira/rest/api/2/serverInfo', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/plugins/servlet/x', 'https://jira.corp.example'],
    ['https://jira.corp.example/tools/jira/login.jsp', 'https://jira.corp.example/tools/jira'],
    ['https://jira.corp.example/servicedesk/customer/portal/1', 'https://jira.corp.example'],
    ['https://jira.corp.example/jira/software/projects/X/boards/1', 'https://jira.corp.example'],
    ['https://jira.corp.example/ctx/jira/software/c/projects/X', 'https://jira.corp.example/ctx'],
    ['https://jira.corp.example/Jira/', 'https://jira.corp.example/Jira'],
    ['https://jira.corp.example//jira//browse/X-1', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example:8443/jira/browse/X-1', 'https://jira.corp.example:8443/jira'],
    ['https://jira.corp.example:443/jira', 'https://jira.corp.example/jira'],
    ['jira.corp.example:8443/jira', 'https://jira.corp.example:8443/jira'],
    ['//jira.corp.example/jira', 'https://jira.corp.example/jira'],
    ['http://localhost:8080/jira', 'http://localhost:8080/jira'],
    ['http://127.0.0.1:2990/jira/browse/X-1', 'http://127.0.0.1:2990/jira'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://jira.localhost', 'http://jira.localhost'],
    ['https://jira', 'https://jira'],
    // Plain http to another computer is parsed (whether it may be used is the draft's check).
    ['http://jira.corp.example:8080/jira/browse/X-1', 'http://jira.corp.example:8080/jira'],
    ['http://10.0.0.5/jira', 'http://10.0.0.5/jira'],
    ['HTTP://JIRA.Corp.Example:80/', 'http://jira.corp.example'],
    // Jira Cloud is https only: an http:// Cloud address is the https site.
    ['http://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['http://acme.atlassian.net:80/browse/X-1', 'https://acme.atlassian.net'],
    ['http://acme.atlassian.net:443', 'https://acme.atlassian.net'],
    // A fully qualified name with its trailing dot is the same host.
    ['https://acme.atlassian.net./browse/X-1', 'https://acme.atlassian.net'],
    ['jira.corp.example.:8443/jira/', 'https://jira.corp.example:8443/jira'],
    // Internationalised host names: one ASCII (punycode) form, whatever the case or script form.
    ['https://jira.bücher.example/jira', 'https://jira.xn--bcher-kva.example/jira'],
    ['JIRA.BÜCHER.EXAMPLE/jira/browse/X-1', 'https://jira.xn--bcher-kva.example/jira'],
    ['https://jira.xn--bcher-kva.example/jira/', 'https://jira.xn--bcher-kva.example/jira'],
    ['https://ｊｉｒａ.corp.example', 'https://jira.corp.example'],
    // Export links of an issue or a search.
    ['https://jira.corp.example/jira/si/jira.issueviews:issue-xml/X-1/X-1.xml', 'https://jira.corp.example/jira'],
    ['https://jira.corp.example/sr/jira.issueviews:searchrequest-xml/10000/SearchRequest-10000.xml', 'https://jira.corp.example'],
  ])('%s -> %s', (input, siteUrl) => {
    expect(normaliseSiteUrl(input).siteUrl).toBe(siteUrl);
  });

  it('gives origin, originPattern and the kind of host', () => {
    expect(normaliseSiteUrl('https://jira.corp.example:8443/jira/browse/X-1')).toEqual({
      siteUrl: 'https://jira.corp.example:8443/jira',
      origin: 'https://jira.corp.example:8443',
      originPattern: 'https://jira.corp.example/*',
      isCloud: false,
      isLocal: false,
      plainHttp: false,
    });
    expect(normaliseSiteUrl('acme.atlassian.net')).toEqual({
      siteUrl: 'https://acme.atlassian.net',
      origin: 'https://acme.atlassian.net',
      originPattern: 'https://acme.atlassian.net/*',
      isCloud: true,
      isLocal: false,
      plainHttp: false,
    });
    expect(normaliseSiteUrl('http://localhost:8080')).toMatchObject({
      isLocal: true,
      isCloud: false,
      plainHttp: false,
      originPattern: 'http://localhost/*',
    });
  });

  it.each([
    // [input, plainHttp, originPattern]: the pattern asks for that scheme only, never both.
    ['http://jira.corp.example:8080/jira', true, 'http://jira.corp.example/*'],
    ['http://10.0.0.5/jira', true, 'http://10.0.0.5/*'],
    ['http://localhost.evil.com', true, 'http://localhost.evil.com/*'],
    ['https://jira.corp.example', false, 'https://jira.corp.example/*'],
    ['http://127.0.0.1:2990', false, 'http://127.0.0.1/*'],
    ['http://acme.atlassian.net', false, 'https://acme.atlassian.net/*'],
  ])('%s: plainHttp %s, asks for %s', (input, plainHttp, originPattern) => {
    expect(normaliseSiteUrl(input)).toMatchObject({ plainHttp, originPattern });
  });
});

function errorOf(input: string): AppError {
  try {
    normaliseSiteUrl(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe('normaliseSiteUrl: refused input', () => {
  it.each([
    ['', 'invalid-input'],
    ['   ', 'invalid-input'],
    ['https://acme .atlassian.net', 'invalid-input'],
    ['acme.atlassian.net/browse/X 1', 'invalid-input'],
    ['ftp://jira.corp.example', 'bad-url'],
    ['javascript:alert(1)', 'bad-url'],
    ['file:///etc/passwd', 'bad-url'],
    ['data:text/html,hi', 'bad-url'],
    ['chrome-extension://abc/page.html', 'bad-url'],
    ['https://user:pass@jira.corp.example', 'bad-url'],
    ['https://user@jira.corp.example', 'bad-url'],
    ['https://', 'bad-url'],
    ['https://exa mple', 'invalid-input'],
    ['https://[bad', 'bad-url'],
    ['https://.', 'bad-url'],
    ['https://...', 'bad-url'],
  ])('%j -> %s', (input, kind) => {
    const e = errorOf(input);
    expect(e.kind).toBe(kind);
    expect(e.field).toBe('siteUrl');
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('never echoes credentials from the URL', () => {
    expect(errorOf('https://alice:s3cr3t@jira.corp.example').message).not.toContain('s3cr3t');
  });
});

describe('host helpers', () => {
  it.each([
    ['acme.atlassian.net', true],
    ['acme.jira.com', true],
    ['atlassian.net', false],
    ['acme.atlassian.net.evil.com', false],
    ['notatlassian.net', false],
  ])('isCloudHost(%s) = %s', (host, cloud) => expect(isCloudHost(host)).toBe(cloud));

  it.each([
    ['localhost', true],
    ['jira.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['localhost.evil.com', false],
    ['128.0.0.1', false],
  ])('isLocalHost(%s) = %s', (host, local) => expect(isLocalHost(host)).toBe(local));

  it('originPatternFor drops port and path', () => {
    expect(originPatternFor('https://jira.corp.example:8443/jira')).toBe('https://jira.corp.example/*');
  });
});

describe('hostOf', () => {
  it.each([
    ['https://jira.corp.example/*', 'jira.corp.example'],
    ['https://jira.corp.example:8443/jira', 'jira.corp.example:8443'],
    ['HTTPS://Acme.Atlassian.NET', 'acme.atlassian.net'],
    ['http://*/*', '*'],
    ['not a url', 'not a url'],
  ])('%s -> %s', (input, host) => {
    expect(hostOf(input)).toBe(host);
  });
});

describe('one canonical site', () => {
  // Every spelling in a row is the same site: one base URL, so one connection.
  it.each([
    [
      'https://acme.atlassian.net',
      [
        'acme.atlassian.net',
        'ACME.Atlassian.Net',
        'https://acme.atlassian.net/',
        'https://acme.atlassian.net:443',
        'http://acme.atlassian.net',
        'https://acme.atlassian.net./',
        'https://acme.atlassian.net/browse/WEB-1',
        'https://acme.atlassian.net/jira/software/projects/WEB/boards/1',
        'https://acme.atlassian.net/jira/your-work',
        'https://acme.atlassian.net/secure/Dashboard.jspa',
        '  https://acme.atlassian.net//  ',
      ],
    ],
    [
      'https://jira.corp.example/jira',
      [
        'jira.corp.example/jira',
        'https://JIRA.CORP.EXAMPLE/jira/',
        'https://jira.corp.example:443/jira',
        'https://jira.corp.example/jira/browse/INFRA-1',
        'https://jira.corp.example/jira/secure/Dashboard.jspa',
        'https://jira.corp.example/jira/secure/RapidBoard.jspa?rapidView=3',
        'https://jira.corp.example/jira/projects/INFRA/issues/INFRA-1?filter=allopenissues',
        'https://jira.corp.example/jira/issues/?jql=project%20%3D%20INFRA',
        'https://jira.corp.example/jira/login.jsp',
        'https://jira.corp.example/jira/rest/api/2/serverInfo',
        'https://jira.corp.example./jira#top',
      ],
    ],
    [
      'https://jira.corp.example:8443',
      ['jira.corp.example:8443', 'https://jira.corp.example:8443/', 'HTTPS://Jira.Corp.Example:8443/browse/X-1'],
    ],
    ['http://jira.corp.example:8080/jira', ['http://jira.corp.example:8080/jira/', 'HTTP://JIRA.corp.example:8080/jira/browse/X-1']],
    [
      'https://jira.xn--bcher-kva.example',
      ['jira.bücher.example', 'https://JIRA.BÜCHER.example/', 'https://jira.xn--bcher-kva.example/browse/X-1'],
    ],
  ])('%s', (canonical, spellings) => {
    for (const spelling of spellings) {
      expect(canonicalSiteUrl(spelling), spelling).toBe(canonical);
      expect(sameSite(spelling, canonical), spelling).toBe(true);
    }
  });

  it.each([
    // Different sites: another port, another scheme, another context path, another host.
    ['https://jira.corp.example', 'https://jira.corp.example:8443'],
    ['https://jira.corp.example', 'http://jira.corp.example'],
    ['https://jira.corp.example/jira', 'https://jira.corp.example'],
    ['https://jira.corp.example/jira', 'https://jira.corp.example/Jira'],
    ['https://acme.atlassian.net', 'https://beta.atlassian.net'],
    ['https://acme.atlassian.net', 'not an address'],
    ['', ''],
  ])('%s is not %s', (a, b) => {
    expect(sameSite(a, b)).toBe(false);
  });
});
