// What each fake site holds: its users, issues, filters and viewing history.
import { enrichAcme } from './seed-cloud-rich';
import { enrichServer } from './seed-dc-rich';
import { buildIssues, seededIssue, type FakeIssue, type SiteData } from './seed-issues';
import { ADA, BOB, CAROL, CHARLES, DAVE, GRACE } from './seed-people';

/** The issues with rich content, and how many comments they have. */
export const RICH = {
  /** acme (Cloud): an ADF description with every node type, attachments, labels. */
  cloudIssue: 'WEB-2',
  /** WEB-2's comments: the latest 5, then pages of 10 (two "Load older comments" clicks). */
  cloudComments: 17,
  /** The Data Center site: wiki markup with rendered HTML, attachments, labels. */
  serverIssue: 'INFRA-1',
  serverComments: 3,
  /** acme: an issue only Grace may see (issue security); Ada gets 404 for it. */
  hiddenFromAda: 'PAY-1',
} as const;

/**
 * acme.atlassian.net: 120 issues assigned to Ada (3 projects, all status categories) + 30
 * others, one issue only Grace may see, and a deactivated user (Charles).
 */
export function buildAcmeData(now = Date.now()): SiteData {
  const projects = [
    { id: '10000', key: 'WEB', name: 'Website' },
    { id: '10001', key: 'API', name: 'Platform API' },
    { id: '10002', key: 'OPS', name: 'Operations' },
  ];
  const issues = buildIssues({
    projects,
    count: 150,
    seed: 42,
    firstId: 10001,
    now,
    // The first 120 are Ada's; the rest are Grace's or unassigned.
    assignee: (i) => (i < 120 ? ADA.accountId : i % 2 ? GRACE.accountId : null),
    reporter: (i) => (i % 4 === 0 || i >= 140 ? ADA.accountId : GRACE.accountId),
    watchers: (i) => (i % 5 === 0 || i >= 145 ? [ADA.accountId] : []),
  });
  const hidden: FakeIssue[] = buildIssues({
    projects: [{ id: '10003', key: 'PAY', name: 'Payroll' }],
    count: 1,
    seed: 3,
    firstId: 10151,
    now: now - 90 * 60_000,
    assignee: () => GRACE.accountId,
    reporter: () => GRACE.accountId,
    watchers: () => [],
  }).map((i) => ({ ...i, restrictedTo: [GRACE.accountId] }));
  enrichAcme((key) => seededIssue(issues, key), now);
  return {
    users: [
      { id: ADA.accountId, displayName: ADA.displayName, email: ADA.email },
      { id: GRACE.accountId, displayName: GRACE.displayName, email: GRACE.email },
      { id: CHARLES.accountId, displayName: CHARLES.displayName, email: CHARLES.email, active: false, assignable: false },
    ],
    issues: [...issues, ...hidden],
    filters: [
      {
        id: '10100',
        name: 'My open bugs',
        jql: 'assignee = currentUser() AND type = Bug AND resolution = Unresolved ORDER BY priority DESC',
        owner: ADA.accountId,
        favouriteOf: [ADA.accountId],
      },
      {
        id: '10101',
        name: 'Ops in progress',
        jql: 'project = OPS AND statusCategory = "In Progress" ORDER BY updated DESC',
        owner: GRACE.accountId,
        favouriteOf: [ADA.accountId, GRACE.accountId],
      },
      { id: '10102', name: 'Grace private', jql: 'reporter = currentUser()', owner: GRACE.accountId, favouriteOf: [GRACE.accountId] },
    ],
    history: { [ADA.accountId]: ['API-7', 'WEB-3', 'OPS-12', 'WEB-1', 'API-30', 'OPS-2', 'WEB-41', 'API-2'] },
  };
}

/** beta.atlassian.net: a small second Cloud site where Ada has 8 issues. */
export function buildBetaData(now = Date.now()): SiteData {
  return {
    users: [{ id: ADA.accountId, displayName: ADA.displayName, email: ADA.email }],
    issues: buildIssues({
      projects: [{ id: '10000', key: 'BETA', name: 'Beta Programme' }],
      count: 8,
      seed: 7,
      firstId: 20001,
      now: now - 30 * 60_000,
      assignee: () => ADA.accountId,
      reporter: () => ADA.accountId,
      watchers: () => [],
    }),
    filters: [],
    history: {},
  };
}

/**
 * jira.acme-corp.test/jira (Data Center 9): 25 issues assigned to and reported by Bob (INFRA,
 * HR), and 60 SEC issues assigned to Carol or nobody, two in three reported by Bob: so Bob's
 * "Reported by me" (65) runs past one page of 50 and differs from his "Assigned to me" (25).
 * Dave is deactivated: issues cannot be assigned to him.
 */
export function buildServerData(now = Date.now()): SiteData {
  const infraHr = buildIssues({
    projects: [
      { id: '10200', key: 'INFRA', name: 'Infrastructure' },
      { id: '10201', key: 'HR', name: 'People' },
    ],
    count: 25,
    seed: 99,
    firstId: 30001,
    now,
    assignee: () => BOB.username,
    reporter: () => BOB.username,
    watchers: (i) => (i % 3 === 0 ? [BOB.username] : []),
  });
  const sec = buildIssues({
    projects: [{ id: '10202', key: 'SEC', name: 'Security' }],
    count: 60,
    seed: 101,
    firstId: 30101,
    now: now - 7 * 60_000,
    assignee: (i) => (i % 2 ? null : CAROL.username),
    reporter: (i) => (i % 3 === 2 ? CAROL.username : BOB.username),
    watchers: (i) => (i % 8 === 0 ? [BOB.username, CAROL.username] : i % 8 === 4 ? [CAROL.username] : []),
  });
  enrichServer((key) => seededIssue(infraHr, key), now);
  return {
    users: [
      { id: BOB.username, key: BOB.key, displayName: BOB.displayName, email: BOB.email },
      { id: CAROL.username, key: CAROL.key, displayName: CAROL.displayName, email: CAROL.email },
      { id: DAVE.username, key: DAVE.key, displayName: DAVE.displayName, email: DAVE.email, active: false, assignable: false },
    ],
    issues: [...infraHr, ...sec],
    filters: [
      {
        id: '12000',
        name: 'Infra open',
        jql: 'project = INFRA AND resolution = Unresolved ORDER BY key ASC',
        owner: BOB.username,
        favouriteOf: [BOB.username],
      },
      {
        id: '12001',
        name: 'Carol security triage',
        jql: 'project = SEC AND assignee = carol',
        owner: CAROL.username,
        favouriteOf: [CAROL.username],
      },
    ],
    history: { [BOB.username]: ['SEC-4', 'INFRA-1', 'HR-2'], [CAROL.username]: ['SEC-1'] },
  };
}
