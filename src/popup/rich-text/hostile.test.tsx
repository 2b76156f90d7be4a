// @vitest-environment happy-dom
// Hostile content is inert: whatever a commenter writes, the rendered DOM holds no script, frame,
// image, style, form, event handler, style attribute or non-web link. One check (`expectInert`)
// over every case of both paths.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adfToNodes } from './adf';
import { htmlToNodes } from './html';
import { allElements, renderNodes } from './test-dom';

const SITE = 'https://jira.example.com/jira';
const options = { siteUrl: SITE };

/** Everything the renderers can produce; anything else in the output is a leak. */
const OUTPUT_TAGS = new Set([
  'a',
  'p',
  'br',
  'strong',
  'em',
  'u',
  's',
  'ins',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'hr',
  'dl',
  'dt',
  'dd',
  'span',
  'div',
  'details',
  'summary',
  'time',
]);
/** Attributes the renderers set, by name. */
const OUTPUT_ATTRS = new Set([
  'href',
  'target',
  'rel',
  'class',
  'colspan',
  'rowspan',
  'start',
  'data-language',
  'datetime',
  'role',
  'aria-label',
  'aria-hidden',
]);

function expectInert(root: HTMLElement): void {
  expect(
    root.querySelectorAll(
      'script, iframe, frame, img, image, style, svg, math, object, embed, form, input, button, textarea, select, link, meta, base, template, noscript, video, audio, source',
    ).length,
  ).toBe(0);
  for (const e of allElements(root)) {
    expect(OUTPUT_TAGS.has(e.localName), `<${e.localName}>`).toBe(true);
    for (const a of Array.from(e.attributes)) {
      expect(a.name.startsWith('on'), `${a.name} on <${e.localName}>`).toBe(false);
      expect(OUTPUT_ATTRS.has(a.name), `${a.name} on <${e.localName}>`).toBe(true);
      expect(a.value).not.toMatch(/javascript:|vbscript:|data:/i);
    }
  }
  for (const a of Array.from(root.querySelectorAll('a'))) {
    expect(['http:', 'https:', 'mailto:']).toContain(new URL(a.getAttribute('href') ?? '').protocol);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  }
  expect(root.querySelectorAll('[style]').length).toBe(0);
}

const pwned = globalThis as { __pwned?: unknown };
afterEach(() => {
  delete pwned.__pwned;
});

