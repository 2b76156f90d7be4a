// Which image URLs from Jira data the popup may load: the connection's own site, or
// Atlassian's avatar hosts. Anything else (an attacker-controlled URL in a custom avatar,
// a tracking pixel, javascript:/data:) gets the neutral placeholder instead.
// Another Cloud site (OTHER.atlassian.net) is refused too: anyone can own a tenant, so its
// images are as good as a tracking pixel. The connection's own site passes as its origin.

const ATLASSIAN_HOSTS: RegExp[] = [
  // User avatars on Cloud.
  /^avatar-management--avatars\.[a-z0-9-]+\.prod\.public\.atl-paas\.net$/,
  /^secure\.gravatar\.com$/,
  // The gateway that scoped tokens call (JIRA_FACTS.md), for URLs in its answers.
  /^api\.atlassian\.com$/,
];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** `url` when it may be shown as an image for a connection on `siteUrl`, else undefined. */
export function safeImageUrl(url: string | undefined | null, siteUrl: string): string | undefined {
  if (!url || typeof url !== 'string') return undefined;
  const u = parse(url);
  if (!u || u.username || u.password) return undefined;
  const site = parse(siteUrl);
  if (site && (site.protocol === 'https:' || site.protocol === 'http:') && u.origin === site.origin) return u.href;
  if (u.protocol !== 'https:' || u.port !== '') return undefined;
  return ATLASSIAN_HOSTS.some((re) => re.test(u.hostname)) ? u.href : undefined;
}
