// @vitest-environment happy-dom
// Jira Server/Data Center renderedFields HTML to DOM: what is kept, unwrapped and rewritten.
import { describe, expect, it } from 'vitest';
import { htmlToNodes } from './html';
import { markup, renderNodes } from './test-dom';

// A Data Center site with a context path: relative links must stay under /jira.
const SITE = 'https://jira.example.com/jira';
const A = 'rel="noopener noreferrer" target="_blank"';
const CLIP = '<span aria-hidden="true">📎 </span>';

function show(html: string, headingOffset?: number): HTMLDivElement {
  return renderNodes(htmlToNodes(html, { siteUrl: SITE, ...(headingOffset === undefined ? {} : { headingOffset }) }));
}

describe('htmlToNodes', () => {
  it.each<[string, string, string]>([
    [
      'paragraph and inline formatting',
      '<p>Hello <b>bold</b> <strong>s</strong> <i>it</i> <em>e</em> <u>u</u> <del>gone</del> <s>s</s> <ins>new</ins> <tt>mono</tt> <code>c</code> x<sub>2</sub> y<sup>3</sup></p>',
      '<p>Hello <strong>bold</strong> <strong>s</strong> <em>it</em> <em>e</em> <u>u</u> <s>gone</s> <s>s</s> <ins>new</ins> <code>mono</code> <code>c</code> x<sub>2</sub> y<sup>3</sup></p>',
    ],
    ['line breaks and rules', '<p>a<br/>b</p><hr />', '<p>a<br>b</p><hr>'],
    ['headings shifted by 2', '<h1>A</h1><h2>B</h2><h4>D</h4><h5>E</h5><h6>F</h6>', '<h3>A</h3><h4>B</h4><h6>D</h6><h6>E</h6><h6>F</h6>'],
    [
      'lists (indentation whitespace dropped)',
      '<ul>\n\t<li>one</li>\n\t<li>two\n<ol>\n\t<li>2a</li>\n</ol>\n</li>\n</ul>',
      '<ul><li>one</li><li>two\n<ol><li>2a</li></ol>\n</li></ul>',
    ],
    ['definition list', '<dl><dt>Term</dt><dd>Meaning</dd></dl>', '<dl><dt>Term</dt><dd>Meaning</dd></dl>'],
    ['blockquote ({quote})', '<blockquote><p>quoted</p></blockquote>', '<blockquote><p>quoted</p></blockquote>'],
    [
      'issue link under the context path',
      '<a href="/jira/browse/X-1" title="Fix it" class="issue-link" data-issue-key="X-1">X-1</a>',
      `<a href="https://jira.example.com/jira/browse/X-1" ${A}>X-1</a>`,
    ],
    ['path-relative link', '<a href="browse/X-2">X-2</a>', `<a href="https://jira.example.com/jira/browse/X-2" ${A}>X-2</a>`],
    [
      'external link',
      '<a href="http://example.org/a?b=1&amp;c=2" class="external-link" rel="nofollow" target="_self">ext</a>',
      `<a href="http://example.org/a?b=1&amp;c=2" ${A}>ext</a>`,
    ],
    [
      'mailto link',
      '<a href="mailto:ann@example.org" class="external-link" rel="nofollow">Ann</a>',
      `<a href="mailto:ann@example.org" ${A}>Ann</a>`,
    ],
    [
      'user mention',
      '<a href="/jira/secure/ViewProfile.jspa?name=ann" class="user-hover" rel="ann" id="user_ann">Ann Lee</a>',
      `<a class="rt-mention" href="https://jira.example.com/jira/secure/ViewProfile.jspa?name=ann" ${A}>Ann Lee</a>`,
    ],
    ['anchor without href', '<a name="top"></a><p>t</p>', '<p>t</p>'],
    ['link to the page itself', '<a href="#top">back</a>', 'back'],
    [
      'emoticon with alt',
      '<img class="emoticon" src="/jira/images/icons/emoticons/smile.png" height="16" width="16" align="absmiddle" alt="(smile)" border="0"/>',
      '(smile)',
    ],
    [
      'emoticon without alt',
      'ok <img class="emoticon" src="https://jira.example.com/jira/images/icons/emoticons/thumbs_up.png" alt="" border="0"/>',
      'ok (thumbs_up)',
    ],
    [
      'attached image',
      '<span class="image-wrap" style=""><img src="/jira/secure/attachment/10000/screen%20shot.png" style="border: 0px solid black" /></span>',
      `<span><span class="rt-media">${CLIP}screen shot.png</span></span>`,
    ],
    ['image with alt', '<img src="/jira/secure/attachment/1/a.png" alt="Diagram">', `<span class="rt-media">${CLIP}Diagram</span>`],
    [
      'thumbnail in its link',
      '<span class="image-wrap"><a id="10000_thumb" href="/jira/secure/attachment/10000/big.png" title="big.png" file-preview-type="image"><img src="/jira/secure/thumbnail/10000/_thumb_10000.png" role="none"></a></span>',
      `<span><a href="https://jira.example.com/jira/secure/attachment/10000/big.png" ${A}><span class="rt-media">${CLIP}big.png</span></a></span>`,
    ],
    [
      '{panel}',
      '<div class="panel" style="border-width: 1px;"><div class="panelHeader" style="border-bottom-width: 1px;"><b>Title</b></div><div class="panelContent"><p>Body</p></div></div>',
      '<div class="rt-panel"><div class="rt-panel-title"><strong>Title</strong></div><div><p>Body</p></div></div>',
    ],
    [
      '{code}',
      '<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">\n<pre class="code-java"><span class="code-keyword">int</span> x = 1;\nif (x &lt; 2) return;</pre>\n</div></div>',
      '<div class="rt-panel rt-code-panel"><div>\n<pre class="rt-code"><span>int</span> x = 1;\nif (x &lt; 2) return;</pre>\n</div></div>',
    ],
    [
      '{noformat}',
      '<div class="preformatted panel" style="border-width: 1px;"><div class="preformattedContent panelContent"><pre>a  b\n  c</pre></div></div>',
      '<div class="rt-panel rt-code-panel"><div><pre class="rt-code">a  b\n  c</pre></div></div>',
    ],
    [
      'AUI message',
      '<div class="aui-message aui-message-warning"><p>Careful</p></div>',
      '<div class="rt-panel rt-panel-warning"><p>Careful</p></div>',
    ],
    [
      'table',
      '<div class=\'table-wrap\'>\n<table class=\'confluenceTable\'><tbody>\n<tr>\n<th class=\'confluenceTh\'>H</th>\n<th class=\'confluenceTh\' colspan="2">W</th>\n</tr>\n<tr>\n<td class=\'confluenceTd\' rowspan="2">a</td>\n<td colspan="0">b</td>\n<td colspan="abc" rowspan="1">c</td>\n</tr>\n</tbody></table>\n</div>',
      '<div>\n<div class="rt-table"><table><tbody><tr><th>H</th><th colspan="2">W</th></tr><tr><td rowspan="2">a</td><td>b</td><td>c</td></tr></tbody></table></div>\n</div>',
    ],
    [
      'table sections',
      '<table><thead><tr><th>h</th></tr></thead><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody></table>',
      '<div class="rt-table"><table><thead><tr><th>h</th></tr></thead><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody></table></div>',
    ],
    [
      'unknown elements unwrapped',
      '<p><font color="#ff0000">red</font> <center>c</center> <abbr title="t">ab</abbr> <big>B</big> <cite>C</cite></p>',
      '<p>red c ab B C</p>',
    ],
    [
      'attributes dropped',
      '<div id="x" class="foo" style="color:red" data-x="1" title="t" lang="en" dir="rtl"><span title="t" class="bar">s</span></div>',
      '<div><span>s</span></div>',
    ],
    ['comments dropped', '<p>a<!-- secret -->b</p>', '<p>ab</p>'],
    ['text stays text', '<p>1 &lt; 2 &amp;&amp; &lt;b&gt;not bold&lt;/b&gt;</p>', '<p>1 &lt; 2 &amp;&amp; &lt;b&gt;not bold&lt;/b&gt;</p>'],
    ['details and time are not on the HTML list', '<details><summary>S</summary>D</details><time datetime="2020">T</time>', 'SDT'],
  ])('%s', (_name, html, expected) => {
    expect(markup(show(html))).toBe(expected);
  });

  it('shifts headings by headingOffset, clamped to h6', () => {
    expect(markup(show('<h1>A</h1><h6>F</h6>', 0))).toBe('<h1>A</h1><h6>F</h6>');
    expect(markup(show('<h1>A</h1><h3>C</h3>', 4))).toBe('<h5>A</h5><h6>C</h6>');
  });

  it.each([[''], ['   '], [null as unknown as string], [42 as unknown as string]])('renders nothing for %j', (html) => {
    expect(htmlToNodes(html, { siteUrl: SITE })).toBeNull();
  });

  it("ignores a <base> in the HTML: links resolve against the connection's site", () => {
    expect(markup(show('<base href="https://evil.example/"><a href="/jira/browse/X-1">X-1</a>'))).toBe(
      `<a href="https://jira.example.com/jira/browse/X-1" ${A}>X-1</a>`,
    );
  });
});
