// Jira's own words from an error body (docs/jira-api.md#error-bodies): its ErrorCollection
// ({"errorMessages":["The value 'X' does not exist for the field 'project'."],"errors":{},
// "warningMessages":[...]}), and the shapes Cloud's edge and the API gateway answer with
// ({"message":"...","status-code":400}, {"code":401,"message":"..."}). Nothing else of a body is
// ever shown: a proxy page or stack trace stays out of messages.

const MAX_MESSAGES = 10;
const MAX_LENGTH = 500;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((m): m is string => typeof m === 'string') : []);

/**
 * The messages of a Jira JSON error body, in order: `errorMessages`, the values of `errors`
 * (field id -> message), `warningMessages`, then a top-level `message` when the body has the
 * shape of Cloud's edge (`status-code`) or the gateway (a numeric `code`). Trimmed, empty ones and repeats dropped, at most 10, each cut to 500 characters (then
 * ending in "…"). [] for a body that is not a JSON object (judged by `contentType`, or by a
 * leading "{" when the type is missing or wrong). Never throws.
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
  const { errorMessages, errors, warningMessages, message } = body as Record<string, unknown>;
  const out = [...strings(errorMessages)];
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    for (const v of Object.values(errors)) if (typeof v === 'string') out.push(v);
  }
  out.push(...strings(warningMessages));
  // Only in the edge's and the gateway's shapes: a Spring or proxy JSON error
  // ({"status":500,"error":"...","message":"java.lang...."}) keeps its message out.
  const edge = typeof (body as Record<string, unknown>).code === 'number' || 'status-code' in body;
  if (typeof message === 'string' && edge) out.push(message);
  const trimmed = out.map((m) => m.trim()).filter((m) => m !== '');
  return [...new Set(trimmed)].slice(0, MAX_MESSAGES).map((m) => (m.length > MAX_LENGTH ? `${m.slice(0, MAX_LENGTH)}…` : m));
}
