// @vitest-environment happy-dom
// ADF (Jira Cloud) to DOM, node type by node type, and malformed documents.
import { describe, expect, it } from 'vitest';
import { adfToNodes } from './adf';
import { markup, renderNodes } from './test-dom';

const SITE = 'https://acme.atlassian.net';
const A = 'rel="noopener noreferrer" target="_blank"';

type Node = Record<string, unknown>;
const t = (text: string, ...marks: (string | Node)[]): Node => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : {}),
});
const p = (...content: Node[]): Node => ({ type: 'paragraph', content });
const cell = (type: string, attrs: Node, text: string): Node => ({ type, attrs, content: [p(t(text))] });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

function show(adf: unknown, options: { headingOffset?: number; locale?: string } = {}): HTMLDivElement {
  return renderNodes(adfToNodes(adf, { siteUrl: SITE, locale: 'en-US', ...options }));
}

describe('adfToNodes: node types', () => {
  it.each<[string, Node, string]>([
    ['paragraph', p(t('Hello')), '<p>Hello</p>'],
    [
      'marks',
      p(t('all', 'strong', 'em', 'underline', 'strike', 'code')),
      '<p><strong><em><u><s><code>all</code></s></u></em></strong></p>',
    ],
    [
      'link mark',
      p(t('site', 'strong', { type: 'link', attrs: { href: 'https://example.org/x' } })),
      `<p><a href="https://example.org/x" ${A}><strong>site</strong></a></p>`,
    ],
    [
      'relative link mark',
      p(t('X-1', { type: 'link', attrs: { href: '/browse/X-1' } })),
      `<p><a href="https://acme.atlassian.net/browse/X-1" ${A}>X-1</a></p>`,
    ],
    [
      'subsup',
      p(t('H'), t('2', { type: 'subsup', attrs: { type: 'sub' } }), t('O x'), t('2', { type: 'subsup', attrs: { type: 'sup' } })),
      '<p>H<sub>2</sub>O x<sup>2</sup></p>',
    ],
    [
      'ignored marks',
      p(
        t('plain', { type: 'textColor', attrs: { color: '#ff0000' } }, { type: 'backgroundColor', attrs: { color: '#00ff00' } }, 'mystery'),
      ),
      '<p>plain</p>',
    ],
    [
      'paragraph marks',
      {
        type: 'paragraph',
        marks: [
          { type: 'alignment', attrs: { align: 'center' } },
          { type: 'indentation', attrs: { level: 2 } },
        ],
        content: [t('x')],
      },
      '<p>x</p>',
    ],
    ['hardBreak', p(t('a'), { type: 'hardBreak' }, t('b')), '<p>a<br>b</p>'],
    ['heading 1', { type: 'heading', attrs: { level: 1 }, content: [t('Title')] }, '<h3>Title</h3>'],
    ['heading 4 → h6', { type: 'heading', attrs: { level: 4 }, content: [t('Deep')] }, '<h6>Deep</h6>'],
    ['heading 6 stays h6', { type: 'heading', attrs: { level: 6 }, content: [t('Deepest')] }, '<h6>Deepest</h6>'],
    ['bulletList', { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }] }, '<ul><li><p>one</p></li></ul>'],
    [
      'orderedList with order',
      { type: 'orderedList', attrs: { order: 3 }, content: [{ type: 'listItem', content: [p(t('three'))] }] },
      '<ol start="3"><li><p>three</p></li></ol>',
    ],
    [
      'orderedList from 1',
      { type: 'orderedList', attrs: { order: 1 }, content: [{ type: 'listItem', content: [p(t('one'))] }] },
      '<ol><li><p>one</p></li></ol>',
    ],
    [
      'nested lists',
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('a')), { type: 'orderedList', content: [{ type: 'listItem', content: [p(t('b'))] }] }] },
        ],
      },
      '<ul><li><p>a</p><ol><li><p>b</p></li></ol></li></ul>',
    ],
    [
      'codeBlock',
      { type: 'codeBlock', attrs: { language: 'javascript' }, content: [t('const a = 1;\nif (a < 2) {}')] },
      '<pre class="rt-code"><code data-language="javascript">const a = 1;\nif (a &lt; 2) {}</code></pre>',
    ],
    ['codeBlock without language', { type: 'codeBlock', content: [t('x')] }, '<pre class="rt-code"><code>x</code></pre>'],
    ['blockquote', { type: 'blockquote', content: [p(t('quoted'))] }, '<blockquote><p>quoted</p></blockquote>'],
    [
      'panel info',
      { type: 'panel', attrs: { panelType: 'info' }, content: [p(t('FYI'))] },
      '<div class="rt-panel rt-panel-info"><span class="rt-sr">Info: </span><p>FYI</p></div>',
    ],
    [
      'panel note',
      { type: 'panel', attrs: { panelType: 'note' }, content: [p(t('n'))] },
      '<div class="rt-panel rt-panel-note"><span class="rt-sr">Note: </span><p>n</p></div>',
    ],
    [
      'panel warning',
      { type: 'panel', attrs: { panelType: 'warning' }, content: [p(t('w'))] },
      '<div class="rt-panel rt-panel-warning"><span class="rt-sr">Warning: </span><p>w</p></div>',
    ],
    [
      'panel success',
      { type: 'panel', attrs: { panelType: 'success' }, content: [p(t('s'))] },
      '<div class="rt-panel rt-panel-success"><span class="rt-sr">Success: </span><p>s</p></div>',
    ],
    [
      'panel error',
      { type: 'panel', attrs: { panelType: 'error' }, content: [p(t('e'))] },
      '<div class="rt-panel rt-panel-error"><span class="rt-sr">Error: </span><p>e</p></div>',
    ],
    [
      'panel custom',
      { type: 'panel', attrs: { panelType: 'custom', panelColor: '#ff0000' }, content: [p(t('c'))] },
      '<div class="rt-panel rt-panel-custom"><span class="rt-sr">Panel: </span><p>c</p></div>',
    ],
    [
      'table',
      {
        type: 'table',
        attrs: { layout: 'default' },
        content: [
          { type: 'tableRow', content: [cell('tableHeader', {}, 'H1'), cell('tableHeader', { colspan: 2 }, 'H2')] },
          {
            type: 'tableRow',
            content: [
              cell('tableCell', { rowspan: 2, colwidth: [100] }, 'a'),
              cell('tableCell', { colspan: 1 }, 'b'),
              cell('tableCell', { colspan: 5000, rowspan: -1 }, 'c'),
            ],
          },
        ],
      },
      '<div class="rt-table"><table><tbody><tr><th><p>H1</p></th><th colspan="2"><p>H2</p></th></tr><tr><td rowspan="2"><p>a</p></td><td><p>b</p></td><td><p>c</p></td></tr></tbody></table></div>',
    ],
    ['rule', { type: 'rule' }, '<hr>'],
    [
      'mention',
      p(t('cc '), { type: 'mention', attrs: { id: '5b10', text: '@Ann Lee' } }),
      '<p>cc <span class="rt-mention">@Ann Lee</span></p>',
    ],
    ['mention without @', p({ type: 'mention', attrs: { id: '5b10', text: 'Ann' } }), '<p><span class="rt-mention">@Ann</span></p>'],
    ['mention with @@', p({ type: 'mention', attrs: { id: '5b10', text: '@@Ann' } }), '<p><span class="rt-mention">@Ann</span></p>'],
    ['mention hidden user', p({ type: 'mention', attrs: { id: '5b10', text: '' } }), '<p><span class="rt-mention">@user</span></p>'],
    ['emoji', p({ type: 'emoji', attrs: { shortName: ':grinning:', id: '1f600', text: '😀' } }), '<p>😀</p>'],
    ['emoji without text', p({ type: 'emoji', attrs: { shortName: ':partyparrot:', id: 'abc' } }), '<p>:partyparrot:</p>'],
    [
      'status',
      p({ type: 'status', attrs: { text: 'In progress', color: 'yellow' } }),
      '<p><span class="rt-status rt-status-yellow">In progress</span></p>',
    ],
    [
      'status unknown colour',
      p({ type: 'status', attrs: { text: 'Odd', color: 'pink' } }),
      '<p><span class="rt-status rt-status-neutral">Odd</span></p>',
    ],
    [
      'date',
      p({ type: 'date', attrs: { timestamp: '1582156800000' } }),
      '<p><time class="rt-date" datetime="2020-02-20">Feb 20, 2020</time></p>',
    ],
    [
      'date late in the UTC day',
      p({ type: 'date', attrs: { timestamp: 1582243199999 } }),
      '<p><time class="rt-date" datetime="2020-02-20">Feb 20, 2020</time></p>',
    ],
    ['date invalid', p({ type: 'date', attrs: { timestamp: 'tomorrow' } }), '<p>tomorrow</p>'],
    [
      'inlineCard',
      p({ type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/X-1' } }),
      `<p><a class="rt-card" href="https://acme.atlassian.net/browse/X-1" ${A}>https://acme.atlassian.net/browse/X-1</a></p>`,
    ],
    [
      'inlineCard with data',
      p({ type: 'inlineCard', attrs: { data: { '@type': 'Document', url: 'https://example.org/d', name: 'D' } } }),
      `<p><a class="rt-card" href="https://example.org/d" ${A}>https://example.org/d</a></p>`,
    ],
    [
      'blockCard',
      { type: 'blockCard', attrs: { url: 'https://example.org/b' } },
      `<div class="rt-card-block"><a class="rt-card" href="https://example.org/b" ${A}>https://example.org/b</a></div>`,
    ],
    [
      'embedCard',
      { type: 'embedCard', attrs: { url: 'https://example.org/e', layout: 'wide' } },
      `<div class="rt-card-block"><a class="rt-card" href="https://example.org/e" ${A}>https://example.org/e</a></div>`,
    ],
    [
      'mediaSingle',
      {
        type: 'mediaSingle',
        attrs: { layout: 'center' },
        content: [{ type: 'media', attrs: { id: 'f1', type: 'file', collection: '', alt: 'screenshot.png', width: 800 } }],
      },
      '<div class="rt-media-block"><span class="rt-media"><span aria-hidden="true">📎 </span>screenshot.png</span></div>',
    ],
    [
      'mediaGroup',
      {
        type: 'mediaGroup',
        content: [
          { type: 'media', attrs: { id: 'f2', type: 'file', __fileName: 'report.pdf' } },
          { type: 'media', attrs: { id: 'f3', type: 'file' } },
        ],
      },
      '<div class="rt-media-block"><span class="rt-media"><span aria-hidden="true">📎 </span>report.pdf</span><span class="rt-media"><span aria-hidden="true">📎 </span>Attachment</span></div>',
    ],
    [
      'mediaInline',
      p(t('see '), { type: 'mediaInline', attrs: { id: 'f4', alt: 'log.txt' } }),
      '<p>see <span class="rt-media"><span aria-hidden="true">📎 </span>log.txt</span></p>',
    ],
    [
      'mediaSingle with caption',
      {
        type: 'mediaSingle',
        content: [
          { type: 'media', attrs: { alt: 'a.png' } },
          { type: 'caption', content: [t('Figure 1')] },
        ],
      },
      '<div class="rt-media-block"><span class="rt-media"><span aria-hidden="true">📎 </span>a.png</span><div class="rt-caption">Figure 1</div></div>',
    ],
    [
      'expand',
      { type: 'expand', attrs: { title: 'More' }, content: [p(t('hidden'))] },
      '<details class="rt-expand"><summary>More</summary><div><p>hidden</p></div></details>',
    ],
    [
      'nestedExpand untitled',
      { type: 'nestedExpand', content: [p(t('x'))] },
      '<details class="rt-expand"><summary>Details</summary><div><p>x</p></div></details>',
    ],
    [
      'taskList',
      {
        type: 'taskList',
        attrs: { localId: 'l1' },
        content: [
          { type: 'taskItem', attrs: { localId: '1', state: 'DONE' }, content: [t('Ship it')] },
          { type: 'taskItem', attrs: { localId: '2', state: 'TODO' }, content: [t('Test')] },
          { type: 'taskList', content: [{ type: 'taskItem', attrs: { state: 'TODO' }, content: [t('Sub')] }] },
        ],
      },
      '<ul class="rt-tasks">' +
        '<li class="rt-task rt-done"><span aria-label="Done" class="rt-check" role="img">☑</span> Ship it</li>' +
        '<li class="rt-task"><span aria-label="To do" class="rt-check" role="img">☐</span> Test</li>' +
        '<li class="rt-nested"><ul class="rt-tasks"><li class="rt-task"><span aria-label="To do" class="rt-check" role="img">☐</span> Sub</li></ul></li>' +
        '</ul>',
    ],
    [
      'decisionList',
      { type: 'decisionList', content: [{ type: 'decisionItem', attrs: { state: 'DECIDED' }, content: [t('Use Preact')] }] },
      '<ul class="rt-decisions"><li class="rt-decision"><span aria-label="Decision" class="rt-check" role="img">◆</span> Use Preact</li></ul>',
    ],
    ['placeholder ignored', p({ type: 'placeholder', attrs: { text: 'Type here' } }), '<p></p>'],
    ['extension', { type: 'extension', attrs: { extensionType: 'com.x', extensionKey: 'k', text: 'Macro text' } }, '<p>Macro text</p>'],
    ['extension without text', { type: 'extension', attrs: { extensionType: 'com.x', extensionKey: 'k' } }, ''],
    ['bodiedExtension', { type: 'bodiedExtension', attrs: { extensionKey: 'k' }, content: [p(t('Inside'))] }, '<div><p>Inside</p></div>'],
    ['inlineExtension', p(t('a '), { type: 'inlineExtension', attrs: { extensionKey: 'k', text: 'inline' } }), '<p>a inline</p>'],
    [
      'unknown node: its text',
      {
        type: 'futureBlock',
        content: [
          p(t('a'), t('b', 'strong')),
          { type: 'futureInline', attrs: { text: 'ignored' } },
          p(t('c'), { type: 'hardBreak' }, t('d')),
        ],
      },
      'ab c\nd',
    ],
    ['unknown inline in a paragraph', p(t('x '), { type: 'futureInline', content: [t('y')] }, t(' z')), '<p>x y z</p>'],
    [
      'layout',
      { type: 'layoutSection', content: [{ type: 'layoutColumn', attrs: { width: 50 }, content: [p(t('L'))] }] },
      '<div><div><p>L</p></div></div>',
    ],
  ])('%s', (_name, node, expected) => {
    expect(markup(show(doc(node)))).toBe(expected);
  });

  it('shifts headings by headingOffset, clamped to h6', () => {
    const h = (level: number) => ({ type: 'heading', attrs: { level }, content: [t(`L${level}`)] });
    expect(markup(show(doc(h(1), h(2), h(6)), { headingOffset: 0 }))).toBe('<h1>L1</h1><h2>L2</h2><h6>L6</h6>');
    expect(markup(show(doc(h(1), h(2)), { headingOffset: 4 }))).toBe('<h5>L1</h5><h6>L2</h6>');
    expect(markup(show(doc(h(1)), { headingOffset: 99 }))).toBe('<h6>L1</h6>');
    expect(markup(show(doc(h(1)), { headingOffset: -3 }))).toBe('<h1>L1</h1>');
  });

  it('formats dates in the locale asked for, as the UTC day', () => {
    const date = doc(p({ type: 'date', attrs: { timestamp: '1582156800000' } }));
    expect(show(date, { locale: 'de-DE' }).textContent).toBe('20.02.2020');
    expect(show(date, { locale: 'not a locale!' }).textContent).toContain('2020');
  });

  it('reads a bare content array as a document', () => {
    expect(markup(show([p(t('a')), p(t('b'))]))).toBe('<p>a</p><p>b</p>');
  });
});

