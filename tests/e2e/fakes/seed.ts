// Seed data of the fakes: people, their credentials, and the issues each fake site holds.
// Everything is deterministic (a seeded PRNG) except timestamps, which are relative to
// the moment the data is built so "updated 2 hours ago" reads naturally.

/** Deterministic PRNG (mulberry32), so tokens and data are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=';

/** An Atlassian API token in the current format: `ATATT3` + 186 chars of [A-Za-z0-9_\-=] (docs/jira-api.md#api-tokens). */
export function makeAtlassianToken(seed: number): string {
  const rnd = prng(seed);
  let s = 'ATATT3';
  for (let i = 0; i < 186; i++) s += TOKEN_ALPHABET[Math.floor(rnd() * TOKEN_ALPHABET.length)];
  return s;
}

/** A Data Center personal access token (44 base64 chars, as DC shows them). */
export function makePat(seed: number): string {
  const rnd = prng(seed);
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let s = '';
  for (let i = 0; i < 44; i++) s += b64[Math.floor(rnd() * b64.length)];
  return s;
}

/** Origins the fakes answer for (all routed to one local port by host-resolver rules). */
export const HOSTS = {
  acme: 'acme.atlassian.net',
  beta: 'beta.atlassian.net',
  gateway: 'api.atlassian.com',
  server: 'jira.acme-corp.test',
  id: 'id.atlassian.com',
} as const;

export const ACME_URL = `https://${HOSTS.acme}`;
export const BETA_URL = `https://${HOSTS.beta}`;
export const GATEWAY_URL = `https://${HOSTS.gateway}`;
/** Self-hosted Jira lives under a context path. */
export const SERVER_URL = `https://${HOSTS.server}/jira`;
export const TOKEN_PAGE_URL = `https://${HOSTS.id}/manage-profile/security/api-tokens`;
export const LEGACY_TOKEN_PAGE_URL = `https://${HOSTS.id}/manage/api-tokens`;

export const ACME_CLOUD_ID = '4f9c2a1e-7b3d-4c8e-9a61-2d5f0e8b7c34';
export const BETA_CLOUD_ID = 'b7e1d0c2-3a4f-4e5d-8c9b-6a1f2e3d4c5b';

/** Ada: the Cloud user of most tests. Her classic token works on acme and beta. */
export const ADA = {
  email: 'ada@acme.test',
  accountId: '5b10ac8d82e05b22cc7d4ef5',
  displayName: 'Ada Lovelace',
  classicToken: makeAtlassianToken(1),
  /** Valid only through api.atlassian.com/ex/jira/{cloudId} (docs/jira-api.md#scoped-tokens). */
  scopedToken: makeAtlassianToken(2),
  /** Known to Atlassian but revoked: rejected everywhere. */
  revokedToken: makeAtlassianToken(3),
} as const;

/** Grace: a second Cloud account (the token page can be logged in as her). Access to acme only. */
export const GRACE = {
  email: 'grace@acme.test',
  accountId: '5c22bd9e93f16c33dd8e5f06',
  displayName: 'Grace Hopper',
  classicToken: makeAtlassianToken(4),
} as const;

/** Bob: the Server/DC user. */
export const BOB = {
  username: 'bob',
  key: 'JIRAUSER10100',
  displayName: 'Bob Builder',
  email: 'bob@acme-corp.test',
  password: 'correct-horse-battery-staple',
  pat: makePat(5),
} as const;

/** Carol: a second Data Center user (assignee and reporter of SEC issues; no credentials). */
export const CAROL = {
  username: 'carol',
  key: 'JIRAUSER10101',
  displayName: 'Carol Shaw',
  email: 'carol@acme-corp.test',
} as const;

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface FakeUser {
  /** Cloud accountId, or Server username. The key of the user everywhere below. */
  id: string;
  displayName: string;
  email: string;
  /** Server only. */
  key?: string;
}

export interface FakeIssue {
  id: string;
  key: string;
  project: { id: string; key: string; name: string };
  summary: string;
  description: string;
  type: { id: string; name: string; avatarId: string };
  status: { id: string; name: string; category: StatusCategoryKey };
  resolution: string | null;
  priority: { id: string; name: string; icon: string };
  assignee: string | null;
  reporter: string;
  watchers: string[];
  created: number;
  updated: number;
}

