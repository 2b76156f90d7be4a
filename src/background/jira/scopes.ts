// Which scope a request of this extension needs from a scoped Cloud API token, so that the
// gateway's "scope does not match" names what to add (docs/jira-api.md#scoped-tokens). Only
// Atlassian's classic scopes are named: they are the ones Atlassian recommends for each
// operation, and the three below cover every call the extension makes.

/** Who the user is: GET /myself, serverInfo. */
export const READ_USER_SCOPE = 'read:jira-user';
/** Searches, issues, comments, transitions and filters read. */
export const READ_WORK_SCOPE = 'read:jira-work';
/** Comments, transitions, assignments and worklogs written. */
export const WRITE_WORK_SCOPE = 'write:jira-work';
/** What a token for this extension needs, in the order Atlassian's token page lists them. */
export const EXTENSION_SCOPES: readonly string[] = [READ_USER_SCOPE, READ_WORK_SCOPE, WRITE_WORK_SCOPE];

/**
 * The classic scope a REST request needs: `method` and `path` as the transport sends them (the
 * path after the API base, e.g. "/rest/api/3/search/jql"); `idempotent`: a POST that only reads
 * (a long search). Undefined for what is not Jira's REST API or where Atlassian documents no
 * classic scope the extension relies on (avatar images). Source: docs/jira-api.md#scoped-tokens.
 */
export function neededScope(method: string, path: string, idempotent = false): string | undefined {
  const m = /^\/rest\/api\/(?:2|3|latest)\/([^?#]+)$/.exec(path);
  if (!m) return undefined;
  const rest = m[1]!;
  if (rest.startsWith('universal_avatar/')) return undefined;
  if (rest === 'myself' || rest === 'serverInfo') return method === 'GET' ? READ_USER_SCOPE : undefined;
  // A search sent as POST, and the approximate count (a POST that only counts), read.
  if (method === 'GET' || idempotent || rest === 'search/approximate-count') return READ_WORK_SCOPE;
  return WRITE_WORK_SCOPE;
}
