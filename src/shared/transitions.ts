// Workflow transitions as the popup sees them: where each one goes, the fields its screen
// asks for, and the values the popup sends back to make it.
import type { StatusCategory } from './issues';

/**
 * How the popup fills a field in. 'comment' is the screen's comment box; 'unsupported' is a
 * field the popup cannot fill in (cascading select, time tracking, a multi-user picker, a
 * third-party type...): when it is required, the transition is made in Jira instead.
 */
export type TransitionFieldKind =
  | 'resolution'
  | 'select'
  | 'multiselect'
  | 'user'
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'comment'
  | 'unsupported';

export interface TransitionFieldChoice {
  id: string;
  name: string;
}

export interface TransitionField {
  /** Jira's field id ("resolution", "customfield_10010"): the key in TransitionFieldValues. */
  id: string;
  name: string;
  /** Must be filled in: Jira requires it and has no default for it. */
  required: boolean;
  kind: TransitionFieldKind;
  /** resolution, select and multiselect: the choices, in Jira's order. */
  allowedValues?: TransitionFieldChoice[];
  /** Jira fills the field in itself when it is left empty. */
  hasDefault: boolean;
}

export interface TransitionOption {
  id: string;
  name: string;
  /** The status the issue moves to. */
  to: { name: string; category: StatusCategory };
  /** The transition screen's fields, required ones first; empty when it has no screen. */
  fields: TransitionField[];
}

/**
 * Field id -> value, for the fields of one TransitionOption. resolution / select: a choice's id;
 * multiselect: choice ids; user: an accountId (Cloud) or username (Server/DC); text, textarea and
 * comment: the text as typed; number: its decimal text ("3.5"); date: "YYYY-MM-DD".
 * null, "", [] or an absent key: left empty.
 */
export type TransitionFieldValues = Record<string, string | string[] | null>;
