// What the popup's Jira requests run with: the store, the connection's transport (with its
// shared retry budget), and what an authentication failure or recovery changes (the badge).
import { localStore } from '../storage/store';
import { onConnectionAuthFailure, refreshBadge, scheduleBadge } from './badge';
import { connectionTransport, type JiraAccessDeps } from './jira-access';

/** The dependencies of withJira for requests made from the extension's pages. */
export function jiraDeps(): JiraAccessDeps {
  return {
    store: localStore(),
    transport: (c, secret, { force }) => connectionTransport(c, secret, { force }),
    onAuthFailure: (id) => onConnectionAuthFailure(id),
    // The badge follows the default connection only.
    onRecovered: async (id) => {
      if ((await localStore().defaultConnectionId()) !== id) return;
      await scheduleBadge();
      await refreshBadge();
    },
  };
}
