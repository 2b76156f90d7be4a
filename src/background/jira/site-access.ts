// Credentials go only to hosts the extension holds a permission for: the check comes before the
// request, not after a failed one. Without the permission the browser does not stop a request
// from leaving (in Chromium, requests from the background reached such a host before fetch
// failed: observed in testing), and a user may withhold a host at any time
// (docs/browsers.md#host-permissions); what the permission does not cover must never carry the
// user's token.
import { AppError } from '../../shared/errors';
import { originPatternFor } from '../../shared/site-url';

interface PermissionsApi {
  permissions?: { contains(p: { origins: string[] }): Promise<boolean> };
}

/**
 * Whether the extension holds the host permission `originPattern` (permissions.contains). Reads
 * the extension API from globalThis rather than importing webextension-polyfill: a dynamic
 * import() is not allowed in a service worker, and unit tests run without it. Both Firefox's
 * `browser` and MV3 Chrome's `chrome` return promises here. Without an extension API (unit
 * tests) it answers true. Rejects when the API does.
 */
export async function defaultHasPermission(originPattern: string): Promise<boolean> {
  const g = globalThis as { browser?: PermissionsApi; chrome?: PermissionsApi };
  const api = g.browser?.permissions ?? g.chrome?.permissions;
  if (!api) return true;
  return api.contains({ origins: [originPattern] });
}

/** no-site-access for `originPattern`: the pages offer Grant access (permissions.request of it). */
export function noSiteAccessError(originPattern: string): AppError {
  return new AppError({
    kind: 'no-site-access',
    originPattern,
    message: 'The extension does not have access to this Jira site yet. Grant access and try again.',
  });
}

/**
 * Resolves when a credentialed request to `url` may be sent: `url`'s origin is the one
 * `originPattern` names (the host permission the connection was granted) and the extension
 * holds that permission now. Throws AppError internal for a URL outside the pattern (a bug: the
 * transport only builds URLs under its base), and no-site-access when the permission is not
 * held or cannot be checked (a check that fails must not let the token out).
 */
export async function assertSiteAccess(
  url: string,
  originPattern: string,
  hasPermission: (originPattern: string) => Promise<boolean>,
): Promise<void> {
  if (originPatternFor(url) !== originPattern) {
    throw new AppError({ kind: 'internal', message: 'The extension built an invalid Jira request.' });
  }
  let granted = false;
  try {
    granted = await hasPermission(originPattern);
  } catch {
    granted = false;
  }
  if (!granted) throw noSiteAccessError(originPattern);
}
