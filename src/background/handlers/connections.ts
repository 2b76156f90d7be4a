// connections.* requests: only the extension's own pages may make them.
import { z } from 'zod';
import type { ConnectionSummary } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { ConnectionRequests } from '../../shared/protocol';
import { statusFromError } from '../connection-status';
import {
  checkConnection,
  deleteConnection,
  listConnections,
  saveTested,
  testDraft,
  updateConnection,
  type ConnectionDeps,
} from '../connections/service';
import { testedDrafts } from '../connections/tested-drafts';
import { broadcast } from '../broadcast';
import { hasOriginPermission } from '../browser-api';
import { checkTokenExpiry } from '../expiry';
import { onConnectionAuthFailure, refreshBadge, scheduleBadge } from '../issues/badge';
import { refreshIcons } from '../issues/icons';
import { testConnection } from '../jira/connect';
import { connectionTransport } from '../issues/jira-access';
import { getMyself } from '../jira/issues-api';
import type { HandlerDef } from '../router';
import { localStore } from '../storage/store';
import { connectionName, empty, id, isoDate } from './schemas';
import { pendingCapture } from './capture';

type Handlers = { [K in keyof ConnectionRequests]: HandlerDef<K> };

/** The connections service's dependencies in the worker: storage.local, storage.session, Jira, the browser. */
export function connectionDeps(): ConnectionDeps {
  return {
    store: localStore(),
    drafts: testedDrafts(),
    testConnection: (draft) => testConnection(draft),
    // A user's check: it may go now, and it is the connection's (shares its retry budget).
    checkCredentials: (c, secret) => getMyself(connectionTransport(c, secret, { force: true }), c.deployment),
    hasOriginPermission,
    newId: () => crypto.randomUUID(),
    now: () => Date.now(),
  };
}

const draft = z.strictObject({
  siteUrl: z.string().max(2048),
  deployment: z.enum(['cloud', 'server']),
  authMethod: z.enum(['cloud-token', 'password', 'pat']),
  username: z.string().max(320),
  secret: z.string().max(8192),
  connectionId: id.optional(),
});

/**
 * After a connection is saved or fixed: pages refresh, the badge resumes, reminders re-plan.
 * `verified`: the connection whose credentials were just tested or checked and worked; only
 * its icons are fetched (never another connection's, whose credentials may have stopped working).
 */
async function afterChange(verified?: ConnectionSummary): Promise<void> {
  await Promise.all([broadcast('connections.changed'), scheduleBadge().then(refreshBadge), checkTokenExpiry()]);
  // The user's avatar when Jira shows it only to signed-in users (icons.ts): not waited for.
  if (verified?.status.state === 'ok') {
    void refreshIcons({ store: localStore(), onAuthFailure: (id) => onConnectionAuthFailure(id) }, verified.id, []).catch(() => undefined);
  }
}

/** The connections.* entries of the handler table (src/background/handlers/index.ts). */
export const connectionHandlers: Handlers = {
  'connections.list': {
    senders: ['extension-page'],
    payload: empty,
    handle: () => listConnections(connectionDeps()),
  },
  'connections.test': {
    senders: ['extension-page'],
    payload: z.strictObject({ draft }),
    handle: ({ draft }) => testDraft(connectionDeps(), draft),
  },
  'connections.save': {
    senders: ['extension-page'],
    payload: z.strictObject({ testId: id, name: connectionName, tokenExpiresOn: isoDate.or(z.literal('')).nullable().optional() }),
    async handle(p) {
      const connection = await saveTested(connectionDeps(), p);
      // A renewal's capture is done once the new token is saved.
      const pending = await pendingCapture().get();
      if (pending?.connectionId === connection.id) await pendingCapture().clear();
      await afterChange(connection);
      return { connection };
    },
  },
  'connections.update': {
    senders: ['extension-page'],
    payload: z.strictObject({ id, name: connectionName.optional(), tokenExpiresOn: isoDate.or(z.literal('')).nullable().optional() }),
    async handle(p) {
      const connection = await updateConnection(connectionDeps(), p);
      await afterChange();
      return { connection };
    },
  },
  'connections.setDefault': {
    senders: ['extension-page'],
    payload: z.strictObject({ id }),
    async handle({ id }) {
      const store = localStore();
      if (!(await store.connection(id))) throw new AppError({ kind: 'not-found', message: 'That connection no longer exists.' });
      await store.setDefaultConnectionId(id);
      await afterChange();
      return { defaultId: id };
    },
  },
  'connections.delete': {
    senders: ['extension-page'],
    payload: z.strictObject({ id }),
    async handle({ id }) {
      const result = await deleteConnection(connectionDeps(), id);
      await afterChange();
      return result;
    },
  },
  'connections.check': {
    senders: ['extension-page'],
    payload: z.strictObject({ id }),
    async handle({ id }) {
      const status = await checkConnection(connectionDeps(), id, (e) => statusFromError(e));
      await afterChange(await localStore().connection(id));
      return { status };
    },
  },
};
