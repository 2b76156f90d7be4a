// Firefox sends its moz-extension:// Origin and its browser User-Agent with the extension's
// writes, and Jira's XSRF filter refuses a browser's write whose Origin is not the site itself
// ("403 XSRF check failed"), whatever X-Atlassian-Token says (docs/jira-api.md#xsrf,
// docs/browsers.md#origin-header). One declarativeNetRequest rule per connected Jira origin sets
// the Origin of the extension's own writes to that origin (docs/browsers.md#declarative-net-request):
// only the extension's own requests outside any tab (the background's), only writes, only to
// connected Jira origins.
// Session rules (only they may name tabIds): they last until the browser quits, and are set
// again at startup, on install or update, and whenever the connections change (index.ts).
// Chrome needs none: Jira accepts its chrome-extension:// Origin.
import type { ConnectionSummary } from '../shared/connection';
import { type DnrRule, extensionUrl, postsMeetXsrf, sessionRules, updateSessionRules } from './browser-api';
import { apiBaseFor } from './jira/connect';

/** Our rules' ids start here (other ids are left alone). */
export const XSRF_RULE_BASE = 1000;
const MAX_RULES = 500;

/** The origins the background writes to: each connection's site, or the gateway for a scoped token. */
export function writeOrigins(connections: ConnectionSummary[]): string[] {
  const origins = new Set<string>();
  for (const c of connections) {
    try {
      origins.add(new URL(apiBaseFor(c)).origin);
    } catch {
      // A connection without a usable address (a scoped one missing its cloud id) writes nowhere.
    }
  }
  return [...origins].sort().slice(0, MAX_RULES);
}

/**
 * The rules for `origins`: Origin set to the request's own origin, for the background's writes
 * there. `extensionHost` is the host of the extension's own origin (Firefox: its internal UUID):
 * the rule matches only requests this extension starts. Without it a request from outside any
 * tab started by someone else (a web site's service worker) could reach a connected Jira with
 * the Jira's own Origin and pass its XSRF check (docs/browsers.md#declarative-net-request).
 */
export function xsrfRules(origins: string[], extensionHost: string): DnrRule[] {
  return origins.map((origin, i) => ({
    id: XSRF_RULE_BASE + i,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'set', value: origin }] },
    condition: {
      urlFilter: `|${origin}/`,
      tabIds: [-1],
      initiatorDomains: [extensionHost],
      requestMethods: ['post', 'put', 'delete', 'patch'],
    },
  }));
}

/** Makes the browser's rules match the connections (Firefox only; idempotent). */
export async function syncXsrfRules(connections: ConnectionSummary[]): Promise<void> {
  if (!postsMeetXsrf()) return;
  const old = (await sessionRules()).map((r) => r.id).filter((id) => id >= XSRF_RULE_BASE && id < XSRF_RULE_BASE + MAX_RULES);
  await updateSessionRules(old, xsrfRules(writeOrigins(connections), new URL(extensionUrl('')).host));
}
