// What a reader of id.atlassian.com's page sees: text outside scripts and templates, the values
// of visible inputs and their labels, nothing in hidden subtrees. The page's class names are
// generated and change, so only structure and text are read (docs/jira-api.md#api-tokens).

/** Elements whose text is code, markup or choices, not something the page shows as text. */
const TEXT_NOT_SHOWN_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);
const VALUE_NOT_SHOWN_BY = new Set(['hidden', 'checkbox', 'radio', 'file', 'submit', 'button', 'image', 'reset']);

/** Every text node inside `root`, in document order. */
export function* textNodesIn(root: Element): Generator<Text> {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

/** Text directly inside `parent` is shown as text (not a script, a style, a textarea's default…). */
export function showsTextIn(parent: Element): boolean {
  return !TEXT_NOT_SHOWN_IN.has(parent.tagName);
}

/** The field shows its value to the reader: a textarea, or an input of a text-like type. */
export function showsItsValue(field: HTMLInputElement | HTMLTextAreaElement): boolean {
  return !(field instanceof HTMLInputElement && VALUE_NOT_SHOWN_BY.has(field.type));
}

/** `el` is in a subtree the page hides (`hidden`, or from assistive technology `aria-hidden`). */
export function isHidden(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"]') !== null;
}

/** The text of the elements `el`'s `aria-labelledby` names, joined by spaces; '' without one. */
export function labelledByText(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** An input's accessible label: aria-label, aria-labelledby, then a <label> for it or around it. */
function inputLabel(input: HTMLInputElement): string {
  const aria = input.getAttribute('aria-label');
  if (aria) return aria;
  const byId = labelledByText(input);
  if (byId) return byId;
  if (input.id) {
    for (const label of input.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === input.id) return label.textContent ?? '';
    }
  }
  return input.closest('label')?.textContent ?? '';
}

/**
 * The text of `container` as a reader sees it: its text nodes, then each filled input as
 * "label: value" (a date picker shows the expiry date only as an input's value).
 */
export function readableText(container: Element): string {
  const parts: string[] = [];
  for (const text of textNodesIn(container)) {
    const parent = text.parentElement;
    if (parent && !showsTextIn(parent)) continue;
    parts.push(text.data);
  }
  for (const input of container.querySelectorAll('input')) {
    if (!showsItsValue(input) || !input.value) continue;
    parts.push(`${inputLabel(input)}: ${input.value}`);
  }
  return parts.join(' ');
}
