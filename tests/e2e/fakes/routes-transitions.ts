// GET and POST /issue/{key}/transitions (docs/jira-api.md#transitions). GET lists the moves the
// issue's workflow offers now (workflows.ts), with each screen's fields under
// expand=transitions.fields. POST checks like Jira, collecting every field error in one
// ErrorCollection: the transition id (an integer, valid for this issue now), fields not on the
// screen, required fields, values not allowed, and a comment body in the REST version's format.
// Messages as Jira's own REST tests and public client reports give them.
import { RESOLUTIONS, type FakeIssue, type FakeUser } from './seed';
import type { ApiCall } from './api-router';
import { sendErrors } from './http';
import { statusJson } from './json-issue';
import { NOT_A_STRING, readCommentBody, storeComment } from './routes-comments';
import { availableTransitions, fieldMetaJson, type ScreenField, type TransitionDef } from './workflows';

export const NOT_ON_SCREEN = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
export const ADF_REQUIRED = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GET: the transitions available now; their screens' fields with expand=transitions.fields. */
export function listTransitions(call: ApiCall, issue: FakeIssue) {
  const { site, apiBase, version: v } = call;
  const withFields = (call.query.get('expand') ?? '').split(',').includes('transitions.fields');
  const only = call.query.get('transitionId');
  const api = `${apiBase}/rest/api/${v}`;
  const list = availableTransitions(issue).filter((t) => only === null || t.id === only);
  const transitions = list.map((t, n) => {
    const fields = withFields ? { fields: Object.fromEntries(t.screen.map((f) => [f.id, fieldMetaJson(f, api, site.cloud)])) } : {};
    const head = { id: t.id, name: t.name };
    const to = statusJson(t.to, apiBase, v, site);
    return site.cloud
      ? {
          ...head,
          to,
          hasScreen: t.screen.length > 0,
          isGlobal: true,
          isInitial: false,
          isAvailable: true,
          isConditional: false,
          isLooped: false,
          ...fields,
        }
      : { ...head, opsbarSequence: (n + 1) * 10, to, ...fields };
  });
  call.ok(200, { expand: 'transitions', transitions });
}

/** The value a request gives a screen field: `fields.{id}`, or `update.{id}[0].set`. */
function valueFor(payload: Json, id: string): unknown {
  const fields = isObject(payload.fields) ? payload.fields : {};
  if (Object.hasOwn(fields, id)) return fields[id];
  const ops = isObject(payload.update) ? payload.update[id] : undefined;
  return Array.isArray(ops) && isObject(ops[0]) ? ops[0].set : undefined;
}

/** The error for a value not allowed in `f`, or undefined when it is fine. */
function valueError(f: ScreenField, value: unknown): string | undefined {
  if (f.kind === 'resolution') {
    const ref = isObject(value) ? value : {};
    if (typeof ref.id === 'string' && ref.id)
      return RESOLUTIONS.some((r) => r.id === ref.id) ? undefined : `Resolution id '${ref.id}' is not valid`;
    if (typeof ref.name === 'string' && ref.name)
      return RESOLUTIONS.some((r) => r.name === ref.name) ? undefined : `Resolution name '${ref.name}' is not valid`;
    return "Could not find valid 'id' or 'name' in resolution object.";
  }
  if (f.kind === 'select') {
    const ref = isObject(value) ? value : {};
    const options = f.options ?? [];
    if (typeof ref.id === 'string' && ref.id)
      return options.some((o) => o.id === ref.id) ? undefined : `Option id '${ref.id}' is not valid`;
    if (typeof ref.value === 'string' && ref.value)
      return options.some((o) => o.value === ref.value) ? undefined : `Option value '${ref.value}' is not valid`;
    return "Could not find valid 'id' or 'value' in the Parent Option object.";
  }
  return undefined;
}

