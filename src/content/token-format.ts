// Finding an Atlassian API token in the text of id.atlassian.com's page. The token's own
// format is declared once, in src/shared/token-format.ts (docs/jira-api.md#api-tokens).
import { CLOUD_TOKEN_IN_TEXT, CLOUD_TOKEN_PREFIX, LEGACY_TOKEN } from '../shared/token-format';

/** The first current-format token inside `text`, if any. */
export function findCloudToken(text: string): string | undefined {
  // Most text on the page has no prefix: skip the regular expression for it.
  if (!text.includes(CLOUD_TOKEN_PREFIX)) return undefined;
  return CLOUD_TOKEN_IN_TEXT.exec(text)?.[0];
}

/**
 * `text` (trimmed) is exactly one legacy 24-character token. Callers accept it only inside
 * the token dialog. A random token has a digit or mixed case; a 24-letter word does not.
 */
export function asLegacyToken(text: string): string | undefined {
  const t = text.trim();
  if (!LEGACY_TOKEN.test(t)) return undefined;
  const mixed = /[0-9]/.test(t) || (/[a-z]/.test(t) && /[A-Z]/.test(t));
  return mixed ? t : undefined;
}
