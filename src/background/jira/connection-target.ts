// Where a connection's REST calls go: the site itself (with its context path), or, for a scoped
// Cloud token, Atlassian's API gateway (docs/jira-api.md#scoped-tokens).
import type { AuthMethod, Deployment } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import { originPatternFor } from '../../shared/site-url';
import { JiraTransport, type TransportOptions } from './transport';

/** The gateway's base for Jira; a site's REST API is under `${GATEWAY_BASE}/{cloudId}`. */
export const GATEWAY_BASE = 'https://api.atlassian.com/ex/jira';
/** The host permission requests through the gateway need. */
export const GATEWAY_ORIGIN_PATTERN = 'https://api.atlassian.com/*';

/** What decides where a connection's REST calls go (a saved connection, or one being tested). */
export interface ConnectionTarget {
  deployment: Deployment;
  /** Normalised site URL, context path included. */
  siteUrl: string;
  /** A scoped Cloud token: calls go through the gateway. */
  scoped: boolean;
  /** The site's cloud id (required when `scoped`). */
  cloudId?: string;
}

/**
 * The API base of `c`: `${GATEWAY_BASE}/{cloudId}` for a scoped Cloud token, else the site URL
 * without a trailing slash. Throws AppError internal when a scoped connection has no valid
 * cloud id (letters, digits and "-").
 */
export function apiBaseFor(c: ConnectionTarget): string {
  if (c.deployment === 'cloud' && c.scoped) {
    if (!c.cloudId || !/^[A-Za-z0-9-]+$/.test(c.cloudId)) {
      throw new AppError({
        kind: 'internal',
        message: 'This connection is missing its Jira Cloud id. Edit the connection and test it again.',
      });
    }
    return `${GATEWAY_BASE}/${c.cloudId}`;
  }
  return c.siteUrl.replace(/\/+$/, '');
}

/**
 * A transport signed with `secret` for `c`, at apiBaseFor(c), naming the host permission its
 * requests need (the gateway's, or the site's). Throws like apiBaseFor.
 */
export function transportFor(
  c: ConnectionTarget & { authMethod: AuthMethod; username: string },
  secret: string,
  opts?: TransportOptions,
): JiraTransport {
  const apiBase = apiBaseFor(c);
  const pattern = c.deployment === 'cloud' && c.scoped ? GATEWAY_ORIGIN_PATTERN : originPatternFor(c.siteUrl);
  return new JiraTransport(apiBase, { authMethod: c.authMethod, username: c.username, secret }, pattern, opts);
}
