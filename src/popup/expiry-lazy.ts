// The token expiry notice is a chunk of its own (most openings show none), loaded before the
// first paint when a connection knows its token's expiry date: a notice that arrived a frame
// later would push the list down under the user's eyes.
import type { ConnectionSummary } from '../shared/connection';
import { lazy } from './lazy';

/** The expiry notice (expiry-notice.tsx), from its chunk. */
export const LazyExpiryNotice = lazy(() => import('./expiry-notice').then((m) => m.ExpiryNotice));

/**
 * Whether the notice may show for `connections`: one of them knows when its token expires. (Not
 * whether that is within the warning days: that arithmetic stays in the notice's chunk, out of
 * the popup's start-up code.)
 */
export function mayShowExpiry(connections: Pick<ConnectionSummary, 'tokenExpiresOn'>[]): boolean {
  return connections.some((c) => c?.tokenExpiresOn);
}

/**
 * Resolves once the notice can render in the first frame: at once when it cannot show, else
 * when its chunk is loaded (a failed load resolves too: the popup paints without it).
 */
export function expiryReady(connections: Pick<ConnectionSummary, 'tokenExpiresOn'>[]): Promise<void> {
  // readSnapshot and boot() hand over a list; a null in it (mayShowExpiry's `c?.`) never blanks the popup.
  if (!mayShowExpiry(connections)) return Promise.resolve();
  return LazyExpiryNotice.preload().then(
    () => undefined,
    () => undefined,
  );
}
