import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  textToAdf,
  textToWiki,
  type AdfDoc,
  type AdfInline,
  type AdfList,
  type AdfListItem,
  type AdfMark,
  type AdfParagraph,
} from './markup';

// ---- builders ----
const t = (text: string, ...marks: AdfMark[]): AdfInline => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
const br: AdfInline = { type: 'hardBreak' };
const strong: AdfMark = { type: 'strong' };
const em: AdfMark = { type: 'em' };
const code: AdfMark = { type: 'code' };
const link = (href: string): AdfMark => ({ type: 'link', attrs: { href } });
const p = (...content: (AdfInline | string)[]): AdfParagraph => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? t(c) : c)),
});
const li = (para: AdfParagraph, ...lists: AdfList[]): AdfListItem => ({ type: 'listItem', content: [para, ...lists] });
const ul = (...items: AdfListItem[]): AdfList => ({ type: 'bulletList', content: items });
const ol = (order: number | undefined, ...items: AdfListItem[]): AdfList =>
  order === undefined ? { type: 'orderedList', content: items } : { type: 'orderedList', attrs: { order }, content: items };
const doc = (...content: AdfDoc['content']): AdfDoc => ({ type: 'doc', version: 1, content });

/** The ADF rules Jira enforces that this module must keep, checked on every output. */
function expectValidAdf(d: AdfDoc): void {
  expect(d).toMatchObject({ type: 'doc', version: 1 });
  expect(d.content.length).toBeGreaterThan(0);
  const inline = (n: AdfInline) => {
    if (n.type === 'hardBreak') return;
    expect(n.text.length).toBeGreaterThan(0); // no empty text nodes
    const types = (n.marks ?? []).map((m) => m.type);
    if (types.includes('code')) expect(types.filter((m) => m !== 'code' && m !== 'link')).toEqual([]);
    expect(new Set(types).size).toBe(types.length);
  };
  const para = (b: AdfParagraph) => {
    expect(b.content.length).toBeGreaterThan(0);
    expect(b.content[0]!.type).toBe('text'); // no leading / trailing / doubled hardBreak
    expect(b.content[b.content.length - 1]!.type).toBe('text');
    b.content.forEach(inline);
  };
  const block = (b: AdfDoc['content'][number]) => {
    if (b.type === 'paragraph') {
      para(b);
      return;
    }
    expect(b.content.length).toBeGreaterThan(0);
    for (const item of b.content) {
      expect(item.type).toBe('listItem');
      expect(item.content[0].type).toBe('paragraph'); // a listItem starts with a paragraph
      para(item.content[0]);
      for (const c of item.content.slice(1)) block(c);
    }
  };
  d.content.forEach(block);
}

