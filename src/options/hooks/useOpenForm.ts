// Which connection form is open (new, or re-authenticate one connection), and the captured
// token handed to it.
import { useCallback, useRef, useState } from 'preact/hooks';
import type { IncomingCapture } from '../connection-form/form-state';

export type OpenForm = { kind: 'new' } | { kind: 'reauth'; connectionId: string };

export interface OpenFormState {
  form: OpenForm | null;
  /** Bumped by every open: the form remounts empty, and the page scrolls to it. */
  formKey: number;
  capture: IncomingCapture | undefined;
  /**
   * The form open right now, for callbacks that run after an await or from an older render
   * (a token claimed while the page was still loading must not be wiped by a late #capture).
   */
  current: { readonly current: OpenForm | null };
  open: (next: OpenForm) => void;
  close: () => void;
  /** Hands a claimed token to the open form; each gets a new nonce, so it fills the form once. */
  deliver: (capture: Omit<IncomingCapture, 'nonce'>) => void;
}

/** The open connection form and its capture; `open` and `close` keep their identity. */
export function useOpenForm(): OpenFormState {
  const [form, setForm] = useState<OpenForm | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [capture, setCapture] = useState<IncomingCapture | undefined>(undefined);
  const current = useRef<OpenForm | null>(null);
  current.current = form;
  const nonce = useRef(0);

  const open = useCallback((next: OpenForm) => {
    current.current = next;
    setForm(next);
    setFormKey((k) => k + 1);
    setCapture(undefined);
  }, []);

  const close = useCallback(() => {
    setForm(null);
    setCapture(undefined);
  }, []);

  const deliver = useCallback((claimed: Omit<IncomingCapture, 'nonce'>) => {
    nonce.current += 1;
    setCapture({ nonce: nonce.current, ...claimed });
  }, []);

  return { form, formKey, capture, current, open, close, deliver };
}
