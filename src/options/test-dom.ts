// Tiny DOM queries for the options page's render tests (no testing-library in this repo).
// They find controls by their accessible names, as the browser tests do.
import { act } from 'preact/test-utils';

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The control a <label> with exactly this text names. */
export function byLabel(
  label: string,
  root: ParentNode = document,
  accept: (el: HTMLInputElement) => boolean = () => true,
): HTMLInputElement {
  for (const l of Array.from(root.querySelectorAll('label'))) {
    if (text(l) !== label) continue;
    const target = (l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input, textarea, select')) as HTMLInputElement | null;
    if (target && accept(target)) return target;
  }
  throw new Error(`No control labelled "${label}"`);
}

/** The button named `name` (its aria-label, else its text), or null. */
export function queryButton(name: string, root: ParentNode = document): HTMLButtonElement | null {
  return (
    (Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) as
      | HTMLButtonElement
      | undefined) ?? null
  );
}

/** The button named `name`; throws when there is none. */
export function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const b = queryButton(name, root);
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

/** The link whose text is `name`; throws when there is none. */
export function link(name: string, root: ParentNode = document): HTMLAnchorElement {
  const a = Array.from(root.querySelectorAll('a')).find((x) => text(x) === name);
  if (!a) throw new Error(`No link "${name}"`);
  return a;
}

/** The text of every role="alert" element. */
export function alerts(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('[role="alert"]')).map(text);
}

/** The non-empty text of every role="status" element. */
export function statuses(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('[role="status"]')).map(text).filter(Boolean);
}

/** The text of every h1, h2 and h3. */
export function headings(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('h1, h2, h3')).map(text);
}

/** Sets the value as typing would, and fires `input`. */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks, and lets Preact re-render. */
export async function click(el: HTMLElement): Promise<void> {
  await act(() => {
    el.click();
  });
}

/** Lets pending promises (mocked requests) settle and Preact re-render. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** The secret field: "Password" also names a radio button, as the public contract wants. */
export function secretField(label: string): HTMLInputElement {
  return byLabel(label, document, (el) => el.type !== 'radio');
}