describe('textToAdf', () => {
  it.each<[string, string, AdfDoc]>([
    ['plain text', 'Fixed in build 42.', doc(p('Fixed in build 42.'))],
    ['blank lines make paragraphs, single breaks hardBreaks', 'a\nb\n\n\n c', doc(p('a', br, 'b'), p(' c'))],
    ['Windows and old Mac line endings', 'one\r\ntwo\r\n\r\nthree\rfour', doc(p('one', br, 'two'), p('three', br, 'four'))],
    ['whitespace-only lines separate paragraphs; trailing spaces go', 'a  \n \t \nb', doc(p('a'), p('b'))],
    ['bold, both spellings', '**a** and __b__', doc(p(t('a', strong), ' and ', t('b', strong)))],
    ['italic, both spellings', '*a* and _b_.', doc(p(t('a', em), ' and ', t('b', em), '.'))],
    ['code', 'run `npm ci` now', doc(p('run ', t('npm ci', code), ' now'))],
    ['code keeps markup and links literal', '`**x** https://a.io _y_`', doc(p(t('**x** https://a.io _y_', code)))],
    ['double-backtick code may hold a backtick', '``a ` b``', doc(p(t('a ` b', code)))],
    [
      'code inside bold drops bold (ADF: code only with link)',
      '**see `x` here**',
      doc(p(t('see ', strong), t('x', code), t(' here', strong))),
    ],
    ['italic inside bold', '**a _b_ c**', doc(p(t('a ', strong), t('b', strong, em), t(' c', strong)))],
    ['snake_case and intraword stars stay text', 'snake_case_name 2*3*4 a_b_', doc(p('snake_case_name 2*3*4 a_b_'))],
    ['lone and spaced asterisks stay text', 'a * b ** c * d', doc(p('a * b ** c * d'))],
    ['unclosed markers stay text', '**open *open _open `open', doc(p('**open *open _open `open'))],
    ['no empty emphasis', '**** __ `` x', doc(p('**** __ `` x'))],
    ['triple stars stay text', '***x***', doc(p('***x***'))],
    ['same mark does not nest', '**a __b__ c**', doc(p(t('a __b__ c', strong)))],
    [
      'bare https link',
      'see https://example.com/a_b?q=1#f.',
      doc(p('see ', t('https://example.com/a_b?q=1#f', link('https://example.com/a_b?q=1#f')), '.')),
    ],
    [
      'http, mailto, trailing punctuation',
      'http://x.io, mailto:a@b.co!',
      doc(p(t('http://x.io', link('http://x.io')), ', ', t('mailto:a@b.co', link('mailto:a@b.co')), '!')),
    ],
    [
      'parentheses: balanced kept, closing one left out',
      '(https://w.org/Foo_(bar))',
      doc(p('(', t('https://w.org/Foo_(bar)', link('https://w.org/Foo_(bar)')), ')')),
    ],
    ['link inside bold carries both marks', '**https://a.io**', doc(p(t('https://a.io', strong, link('https://a.io'))))],
    [
      'no link without a host, glued to a word, or other schemes',
      'http:// xhttps://a.io ftp://a.io mailto:nobody',
      doc(p('http:// xhttps://a.io ftp://a.io mailto:nobody')),
    ],
    ['bullet list, both markers', '- a\n* b', doc(ul(li(p('a')), li(p('b'))))],
    ['ordered list keeps its first number', '3. c\n4. d', doc(ol(3, li(p('c')), li(p('d'))))],
    ['ordered list from 1 has no attrs', '1. a\n2. b', doc(ol(undefined, li(p('a')), li(p('b'))))],
    [
      'a list may interrupt a paragraph; a plain line ends it',
      'Steps:\n1. a\n2. b\nDone.',
      doc(p('Steps:'), ol(undefined, li(p('a')), li(p('b'))), p('Done.')),
    ],
    ['blank lines between items keep one list', '1. a\n\n2. b', doc(ol(undefined, li(p('a')), li(p('b'))))],
    ['one level of nesting by indentation', '- a\n  - b\n    - c\n- d', doc(ul(li(p('a'), ul(li(p('b')), li(p('c')))), li(p('d'))))],
    ['nested list of the other kind, tab indent', '1. a\n\t- b', doc(ol(undefined, li(p('a'), ul(li(p('b'))))))],
    ['an indented line continues the item', '- a\n  more', doc(ul(li(p('a', br, 'more'))))],
    ['a new marker kind starts a new list', '- a\n1. b', doc(ul(li(p('a'))), ol(undefined, li(p('b'))))],
    [
      'emphasis in items; *x* at line start is not a list',
      '* **b** _i_\n*x* y',
      doc(ul(li(p(t('b', strong), ' ', t('i', em)))), p(t('x', em), ' y')),
    ],
    ['not lists: no space, no text, a decimal', '-x\n- \n1.5 km', doc(p('-x', br, '-', br, '1.5 km'))],
    [
      'wiki markup is text',
      'h1. T\n{code}x{code} [~admin] *b* -d- ||a|| !i.png!',
      doc(p('h1. T', br, '{code}x{code} [~admin] ', t('b', em), ' -d- ||a|| !i.png!')),
    ],
    [
      'HTML, entities, emoji, RTL are text',
      '<b>x</b> &amp; 🎉👍🏽 שלום עולם \u202Eabc',
      doc(p('<b>x</b> &amp; 🎉👍🏽 שלום עולם \u202Eabc')),
    ],
    ['control characters are dropped', 'a\u0000b\u0007c\u001Bd', doc(p('abcd'))],
  ])('%s', (_name, input, expected) => {
    const out = textToAdf(input);
    expect(out).toEqual(expected);
    expectValidAdf(out);
  });

  it.each<[string, string, AdfDoc]>([
    ['keeps markdown characters', '**a** _b_ `c`\n- d', doc(p('**a** _b_ `c`', br, '- d'))],
    ['still links', 'see https://a.io', doc(p('see ', t('https://a.io', link('https://a.io'))))],
  ])('markdown: false %s', (_name, input, expected) => {
    expect(textToAdf(input, { markdown: false })).toEqual(expected);
  });

  it.each(['', '   ', '\n\n', '\r\n\t ', '\u00A0\u2028'])('refuses empty text %j', (input) => {
    expect(() => textToAdf(input)).toThrow(AppError);
    expect(() => textToWiki(input)).toThrow(AppError);
  });

  it('handles very long text in linear time', () => {
    const chunk = 'word *a **b* _c_ `d https://x.io/_e_ snake_case ** ';
    const long = `${chunk.repeat(2000)}\n- ${'*'.repeat(30_000)}\n${'_x '.repeat(10_000)}`;
    const started = Date.now();
    const out = textToAdf(long);
    textToWiki(long);
    expect(Date.now() - started).toBeLessThan(3000);
    expectValidAdf(out);
  });
});

