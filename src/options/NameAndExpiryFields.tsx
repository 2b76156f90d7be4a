// A connection's name and its token's expiry date: the two fields the configure step and the
// card's edit form share, with the error of either shown against it.
import type { RefObject } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { type FormError, type FormField, formFieldOf } from './form-error';

interface Props {
  /** The form's useId(): the fields' ids start with it. */
  id: string;
  name: string;
  expiresOn: string;
  onName(value: string): void;
  onExpiresOn(value: string): void;
  nameRef: RefObject<HTMLInputElement | null>;
  expiresRef?: RefObject<HTMLInputElement | null>;
  /** The field the form's error is about, and the id of that error's alert. */
  errorField: FormField | undefined;
  errorId: string;
  /** Said under the expiry date (its description), when given. */
  expiresHint?: string;
}

/** "Connection name" and "Token expires on" (a date, YYYY-MM-DD), each invalid while the error is about it. */
export function NameAndExpiryFields(p: Props) {
  const hintId = `${p.id}-expires-hint`;
  const expiresDescribedBy = [p.expiresHint ? hintId : '', p.errorField === 'expires' ? p.errorId : ''].filter(Boolean).join(' ');
  return (
    <>
      <div class="field">
        <label for={`${p.id}-name`}>Connection name</label>
        <input
          id={`${p.id}-name`}
          ref={p.nameRef}
          type="text"
          value={p.name}
          maxLength={100}
          onInput={(e) => p.onName(e.currentTarget.value)}
          aria-invalid={p.errorField === 'name' || undefined}
          aria-describedby={p.errorField === 'name' ? p.errorId : undefined}
        />
      </div>
      <div class="field">
        <label for={`${p.id}-expires`}>Token expires on</label>
        <input
          id={`${p.id}-expires`}
          ref={p.expiresRef}
          type="date"
          value={p.expiresOn}
          onInput={(e) => p.onExpiresOn(e.currentTarget.value)}
          aria-invalid={p.errorField === 'expires' || undefined}
          aria-describedby={expiresDescribedBy || undefined}
        />
        {p.expiresHint ? (
          <p class="hint" id={hintId}>
            {p.expiresHint}
          </p>
        ) : null}
      </div>
    </>
  );
}

/**
 * The state behind NameAndExpiryFields: the two values, the form's error (editing the field an
 * error is about takes it away) and the props the fields take. `expiresOn` is YYYY-MM-DD or ''.
 */
export function useNameAndExpiry(initialName: string, initialExpiresOn: string) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [expiresOn, setExpiresOn] = useState(initialExpiresOn);
  const [error, setError] = useState<FormError | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const expiresRef = useRef<HTMLInputElement>(null);
  const clearErrorOf = (field: FormField) => setError((e) => (formFieldOf(e?.field) === field ? null : e));
  const fields: Props = {
    id,
    name,
    expiresOn,
    onName(v) {
      setName(v);
      clearErrorOf('name');
    },
    onExpiresOn(v) {
      setExpiresOn(v);
      clearErrorOf('expires');
    },
    nameRef,
    expiresRef,
    errorField: formFieldOf(error?.field),
    errorId: `${id}-error`,
  };
  return { id, name, expiresOn, error, setError, nameRef, expiresRef, fields };
}
