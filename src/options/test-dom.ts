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

export function queryButton(name: string, root: ParentNode = document): HTMLButtonElement | null {
  return (
    (Array.from(root.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) as
      | HTMLButtonElement
      | undefined) ?? null
  );
}

export function button(name: string, root: ParentNode = document): HTMLButtonElement {
  const b = queryButton(name, root);
  if (!b) throw new Error(`No button "${name}"`);
  return b;
}

export function link(name: string, root: ParentNode = document): HTMLAnchorElement {
  const a = Array.from(root.querySelectorAll('a')).find((x) => text(x) === name);
  if (!a) throw new Error(`No link "${name}"`);
  return a;
}

export function alerts(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('[role="alert"]')).map(text);
}

export function statuses(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('[role="status"]')).map(text).filter(Boolean);
}

export function headings(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll('h1, h2, h3')).map(text);
}

export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

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
