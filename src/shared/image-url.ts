// Which image URLs from Jira data the popup may load: the connection's own site, or
// Atlassian's avatar hosts (a Gravatar URL: its Atlassian fallback). Anything else (an attacker-controlled URL in a custom avatar,
// a tracking pixel, javascript:/data:) gets the neutral placeholder instead.
// Another Cloud site (OTHER.atlassian.net) is refused too: anyone can own a tenant, so its
// images are as good as a tracking pixel. The connection's own site passes as its origin.

// User avatars on Cloud.
const AVATAR_HOST = /^avatar-management--avatars\.[a-z0-9-]+\.prod\.public\.atl-paas\.net$/;
const ATLASSIAN_HOSTS: RegExp[] = [
  AVATAR_HOST,
  // The gateway that scoped tokens call (docs/jira-api.md#scoped-tokens), for URLs in its answers.
  /^api\.atlassian\.com$/,
];

/**
 * Jira Cloud names many users' avatars as secure.gravatar.com/avatar/<hash>?d=<Atlassian's
 * initials avatar>. Gravatar is a third party (it would learn the user's IP and the e-mail
 * hash): the popup shows the `d=` fallback on Atlassian's avatar host instead, or nothing.
 */
function gravatarFallback(u: URL): string | undefined {
  if (u.hostname !== 'secure.gravatar.com') return undefined;
  const d = parse(u.searchParams.get('d') ?? '');
  if (d?.protocol !== 'https:' || d.port !== '' || d.username || d.password || !AVATAR_HOST.test(d.hostname)) return undefined;
  return d.href;
}

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
  return ATLASSIAN_HOSTS.some((re) => re.test(u.hostname)) ? u.href : gravatarFallback(u);
}

/**
 * Images only the connection's credentials load: on its own site, or on the API gateway a
 * scoped token calls. Pages show them only as the background fetched them with the token
 * (background/issues/icons.ts): loading them directly would send the browser's Jira cookies,
 * or fail (403) when the user is not logged in to Jira in this browser.
 */
export function needsCredentials(url: string, siteUrl: string): boolean {
  const u = parse(url);
  const site = parse(siteUrl);
  return !u || !site || u.origin === site.origin || u.host === 'api.atlassian.com';
}

/** The data: URL stored for `url` in an icons cache entry (storage-keys.ts CachedIcons), if it is an image. */
export function storedIcon(cache: unknown, url: string): string | undefined {
  const c = cache as { v?: unknown; icons?: Record<string, { data?: unknown } | undefined> } | undefined;
  if (c?.v !== 1 || !c.icons || typeof c.icons !== 'object' || !Object.hasOwn(c.icons, url)) return undefined;
  const data = c.icons[url]?.data;
  return typeof data === 'string' && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(data) ? data : undefined;
}
