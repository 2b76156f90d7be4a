// Between Next and Finish the secret stays in the background: the options page holds only
// a testId. Kept in storage.session so a worker stopped between the two still has it.
import { sessionArea } from '../browser-api';
import type { TestedConnection } from '../jira/connect';
import { SessionMap } from '../session-item';
import { testedDraftItems } from '../storage/items';

/** What Next established, kept for Finish: the test's findings and the trimmed secret. */
export interface TestedDraft {
  tested: TestedConnection;
  secret: string;
  /** Set for a re-authentication: Finish replaces this connection's secret. */
  connectionId?: string;
}

/** The tested drafts in storage.session, by testId (each expires after TESTED_DRAFT_TTL_MS). */
export const testedDrafts = () => new SessionMap(sessionArea, testedDraftItems);
