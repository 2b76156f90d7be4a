// The error of one field of the credentials step, shown right under it; the field points at it
// with aria-describedby.
import { ErrorAlert } from '../ErrorAlert';
import type { FormError } from '../form-error';
import type { CredentialsField } from './form-state';

/** The current error and the field it is about (undefined: an error of the whole form). */
export interface FieldProblem {
  error: FormError | null;
  field: CredentialsField | undefined;
  /** The id of the alert, for the field's aria-describedby. */
  id: string;
  /** Cloud auth failures point at the token page. */
  cloud: boolean;
}

/** The attributes that mark `field` invalid and tie it to its alert, while the error is about it. */
export function fieldAria(problem: FieldProblem, field: CredentialsField) {
  const mine = problem.field === field;
  return { 'aria-invalid': mine || undefined, 'aria-describedby': mine ? problem.id : undefined };
}

/** The alert under `field`, while the error is about it. */
export function FieldAlert({ problem, field }: { problem: FieldProblem; field: CredentialsField }) {
  if (problem.field !== field || !problem.error) return null;
  return <ErrorAlert id={problem.id} error={problem.error} cloud={problem.cloud} />;
}
