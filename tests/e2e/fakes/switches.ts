// Per-host switches a test flips; `reset()` puts them back. The defaults are as strict as Jira;
// the switches add the answers real sites have given that made clients loop or misreport
// (docs/jira-api.md#search, #rate-limits), and the failures of writes a client must survive:
// a write whose answer never arrives though Jira carried it out, a refused write, a slow answer
// (docs/jira-api.md#rate-limits: a write that timed out may already have been applied).

/** An answer a test makes Jira give: status and JSON (or text) body. */
export interface CannedAnswer {
  status: number;
  body: string | object | null;
}

/** The switches of one host (a site or the gateway). */
export class HostSwitches {
  /** Answer the next N requests with 429. */
  rateLimitRemaining = 0;
  /** Answer the next N requests with 503 and an HTML page (a proxy or a site in maintenance). */
  unavailableRemaining = 0;
  /** Answer every request with a 200 HTML login page (a proxy, SSO wall, or not Jira at all). */
  html = false;
  /** Drop connections (a site that is down). */
  down = false;

  /** Retry-After of those 429s and 503s: seconds, or null for no header at all. */
  retryAfterSeconds: number | null = 1;
  /** Longer request targets (path and query) get 414, as Jira's front ends and Tomcat do (8 KB). */
  maxUrlLength = 8192;
  /** Search pages after the first add no issue, yet carry a fresh nextPageToken (Cloud). */
  emptyPagesWithToken = false;
  /** Searches ignore their cursor: the first page again, with a next cursor (a broken cache or proxy). */
  repeatFirstPage = false;
  /** Page tokens issued before this time (epoch ms) are expired. */
  tokensValidAfter = 0;
  /** Page tokens live this long (Jira's schema says 7 days). */
  pageTokenTtlMs = 7 * 86_400_000;

  /** Writes still to carry out whose answer is then lost (the connection is destroyed). */
  loseAnswersRemaining = 0;
  /** Answers that refuse the next writes, first one first (nothing is changed). */
  readonly refusals: CannedAnswer[] = [];
  /** Answers that refuse the next reads of a REST path (after /rest/api/{v}/) starting with `rest`, first one first. */
  readonly readRefusals: (CannedAnswer & { rest: string })[] = [];
  /** Delay of the next answer, ms (0: none). */
  slowNextMs = 0;

  rateLimitNext(n: number, retryAfterSeconds: number | null = 1): void {
    this.rateLimitRemaining = n;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  /** 503 with an HTML body, N times. */
  unavailableNext(n: number, retryAfterSeconds: number | null = 1): void {
    this.unavailableRemaining = n;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  /** Every page token issued so far is now expired. */
  expirePageTokens(): void {
    this.tokensValidAfter = Date.now() + 1;
  }
  answerHtml(on = true): void {
    this.html = on;
  }
  stop(): void {
    this.down = true;
  }
  resume(): void {
    this.down = false;
  }
  /**
   * The next `n` writes (POST comment, POST transitions, PUT assignee) are carried out, then the
   * answer is cut after its headers and the connection destroyed: the client sees a network
   * error although the change happened. Searches sent with POST are reads and do not count.
   */
  loseAnswerAfterWrite(n = 1): void {
    this.loseAnswersRemaining = n;
  }
  /**
   * The next write (after authentication) is refused with this answer and changes nothing, e.g.
   * `refuseWrites(403, { errorMessages: ['You do not have permission to transition this issue.'], errors: {} })`.
   * Call it again to queue more refusals.
   */
  refuseWrites(status: number, body: string | object | null): void {
    this.refusals.push({ status, body });
  }
  /**
   * The next read (a GET, or a search sent as POST) of a REST path starting with `rest` (after
   * /rest/api/{version}/, default "search") is refused with this answer, after authentication:
   * the bodies Jira gives with its reason in only one place, e.g.
   * `refuseReads(400, { errorMessages: [], errors: {}, warningMessages: ['...'] })` or Cloud's
   * edge `refuseReads(400, { message: '...', 'status-code': 400 })` (docs/jira-api.md#error-bodies).
   * Call it again to queue more refusals.
   */
  refuseReads(status: number, body: string | object | null, rest = 'search'): void {
    this.readRefusals.push({ status, body, rest });
  }
  /** The refusal queued for a read of `rest` (see refuseReads), taken off the queue; undefined when none. */
  takeReadRefusal(method: string, rest: string): CannedAnswer | undefined {
    const read = method === 'GET' || (method === 'POST' && rest.startsWith('search'));
    const i = read ? this.readRefusals.findIndex((r) => rest.startsWith(r.rest)) : -1;
    return i < 0 ? undefined : this.readRefusals.splice(i, 1)[0];
  }
  /** The next request to this host is answered after `ms` milliseconds. */
  slowNext(ms: number): void {
    this.slowNextMs = ms;
  }
  reset(): void {
    this.rateLimitRemaining = 0;
    this.unavailableRemaining = 0;
    this.retryAfterSeconds = 1;
    this.html = false;
    this.down = false;
    this.maxUrlLength = 8192;
    this.emptyPagesWithToken = false;
    this.repeatFirstPage = false;
    this.tokensValidAfter = 0;
    this.pageTokenTtlMs = 7 * 86_400_000;
    this.loseAnswersRemaining = 0;
    this.refusals.length = 0;
    this.readRefusals.length = 0;
    this.slowNextMs = 0;
  }
}
