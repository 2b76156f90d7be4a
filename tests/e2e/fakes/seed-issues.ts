// The shapes of the fakes' data (users, issues, comments, filters) and the generator of
// ordinary issues. Timestamps are relative to the moment the data is built, so "updated
// 2 hours ago" reads naturally.
import { prng } from './seed-people';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface FakeUser {
  /** Cloud accountId, or Server username. The key of the user everywhere below. */
  id: string;
  displayName: string;
  email: string;
  /** Server only. */
  key?: string;
  /** false: a deactivated account (default true). */
  active?: boolean;
  /** false: issues cannot be assigned to this user (default true). */
  assignable?: boolean;
}

/** A comment. Bodies: `adf` on Cloud v3 (else one paragraph of `text`), `wiki` on v2 (else `text`). */
export interface FakeComment {
  id: string;
  /** User id of the author. */
  author: string;
  /** Epoch ms. */
  created: number;
  /** Epoch ms. */
  updated: number;
  /** Plain text: what text search sees, and the body when no richer one is given. */
  text: string;
  /** Atlassian Document Format document (Cloud v3). */
  adf?: object;
  /** Wiki markup (v2). */
  wiki?: string;
  /** The HTML Jira renders for it (expand=renderedBody). */
  html?: string;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  /** Bytes. */
  size: number;
  mimeType: string;
  /** User id. */
  author: string;
  /** Epoch ms. */
  created: number;
}

export interface FakeIssue {
  id: string;
  key: string;
  project: { id: string; key: string; name: string };
  summary: string;
  /** Plain text or wiki markup: the v2 body, and what text search sees. */
  description: string;
  /** The v3 body; absent: one paragraph of `description`. */
  descriptionAdf?: object;
  /** renderedFields.description; absent: one paragraph of `description`, escaped. */
  descriptionHtml?: string;
  type: { id: string; name: string; avatarId: string };
  status: { id: string; name: string; category: StatusCategoryKey };
  /** Resolution name (see RESOLUTIONS), null when unresolved. */
  resolution: string | null;
  priority: { id: string; name: string; icon: string };
  assignee: string | null;
  reporter: string;
  watchers: string[];
  labels: string[];
  /** Oldest first. */
  comments: FakeComment[];
  attachments: FakeAttachment[];
  /** Users who may see the issue (issue security); absent: everyone signed in. */
  restrictedTo?: string[];
  /** Custom field values by field id (option ids), e.g. the OPS/INFRA "Root cause". */
  custom?: Record<string, string>;
  /** Epoch ms. */
  created: number;
  /** Epoch ms. */
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
  // Issue type icons are avatars, served only to signed-in users (json-issue.ts, typeIconUrl).
  { id: '10004', name: 'Bug', avatarId: '10303' },
  { id: '10005', name: 'Task', avatarId: '10318' },
  { id: '10006', name: 'Story', avatarId: '10315' },
] as const;

/** The resolutions of every fake site (the "Done" screens offer all three). */
export const RESOLUTIONS = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue will not be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
] as const;

const WORDS = [
  ...['Checkout', 'fails', 'when', 'cart', 'is', 'empty', 'Login', 'page', 'slow', 'on', 'mobile', 'Update', 'dependencies'],
  ...['Billing', 'export', 'CSV', 'timezone', 'Search', 'results', 'missing', 'Avatar', 'upload', 'broken', 'Dark', 'mode'],
  ...['contrast', 'Rate', 'limit', 'API', 'gateway', 'Onboarding', 'email', 'typo'],
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
  /** Epoch ms: the first issue's `updated`; later ones are older. */
  now: number;
}

/** `count` issues spread over `spec.projects` in turn, cycling through every status. */
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
      labels: [],
      comments: [],
      attachments: [],
      created: updated - (1 + Math.floor(rnd() * 30)) * 86_400_000,
      updated,
    });
  }
  return issues;
}

/** The issue `key` of `issues`; throws when the seed does not hold it (a broken seed). */
export function seededIssue(issues: FakeIssue[], key: string): FakeIssue {
  const issue = issues.find((i) => i.key === key);
  if (!issue) throw new Error(`The seed has no issue ${key}.`);
  return issue;
}
