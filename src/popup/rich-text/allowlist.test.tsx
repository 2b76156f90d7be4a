// @vitest-environment happy-dom
// The shared allowlist: what `el` and `link` let through, whatever a caller passes.
import { describe, expect, it } from 'vitest';
import { cellSpan, el, heading, link, type Attrs } from './allowlist';
import { markup, renderNodes } from './test-dom';

const ctx = { siteUrl: 'https://jira.example.com/jira', headingOffset: 2 };

describe('el', () => {
  it.each<[string, Attrs | null, string]>([
    ['p', null, '<p>x</p>'],
    ['td', { colspan: 2, rowspan: 3 }, '<td colspan="2" rowspan="3">x</td>'],
    ['td', { colspan: 1, rowspan: 0 }, '<td>x</td>'],
    ['td', { colspan: 1000 }, '<td>x</td>'],
    ['p', { colspan: 2 }, '<p>x</p>'], // not a cell
    ['ol', { start: 3 }, '<ol start="3">x</ol>'],
    ['ol', { start: -1 }, '<ol>x</ol>'],
    ['code', { 'data-language': 'c++' }, '<code data-language="c++">x</code>'],
    ['code', { 'data-language': '" onclick="x' }, '<code>x</code>'],
    ['span', { class: 'rt-a rt-b' }, '<span class="rt-a rt-b">x</span>'],
    ['span', { class: 'panel' }, '<span>x</span>'], // never a class that is not ours
    ['span', { class: 'rt-a" onclick="x' }, '<span>x</span>'],
    ['div', { role: 'img', 'aria-label': 'x' }, '<div>x</div>'], // role only on span
    ['time', { datetime: '2020-02-20' }, '<time datetime="2020-02-20">x</time>'],
  ])('%s %j', (tag, attrs, expected) => {
    expect(markup(renderNodes(el(tag, attrs, 'x')))).toBe(expected);
  });

  it.each(['script', 'img', 'iframe', 'style', 'a', 'input', 'svg', 'object', 'form', 'link', 'meta', 'base', 'frame', 'template'])(
    'does not create <%s>: its content is unwrapped',
    (tag) => {
      expect(markup(renderNodes(el(tag, null, 'x')))).toBe('x');
    },
  );

  it('ignores attributes it does not know, whatever the type says', () => {
    const attrs = { onclick: 'alert(1)', style: 'color:red', href: 'javascript:x', src: 'x', id: 'x' } as unknown as Attrs;
    expect(markup(renderNodes(el('span', attrs, 'x')))).toBe('<span>x</span>');
  });
});

describe('link', () => {
  it('opens a checked link in a new tab without an opener', () => {
    expect(markup(renderNodes(link('/jira/browse/X-1', ctx, 'X-1', 'rt-card')))).toBe(
      '<a class="rt-card" href="https://jira.example.com/jira/browse/X-1" rel="noopener noreferrer" target="_blank">X-1</a>',
    );
  });
  it('renders a refused link as its text', () => {
    expect(markup(renderNodes(link('javascript:alert(1)', ctx, 'click me')))).toBe('click me');
  });
});

describe('cellSpan and heading', () => {
  it.each<[unknown, number | undefined]>([
    [2, 2],
    ['3', 3],
    [' 4 ', 4],
    [100, 100],
    [1, undefined],
    [0, undefined],
    [-2, undefined],
    [2.5, undefined],
    [101, undefined],
    ['2x', undefined],
    ['', undefined],
    [null, undefined],
    [Infinity, undefined],
    [NaN, undefined],
  ])('cellSpan(%j) = %j', (v, expected) => {
    expect(cellSpan(v)).toBe(expected);
  });

  it.each<[unknown, number, string]>([
    [1, 2, 'h3'],
    [3, 2, 'h5'],
    [4, 2, 'h6'],
    [6, 2, 'h6'],
    [1, 0, 'h1'],
    [2, 5, 'h6'],
    [0, 2, 'h3'],
    ['2', 2, 'h3'],
    [7, 0, 'h1'],
  ])('heading(%j) with offset %i is %s', (level, headingOffset, expected) => {
    expect(heading(level, { headingOffset })).toBe(expected);
  });
});
