// ADF documents for the popup bench (tests/bench/popup-bench.mjs and the render page): node and
// mark shapes as in https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/

export const text = (t, marks) => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
export const para = (...content) => ({ type: 'paragraph', content });
export const doc = (content) => ({ type: 'doc', version: 1, content });

/** A description as a ticket has one: a heading, paragraphs with marks, a list, a code block. */
export function smallDoc() {
  return doc([
    { type: 'heading', attrs: { level: 2 }, content: [text('Steps to reproduce')] },
    para(text('Open the cart with '), text('no items', [{ type: 'strong' }]), text(' and press '), text('Checkout', [{ type: 'code' }])),
    {
      type: 'orderedList',
      content: ['Empty the cart', 'Press Checkout', 'See the error'].map((t) => ({ type: 'listItem', content: [para(text(t))] })),
    },
    { type: 'codeBlock', attrs: { language: 'text' }, content: [text('TypeError: cannot read properties of undefined')] },
  ]);
}

/** A document of at least `nodes` ADF nodes: paragraphs with marked text, lists, tables, code blocks. */
export function bigDoc(nodes) {
  const blocks = [];
  let count = 1;
  for (let i = 0; count < nodes; i++) {
    if (i % 4 === 0) {
      blocks.push(para(...Array.from({ length: 8 }, (_, n) => text(`word ${i}.${n} `, n % 2 ? [{ type: 'strong' }] : undefined))));
      count += 9;
    } else if (i % 4 === 1) {
      const items = Array.from({ length: 4 }, (_, n) => ({ type: 'listItem', content: [para(text(`item ${i}.${n}`))] }));
      blocks.push({ type: 'bulletList', content: items });
      count += 1 + 4 * 3;
    } else if (i % 4 === 2) {
      const cell = (t) => ({ type: 'tableCell', attrs: {}, content: [para(text(t))] });
      const rows = Array.from({ length: 3 }, (_, r) => ({ type: 'tableRow', content: [cell(`r${r}a`), cell(`r${r}b`)] }));
      blocks.push({ type: 'table', content: rows });
      count += 1 + 3 * (1 + 2 * 3);
    } else {
      blocks.push({ type: 'codeBlock', attrs: { language: 'js' }, content: [text(`const value${i} = compute(${i});`)] });
      count += 2;
    }
  }
  return doc(blocks);
}

/** The number of nodes in an ADF tree (text nodes included, marks not). */
export function countNodes(node) {
  return 1 + (Array.isArray(node?.content) ? node.content.reduce((n, c) => n + countNodes(c), 0) : 0);
}
