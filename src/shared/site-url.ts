// Turns whatever the user pasted (a bare host, a board link, an issue link) into the
// site's base URL. Pure: the options page imports it too, so no zod and no browser API.
import { AppError } from './errors';

export interface NormalisedSite {
  /** Scheme + host[:port] + context path, no trailing slash: "https://jira.corp.example/jira". */
  siteUrl: string;
  /** "https://acme.atlassian.net" (with a non-default port when there is one). */
  origin: string;
  /** For permissions.request / contains: "https://jira.corp.example/*" (match patterns ignore ports). */
  originPattern: string;
  /** Host ends with .atlassian.net or .jira.com (always https: an http:// Cloud address is upgraded). */
  isCloud: boolean;
  /** localhost, 127.x, ::1, *.localhost: plain http never leaves this computer. */
  isLocal: boolean;
  /**
   * Plain http:// to another computer: a password or token would cross the network
   * unencrypted. Allowed only for Server/Data Center after the user confirms it
   * (connection-draft.ts, docs/jira-api.md#deployments).
   */
  plainHttp: boolean;
}

/**
 * Path segments that start a page inside Jira rather than the site's context path.
 * A pasted deep link is cut at the first of them: https://host/jira/browse/X-1 -> https://host/jira.
 * Segments ending in .jsp / .jspa (login.jsp, Dashboard.jspa, RapidBoard.jspa) count too.
 */
const DEEP_LINK_SEGMENTS = new Set([
  'browse',
  'secure',
  'projects',
  'issues',
  'rest',
  'plugins',
  'servicedesk',
  // Issue and search exports (/si/jira.issueviews:issue-xml/X-1, /sr/jira.issueviews:searchrequest-xml/...).
  'si',
  'sr',
]);

const CLOUD_SUFFIXES = ['.atlassian.net', '.jira.com'];

function invalid(message: string): AppError {
  return new AppError({ kind: 'invalid-input', field: 'siteUrl', message });
}

function badUrl(message: string): AppError {
  return new AppError({ kind: 'bad-url', field: 'siteUrl', message });
}

/** A Jira Cloud host: a subdomain of atlassian.net or (legacy) jira.com (docs/jira-api.md#custom-domains). */
export function isCloudHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return CLOUD_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

/** This computer (localhost, 127.x, ::1, *.localhost): plain http is allowed there. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
}

/**
 * The host (with a port other than the default) of a URL or a match pattern, for messages:
 * "jira.acme.com" of "https://jira.acme.com/*" or "https://jira.acme.com/jira". Text that is
 * neither comes back as it is.
 */
export function hostOf(urlOrPattern: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(urlOrPattern.trim());
  return match?.[1]?.toLowerCase() ?? urlOrPattern;
}

/** The match pattern covering a URL's host: "https://host/*" (patterns cannot carry a port). */
export function originPatternFor(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Adds https:// to a bare host. "acme.atlassian.net", "jira.corp:8443/jira" and "//host" are
 * bare; "javascript:alert(1)" or "mailto:x" keep their scheme and are refused later.
 */
function withScheme(input: string): string {
  if (input.startsWith('//')) return `https:${input}`;
  const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(input);
  if (!scheme) return `https://${input}`;
  const rest = scheme[2] ?? '';
  // "host:8080" or "host:8080/jira": the part after the colon is a port, not a scheme's data.
  if (/^\d+(\/|$)/.test(rest)) return `https://${input}`;
  return input;
}

/**
 * Reduces a self-hosted path to the context path. Cut at the first deep-link segment; a
 * "jira/software" pair (the Jira Software app's URLs, /jira/software/projects/X/boards/1)
 * is cut before its "jira" segment, so whatever precedes it stays the context path.
 */
function contextPath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s !== '');
  const kept: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const lower = segment.toLowerCase();
    if (DEEP_LINK_SEGMENTS.has(lower) || lower.endsWith('.jsp') || lower.endsWith('.jspa')) break;
    if (lower === 'jira' && segments[i + 1]?.toLowerCase() === 'software') break;
    kept.push(segment);
  }
  return kept.length ? `/${kept.join('/')}` : '';
}

/**
 * The site's one canonical base URL from whatever was typed or pasted, so the same site typed
 * any way is one connection (docs/jira-api.md#deployments): scheme and host in lower case, an
 * internationalised host in its ASCII (punycode) form, no trailing dot, no default port (an
 * explicit other port kept), a page link cut at its first Jira page segment with the context
 * path kept, no trailing slash, no query or fragment. A Jira Cloud host is always https
 * (Atlassian serves Cloud over https only) and never has a context path.
 * Throws AppError 'invalid-input' (empty, spaces) or 'bad-url' (not a web address, user info
 * in it), each with `field: 'siteUrl'`. Plain http is returned with `plainHttp`, not refused:
 * whether it may be used depends on the kind of Jira (checkConnectionDraft).
 */
export function normaliseSiteUrl(input: string): NormalisedSite {
  const trimmed = input.trim();
  if (!trimmed) throw invalid('Enter the address of your Jira site, for example https://your-company.atlassian.net.');
  if (/\s/.test(trimmed)) throw invalid('The site address cannot contain spaces. Paste the address from the browser’s address bar.');

  let url: URL;
  try {
    url = new URL(withScheme(trimmed));
  } catch {
    throw badUrl('This is not a web address. Enter it like https://your-company.atlassian.net or https://jira.example.com/jira.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badUrl('The site address must start with https:// (or http:// for a Jira your company runs without https).');
  }
  if (url.username || url.password) {
    throw badUrl('Remove the user name and password from the address: enter them in the sign-in fields instead.');
  }
  // "jira.example.com." (a fully qualified name) is the same host as "jira.example.com".
  const bareHost = url.hostname.replace(/\.+$/, '');
  if (!bareHost) throw badUrl('The site address has no host name.');
  if (bareHost !== url.hostname) url.hostname = bareHost;

  const hostname = url.hostname.toLowerCase();
  const isCloud = isCloudHost(hostname);
  const isLocal = isLocalHost(hostname);
  // The URL setter drops a port that is https's default (an http://host:443 becomes https://host).
  if (isCloud && url.protocol === 'http:') url.protocol = 'https:';

  // URL already lower-cases the host, turns an IDN into punycode and drops a default port;
  // url.host keeps any other port.
  const origin = `${url.protocol}//${url.host}`;
  // Cloud sites never have a context path: every pasted page link reduces to the site.
  const path = isCloud ? '' : contextPath(url.pathname);
  return {
    siteUrl: `${origin}${path}`,
    origin,
    originPattern: `${url.protocol}//${hostname}/*`,
    isCloud,
    isLocal,
    plainHttp: url.protocol === 'http:' && !isLocal,
  };
}

/**
 * The canonical base URL of `input` (normaliseSiteUrl's siteUrl), or undefined when it is no
 * site address. For comparing stored and typed addresses: two spellings of one site give the
 * same string.
 */
export function canonicalSiteUrl(input: string): string | undefined {
  try {
    return normaliseSiteUrl(input).siteUrl;
  } catch {
    return undefined;
  }
}

/** `a` and `b` are the same Jira site however each was typed (canonicalSiteUrl); false when either is no address. */
export function sameSite(a: string, b: string): boolean {
  const ca = canonicalSiteUrl(a);
  return ca !== undefined && ca === canonicalSiteUrl(b);
}
