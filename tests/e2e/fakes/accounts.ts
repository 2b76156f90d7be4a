// Atlassian accounts and their API tokens, shared by the fake token page (which issues
// tokens) and the fake Jira sites (which accept them). Tests revoke tokens here to play
// "the token was revoked or expired".
import { ADA, GRACE, makeAtlassianToken } from './seed';

export type TokenKind = 'classic' | 'scoped';

/**
 * The classic scopes a scoped token may be given on the token page, and what a token made with
 * "Create API token with scopes" for Jira gets unless a test says otherwise
 * (docs/jira-api.md#scoped-tokens).
 */
export const ALL_JIRA_SCOPES: readonly string[] = ['read:jira-user', 'read:jira-work', 'write:jira-work'];

export interface IssuedToken {
  email: string;
  kind: TokenKind;
  label: string;
  /** YYYY-MM-DD */
  expiresOn: string;
  revoked: boolean;
  createdAt: number;
  /** A scoped token's scopes (the gateway refuses a call that needs another); classic: none. */
  scopes: string[];
}

/** The UTC date of epoch ms `t`, YYYY-MM-DD (how expiry dates are kept and compared). */
export function isoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Every Atlassian account's API tokens; `reset()` restores the seeded ones. */
export class Accounts {
  private readonly tokens = new Map<string, IssuedToken>();
  private nextSeed = 1000;

  constructor() {
    this.reset();
  }

  /** Back to the seed: Ada's classic, scoped and revoked tokens, Grace's classic token. */
  reset(): void {
    this.tokens.clear();
    this.nextSeed = 1000;
    const inAYear = isoDate(Date.now() + 365 * 86_400_000);
    const add = (token: string, email: string, kind: TokenKind, label: string, revoked = false) =>
      this.tokens.set(token, {
        email,
        kind,
        label,
        expiresOn: inAYear,
        revoked,
        createdAt: Date.now() - 86_400_000,
        scopes: kind === 'scoped' ? [...ALL_JIRA_SCOPES] : [],
      });
    add(ADA.classicToken, ADA.email, 'classic', 'Laptop scripts');
    add(ADA.scopedToken, ADA.email, 'scoped', 'Read-only scoped');
    add(ADA.revokedToken, ADA.email, 'classic', 'Old token', true);
    add(GRACE.classicToken, GRACE.email, 'classic', 'Grace CLI');
  }

  /** Creates a new token (what the token page's Create button does); a scoped one gets `scopes` (default: all of Jira's). */
  issue(email: string, opts: { label: string; expiresOn: string; kind?: TokenKind; scopes?: string[] }): string {
    let token: string;
    do token = makeAtlassianToken(this.nextSeed++ + Math.floor(Math.random() * 1e6));
    while (this.tokens.has(token));
    this.tokens.set(token, {
      email,
      kind: opts.kind ?? 'classic',
      label: opts.label,
      expiresOn: opts.expiresOn,
      revoked: false,
      createdAt: Date.now(),
      scopes: opts.kind === 'scoped' ? [...(opts.scopes ?? ALL_JIRA_SCOPES)] : [],
    });
    return token;
  }

  /** Gives a scoped token these scopes only (a token made with fewer scopes than it needs). */
  setScopes(token: string, scopes: string[]): void {
    const t = this.tokens.get(token);
    if (t?.kind === 'scoped') t.scopes = [...scopes];
  }

  get(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  revoke(token: string): void {
    const t = this.tokens.get(token);
    if (t) t.revoked = true;
  }

  /** Revokes every token of an account (e.g. "the token the extension holds is now rejected"). */
  revokeAll(email: string): void {
    for (const t of this.tokens.values()) if (t.email.toLowerCase() === email.toLowerCase()) t.revoked = true;
  }

  /** Tokens of one account, newest first (the token page's list). */
  list(email: string): (IssuedToken & { token: string })[] {
    return [...this.tokens.entries()]
      .filter(([, t]) => t.email.toLowerCase() === email.toLowerCase())
      .map(([token, t]) => ({ token, ...t }))
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** True when `secret` is a usable token of `email` of one of `kinds` (not revoked, not expired). */
  accepts(email: string, secret: string, kinds: TokenKind[]): boolean {
    const t = this.tokens.get(secret);
    if (!t || t.revoked || !kinds.includes(t.kind)) return false;
    if (t.email.toLowerCase() !== email.toLowerCase()) return false;
    return t.expiresOn >= isoDate(Date.now());
  }
}
