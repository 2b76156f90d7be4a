// The token expiry notice is a chunk of its own (most openings show none), loaded before the
// first paint when a connection knows its token's expiry date: a notice that arrived a frame
// later would push the list down under the user's eyes.
import { type ConnectionSummary, daysUntilExpiry, EXPIRY_WARNING_DAYS } from '../shared/connection';
import { lazy } from './lazy';

/** The expiry notice (expiry-notice.tsx), from its chunk. */
export const LazyExpiryNotice = lazy(() => import('./expiry-notice').then((m) => m.ExpiryNotice));

/**
 * Whether the notice may show for `connections` before the popup is next opened: one of their
 * tokens expires within the warning days (a day's margin, for a popup left open past midnight).
 */
export function mayShowExpiry(connections: Pick<ConnectionSummary, 'tokenExpiresOn'>[], now = new Date()): boolean {
  return connections.some((c) => {
    const days = daysUntilExpiry(c?.tokenExpiresOn, now);
    return days !== undefined && days <= EXPIRY_WARNING_DAYS + 1;
  });
}

/**
 * Resolves once the notice can render in the first frame: at once when it cannot show, else
 * when its chunk is loaded (a failed load resolves too: the popup paints without it).
 */
export function expiryReady(connections: Pick<ConnectionSummary, 'tokenExpiresOn'>[]): Promise<void> {
  try {
    if (!Array.isArray(connections) || !mayShowExpiry(connections)) return Promise.resolve();
  } catch {
    return Promise.resolve(); // a malformed snapshot paints as it can, never a blank popup
  }
  return LazyExpiryNotice.preload().then(
    () => undefined,
    () => undefined,
  );
}