/** POST: makes the transition; 204, or 400 with every error found. */
export function transitionIssue(call: ApiCall, issue: FakeIssue, user: FakeUser) {
  const { site } = call;
  const payload = isObject(call.body) ? call.body : {};
  const rawId = isObject(payload.transition) ? payload.transition.id : undefined;
  const id =
    typeof rawId === 'number' && Number.isInteger(rawId) ? String(rawId) : typeof rawId === 'string' && /^\d+$/.test(rawId) ? rawId : null;
  if (id === null) return sendErrors(call.res, 400, ["'transition' identifier must be an integer"]);
  const t = availableTransitions(issue).find((x) => x.id === id);
  if (!t) return sendErrors(call.res, 400, [`Transition id '${id}' is not valid for this issue.`]);

  const errors: Record<string, string> = {};
  const errorMessages: string[] = [];
  const onScreen = new Map(t.screen.filter((f) => f.kind !== 'comment').map((f) => [f.id, f]));
  const fields = isObject(payload.fields) ? payload.fields : {};
  const update = isObject(payload.update) ? payload.update : {};
  for (const key of [...Object.keys(fields), ...Object.keys(update).filter((k) => k !== 'comment')]) {
    if (!onScreen.has(key)) errors[key] = NOT_ON_SCREEN(key);
  }
  const chosen = new Map<string, unknown>();
  for (const f of onScreen.values()) {
    const value = valueFor(payload, f.id);
    if (value === undefined || value === null) {
      if (f.required) errors[f.id] = `${f.name} is required.`;
      continue;
    }
    const problem = valueError(f, value);
    if (problem) errors[f.id] = problem;
    else chosen.set(f.id, value);
  }
  const comments = readComments(call, update.comment, errors, errorMessages);
  if (Object.keys(errors).length > 0 || errorMessages.length > 0) return sendErrors(call.res, 400, errorMessages, errors);

  apply(issue, t, chosen);
  for (const c of comments) storeComment(site, issue, user, c);
  issue.updated = Date.now();
  call.ok(204, null);
}

/** The comments of `update.comment` ([{"add": {"body": ...}}]); problems go into `errors`. */
function readComments(call: ApiCall, ops: unknown, errors: Record<string, string>, errorMessages: string[]) {
  const out: { text: string; adf?: object; wiki?: string }[] = [];
  if (ops === undefined) return out;
  if (!Array.isArray(ops)) {
    errors.comment = 'Can not deserialize instance of java.util.ArrayList out of START_OBJECT token';
    return out;
  }
  for (const op of ops) {
    const body = isObject(op) && isObject(op.add) ? op.add.body : undefined;
    // A field operation reports its body's type under the field: on v3 Jira's ADF message, on
    // Data Center Jackson's (Jira's own transition tests read it from errors.comment).
    if (call.version === 3 && typeof body === 'string') {
      errors.comment = ADF_REQUIRED;
      continue;
    }
    if (!call.site.cloud && body !== undefined && body !== null && typeof body !== 'string') {
      errors.comment = NOT_A_STRING;
      continue;
    }
    const read = readCommentBody(call.site, call.version, body);
    if ('errors' in read) {
      Object.assign(errors, read.errors);
      errorMessages.push(...read.errorMessages);
    } else out.push(read);
  }
  return out;
}

/** The transition's effect: status, resolution (set on Done, cleared when leaving it), custom fields. */
function apply(issue: FakeIssue, t: TransitionDef, chosen: Map<string, unknown>) {
  issue.status = { ...t.to };
  if (t.to.category === 'done') {
    const ref = chosen.get('resolution') as { id?: string; name?: string } | undefined;
    issue.resolution = RESOLUTIONS.find((r) => r.id === ref?.id || r.name === ref?.name)?.name ?? 'Done';
  } else {
    issue.resolution = null;
  }
  for (const [id, value] of chosen) {
    if (id === 'resolution') continue;
    const ref = value as { id?: string; value?: string };
    const f = t.screen.find((x) => x.id === id);
    const option = f?.options?.find((o) => o.id === ref.id || o.value === ref.value);
    if (option) issue.custom = { ...issue.custom, [id]: option.id };
  }
}
