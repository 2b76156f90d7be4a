// The storage entries only the background reads, declared once like the shared ones in
// src/shared/storage-items.ts: key, what a missing or malformed value reads as, and the check
// applied on every read. The popup and options pages never import this module: it declares the
// secrets.
import type { CapturedToken, PendingCapture } from '../capture/service';
import type { TestedDraft } from '../connections/tested-drafts';
import type { TestedConnection } from '../jira/connect';
import { isRecord, isString, recordOf } from '../../shared/guards';
import { defineItem } from '../../shared/storage-items';
import { SECRETS_KEY } from '../../shared/storage-keys';
import { expiringItem, expiringItems } from '../session-item';

/** storage.local: each connection's secret (API token, password or PAT) by connection id. Never synced. */
export const secretsItem = defineItem<Record<string, string>>('local', SECRETS_KEY, {}, (v) => recordOf(v, isString));

/** How long a tested draft waits for Finish (ms). */
export const TESTED_DRAFT_TTL_MS = 30 * 60_000;
/** How long a token capture waits for its token, and a captured token for its form (ms). */
export const CAPTURE_TTL_MS = 30 * 60_000;

const isOptionalString = (v: unknown): boolean => v === undefined || isString(v);
const isOptionalNumber = (v: unknown): boolean => v === undefined || typeof v === 'number';

function isTestedConnection(v: unknown): v is TestedConnection {
  return (
    isRecord(v) &&
    isString(v.siteUrl) &&
    (v.deployment === 'cloud' || v.deployment === 'server') &&
    (v.authMethod === 'cloud-token' || v.authMethod === 'password' || v.authMethod === 'pat') &&
    isString(v.username) &&
    typeof v.scoped === 'boolean' &&
    isOptionalString(v.cloudId) &&
    isString(v.apiBase) &&
    isRecord(v.user) &&
    isString(v.user.displayName) &&
    isString(v.siteTitle) &&
    isOptionalString(v.version) &&
    Array.isArray(v.warnings) &&
    v.warnings.every(isString)
  );
}

function isTestedDraft(v: unknown): v is TestedDraft {
  return isRecord(v) && isTestedConnection(v.tested) && isString(v.secret) && isOptionalString(v.connectionId);
}

function isPendingCapture(v: unknown): v is PendingCapture {
  return (
    isRecord(v) &&
    isOptionalString(v.siteUrl) &&
    isOptionalString(v.username) &&
    isOptionalString(v.connectionId) &&
    isOptionalNumber(v.optionsTabId)
  );
}

function isCapturedToken(v: unknown): v is CapturedToken {
  return (
    isRecord(v) &&
    isString(v.token) &&
    isOptionalString(v.tokenExpiresOn) &&
    isOptionalString(v.siteUrl) &&
    isOptionalString(v.username) &&
    isOptionalString(v.connectionId) &&
    isOptionalNumber(v.forTabId)
  );
}

/** storage.session `testedDrafts:<testId>`: what Next tested, with its secret, until Finish. */
export const testedDraftItems = expiringItems<TestedDraft>('testedDrafts', TESTED_DRAFT_TTL_MS, isTestedDraft);

/** storage.session: the options form waiting for a token from id.atlassian.com. */
export const pendingCaptureItem = expiringItem<PendingCapture>('pendingCapture', CAPTURE_TTL_MS, isPendingCapture);

/** storage.session: a token captured on id.atlassian.com, until the one tab it is for claims it. */
export const capturedTokenItem = expiringItem<CapturedToken>('capturedToken', CAPTURE_TTL_MS, isCapturedToken);