describe('textToWiki', () => {
  it.each<[string, string, string]>([
    ['plain text is unchanged', 'Fixed in build 42, see ABC-123.', 'Fixed in build 42, see ABC-123.'],
    ['paragraphs and line breaks', 'a\r\nb\n\n\nc', 'a\nb\n\nc'],
    ['bold, italic, code', '**a** __b__ *c* _d_ `e`', '*a* *b* _c_ _d_ {{e}}'],
    ['code spaces stay outside the braces', '` x `', ' {{x}} '],
    ['code braces become entities', '`{"a":1}`', '{{&#123;"a":1&#125;}}'],
    ['intraword delimiters inside their own phrase are escaped', '**a*b** _c_d_', '*a\\*b* _c\\_d_'],
    ['links are bracketed', 'see https://x.io/a_b-c?d=1. mailto:a@b.co', 'see [https://x.io/a_b-c?d=1]. [mailto:a@b.co]'],
    ['other schemes are not autolinked', 'ftp://h/x mailto:x xmailto:y', 'ftp&#58;//h/x mailto&#58;x xmailto:y'],
    ['lists', '- a\n  - b\n  more\n1. c', '* a\n** b\\\\ more\n\n# c'],
    ['nested ordered in bullet', '- a\n  1. b', '* a\n*# b'],
    [
      'phrase characters are escaped',
      'a *b* -c- +d+ ^e^ ~f~ ??g?? x -- y',
      'a _b_ \\-c\\- \\+d\\+ \\^e\\^ \\~f\\~ \\?\\?g\\?\\? x \\-\\- y',
    ],
    ['but not between letters or digits', 'snake_case e-mail 2026-11-30 C++ a^2', 'snake_case e-mail 2026-11-30 C\\+\\+ a^2'],
    ['nor between spaces, nor a lone "?"', 'a - b * c + d. Why? Really??', 'a - b * c + d. Why? Really\\?\\?'],
    [
      'macros, links, tables, images',
      '{code}x{code} {noformat} [~admin] [ABC-1] || a | b || !i.png!',
      '\\{code\\}x\\{code\\} \\{noformat\\} \\[\\~admin\\] \\[ABC-1\\] \\|\\| a \\| b \\|\\| \\!i.png\\!',
    ],
    [
      'line-start headings, quotes, numbered lists, rules',
      'h1. T\n  bq. q\n# n\n----\nsay h2. mid',
      'h1&#46; T\n  bq&#46; q\n\\# n\n\\-\\-\\-\\-\nsay h2. mid',
    ],
    ['# after a line-start bold is escaped', '**# x**', '*\\# x*'],
    ['backslashes and forced breaks', 'C:\\dir\\file \\\\ \\*', 'C:&#92;dir&#92;file &#92;&#92; &#92;\\*'],
    ['entities stay text', '&amp; &#92; AT&T &x', '&amp;amp; &amp;#92; AT&T &x'],
    [
      'emoticons stay text',
      ':) :( ;) :P :D (y) (i) (x) (!) (flag) :Pa (see)',
      ':\\) :\\( ;\\) \\:P \\:D \\(y) \\(i) \\(x) \\(\\!) \\(flag) :Pa (see)',
    ],
    ['an entity before ")" does not make ";)"', '\\)', '&#92;\\)'],
    ['HTML, emoji, RTL pass through', '<b>x</b> 🎉 שלום', '<b>x</b> 🎉 שלום'],
  ])('%s', (_name, input, expected) => {
    expect(textToWiki(input)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['escapes markdown and list markers', '**a** `b`\n- c\n1. d', '\\*\\*a\\*\\* `b`\n\\- c\n1. d'],
    ['escapes list markers after spaces', ' - a\n  * b', ' \\- a\n  \\* b'],
    ['still links', 'https://a.io', '[https://a.io]'],
  ])('markdown: false %s', (_name, input, expected) => {
    expect(textToWiki(input, { markdown: false })).toBe(expected);
  });

  // What Jira displays for literal text: its backslash escapes and entities undone, links shown as their URL.
  const displayed = (wiki: string) =>
    wiki
      .replace(/\[((?:https?:\/\/|mailto:)[^\]\s]+)\]/g, '$1')
      .replace(/\\([-#*_+?^~|%{}[\]()!@:])/g, '$1')
      .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
      .replace(/&amp;/g, '&');

  it.each([
    'Plain words, ABC-123 and 3.5%.',
    '{code:java}System.exit(0);{code} {quote}q{quote} {color:red}r{color} {panel:title=x}p{panel}',
    '[~admin] [~accountid:5b10ac8d82e05b22cc7d4ef5] [link|https://evil.example] [^file.txt] [#anchor]',
    '*bold* _em_ -del- +ins+ ^sup^ ~sub~ ??cite?? {{mono}} {*}forced{*} \\\\ \\{ \\*',
    'h1. Heading\nbq. quote\n# numbered\n* bullet\n- dash\n|| head || h2 ||\n| cell | c |\n----\n---\n--',
    '!image.png|thumbnail! !https://x.io/i.png! (y) (n) (i) (/) (x) (!) (+) (-) (?) (on) (off) (*) (*r) (flag) :) :( :P :D ;)',
    '<script>alert(1)</script> &lt;b&gt; &#x41; &nbsp; AT&T C:\\Windows\\ ;)',
    'ftp://files.example/a_b mailto:nobody file:///etc/passwd',
    '🎉👍🏽 مرحبا بالعالم שלום עולם \u202Ertl\u202C 中文 Ünïcödé',
  ])('plain text stays text: %s', (input) => {
    expect(displayed(textToWiki(input, { markdown: false }))).toBe(input);
  });

  it('keeps very long text whole', () => {
    const long = 'x_y '.repeat(20_000);
    expect(displayed(textToWiki(long, { markdown: false }))).toBe(long.trimEnd());
  });
});
