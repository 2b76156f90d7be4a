// Rich content of the Cloud site acme: issue WEB-2 carries an Atlassian Document Format
// description with every node and mark the popup renders (and some it must refuse to run),
// two attachments, labels, and RICH.web2Comments comments by Ada and Grace, some with marks.
// Node and mark shapes: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
// and the published schema (docs/jira-api.md#adf).
import type { FakeComment, FakeIssue } from './seed-issues';
import { ADA, GRACE } from './seed-people';

type Node = Record<string, unknown>;
const text = (t: string, ...marks: Node[]): Node => (marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: Node[]): Node => ({ type: 'paragraph', content });
const mark = (type: string, attrs?: Node): Node => (attrs ? { type, attrs } : { type });
const link = (href: string) => mark('link', { href });
const li = (...content: Node[]): Node => ({ type: 'listItem', content });
const doc = (...content: Node[]) => ({ type: 'doc', version: 1, content });

/** The media id Atlassian's media service would give the screenshot (an opaque uuid). */
const SCREENSHOT_MEDIA = '6e7c4f0a-3b1d-4a2e-9f58-0c1d2e3f4a5b';
const LOG_MEDIA = '7f8d5a1b-4c2e-4b3f-8a69-1d2e3f4a5b6c';

function web2Adf(): object {
  const cell = (type: 'tableHeader' | 'tableCell', t: string): Node => ({ type, attrs: {}, content: [p(text(t))] });
  return doc(
    { type: 'heading', attrs: { level: 1 }, content: [text('Release notes draft')] },
    p(
      text('Marks: '),
      text('bold', mark('strong')),
      text(', '),
      text('italic', mark('em')),
      text(', '),
      text('underlined', mark('underline')),
      text(', '),
      text('struck', mark('strike')),
      text(', '),
      text('npm ci', mark('code')),
      text(', H'),
      text('2', mark('subsup', { type: 'sub' })),
      text('O, x'),
      text('2', mark('subsup', { type: 'sup' })),
      text(', '),
      text('red text', mark('textColor', { color: '#ff5630' })),
      text('.'),
    ),
    p(
      text('Links: '),
      text('plain http', link('http://example.com/plain')),
      text(', '),
      text('secure https', link('https://example.com/secure')),
      text(', '),
      text('write to support', link('mailto:support@acme.test')),
      text(', and '),
      text('do not run me', link('javascript:alert(1)')),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Rollout plan')] },
    { type: 'heading', attrs: { level: 3 }, content: [text('Steps')] },
    {
      type: 'bulletList',
      content: [
        li(p(text('Prepare the release branch'))),
        li(p(text('Run the pipeline')), {
          type: 'orderedList',
          attrs: { order: 1 },
          content: [li(p(text('Unit tests'))), li(p(text('Browser tests')))],
        }),
      ],
    },
    { type: 'codeBlock', attrs: { language: 'typescript' }, content: [text('const release = await build({ minify: true });')] },
    { type: 'blockquote', content: [p(text('Ship small, ship often.'))] },
    { type: 'panel', attrs: { panelType: 'info' }, content: [p(text('Info panel: the release train leaves on Thursday.'))] },
    { type: 'panel', attrs: { panelType: 'warning' }, content: [p(text('Warning panel: freeze merges the day before.'))] },
    { type: 'panel', attrs: { panelType: 'error' }, content: [p(text('Error panel: never deploy on a Friday.'))] },
    {
      type: 'table',
      attrs: { isNumberColumnEnabled: false, layout: 'default' },
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Environment'), cell('tableHeader', 'Owner')] },
        { type: 'tableRow', content: [cell('tableCell', 'Staging'), cell('tableCell', 'Ada')] },
        { type: 'tableRow', content: [cell('tableCell', 'Production'), cell('tableCell', 'Grace')] },
      ],
    },
    { type: 'rule' },
    p(text('First line'), { type: 'hardBreak' }, text('second line after a hard break')),
    p(
      text('Reviewed by '),
      { type: 'mention', attrs: { id: GRACE.accountId, text: '@Grace Hopper', accessLevel: '' } },
      text(' '),
      { type: 'emoji', attrs: { shortName: ':smile:', id: '1f604', text: '😄' } },
      text(' status '),
      { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue', localId: 'b1a2c3d4-0001' } },
      text(' due '),
      { type: 'date', attrs: { timestamp: '1767225600000' } },
      text(' see '),
      { type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/WEB-1' } },
    ),
    { type: 'blockCard', attrs: { url: 'https://example.com/design-doc' } },
    {
      type: 'mediaSingle',
      attrs: { layout: 'center' },
      content: [
        { type: 'media', attrs: { id: SCREENSHOT_MEDIA, type: 'file', collection: '', alt: 'screenshot.png', width: 1280, height: 720 } },
      ],
    },
    { type: 'mediaGroup', content: [{ type: 'media', attrs: { id: LOG_MEDIA, type: 'file', collection: '', alt: 'build-log.txt' } }] },
    { type: 'expand', attrs: { title: 'Details for reviewers' }, content: [p(text('Hidden until expanded.'))] },
    {
      type: 'taskList',
      attrs: { localId: 'tasks-1' },
      content: [
        { type: 'taskItem', attrs: { localId: 'task-1', state: 'DONE' }, content: [text('Write the changelog')] },
        { type: 'taskItem', attrs: { localId: 'task-2', state: 'TODO' }, content: [text('Announce the release')] },
      ],
    },
    {
      type: 'decisionList',
      attrs: { localId: 'decisions-1' },
      content: [{ type: 'decisionItem', attrs: { localId: 'decision-1', state: 'DECIDED' }, content: [text('We ship on Thursday')] }],
    },
    { type: 'futureWidget', attrs: { flavour: 'new' }, content: [p(text('Text inside a node type this client does not know'))] },
    p(text('<script>alert(1)</script>')),
  );
}

/** What REST v2 on Cloud gives for the same description: wiki markup. */
const WEB2_WIKI = [
  'h1. Release notes draft',
  'Marks: *bold*, _italic_, +underlined+, -struck-, {{npm ci}}, H~2~O, x^2^, {color:#ff5630}red text{color}.',
  'Links: [plain http|http://example.com/plain], [secure https|https://example.com/secure], [write to support|mailto:support@acme.test].',
  'h2. Rollout plan',
  '* Prepare the release branch',
  '* Run the pipeline',
  '{code:typescript}const release = await build({ minify: true });{code}',
  '{info}Info panel: the release train leaves on Thursday.{info}',
  '||Environment||Owner||',
  '|Staging|Ada|',
  '----',
  `Reviewed by [~accountid:${GRACE.accountId}]`,
  '!screenshot.png|thumbnail!',
  '<script>alert(1)</script>',
].join('\n');

const WEB2_HTML =
  '<h1><a name="Releasenotesdraft"></a>Release notes draft</h1>' +
  '<p>Marks: <b>bold</b>, <em>italic</em>, <ins>underlined</ins>, <del>struck</del>, <tt>npm ci</tt>.</p>' +
  '<p>Links: <a href="https://example.com/secure" class="external-link" rel="nofollow noreferrer">secure https</a>.</p>' +
  '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>';

const COMMENT_TEXTS = [
  'Reproduced on staging with the release branch.',
  'I can take the pipeline part of this.',
  'Unit tests pass; browser tests still flaky on one runner.',
  'Flaky runner replaced, rerunning now.',
  'All green. Moving on to the changelog.',
  'Changelog draft is in the description.',
  'Please double-check the table of owners.',
  'Owners look right to me.',
  'Added the screenshot of the new settings page.',
  'The screenshot is blurry on my screen, can you retake it?',
  'Retaken at full resolution.',
  'Thanks, much better.',
  'Release notes reviewed, two typos fixed.',
  'Announcement goes out after the deploy.',
  'Deploy window confirmed for Thursday morning.',
  'Staging sign-off done.',
  'Ready for production. Ping me if anything looks odd.',
];

/** WEB-2's comments, oldest first; every fourth has marks, the newest mentions Ada. */
function web2Comments(now: number): FakeComment[] {
  const last = COMMENT_TEXTS.length;
  return COMMENT_TEXTS.map((t, n) => {
    const created = now - (last - n) * 5 * 3_600_000;
    const author = n % 2 === 0 ? ADA.accountId : GRACE.accountId;
    const comment: FakeComment = { id: String(10100 + n), author, created, updated: created, text: t };
    if (n % 4 === 3) {
      comment.adf = doc(
        p(text('Note: ', mark('strong')), text(t, mark('em')), text(' Log: '), text('ci/run', link('https://ci.example.com/run/42'))),
      );
      comment.text = `Note: ${t} Log: ci/run`;
    }
    if (n === last - 1) {
      comment.adf = doc(p(text(`${t} `), { type: 'mention', attrs: { id: ADA.accountId, text: '@Ada Lovelace' } }));
      comment.text = `${t} @Ada Lovelace`;
    }
    if (n === 6) comment.updated = created + 3_600_000; // edited an hour later
    return comment;
  });
}

/** Gives acme's WEB-2 (and a few others) their rich content, labels and attachments. */
export function enrichAcme(find: (key: string) => FakeIssue, now: number): void {
  const web2 = find('WEB-2');
  web2.description = WEB2_WIKI;
  web2.descriptionAdf = web2Adf();
  web2.descriptionHtml = WEB2_HTML;
  web2.labels = ['release-notes', 'docs'];
  web2.comments = web2Comments(now);
  web2.attachments = [
    { id: '10201', filename: 'screenshot.png', size: 183_420, mimeType: 'image/png', author: ADA.accountId, created: now - 40 * 3_600_000 },
    {
      id: '10202',
      filename: 'build-log.txt',
      size: 10_240,
      mimeType: 'text/plain',
      author: GRACE.accountId,
      created: now - 30 * 3_600_000,
    },
  ];
  const web1 = find('WEB-1');
  web1.labels = ['frontend', 'customer-reported'];
  web1.attachments = [
    { id: '10200', filename: 'console-log.txt', size: 2048, mimeType: 'text/plain', author: ADA.accountId, created: now - 50 * 3_600_000 },
  ];
  find('API-1').labels = ['backend'];
}
