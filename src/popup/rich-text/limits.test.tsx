// @vitest-environment happy-dom
// Deep and huge documents render, bounded, without throwing. No timing here: the popup bench
// measures that.
import { describe, expect, it } from 'vitest';
import { adfToNodes } from './adf';
import { MAX_DEPTH, MAX_NODES } from './context';
import { htmlToNodes } from './html';
import { renderNodes } from './test-dom';

const options = { siteUrl: 'https://jira.example.com' };

/** The deepest element nesting under `root` (iterative: the tree under test may be deep). */
function depthOf(root: Element): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of Array.from(e.children)) stack.push([c, d + 1]);
  }
  return max;
}

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ type: 'text', text: t });
const p = (t: string): Node => ({ type: 'paragraph', content: [text(t)] });

/** `levels` bullet lists, each in the item of the one above, "bottom" in the last. */
function nestedLists(levels: number): Node {
  let inner: Node = { type: 'bulletList', content: [{ type: 'listItem', content: [p('bottom')] }] };
  for (let i = 1; i < levels; i++)
    inner = { type: 'bulletList', content: [{ type: 'listItem', content: [p(`level ${levels - i}`), inner] }] };
  return { type: 'doc', content: [inner] };
}

const truncated = (root: Element) => root.querySelector('.rt-truncated') !== null;

describe('deep documents', () => {
  it('ADF: 5,000 nested lists render, flat below the depth limit, with all their text', () => {
    const root = renderNodes(adfToNodes(nestedLists(5000), options));
    expect(depthOf(root)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(root.textContent).toContain('level 1');
    expect(root.textContent).toContain('level 4999');
    expect(root.textContent).toContain('bottom');
    expect(truncated(root)).toBe(false);
  });

  it('ADF: 100,000 levels of an unknown node type (its text is collected without recursion)', () => {
    let inner: Node = text('bottom');
    for (let i = 0; i < 100_000; i++) inner = { type: 'future', content: [inner] };
    const root = renderNodes(adfToNodes({ type: 'doc', content: [inner] }, options));
    expect(depthOf(root)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(truncated(root)).toBe(true); // more nodes than the budget
  });

  it('ADF: a cycle (not JSON, but not our concern to trust) ends', () => {
    const loop: Node = { type: 'paragraph', content: [text('x')] };
    (loop.content as Node[]).push({ type: 'blockquote', content: [loop] });
    const root = renderNodes(adfToNodes({ type: 'doc', content: [loop] }, options));
    expect(depthOf(root)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(truncated(root)).toBe(true);
  });

  it('HTML: 5,000 nested lists render, flat below the depth limit', () => {
    const html = `${'<ul><li>x'.repeat(5000)}bottom${'</li></ul>'.repeat(5000)}`;
    const root = renderNodes(htmlToNodes(html, options));
    expect(depthOf(root)).toBeLessThanOrEqual(MAX_DEPTH + 2);
    expect(root.textContent).toContain('bottom');
  });

  it('HTML: 5,000 nested divs with a script at the bottom keep it out of the flat text', () => {
    const html = `${'<div>'.repeat(5000)}<script>alert(1)</script>bottom${'</div>'.repeat(5000)}`;
    const root = renderNodes(htmlToNodes(html, options));
    expect(root.textContent).toBe('bottom');
  });
});

describe('huge documents', () => {
  it('ADF: 10,000 paragraphs (20,000 nodes) all render', () => {
    const doc = { type: 'doc', content: Array.from({ length: 10_000 }, (_, i) => p(`paragraph ${i}`)) };
    const root = renderNodes(adfToNodes(doc, options));
    expect(root.querySelectorAll('p').length).toBe(10_000);
    expect(truncated(root)).toBe(false);
  });

  it('ADF: a 1,000-row table renders', () => {
    const row = (i: number) => ({ type: 'tableRow', content: [{ type: 'tableCell', content: [p(`r${i}`)] }] });
    const root = renderNodes(
      adfToNodes({ type: 'doc', content: [{ type: 'table', content: Array.from({ length: 1000 }, (_, i) => row(i)) }] }, options),
    );
    expect(root.querySelectorAll('tr').length).toBe(1000);
  });

  it('ADF: past the node budget the rest is left out, and a note says so', () => {
    // Placeholders cost a node each and render nothing: the budget runs out before "after".
    const filler = { type: 'paragraph', content: Array.from({ length: MAX_NODES }, () => ({ type: 'placeholder', attrs: { text: 'x' } })) };
    const root = renderNodes(adfToNodes({ type: 'doc', content: [p('before'), filler, p('after')] }, options));
    expect(root.textContent).toContain('before');
    expect(root.textContent).not.toContain('after');
    expect(truncated(root)).toBe(true);
  });

  it('ADF: one text node of a megabyte', () => {
    const root = renderNodes(adfToNodes({ type: 'doc', content: [p('x'.repeat(1_000_000))] }, options));
    expect(root.textContent?.length).toBe(1_000_000);
  });

  it('HTML: 10,000 nodes all render', () => {
    const html = Array.from({ length: 2500 }, (_, i) => `<p>paragraph <b>${i}</b></p>`).join('');
    const root = renderNodes(htmlToNodes(html, options));
    expect(root.querySelectorAll('p').length).toBe(2500);
    expect(root.querySelectorAll('strong').length).toBe(2500);
    expect(truncated(root)).toBe(false);
  });

  it('HTML: past the node budget the rest is left out, and a note says so', () => {
    // Dropped elements cost a node each and render nothing: the budget runs out before "after".
    const root = renderNodes(htmlToNodes(`<p>before</p>${'<template></template>'.repeat(MAX_NODES)}<p>after</p>`, options));
    expect(root.textContent).toContain('before');
    expect(root.textContent).not.toContain('after');
    expect(truncated(root)).toBe(true);
  });
});

describe('flattened text', () => {
  it('keeps words of separate blocks apart below the depth limit', () => {
    const adfDeep = (levels: number) => {
      let inner: Node = { type: 'blockquote', content: [p('one'), p('two')] };
      for (let i = 0; i < levels; i++) inner = { type: 'blockquote', content: [inner] };
      return { type: 'doc', content: [inner] };
    };
    expect(renderNodes(adfToNodes(adfDeep(100), options)).textContent).toBe('one two');
    const html = `${'<blockquote>'.repeat(100)}<p>one</p><p>two</p>${'</blockquote>'.repeat(100)}`;
    expect(renderNodes(htmlToNodes(html, options)).textContent).toBe('one two');
  });
});