describe('hostile rendered HTML is inert', () => {
  // happy-dom, unlike a browser, tries to load the <iframe> and <link> of a parsed document, finds
  // loading switched off and says so on the worker's stderr (its own console, out of vi.spyOn's
  // reach). Only those notices are kept out of the test output.
  function parse(html: string) {
    const write = process.stderr.write.bind(process.stderr);
    const quiet = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation(((chunk: unknown, ...rest: never[]) =>
        String(chunk).includes('loading is disabled') ? true : write(chunk as string, ...rest)) as typeof process.stderr.write);
    try {
      return htmlToNodes(html, options);
    } finally {
      quiet.mockRestore();
    }
  }

  it.each<[string, string, string | null]>([
    // [case, html, expected textContent (null: not checked)]
    ['script', '<script>window.__pwned = 1</script>ok', 'ok'],
    ['img onerror', '<img src=x onerror="window.__pwned = 1">', '📎 x'],
    ['img without src', '<img onerror="window.__pwned = 1" alt="(smile)" class="emoticon">', '(smile)'],
    ['javascript: link', '<a href="javascript:window.__pwned=1">click</a>', 'click'],
    ['mixed-case javascript: link with a space', '<a href=" JaVaScRiPt:window.__pwned=1">click</a>', 'click'],
    ['javascript: link with a tab', '<a href="java&#x09;script:window.__pwned=1">click</a>', 'click'],
    ['javascript: link with entities', '<a href="&#106;&#97;vascript&colon;window.__pwned=1">click</a>', 'click'],
    ['data: link', '<a href="data:text/html,<script>window.__pwned=1</script>">click</a>', 'click'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">click</a>', 'click'],
    ['userinfo link', '<a href="https://jira.example.com@evil.example/">jira</a>', 'jira'],
    ['svg script', 'ok<svg><script>window.__pwned = 1</script></svg>', 'ok'],
    ['svg onload', '<svg onload="window.__pwned = 1"><a href="javascript:x"><text>t</text></a></svg>ok', 'ok'],
    ['math', '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 1">', null],
    ['iframe', '<iframe src="https://evil.example"></iframe>ok', 'ok'],
    ['iframe srcdoc', '<iframe srcdoc="<script>window.__pwned = 1</script>"></iframe>ok', 'ok'],
    ['frameset', '<frameset><frame src="https://evil.example"></frameset>', null],
    ['style element', '<style>body { display: none }</style>ok', 'ok'],
    ['event attributes', '<p onclick="window.__pwned = 1" onmouseover="x" ONFOCUS="y">t</p>', 't'],
    ['style attributes', '<p style="position: fixed; inset: 0">t</p><div style="background: url(javascript:x)">u</div>', 'tu'],
    [
      'form',
      '<form action="https://evil.example/steal"><input name="p" value="v"><button formaction="https://evil.example">Go</button><textarea>x</textarea><select><option>o</option></select></form>ok',
      'ok',
    ],
    ['object and embed', '<object data="x.swf"><param name="a" value="b">fallback</object><embed src="x.swf">ok', 'ok'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">ok', 'ok'],
    ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">ok', 'ok'],
    ['base', '<base href="javascript:x/"><a href="browse/X-1">X-1</a>', 'X-1'],
    ['template', '<template><script>window.__pwned = 1</script><img src=x onerror="x"></template>ok', 'ok'],
    ['noscript', '<noscript><img src=x onerror="window.__pwned = 1"></noscript>ok', 'ok'],
    ['media', '<video src=x onerror="x"><source src=y>fallback</video><audio src=z></audio>ok', 'ok'],
    ['table background', '<table background="javascript:x"><tr><td background="x" style="color:red">c</td></tr></table>', 'c'],
    [
      'link with its own handlers',
      '<a href="https://ok.example/" onclick="steal()" target="_self" rel="opener" ping="https://evil.example">ok</a>',
      'ok',
    ],
    ['comment trick', '<!--><script>window.__pwned = 1</script>-->ok', null],
    ['unclosed tags', '<p><b><i>open<script>window.__pwned=1', 'open'],
    ['html in an attribute', '<p title="&lt;script&gt;window.__pwned=1&lt;/script&gt;">t</p>', 't'],
    ['deep script', `${'<div>'.repeat(100)}<script>window.__pwned = 1</script><img src=x onerror=x>deep${'</div>'.repeat(100)}`, 'xdeep'],
  ])('%s', async (_name, html, text) => {
    const root = renderNodes(parse(html));
    expectInert(root);
    if (text !== null) expect(root.textContent).toBe(text);
    await new Promise((r) => setTimeout(r, 0));
    expect(pwned.__pwned).toBeUndefined();
  });

  it('keeps a safe link, with our target and rel only', () => {
    const root = renderNodes(htmlToNodes('<a href="https://ok.example/" onclick="steal()" target="_self" rel="opener">ok</a>', options));
    const a = root.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://ok.example/');
    expect(a?.attributes.length).toBe(3);
  });
});

describe('hostile ADF is inert', () => {
  const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
  const link = (href: unknown) => ({ type: 'link', attrs: { href } });
  const p = (...content: unknown[]) => ({ type: 'paragraph', content });
  const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
  const HTML = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

  it.each<[string, unknown, string]>([
    // [case, adf, expected textContent]: a refused link or card shows its text (a card's is its URL), as text.
    ['javascript: link mark', doc(p(t('click', [link('javascript:window.__pwned=1')]))), 'click'],
    ['mixed-case javascript: link mark', doc(p(t('click', [link(' JaVaScRiPt:window.__pwned=1')]))), 'click'],
    ['javascript: with a newline', doc(p(t('click', [link('java\nscript:window.__pwned=1')]))), 'click'],
    ['data: link mark', doc(p(t('click', [link('data:text/html,<script>alert(1)</script>')]))), 'click'],
    ['vbscript: link mark', doc(p(t('click', [link('vbscript:msgbox(1)')]))), 'click'],
    ['non-string href', doc(p(t('click', [link({ toString: 'javascript:x' })]))), 'click'],
    [
      'javascript: inlineCard',
      doc(p({ type: 'inlineCard', attrs: { url: 'javascript:window.__pwned=1' } })),
      'javascript:window.__pwned=1',
    ],
    ['javascript: inlineCard data', doc(p({ type: 'inlineCard', attrs: { data: { url: 'javascript:x' } } })), 'javascript:x'],
    ['data: blockCard', doc({ type: 'blockCard', attrs: { url: 'data:text/html,x' } }), 'data:text/html,x'],
    ['javascript: embedCard', doc({ type: 'embedCard', attrs: { url: 'JAVASCRIPT:x' } }), 'JAVASCRIPT:x'],
    ['HTML in text', doc(p(t(HTML))), HTML],
    ['HTML in marked text', doc(p(t(HTML, [{ type: 'strong' }, { type: 'code' }]))), HTML],
    ['HTML in a mention', doc(p({ type: 'mention', attrs: { text: '<b onclick="x">Ann</b>' } })), '@<b onclick="x">Ann</b>'],
    ['HTML in an emoji', doc(p({ type: 'emoji', attrs: { text: '<svg onload="window.__pwned=1">' } })), '<svg onload="window.__pwned=1">'],
    ['HTML in a status', doc(p({ type: 'status', attrs: { text: HTML, color: 'red" onclick="x' } })), HTML],
    ['HTML in a media name', doc({ type: 'mediaSingle', content: [{ type: 'media', attrs: { alt: HTML } }] }), `📎 ${HTML}`],
    ['HTML in an expand title', doc({ type: 'expand', attrs: { title: HTML }, content: [] }), HTML],
    ['HTML in a code block', doc({ type: 'codeBlock', attrs: { language: '" onmouseover="window.__pwned=1' }, content: [t(HTML)] }), HTML],
    ['HTML in an invalid date', doc(p({ type: 'date', attrs: { timestamp: HTML } })), HTML],
    ['HTML in an extension', doc({ type: 'extension', attrs: { text: HTML } }), HTML],
    ['panel type as markup', doc({ type: 'panel', attrs: { panelType: 'info" onclick="x' }, content: [p(t('x'))] }), 'Panel: x'],
    [
      'node types named like elements',
      doc(
        { type: 'script', content: [t('a')] },
        { type: 'iframe', attrs: { src: 'https://evil.example' }, content: [t('b')] },
        { type: 'img', attrs: { src: 'x' } },
      ),
      'ab',
    ],
    [
      'attributes for handlers',
      doc({ type: 'paragraph', attrs: { onclick: 'x', style: 'color:red', class: 'evil' }, content: [t('p')] }),
      'p',
    ],
    [
      'external media',
      doc({ type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'external', url: 'https://evil.example/track.png' } }] }),
      '📎 Attachment',
    ],
  ])('%s', async (_name, adf, text) => {
    const root = renderNodes(adfToNodes(adf, options));
    expectInert(root);
    expect(root.textContent).toBe(text);
    await new Promise((r) => setTimeout(r, 0));
    expect(pwned.__pwned).toBeUndefined();
  });
});
