// DOM helpers shared by the content-script tests.

export function h(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** A click as a user's (isTrusted true) or as a page script's dispatchEvent (false). */
export function clickEvent(trusted: boolean): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Lets MutationObservers, promises and scheduled flushes run. */
export async function settle(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await new Promise((r) => setTimeout(r, 0));
}

/** Every text and attribute value in a (shadow) tree, to check what it reveals. */
export function everythingShown(root: Node): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) out.push((node as Text).data);
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      for (const attr of el.attributes) out.push(`${attr.name}=${attr.value}`);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out.push(el.value);
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return out.join('\n');
}

/** An element's name from its content, as assistive technology reads it: text outside aria-hidden parts, trimmed. */
export function accessibleName(el: Element): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) out.push((node as Text).data);
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).getAttribute('aria-hidden') === 'true') return;
    node.childNodes.forEach(visit);
  };
  visit(el);
  return out.join('').replace(/\s+/g, ' ').trim();
}
