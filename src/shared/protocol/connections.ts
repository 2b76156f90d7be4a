import type { ConnectionDraft, ConnectionStatus, ConnectionSummary, ConnectionTestResult } from '../connection';

/** Requests the extension's own pages (options, popup) make about connections. */
export interface ConnectionRequests {
  'connections.list': {
    payload: Record<string, never>;
    reply: { connections: ConnectionSummary[]; defaultId: string | null };
  };
  /** Next: checks input, tests serverInfo + myself (and scoped-token gateway). Saves nothing. */
  'connections.test': { payload: { draft: ConnectionDraft }; reply: ConnectionTestResult };
  /** Finish: saves a tested draft (new connection, or new secret for connectionId). */
  'connections.save': {
    payload: { testId: string; name: string; tokenExpiresOn?: string | null };
    reply: { connection: ConnectionSummary };
  };
  /** Edit name / expiry date of a saved connection. */
  'connections.update': {
    payload: { id: string; name?: string; tokenExpiresOn?: string | null };
    reply: { connection: ConnectionSummary };
  };
  'connections.setDefault': { payload: { id: string }; reply: { defaultId: string } };
  /** Deletes the connection, its secret and its caches. */
  'connections.delete': {
    payload: { id: string };
    reply: { revokeUrl: string | null };
  };
  /** Re-checks one connection against Jira (myself) and stores the state. */
  'connections.check': { payload: { id: string }; reply: { status: ConnectionStatus } };
}
