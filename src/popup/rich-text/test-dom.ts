// Test support for the rich-text renderers: render nodes into a detached div, and write the
// result back out as compact markup (our own serialiser: attributes sorted, text escaped) so a
// table of cases can compare whole shapes.
import { Fragment, h, render, type ComponentChildren } from 'preact';

/** `nodes` rendered by Preact into a new div (not attached to the document). */
export function renderNodes(nodes: ComponentChildren): HTMLDivElement {
  const div = document.createElement('div');
  render(h(Fragment, null, nodes), div);
  return div;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The children of `root` as markup: `<p class="x">a<br></p>`. Comments are skipped. */
export function markup(root: Node): string {
  let out = '';
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out += escapeText((c as Text).data);
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    const attrs = Array.from(e.attributes)
      .map((a) => `${a.name}="${escapeText(a.value)}"`)
      .sort();
    const open = [e.localName, ...attrs].join(' ');
    out += ['br', 'hr'].includes(e.localName) ? `<${open}>` : `<${open}>${markup(e)}</${e.localName}>`;
  }
  return out;
}

/** Every element in `root`, `root` excluded. */
export function allElements(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*'));
}
