// Jira's own words from an error body: `errorMessages` and the values of `errors`
// ({"errorMessages":["The value 'X' does not exist for the field 'project'."],"errors":{}}),
// docs/jira-api.md#error-bodies. Nothing else of a body is ever shown: a proxy page or stack
// trace stays out of messages.

const MAX_MESSAGES = 10;
const MAX_LENGTH = 500;

/**
 * The messages of a Jira JSON error body, in order: `errorMessages`, then the values of `errors`
 * (field id -> message). Trimmed, empty ones dropped, at most 10, each cut to 500 characters
 * (then ending in "…"). [] for a body that is not a JSON object (judged by `contentType`, or by
 * a leading "{" when the type is missing or wrong). Never throws.
 */
export function jiraErrorMessages(text: string, contentType: string | null): string[] {
  if (!/json/i.test(contentType ?? '') && !/^\s*\{/.test(text)) return [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const out: string[] = [];
  if (Array.isArray(errorMessages)) {
    for (const m of errorMessages) if (typeof m === 'string') out.push(m);
  }
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    for (const v of Object.values(errors)) if (typeof v === 'string') out.push(v);
  }
  return out
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .slice(0, MAX_MESSAGES)
    .map((m) => (m.length > MAX_LENGTH ? `${m.slice(0, MAX_LENGTH)}…` : m));
}
