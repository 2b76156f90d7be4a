// The fake sites' workflows and transition screens. Transition ids belong to a workflow, so
// the same move has different ids in WEB/API (and every other project) and in OPS/INFRA
// (docs/jira-api.md#transitions). "Done" opens a screen: a required resolution and an optional
// comment; on OPS/INFRA also a required single-select "Root cause". Field metadata follows
// GET /issue/{key}/transitions?expand=transitions.fields:
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get
import { RESOLUTIONS, type FakeIssue, type StatusCategoryKey } from './seed';

export type ScreenFieldKind = 'resolution' | 'comment' | 'select';

export interface ScreenField {
  id: string;
  name: string;
  kind: ScreenFieldKind;
  required: boolean;
  /** Options of a select field: id and value. */
  options?: readonly { id: string; value: string }[];
}

export interface TransitionDef {
  id: string;
  name: string;
  to: { id: string; name: string; category: StatusCategoryKey };
  /** The fields of the transition's screen; empty: no screen. */
  screen: ScreenField[];
}

/** The OPS/INFRA "Root cause" single-select custom field. */
export const ROOT_CAUSE = {
  id: 'customfield_10050',
  name: 'Root cause',
  options: [
    { id: '10100', value: 'Config' },
    { id: '10101', value: 'Code' },
    { id: '10102', value: 'Hardware' },
  ],
} as const;

const RESOLUTION_FIELD: ScreenField = { id: 'resolution', name: 'Resolution', kind: 'resolution', required: true };
const COMMENT_FIELD: ScreenField = { id: 'comment', name: 'Comment', kind: 'comment', required: false };
const ROOT_CAUSE_FIELD: ScreenField = {
  id: ROOT_CAUSE.id,
  name: ROOT_CAUSE.name,
  kind: 'select',
  required: true,
  options: ROOT_CAUSE.options,
};

/** Whether the issue's project uses the operations workflow (other ids, a longer Done screen). */
export function usesOpsWorkflow(issue: FakeIssue): boolean {
  return issue.project.key === 'OPS' || issue.project.key === 'INFRA';
}

/** Every transition of the issue's workflow, whatever the issue's status. */
export function workflowOf(issue: FakeIssue): TransitionDef[] {
  const ops = usesOpsWorkflow(issue);
  const offset = ops ? 100 : 0;
  return [
    { id: String(11 + offset), name: 'To Do', to: { id: '10000', name: 'To Do', category: 'new' }, screen: [] },
    { id: String(21 + offset), name: 'Start progress', to: { id: '3', name: 'In Progress', category: 'indeterminate' }, screen: [] },
    {
      id: String(31 + offset),
      name: 'Done',
      to: { id: '10003', name: 'Done', category: 'done' },
      screen: ops ? [RESOLUTION_FIELD, ROOT_CAUSE_FIELD, COMMENT_FIELD] : [RESOLUTION_FIELD, COMMENT_FIELD],
    },
  ];
}

/** The transitions Jira offers for the issue now: never one to the status it is in. */
export function availableTransitions(issue: FakeIssue): TransitionDef[] {
  return workflowOf(issue).filter((t) => t.to.id !== issue.status.id);
}

/**
 * A screen field's metadata in Jira's shape. Cloud names the field again in `key`; Data Center
 * does not. `api` is the REST base for `self` links (…/rest/api/{v}).
 */
export function fieldMetaJson(f: ScreenField, api: string, cloud: boolean): object {
  const key = cloud ? { key: f.id } : {};
  switch (f.kind) {
    case 'resolution':
      return {
        required: f.required,
        schema: { type: 'resolution', system: 'resolution' },
        name: f.name,
        ...key,
        hasDefaultValue: false,
        operations: ['set'],
        allowedValues: RESOLUTIONS.map((r) => ({ self: `${api}/resolution/${r.id}`, id: r.id, description: r.description, name: r.name })),
      };
    case 'comment':
      return {
        required: f.required,
        schema: { type: 'comments-page', system: 'comment' },
        name: f.name,
        ...key,
        hasDefaultValue: false,
        operations: ['add'],
      };
    case 'select':
      return {
        required: f.required,
        schema: {
          type: 'option',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
          customId: Number(f.id.replace(/\D/g, '')),
        },
        name: f.name,
        ...key,
        hasDefaultValue: false,
        operations: ['set'],
        allowedValues: (f.options ?? []).map((o) => ({
          self: `${api}/customFieldOption/${o.id}`,
          value: o.value,
          id: o.id,
          disabled: false,
        })),
      };
  }
}
