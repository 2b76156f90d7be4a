// The fields a transition's screen asks for, as a small form (each control labelled), with a
// submit button naming the status it moves to. A required field the popup cannot fill in is
// named, with Open in Jira.
import { useState } from 'preact/hooks';
import type { IssueDetails, UserRef } from '../../shared/issue-details';
import type { TransitionField, TransitionFieldValues, TransitionOption } from '../../shared/transitions';

interface Props {
  option: TransitionOption;
  issue: IssueDetails;
  /** The connection's own user (for user fields: "Me"). */
  me: UserRef;
  jiraUrl: string;
  busy: boolean;
  onSubmit(values: TransitionFieldValues): void;
  onCancel(): void;
}

/** The users a user field may name without a search: you, the assignee, the reporter. */
function userChoices(me: UserRef, issue: IssueDetails): { id: string; name: string }[] {
  const idOf = (u: UserRef) => u.accountId ?? u.name ?? '';
  const all = [
    { ...me, displayName: `Me (${me.displayName})` },
    ...(issue.assignee ? [issue.assignee] : []),
    ...(issue.reporter ? [issue.reporter] : []),
  ];
  const seen = new Set<string>();
  return all.filter((u) => idOf(u) && !seen.has(idOf(u)) && seen.add(idOf(u))).map((u) => ({ id: idOf(u), name: u.displayName }));
}

function Field({
  f,
  value,
  set,
  choices,
}: {
  f: TransitionField;
  value: TransitionFieldValues[string];
  set(v: string | string[]): void;
  choices: { id: string; name: string }[];
}) {
  const id = `tf-${f.id}`;
  const label = (
    <label for={id}>
      {f.name}
      {f.required ? <span class="muted"> (required)</span> : null}
    </label>
  );
  const text = typeof value === 'string' ? value : '';
  const onText = (e: Event) => set((e.currentTarget as HTMLInputElement).value);
  switch (f.kind) {
    case 'resolution':
    case 'select':
    case 'user':
      return (
        <p class="field">
          {label}
          <select id={id} required={f.required} value={text} onChange={onText}>
            <option value="">{f.required ? 'Choose…' : 'None'}</option>
            {(f.kind === 'user' ? choices : (f.allowedValues ?? [])).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </p>
      );
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset class="field">
          <legend>
            {f.name}
            {f.required ? <span class="muted"> (required)</span> : null}
          </legend>
          {(f.allowedValues ?? []).map((c) => (
            <label key={c.id} class="check">
              <input
                type="checkbox"
                checked={chosen.includes(c.id)}
                onChange={(e) => set((e.currentTarget as HTMLInputElement).checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'textarea':
    case 'comment':
      return (
        <p class="field">
          {label}
          <textarea id={id} required={f.required} rows={3} value={text} onInput={onText} />
        </p>
      );
    case 'number':
      return (
        <p class="field">
          {label}
          <input id={id} type="number" step="any" required={f.required} value={text} onInput={onText} />
        </p>
      );
    case 'date':
      return (
        <p class="field">
          {label}
          <input id={id} type="date" required={f.required} value={text} onInput={onText} />
        </p>
      );
    default:
      return (
        <p class="field">
          {label}
          <input id={id} type="text" required={f.required} value={text} onInput={onText} />
        </p>
      );
  }
}

export function TransitionForm({ option, issue, me, jiraUrl, busy, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<TransitionFieldValues>({});
  const blocked = option.fields.filter((f) => f.required && f.kind === 'unsupported');
  const fields = option.fields.filter((f) => f.kind !== 'unsupported');
  const choices = userChoices(me, issue);
  return (
    <form
      class="transition-form"
      aria-label={`Move ${issue.key} to ${option.to.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && !blocked.length) onSubmit(values);
      }}
    >
      {blocked.length ? (
        <p class="inline-error">
          {blocked.map((f) => `“${f.name}”`).join(', ')} can only be filled in in Jira.{' '}
          <a href={jiraUrl} target="_blank" rel="noopener noreferrer">
            Open in Jira
          </a>
        </p>
      ) : null}
      {fields.map((f) => (
        <Field key={f.id} f={f} value={values[f.id] ?? null} choices={choices} set={(v) => setValues((all) => ({ ...all, [f.id]: v }))} />
      ))}
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy || blocked.length > 0}>
          Move to {option.to.name}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
