// The masked secret input with its Show/Hide toggle.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
  autoComplete: string;
  invalid: boolean;
  describedBy?: string;
}

/** The secret input, masked, with a Show/Hide button named after `label` ("Show API Token"). */
export function SecretField({ id, label, value, onInput, inputRef, autoComplete, invalid, describedBy }: Props) {
  const [shown, setShown] = useState(false);
  // "Show password", "Show API Token", "Show personal access token".
  const noun = label === 'API Token' ? label : label.toLowerCase();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="secret-row">
        <input
          id={id}
          ref={inputRef}
          // A union type trips Preact's per-type input typings; both are plain text inputs.
          type={(shown ? 'text' : 'password') as 'text'}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          autoComplete={autoComplete}
          spellcheck={false}
          autoCapitalize="off"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        <button type="button" class="button button-subtle" onClick={() => setShown(!shown)}>
          {shown ? `Hide ${noun}` : `Show ${noun}`}
        </button>
      </div>
    </div>
  );
}
