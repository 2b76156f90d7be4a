// Where a shown token sits on the page: the dialog or region showing it (read for its expiry
// date, watched for re-renders), and the node our button goes after.
import { dialogOf } from './page-dialogs';

const REGION = '[role="region"], [role="alert"], [role="status"], section, form, main, article';
/** Text beside the token that still counts as "the token's field" (e.g. a "Copy" button). */
const FIELD_EXTRA_TEXT = 40;
const MAX_ANCHOR_CLIMB = 4;

/** The dialog showing `el`; outside a dialog its nearest region; else the body. */
export function containerOf(el: Element): Element {
  return dialogOf(el) ?? el.closest(REGION) ?? el.ownerDocument.body;
}

function extraTextLength(el: Element, token: string): number {
  return (el.textContent ?? '').replace(token, '').trim().length;
}

/**
 * The node to put our UI after: the token's field row (the input or text plus small things
 * like a "Copy" button), climbing no further than the container so the UI stays inside a
 * dialog's focus trap.
 */
export function anchorFor(element: Element, token: string, container: Element): ChildNode {
  if (element === container) {
    // Text directly inside the container: go right after the text node itself.
    for (const child of container.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && (child as Text).data.includes(token)) return child;
    }
    return container.lastChild ?? element;
  }
  let anchor = element;
  for (let i = 0; i < MAX_ANCHOR_CLIMB; i++) {
    const parent = anchor.parentElement;
    if (!parent || parent === container || !container.contains(parent)) break;
    if (extraTextLength(parent, token) > FIELD_EXTRA_TEXT) break;
    anchor = parent;
  }
  return anchor;
}
