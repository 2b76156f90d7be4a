// Rich content of the Data Center site: INFRA-1's description in wiki markup and the HTML
// Jira renders for it (expand=renderedFields), with the shapes Data Center gives a heading, a
// table, a {code} panel, a relative issue link, a user link, an emoticon and an attachment
// thumbnail; three comments with wiki bodies and their renderedBody. The HTML follows what
// Jira 9 renders (wiki renderer help: https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all).
import { escapeHtml } from './http';
import type { FakeComment, FakeIssue } from './seed-issues';
import { BOB, CAROL } from './seed-people';

const CTX = '/jira';

const INFRA1_WIKI = [
  'h2. Network maintenance plan',
  '',
  '||Host||Role||Window||',
  '|db-01|Primary database|Sat 02:00|',
  '|db-02|Replica|Sat 03:00|',
  '',
  '{code:bash}',
  'sudo systemctl restart haproxy',
  '{code}',
  '',
  'Follow-up in [INFRA-2|/jira/browse/INFRA-2], questions to [~bob] :)',
  '',
  '!diagram.png|thumbnail!',
].join('\n');

/** The rendered description; `linkTitle` is INFRA-2's summary, as Jira puts it on issue links. */
const infra1Html = (linkTitle: string) =>
  [
    '<h2><a name="Networkmaintenanceplan"></a>Network maintenance plan</h2>',
    '',
    "<div class='table-wrap'>",
    "<table class='confluenceTable'><tbody>",
    "<tr>\n<th class='confluenceTh'>Host</th>\n<th class='confluenceTh'>Role</th>\n<th class='confluenceTh'>Window</th>\n</tr>",
    "<tr>\n<td class='confluenceTd'>db-01</td>\n<td class='confluenceTd'>Primary database</td>\n<td class='confluenceTd'>Sat 02:00</td>\n</tr>",
    "<tr>\n<td class='confluenceTd'>db-02</td>\n<td class='confluenceTd'>Replica</td>\n<td class='confluenceTd'>Sat 03:00</td>\n</tr>",
    '</tbody></table>',
    '</div>',
    '',
    '<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">',
    '<pre class="code-bash">sudo systemctl restart haproxy</pre>',
    '</div></div>',
    '',
    `<p>Follow-up in <a href="${CTX}/browse/INFRA-2" title="${escapeHtml(linkTitle)}" class="issue-link" data-issue-key="INFRA-2">INFRA-2</a>, ` +
      `questions to <a href="${CTX}/secure/ViewProfile.jspa?name=bob" class="user-hover" rel="bob">Bob Builder</a> ` +
      `<img class="emoticon" src="${CTX}/images/icons/emoticons/smile.png" height="16" width="16" align="absmiddle" alt="(smile)" border="0"/></p>`,
    '',
    `<p><span class="image-wrap" style=""><a id="10300_thumb" href="${CTX}/secure/attachment/10300/10300_diagram.png" title="diagram.png" ` +
      `file-preview-type="image" file-preview-id="10300" file-preview-title="diagram.png">` +
      `<img src="${CTX}/secure/thumbnail/10300/_thumb_10300.png" style="border: 0px solid black" /></a></span></p>`,
  ].join('\n');

function infra1Comments(now: number): FakeComment[] {
  const at = (hoursAgo: number) => now - hoursAgo * 3_600_000;
  return [
    {
      id: '10400',
      author: BOB.username,
      created: at(30),
      updated: at(30),
      text: 'Maintenance window agreed with the database team.',
      wiki: 'Maintenance window *agreed* with the database team.',
      html: '<p>Maintenance window <b>agreed</b> with the database team.</p>',
    },
    {
      id: '10401',
      author: CAROL.username,
      created: at(20),
      updated: at(19),
      text: 'Check the firewall rules first: iptables -L',
      wiki: 'Check the firewall rules first: {{iptables -L}}',
      html: '<p>Check the firewall rules first: <tt>iptables -L</tt></p>',
    },
    {
      id: '10402',
      author: BOB.username,
      created: at(2),
      updated: at(2),
      text: 'Carol Shaw see INFRA-2 for the certificates.',
      wiki: '[~carol] see [INFRA-2|/jira/browse/INFRA-2] for the certificates.',
      html:
        `<p><a href="${CTX}/secure/ViewProfile.jspa?name=carol" class="user-hover" rel="carol">Carol Shaw</a> see ` +
        `<a href="${CTX}/browse/INFRA-2" class="issue-link" data-issue-key="INFRA-2">INFRA-2</a> for the certificates.</p>`,
    },
  ];
}

/** Gives the Data Center site's INFRA-1 (and INFRA-2) their rich content, labels and attachments. */
export function enrichServer(find: (key: string) => FakeIssue, now: number): void {
  const infra1 = find('INFRA-1');
  infra1.description = INFRA1_WIKI;
  infra1.descriptionHtml = infra1Html(find('INFRA-2').summary);
  infra1.labels = ['network', 'maintenance'];
  infra1.comments = infra1Comments(now);
  infra1.attachments = [
    { id: '10300', filename: 'diagram.png', size: 48_213, mimeType: 'image/png', author: BOB.username, created: now - 26 * 3_600_000 },
    {
      id: '10301',
      filename: 'runbook.pdf',
      size: 120_000,
      mimeType: 'application/pdf',
      author: CAROL.username,
      created: now - 25 * 3_600_000,
    },
  ];
  find('INFRA-2').labels = ['network'];
}