describe('adfToNodes: malformed documents never throw', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', '<p>hi</p>'],
    ['an empty object', {}],
    ['doc with null content', { type: 'doc', content: null }],
    ['doc with string content', { type: 'doc', content: 'text' }],
    ['doc with object content', { type: 'doc', content: { 0: p(t('x')) } }],
    ['junk in content', doc(null, 1, 'x', [], true, { type: 5 }, { type: null }, { type: {} })],
    ['numeric type', doc({ type: 7, content: [t('x')] })],
    ['text not a string', doc(p({ type: 'text', text: 42 }, { type: 'text', text: null }, { type: 'text' }))],
    ['marks not an array', doc(p({ type: 'text', text: 'x', marks: 'strong' }))],
    [
      'junk marks',
      doc(
        p({
          type: 'text',
          text: 'x',
          marks: [null, 5, 'em', { type: 7 }, { type: 'link' }, { type: 'link', attrs: { href: 5 } }, { type: 'subsup', attrs: 'sup' }],
        }),
      ),
    ],
    ['attrs not an object', doc({ type: 'heading', attrs: 'h1', content: [t('x')] }, { type: 'panel', attrs: [1], content: [] })],
    ['bad heading levels', doc(...['x', 99, -1, 2.5, null].map((level) => ({ type: 'heading', attrs: { level }, content: [t('h')] })))],
    ['bad list order', doc(...['x', -5, 1e300, NaN, 2.5].map((order) => ({ type: 'orderedList', attrs: { order }, content: [] })))],
    [
      'bad spans',
      doc({ type: 'table', content: [{ type: 'tableRow', content: [cell('tableCell', { colspan: 'x', rowspan: 1e9 }, 'c'), 'junk'] }, 5] }),
    ],
    ['bad status', doc(p({ type: 'status', attrs: { text: 5, color: 5 } }, { type: 'status' }))],
    ['bad dates', doc(p(...[{}, 1e20, 'NaN', '', -1e16, null, [1]].map((timestamp) => ({ type: 'date', attrs: { timestamp } }))))],
    [
      'bad mention and emoji',
      doc(p({ type: 'mention', attrs: null }, { type: 'mention', attrs: { text: 7 } }, { type: 'emoji', attrs: { text: {} } })),
    ],
    [
      'bad media',
      doc({ type: 'mediaSingle', content: [{ type: 'media', attrs: { alt: 5, __fileName: [] } }] }, { type: 'mediaGroup', content: 'x' }),
    ],
    ['bad cards', doc(p({ type: 'inlineCard', attrs: { url: 5, data: 'x' } }), { type: 'blockCard', attrs: {} })],
    ['bad code block', doc({ type: 'codeBlock', attrs: { language: 5 }, content: [null, { type: 'text', text: 1 }, t('ok')] })],
    [
      'bad panel type',
      doc(
        ...[{}, 'constructor', '__proto__', 'toString', 5].map((panelType) => ({
          type: 'panel',
          attrs: { panelType },
          content: [p(t('x'))],
        })),
      ),
    ],
    ['bad task state', doc({ type: 'taskList', content: [{ type: 'taskItem', attrs: { state: 5 }, content: 'x' }] })],
    ['bad expand title', doc({ type: 'expand', attrs: { title: { x: 1 } }, content: [p(t('x'))] })],
    ['prototype keys', doc({ type: '__proto__', content: [t('x')] }, { type: 'constructor' }, { type: 'toString', text: 'y' })],
  ];
  it.each(cases)('%s', (_name, adf) => {
    expect(() => show(adf)).not.toThrow();
  });

  it('keeps what is well-formed around what is not', () => {
    expect(markup(show(doc(null, p(t('kept')), 5, p({ type: 'text', text: 42 }, t('also')))))).toBe('<p>kept</p><p>also</p>');
  });
});
