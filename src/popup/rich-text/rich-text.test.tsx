// @vitest-environment happy-dom
// The RichText component: one entry for the three forms Jira sends text in.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RichText, type RichBody } from './index';
import { markup } from './test-dom';

const SITE = 'https://jira.example.com/jira';
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(body: RichBody | undefined, headingOffset?: number): string {
  render(<RichText body={body} siteUrl={SITE} headingOffset={headingOffset} locale="en-US" />, root);
  return markup(root);
}

describe('RichText', () => {
  it('renders ADF', () => {
    const adf = { type: 'doc', version: 1, content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'T' }] }] };
    expect(show({ adf })).toBe('<div class="rich-text"><h3>T</h3></div>');
    expect(show({ adf }, 1)).toBe('<div class="rich-text"><h2>T</h2></div>');
  });

  it('renders Data Center HTML, links resolved against the site', () => {
    expect(show({ html: '<p><a href="/jira/browse/X-1">X-1</a></p>' })).toBe(
      '<div class="rich-text"><p><a href="https://jira.example.com/jira/browse/X-1" rel="noopener noreferrer" target="_blank">X-1</a></p></div>',
    );
  });

  it('renders plain text as text, line breaks kept (pre-wrap)', () => {
    expect(show({ text: 'line 1\nline 2 <b>not bold</b>' })).toBe(
      '<div class="rich-text rt-plain">line 1\nline 2 &lt;b&gt;not bold&lt;/b&gt;</div>',
    );
  });

  it.each<[string, RichBody | undefined]>([
    ['null', null],
    ['undefined', undefined],
    ['empty text', { text: '' }],
    ['empty HTML', { html: '  ' }],
    ['null ADF', { adf: null }],
    ['HTML not a string', { html: 5 } as unknown as RichBody],
    ['text not a string', { text: {} } as unknown as RichBody],
    ['an unknown shape', { markdown: '# x' } as unknown as RichBody],
  ])('renders nothing for %s', (_name, body) => {
    expect(show(body)).toBe('');
  });
});
