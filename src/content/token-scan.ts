// Reading the tokens a part of the page shows, in an input's value or as text. A current
// token counts anywhere; a legacy 24-character one only inside the token dialog, where a
// random-looking word of that length cannot be something else (docs/jira-api.md#api-tokens).
import { CLOUD_TOKEN_PREFIX } from '../shared/token-format';
import { inTokenDialog } from './page-dialogs';
import { isHidden, showsItsValue, showsTextIn, textNodesIn } from './page-text';
import { asLegacyToken, findCloudToken } from './token-format';

/** A text node longer than this is prose, not a legacy token shown on its own. */
const MAX_LEGACY_TEXT = 200;

export interface FoundToken {
  token: string;
  /** The <input>/<textarea> holding the token, or the element whose text shows it. */
  element: Element;
}

function isReadOnly(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  return field.readOnly || field.disabled || field.getAttribute('aria-readonly') === 'true';
}

function tokenInField(field: HTMLInputElement | HTMLTextAreaElement): string | undefined {
  if (!showsItsValue(field)) return undefined;
  const value = field.value ?? '';
  const cloud = findCloudToken(value);
  if (cloud) return cloud;
  // The user types into editable fields: only a read-only one shows a token to copy.
  if (isReadOnly(field) && inTokenDialog(field)) return asLegacyToken(value);
  return undefined;
}

function tokenInText(text: Text): string | undefined {
  const data = text.data;
  const cloud = findCloudToken(data);
  if (cloud) return cloud;
  if (data.length > MAX_LEGACY_TEXT) return undefined;
  const legacy = asLegacyToken(data);
  return legacy && text.parentElement && inTokenDialog(text.parentElement) ? legacy : undefined;
}

/**
 * Every token shown inside `root` (itself included), fields first, then text, each in document
 * order. When any is a current token, only current tokens are returned.
 */
export function scanForTokens(root: Element): FoundToken[] {
  const found: FoundToken[] = [];
  const fields: Element[] = root.matches('input, textarea') ? [root] : [...root.querySelectorAll('input, textarea')];
  for (const field of fields) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) continue;
    const token = tokenInField(field);
    if (token && !isHidden(field)) found.push({ token, element: field });
  }
  for (const text of textNodesIn(root)) {
    const parent = text.parentElement;
    if (!parent || !showsTextIn(parent)) continue;
    const token = tokenInText(text);
    if (token && !isHidden(parent)) found.push({ token, element: parent });
  }
  // A current token wins over a 24-character string that merely looks like an old one.
  const cloud = found.filter((f) => f.token.startsWith(CLOUD_TOKEN_PREFIX));
  return cloud.length > 0 ? cloud : found;
}

/** `found.element` is still on the page and still shows `found.token`. */
export function stillShows(found: FoundToken): boolean {
  const { element, token } = found;
  if (!element.isConnected) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    return tokenInField(element) === token;
  }
  return (element.textContent ?? '').includes(token);
}
