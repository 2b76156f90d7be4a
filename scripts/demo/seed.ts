// The demo's data: the browser tests' seed (tests/e2e/fakes/seed-sites.ts: the same people,
// keys, statuses, dates, filters, comments and attachments), with words a person would find
// in a real Jira. The tests' generated summaries are word salad ("mode mobile Login timezone
// #2") and WEB-2's description exercises every rich-text node, hostile links included: right
// for tests, wrong for a first look. Only text changes here; whatever the fakes check stays.
import type { FakeIssue } from '../../tests/e2e/fakes/seed';
import type { JiraSite } from '../../tests/e2e/fakes/jira';
import { GRACE } from '../../tests/e2e/fakes/seed';

const SUMMARIES: Record<string, string[]> = {
  WEB: [
    'Checkout button does nothing when the cart has a gift card',
    'Release notes for 4.2',
    'Pricing page: annual toggle shows monthly prices',
    'Sign-up form accepts an empty company name',
    'Dark mode: low contrast on disabled buttons',
    'Cookie banner covers the chat widget on mobile',
    'Search results page loses filters on back',
    'Add Open Graph images to blog posts',
    'Footer links point to the old docs site',
    'Password reset e-mail arrives after 10 minutes',
    'Lazy-load images below the fold',
    'Safari: date picker opens off screen',
    'Localise the checkout into German and French',
    'Broken layout of the team page at 1280 px',
    'Replace the hero video with a lighter image',
    'Keyboard focus is invisible in the main menu',
    'Track newsletter sign-ups in analytics',
  ],
  API: [
    'Rate limit headers missing on 429 answers',
    'Paginate GET /v2/invoices',
    'Webhook retries ignore Retry-After',
    'OAuth refresh token expires a day early',
    'Document the bulk export endpoint',
    'Return 404 instead of 500 for unknown customer ids',
    'Upgrade the JSON schema validator',
    'Idempotency keys for POST /v2/payments',
    'Time zone of created dates in CSV exports',
    'Deprecate the v1 search endpoint',
    'Slow query on /v2/orders with many line items',
    'API keys: show the last used date',
    'Validate currency codes against ISO 4217',
    'Add ETag support to the catalogue',
    'Sandbox returns production tax rates',
    'Trace ids in every error body',
    'SDK: typed errors for validation failures',
  ],
  OPS: [
    'Rotate the database credentials',
    'Disk almost full on build agent 3',
    'Move staging to the new cluster',
    'Alert when the certificate expires in 14 days',
    'Nightly backup job took 6 hours',
    'Upgrade Kubernetes to the next minor version',
    'Runbook for a failed deploy rollback',
    'Cut cloud costs of the test environments',
    'Log retention: 30 days for debug logs',
    'On-call schedule for the holidays',
    'Patch OpenSSL on the edge proxies',
    'Dashboards for queue latency',
    'Restore drill for the orders database',
    'Remove unused DNS records',
    'Status page: automate incident updates',
    'CI cache misses after the runner upgrade',
    'Rename the production S3 buckets',
  ],
  BETA: [
    'Invite the first ten beta customers',
    'Feedback form in the beta banner',
    'Beta terms: review with legal',
    'Weekly beta call notes',
    'Turn on feature flags for the beta group',
    'Collect crash reports from beta builds',
    'Survey beta users after two weeks',
    'Graduate the beta to general availability',
  ],
  INFRA: [
    'Network maintenance window for Saturday',
    'Replace the core switch in rack B',
    'VPN drops every 30 minutes',
    'Renew the wildcard certificate',
    'Monitor disk I/O on the file servers',
    'Decommission the old mail relay',
    'Firmware update for the storage array',
    'Printer on floor 2 not reachable',
    'Patch the hypervisors',
    'Document the firewall rules',
  ],
  HR: [
    'Onboarding checklist for new engineers',
    'Update the travel policy',
    'Laptop return process for leavers',
    'Schedule the quarterly reviews',
    'Holiday calendar for next year',
    'Benefits portal login fails for contractors',
    'Translate the handbook into Spanish',
    'Set up the mentoring programme',
  ],
  SEC: [
    'Review admin access to production',
    'Phishing test results for Q3',
    'Enforce MFA for all contractors',
    'Rotate the signing keys',
    'Pen test findings: session fixation',
    'Remove shared accounts on the CI server',
    'Security training for new hires',
    'Audit third-party OAuth apps',
    'Scan container images on every build',
    'Incident response plan review',
  ],
};

