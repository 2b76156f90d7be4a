// issue.* requests: one issue's details, its older comments, and a typed key's row. The popup
// sends a connection id and an issue key, never a URL: the path is built here, from a key the
// schema has checked.
import { z } from 'zod';
import type { DetailsRequests } from '../../shared/protocol/details';
import { EXTENSION_PAGES, id, issueKey } from '../handlers/schemas';
import { findIssueRow, getComments, getIssueDetails } from '../jira/issue-api';
import type { HandlerDef } from '../router';
import { keepDetails } from './details-cache';
import { detailsAvatarUrls, refreshIcons, type IconDeps } from './icons';
import { withJira, type JiraAccessDeps } from './jira-access';
import { jiraDeps } from './jira-deps';
import { rowOf } from '../../shared/issue-details';

type Handlers = { [K in keyof DetailsRequests]: HandlerDef<K> };

/** What refreshIcons needs from the handlers' dependencies. */
function iconDeps(deps: JiraAccessDeps): IconDeps {
  return { store: deps.store, ...(deps.onAuthFailure ? { onAuthFailure: deps.onAuthFailure } : {}) };
}

/** The issue.* entries of the handler table (src/background/handlers/index.ts). */
export const detailsHandlers: Handlers = {
  'issue.get': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey, force: z.boolean().optional() }),
    async handle({ connectionId, key, force }) {
      const deps = jiraDeps();
      const issue = await withJira(deps, connectionId, (t, c) => getIssueDetails(t, c.deployment, connectionId, key), { force: !!force });
      const fetchedAt = Date.now();
      // Kept whether or not the popup is still open to hear it: the next opening paints it at once.
      await keepDetails(deps.store, connectionId, issue, fetchedAt);
      void refreshIcons(iconDeps(deps), connectionId, [rowOf(issue)], detailsAvatarUrls(issue.reporter, issue.comments)).catch(
        () => undefined,
      );
      return { issue, fetchedAt };
    },
  },

  'issue.comments': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey, startAt: z.number().int().min(0).max(100_000) }),
    async handle({ connectionId, key, startAt }) {
      const deps = jiraDeps();
      const page = await withJira(deps, connectionId, (t, c) => getComments(t, c.deployment, key, startAt));
      // Older comments' authors: their avatars, as the first page's.
      void refreshIcons(iconDeps(deps), connectionId, [], detailsAvatarUrls(undefined, page)).catch(() => undefined);
      return { page };
    },
  },

  'issue.find': {
    senders: EXTENSION_PAGES,
    payload: z.strictObject({ connectionId: id, key: issueKey }),
    async handle({ connectionId, key }) {
      const row = await withJira(jiraDeps(), connectionId, (t, c) => findIssueRow(t, c.deployment, connectionId, key));
      return row ? { row } : {};
    },
  },
};
