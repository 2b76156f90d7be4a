// A transition's screen (GET /issue/{key}/transitions?expand=transitions.fields) -> the options
// the popup shows, and the popup's values -> the POST /issue/{key}/transitions body.
// Cloud v3: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get
// and ...-transitions-post; Server/DC v2 has the same shapes with string comment/textarea bodies
// (docs/jira-api.md#transitions).
// Value formats per field type: https://developer.atlassian.com/server/jira-servicedesk/info/field-input-formats
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { TransitionField, TransitionFieldKind, TransitionFieldValues, TransitionOption } from '../../shared/transitions';
import type { Deployment } from '../../shared/connection';
import { textToAdf, textToWiki, type AdfDoc, type MarkupOptions } from './markup';
import { statusCategory } from './rows';
import { optionalString } from './schemas';

const idSchema = z.union([z.string().min(1), z.number()]);

/** One entry of a field's allowedValues: options carry `value`, resolutions/versions `name`. */
const choiceSchema = z.looseObject({
  id: idSchema,
  name: optionalString,
  value: optionalString,
  disabled: z.boolean().optional().catch(undefined),
});

/** Lenient, like schemas.ts: a malformed part is dropped, never the whole list. */
const fieldSchema = z.looseObject({
  required: z.boolean().optional().catch(undefined),
  name: optionalString,
  schema: z
    .looseObject({ type: optionalString, items: optionalString, system: optionalString, custom: optionalString })
    .optional()
    .catch(undefined),
  hasDefaultValue: z.boolean().optional().catch(undefined),
  allowedValues: z.array(z.unknown()).optional().catch(undefined),
  operations: z.array(z.string()).optional().catch(undefined),
});

const transitionSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  to: z
    .looseObject({ name: optionalString, statusCategory: z.looseObject({ key: optionalString }).nullish().catch(undefined) })
    .optional()
    .catch(undefined),
  isAvailable: z.boolean().optional().catch(undefined),
  /** Keyed by field id; Server/DC entries have no `key` of their own. */
  fields: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** The answer as a whole; each transition is parsed on its own so one odd transition is skipped. */
export const transitionsSchema = z.looseObject({ transitions: z.array(z.unknown()) });

const CUSTOM = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const CHOICE_KINDS: readonly TransitionFieldKind[] = ['resolution', 'select', 'multiselect'];

/**
 * Transitions the user may make, each with its screen's fields (required first, then Jira's
 * order). Transitions with `isAvailable: false` are left out; a field Jira requires but fills
 * with a default is not required. Throws AppError invalid-response when the answer has no
 * `transitions` array.
 */
export function toTransitionOptions(answer: unknown): TransitionOption[] {
  const parsed = transitionsSchema.safeParse(answer);
  if (!parsed.success) {
    throw new AppError({ kind: 'invalid-response', message: 'Jira answered with transitions this extension does not understand.' });
  }
  const options: TransitionOption[] = [];
  for (const raw of parsed.data.transitions) {
    const t = transitionSchema.safeParse(raw);
    if (!t.success || t.data.isAvailable === false) continue;
    const { id, name, to, fields = {} } = t.data;
    const list = Object.entries(fields).flatMap(([fieldId, meta]) => toField(fieldId, meta) ?? []);
    options.push({
      id: String(id),
      name,
      to: { name: to?.name ?? name, category: statusCategory(to?.statusCategory?.key) },
      fields: list.sort((a, b) => Number(b.required) - Number(a.required)), // stable: Jira's order otherwise
    });
  }
  return options;
}

function toField(id: string, raw: unknown): TransitionField | undefined {
  const f = fieldSchema.safeParse(raw);
  if (!f.success) return undefined;
  const hasDefault = f.data.hasDefaultValue === true;
  const choices = f.data.allowedValues?.flatMap((v) => {
    const c = choiceSchema.safeParse(v);
    return c.success && c.data.disabled !== true ? [{ id: String(c.data.id), name: c.data.name ?? c.data.value ?? String(c.data.id) }] : [];
  });
  let kind = kindOf(f.data);
  // Choices Jira does not list cannot be offered.
  if (CHOICE_KINDS.includes(kind) && !choices) kind = 'unsupported';
  const field: TransitionField = { id, name: f.data.name || id, required: f.data.required === true && !hasDefault, kind, hasDefault };
  if (choices && CHOICE_KINDS.includes(kind)) field.allowedValues = choices;
  return field;
}

type FieldMeta = z.infer<typeof fieldSchema>;