export interface FakeFilter {
  id: string;
  name: string;
  jql: string;
  owner: string;
  /** Users who starred it. */
  favouriteOf: string[];
}

export interface SiteData {
  users: FakeUser[];
  issues: FakeIssue[];
  filters: FakeFilter[];
  /** Per user, keys viewed recently, most recent first (issueHistory()). */
  history: Record<string, string[]>;
}

export const STATUSES = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '10001', name: 'Backlog', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10003', name: 'Done', category: 'done' },
] as const satisfies readonly FakeIssue['status'][];

export const PRIORITIES = [
  { id: '1', name: 'Highest', icon: '/images/icons/priorities/highest.svg' },
  { id: '2', name: 'High', icon: '/images/icons/priorities/high.svg' },
  { id: '3', name: 'Medium', icon: '/images/icons/priorities/medium.svg' },
  { id: '4', name: 'Low', icon: '/images/icons/priorities/low.svg' },
  { id: '5', name: 'Lowest', icon: '/images/icons/priorities/lowest.svg' },
] as const;

export const ISSUE_TYPES = [
  // Issue type icons are avatars, served only to signed-in users (jira.ts, typeIconUrl).
  { id: '10004', name: 'Bug', avatarId: '10303' },
  { id: '10005', name: 'Task', avatarId: '10318' },
  { id: '10006', name: 'Story', avatarId: '10315' },
] as const;

const WORDS = [
  'Checkout',
  'fails',
  'when',
  'cart',
  'is',
  'empty',
  'Login',
  'page',
  'slow',
  'on',
  'mobile',
  'Update',
  'dependencies',
  'Billing',
  'export',
  'CSV',
  'timezone',
  'Search',
  'results',
  'missing',
  'Avatar',
  'upload',
  'broken',
  'Dark',
  'mode',
  'contrast',
  'Rate',
  'limit',
  'API',
  'gateway',
  'Onboarding',
  'email',
  'typo',
];

function summaryFor(rnd: () => number, i: number): string {
  const n = 4 + Math.floor(rnd() * 4);
  const words: string[] = [];
  for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
  return `${words.join(' ')} #${i}`;
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

export interface IssueSpec {
  projects: { id: string; key: string; name: string }[];
  count: number;
  assignee: (i: number) => string | null;
  reporter: (i: number) => string;
  watchers: (i: number) => string[];
  seed: number;
  firstId: number;
  now: number;
}

export function buildIssues(spec: IssueSpec): FakeIssue[] {
  const rnd = prng(spec.seed);
  const counters = new Map<string, number>();
  const issues: FakeIssue[] = [];
  for (let i = 0; i < spec.count; i++) {
    const project = spec.projects[i % spec.projects.length]!;
    const n = (counters.get(project.key) ?? 0) + 1;
    counters.set(project.key, n);
    const status = STATUSES[i % STATUSES.length]!;
    const updated = spec.now - (i * 53 + Math.floor(rnd() * 40)) * 60_000;
    issues.push({
      id: String(spec.firstId + i),
      key: `${project.key}-${n}`,
      project,
      summary: summaryFor(rnd, i + 1),
      description: `Steps to reproduce issue ${project.key}-${n}.`,
      type: pick(rnd, ISSUE_TYPES),
      status,
      resolution: status.category === 'done' ? 'Done' : null,
      priority: pick(rnd, PRIORITIES),
      assignee: spec.assignee(i),
      reporter: spec.reporter(i),
      watchers: spec.watchers(i),
      created: updated - (1 + Math.floor(rnd() * 30)) * 86_400_000,
      updated,
    });
  }
  return issues;
}

/** acme.atlassian.net: 120 issues assigned to Ada (3 projects, all status categories) + 30 others. */
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
  return {
    users: [
      { id: ADA.accountId, displayName: ADA.displayName, email: ADA.email },
      { id: GRACE.accountId, displayName: GRACE.displayName, email: GRACE.email },
    ],
    issues,
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
  return {
    users: [
      { id: BOB.username, key: BOB.key, displayName: BOB.displayName, email: BOB.email },
      { id: CAROL.username, key: CAROL.key, displayName: CAROL.displayName, email: CAROL.email },
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
