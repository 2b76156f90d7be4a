// Which Atlassian account the token page says is logged in, when it shows it: an email
// address in the header / account menu (aria-label, title or text). No class names.
import { DIALOG_SELECTOR } from './page-dialogs';
import { textNodesIn } from './page-text';

// Bounded quantifiers: an unbounded pattern is quadratic on long text without a match.
const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/;
const MAX_TEXT = 2000;
const CHROME = 'header, [role="banner"], nav, [role="navigation"], aside, [role="complementary"]';

function emailIn(text: string | null): string | undefined {
  if (!text || text.length > MAX_TEXT || !text.includes('@')) return undefined;
  return EMAIL.exec(text)?.[0];
}

function emailOf(el: Element): string | undefined {
  return emailIn(el.getAttribute('aria-label')) ?? emailIn(el.getAttribute('title'));
}

function emailInText(region: Element, usable: (el: Element) => boolean): string | undefined {
  if (!region.textContent?.includes('@')) return undefined;
  // Text node by text node: textContent would glue "Ann Lee" to "ann@example.com".
  for (const text of textNodesIn(region)) {
    const parent = text.parentElement;
    const found = parent && usable(parent) ? emailIn(text.data) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The logged-in account's email as the page shows it, or undefined. Reads on demand only. */
export function findPageAccount(doc: Document, isOwnNode: (n: Node) => boolean = () => false): string | undefined {
  // A dialog shows content (the token, a name), not who is logged in.
  const usable = (el: Element): boolean => !isOwnNode(el) && el.closest(DIALOG_SELECTOR) === null;
  // 1. Header, navigation, account menu: labels first, then visible text.
  for (const region of doc.querySelectorAll(CHROME)) {
    if (!usable(region)) continue;
    const own = emailOf(region);
    if (own) return own;
    for (const el of region.querySelectorAll('[aria-label*="@"], [title*="@"]')) {
      const found = usable(el) ? emailOf(el) : undefined;
      if (found) return found;
    }
    const text = emailInText(region, usable);
    if (text) return text;
  }
  // 2. Anywhere else: an element labelled with an email (e.g. the avatar button).
  for (const el of doc.querySelectorAll('[aria-label*="@"], [title*="@"]')) {
    const found = usable(el) ? emailOf(el) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The page shows another account than the one the pending connection names. */
export function accountMismatch(pageAccount: string | undefined, username: string | undefined): boolean {
  if (!pageAccount || !username?.includes('@')) return false;
  return pageAccount.trim().toLowerCase() !== username.trim().toLowerCase();
}