function kindOf(f: FieldMeta): TransitionFieldKind {
  const { type, items, system, custom } = f.schema ?? {};
  if (type === 'comments-page' || system === 'comment') return 'comment'; // goes in update.comment
  // Only `set` goes through `fields`; a field that can only be added to (a worklog) cannot.
  if (f.operations && f.operations.length > 0 && !f.operations.includes('set')) return 'unsupported';
  switch (type) {
    case 'resolution':
      return 'resolution';
    case 'option':
    case 'priority':
      return 'select';
    case 'array':
      return items === 'option' || items === 'version' || items === 'component' ? 'multiselect' : 'unsupported';
    case 'user':
      return 'user';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'string':
      if (custom === `${CUSTOM}textarea` || (!custom && (system === 'description' || system === 'environment'))) return 'textarea';
      if (custom === `${CUSTOM}textfield` || custom === `${CUSTOM}url` || (!custom && system === 'summary')) return 'text';
      return 'unsupported'; // another app's text type may want another shape
    default:
      return 'unsupported';
  }
}

/** A field value in a transition POST body. */
export type TransitionFieldBody = { id: string } | { id: string }[] | { accountId: string } | { name: string } | string | number | AdfDoc;

export interface TransitionRequestBody {
  transition: { id: string };
  fields?: Record<string, TransitionFieldBody>;
  update?: { comment: [{ add: { body: AdfDoc | string } }] };
}

/**
 * POST /rest/api/{3|2}/issue/{key}/transitions body for `option` with the popup's `values`.
 * Shapes: resolution / select `{ id }`; multiselect `[{ id }, ...]`; user `{ accountId }` on Cloud,
 * `{ name }` on Server/DC; text a string; textarea an ADF doc on Cloud, the string as typed on
 * Server/DC; number a number; date "YYYY-MM-DD"; the comment as `update.comment[0].add.body`
 * (ADF on Cloud, wiki markup on Server/DC; `opts` says whether markdown is read). Empty optional
 * fields, unsupported optional ones and values for fields not on the screen are left out.
 * Throws AppError invalid-input, `field` = the field id, when a required field is empty or
 * unsupported, a choice is not among allowedValues, a number or date does not parse, or a
 * single-value field gets several values.
 */
export function transitionRequestBody(
  option: TransitionOption,
  values: TransitionFieldValues,
  deployment: Deployment,
  opts: MarkupOptions = {},
): TransitionRequestBody {
  const body: TransitionRequestBody = { transition: { id: option.id } };
  const fields: Record<string, TransitionFieldBody> = {};
  for (const field of option.fields) {
    if (field.kind === 'unsupported') {
      if (field.required) throw refuse(field, `“${field.name}” cannot be filled in here. Make this transition in Jira.`);
      continue;
    }
    const value = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (texts.length === 0) {
      if (field.required) throw refuse(field, `“${field.name}” is required.`);
      continue;
    }
    if (field.kind === 'multiselect') {
      fields[field.id] = [...new Set(texts.map((v) => choiceId(field, v)))].map((id) => ({ id }));
      continue;
    }
    if (texts.length > 1) throw refuse(field, `“${field.name}” takes one value.`);
    const text = texts[0]!;
    if (field.kind === 'comment') {
      body.update = { comment: [{ add: { body: deployment === 'cloud' ? textToAdf(text, opts) : textToWiki(text, opts) } }] };
    } else {
      fields[field.id] = encode(field, text, deployment, opts);
    }
  }
  if (Object.keys(fields).length > 0) body.fields = fields;
  return body;
}

function encode(field: TransitionField, text: string, deployment: Deployment, opts: MarkupOptions): TransitionFieldBody {
  switch (field.kind) {
    case 'resolution':
    case 'select':
      return { id: choiceId(field, text) };
    case 'user':
      return deployment === 'cloud' ? { accountId: text.trim() } : { name: text.trim() };
    case 'textarea':
      return deployment === 'cloud' ? textToAdf(text, opts) : text;
    case 'number':
      return toNumber(field, text);
    case 'date':
      return toDate(field, text);
    default:
      return text;
  }
}

/** The id of the choice `v` names: its id, else its name (ids win: a name may look like an id). */
function choiceId(field: TransitionField, v: string): string {
  const choices = field.allowedValues ?? [];
  const found = choices.find((c) => c.id === v) ?? choices.find((c) => c.name === v);
  if (!found) throw refuse(field, `“${v}” is not a value “${field.name}” accepts.`);
  return found.id;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function toNumber(field: TransitionField, text: string): number {
  const n = DECIMAL.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isFinite(n)) throw refuse(field, `“${field.name}” must be a number, like 3 or 2.5.`);
  return n;
}

/** Jira's date fields take "YYYY-MM-DD"; a day that does not exist (2026-02-30) is refused. */
function toDate(field: TransitionField, text: string): string {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== t) throw refuse(field, `“${field.name}” must be a date, YYYY-MM-DD.`);
  return t;
}

function refuse(field: TransitionField, message: string): AppError {
  return new AppError({ kind: 'invalid-input', field: field.id, message });
}
