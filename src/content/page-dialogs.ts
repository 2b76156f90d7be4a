// The dialogs of id.atlassian.com's pages. The new token is shown once, in a modal (docs/jira-api.md#api-tokens);
// a modal is recognised by its ARIA role or element, never by the page's generated class names.
import { labelledByText } from './page-text';

/** Every way a page marks a modal: the ARIA dialog roles, aria-modal, or a native <dialog>. */
export const DIALOG_SELECTOR = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog';

/** The dialog `el` is (or is inside), or null. */
export function dialogOf(el: Element): Element | null {
  return el.closest(DIALOG_SELECTOR);
}

/** A dialog that talks about an API token or copying it: the only place a 24-char token counts. */
export function readsLikeTokenDialog(dialog: Element): boolean {
  const text = `${dialog.getAttribute('aria-label') ?? ''} ${labelledByText(dialog)} ${dialog.textContent ?? ''}`;
  return /api[\s-]*token|\bcopy\b/i.test(text);
}

/** `el` is inside a dialog that reads like the token dialog (see `readsLikeTokenDialog`). */
export function inTokenDialog(el: Element): boolean {
  const dialog = dialogOf(el);
  return dialog !== null && readsLikeTokenDialog(dialog);
}
