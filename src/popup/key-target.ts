// Where Enter on an issue key or a pasted issue URL goes (app.tsx, the Search box).
import type { ConnectionSummary } from '../shared/connection';
import type { IssueRow } from '../shared/issues';
import { parseIssueKey, parsePastedUrl } from '../shared/issue-key';
import { jiraIssueUrl } from '../shared/jql';

/** The URL in pasted text (with or without its scheme), or undefined for a bare key or words. */
export function pastedUrl(text: string): URL | undefined {
  const t = text.trim();
  if (!t || /\s/.test(t) || parseIssueKey(t)) return undefined;
  return parsePastedUrl(t);
}

/**
 * The connection whose site holds `url` (origin and context path); the deepest path wins. A URL
 * pasted without its scheme got https:// (parsePastedUrl): it matches a site on http:// too
 * (a Server/DC on http://jira.corp:8080), same host and port, the scheme given preferred.
 */
function siteOf(url: URL, connections: ConnectionSummary[], anyScheme: boolean): ConnectionSummary | undefined {
  let best: ConnectionSummary | undefined;
  let bestScore = -1;
  for (const c of connections) {
    let site: URL;
    try {
      site = new URL(c.siteUrl);
    } catch {
      continue;
    }
    const path = site.pathname.replace(/\/+$/, '');
    const sameOrigin = site.origin === url.origin;
    // URL.host drops a scheme's default port: http://jira.corp and https://jira.corp share one.
    if (!(sameOrigin || (anyScheme && site.host === url.host))) continue;
    if (!(url.pathname === path || url.pathname.startsWith(`${path}/`))) continue;
    const score = path.length * 2 + (sameOrigin ? 1 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The tab to open for `key`, typed or found in `text`:
 * - a pasted URL opens on the connection whose site it is on, or as pasted when it is on no
 *   connection's site (the user's own link, to a Jira we don't know);
 * - a bare key opens on the connection shown, or in the merged view on the connection whose
 *   rows show that project, else the first connection.
 */
export function keyTarget(
  text: string,
  key: string,
  connections: ConnectionSummary[],
  current: ConnectionSummary | undefined,
  rows: IssueRow[],
): string | undefined {
  const url = pastedUrl(text);
  if (url) {
    const site = siteOf(url, connections, !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()));
    return site ? jiraIssueUrl(site.siteUrl, key) : url.href;
  }
  if (current) return jiraIssueUrl(current.siteUrl, key);
  const project = `${key.split('-')[0]}-`;
  const row = rows.find((r) => r.key.toUpperCase().startsWith(project));
  const c = (row && connections.find((x) => x.id === row.connectionId)) ?? connections[0];
  return c ? jiraIssueUrl(c.siteUrl, key) : undefined;
}

/**
 * The connections to ask for a typed key's issue: the one whose site a pasted URL is on (none
 * when it is on no connection's site), else the connections shown.
 */
export function lookupConnections(text: string, connections: ConnectionSummary[], shown: ConnectionSummary[]): ConnectionSummary[] {
  const url = pastedUrl(text);
  if (!url) return shown;
  const site = siteOf(url, connections, !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()));
  return site ? [site] : [];
}
