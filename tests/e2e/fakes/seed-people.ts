// The people of the fakes, their credentials, and the host names the fakes answer for.
// Everything is deterministic (a seeded PRNG), so tokens are the same on every run.

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

/** Charles: a deactivated acme account. Known to Jira, but issues cannot be assigned to him. */
export const CHARLES = {
  email: 'charles@acme.test',
  accountId: '5d33ce0fa4a27d44ee9f6017',
  displayName: 'Charles Babbage',
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

/** Dave: a deactivated Data Center user; issues cannot be assigned to him. */
export const DAVE = {
  username: 'dave',
  key: 'JIRAUSER10102',
  displayName: 'Dave Null',
  email: 'dave@acme-corp.test',
} as const;