/** Issues whose summary other seeded text quotes (INFRA-1's description links INFRA-2 by title). */
const KEEP = new Set(['INFRA-2']);

type Node = Record<string, unknown>;
const text = (t: string, ...marks: Node[]): Node => (marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: Node[]): Node => ({ type: 'paragraph', content });
const li = (t: string): Node => ({ type: 'listItem', content: [p(text(t))] });
const cell = (type: 'tableHeader' | 'tableCell', t: string): Node => ({ type, attrs: {}, content: [p(text(t))] });
const row = (type: 'tableHeader' | 'tableCell', ...cells: string[]): Node => ({
  type: 'tableRow',
  content: cells.map((c) => cell(type, c)),
});

/** WEB-2's description in Atlassian Document Format: the node types a real release note uses. */
function releaseNotes(): object {
  return {
    type: 'doc',
    version: 1,
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Release notes draft')] },
      p(
        text('Version '),
        text('4.2', { type: 'strong' }),
        text(' ships on Thursday once staging is signed off. Build it with '),
        text('npm ci && npm run build', { type: 'code' }),
        text(', then follow the '),
        text('rollout checklist', { type: 'link', attrs: { href: 'https://example.com/rollout' } }),
        text('.'),
      ),
      { type: 'heading', attrs: { level: 3 }, content: [text('Highlights')] },
      {
        type: 'bulletList',
        content: [li('Search as you type, partial words too'), li('Dark mode follows the system'), li('Faster checkout on mobile')],
      },
      { type: 'panel', attrs: { panelType: 'info' }, content: [p(text('The release train leaves on Thursday at 10:00.'))] },
      {
        type: 'table',
        attrs: { isNumberColumnEnabled: false, layout: 'default' },
        content: [row('tableHeader', 'Environment', 'Owner'), row('tableCell', 'Staging', 'Ada'), row('tableCell', 'Production', 'Grace')],
      },
      p(text('Reviewed by '), { type: 'mention', attrs: { id: GRACE.accountId, text: '@Grace Hopper', accessLevel: '' } }, text(' '), {
        type: 'status',
        attrs: { text: 'IN REVIEW', color: 'blue', localId: 'demo-status-1' },
      }),
      {
        type: 'taskList',
        attrs: { localId: 'demo-tasks' },
        content: [
          { type: 'taskItem', attrs: { localId: 'demo-task-1', state: 'DONE' }, content: [text('Write the changelog')] },
          { type: 'taskItem', attrs: { localId: 'demo-task-2', state: 'TODO' }, content: [text('Announce the release')] },
        ],
      },
    ],
  };
}

const RELEASE_NOTES_WIKI = [
  'h2. Release notes draft',
  'Version *4.2* ships on Thursday once staging is signed off. Build it with {{npm ci && npm run build}}, then follow the [rollout checklist|https://example.com/rollout].',
  'h3. Highlights',
  '* Search as you type, partial words too',
  '* Dark mode follows the system',
  '* Faster checkout on mobile',
  '{info}The release train leaves on Thursday at 10:00.{info}',
  '||Environment||Owner||',
  '|Staging|Ada|',
  '|Production|Grace|',
  `Reviewed by [~accountid:${GRACE.accountId}]`,
].join('\n');

/** Gives `issues` readable summaries (by project, in key order), keeping keys quoted elsewhere. */
export function renameIssues(issues: FakeIssue[]): void {
  for (const issue of issues) {
    const names = SUMMARIES[issue.project.key];
    const n = Number(issue.key.split('-')[1]);
    if (!names || KEEP.has(issue.key) || !Number.isInteger(n)) continue;
    issue.summary = names[(n - 1) % names.length]!;
  }
}

/** The demo's acme: readable summaries; WEB-2 a release note (its comments and files stay the seed's). */
export function dressAcme(site: JiraSite): void {
  renameIssues(site.data.issues);
  const web2 = site.data.issues.find((i) => i.key === 'WEB-2');
  if (!web2) throw new Error('The e2e seed has no WEB-2 any more: update scripts/demo/seed.ts.');
  web2.descriptionAdf = releaseNotes();
  web2.description = RELEASE_NOTES_WIKI;
  delete web2.descriptionHtml;
}
