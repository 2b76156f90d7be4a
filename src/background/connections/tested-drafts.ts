// Between Next and Finish the secret stays in the background: the options page holds only
// a testId. Kept in storage.session so a worker stopped between the two still has it.
import type { TestedConnection } from '../jira/connect';
import { SessionMap } from '../session-item';
import { sessionArea } from '../storage/store';

export interface TestedDraft {
  tested: TestedConnection;
  secret: string;
  connectionId?: string;
}

export const TESTED_DRAFT_TTL_MS = 30 * 60_000;

export const testedDrafts = () => new SessionMap<TestedDraft>(sessionArea, 'testedDrafts', TESTED_DRAFT_TTL_MS);
