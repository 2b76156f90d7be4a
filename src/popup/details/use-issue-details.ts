// The issue a details view shows: its cached copy first (storage.local, written by the
// background when it was last opened), then Jira's answer; with Jira unreachable, the cached copy
// stays, with the failure. Older comments load page by page, on request.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppErrorInfo } from '../../shared/errors';
import { errorInfo } from '../error-info';
import type { IssueComment, IssueDetails } from '../../shared/issue-details';
import { issueDetailsItem } from '../../shared/details-items';
import { readLocal, request } from '../ext';

export interface DetailsState {
  issue?: IssueDetails;
  /** When Jira answered what is shown (epoch ms); absent while only the row is known. */
  fetchedAt?: number;
  /** Shown from the cache, not (yet) from Jira in this view. */
  fromCache: boolean;
  loading: boolean;
  error?: AppErrorInfo;
  loadingComments: boolean;
  commentsError?: AppErrorInfo;
}

function withOlder(issue: IssueDetails, older: IssueComment[], nextStart: number | undefined, total: number): IssueDetails {
  const seen = new Set(issue.comments.comments.map((c) => c.id));
  const comments = [...issue.comments.comments, ...older.filter((c) => !seen.has(c.id))];
  return { ...issue, comments: { comments, total, ...(nextStart !== undefined ? { nextStart } : {}) } };
}

/** The state of issue `key` of connection `connectionId`, and its actions. */
export function useIssueDetails(connectionId: string, key: string) {
  const [state, setState] = useState<DetailsState>({ fromCache: false, loading: true, loadingComments: false });
  const live = useRef(0);

  async function load(force: boolean) {
    const run = ++live.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const { issue, fetchedAt } = await request('issue.get', { connectionId, key, ...(force ? { force } : {}) });
      if (run === live.current) setState((s) => ({ ...s, issue, fetchedAt, fromCache: false, loading: false }));
    } catch (e) {
      if (run === live.current) setState((s) => ({ ...s, loading: false, error: errorInfo(e) }));
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: one issue per view; load only sets state
  useEffect(() => {
    const item = issueDetailsItem(connectionId, key);
    void readLocal([item.key]).then((got) => {
      const cached = item.read(got[item.key]);
      // Jira's answer, when it came first, is newer than any cache.
      if (cached) setState((s) => (s.issue ? s : { ...s, issue: cached.issue, fetchedAt: cached.fetchedAt, fromCache: true }));
    });
    void load(false);
    return () => {
      live.current++;
    };
  }, [connectionId, key]);

  async function loadOlderComments() {
    const start = state.issue?.comments.nextStart;
    if (start === undefined || state.loadingComments) return;
    setState((s) => ({ ...s, loadingComments: true, commentsError: undefined }));
    try {
      const { page } = await request('issue.comments', { connectionId, key, startAt: start });
      setState((s) =>
        s.issue ? { ...s, loadingComments: false, issue: withOlder(s.issue, page.comments, page.nextStart, page.total) } : s,
      );
    } catch (e) {
      setState((s) => ({ ...s, loadingComments: false, commentsError: errorInfo(e) }));
    }
  }

  /**
   * Shows `issue` (a change made from the popup: optimistic, rolled back, or as Jira answered
   * with `fetchedAt`). A refresh still on its way is older than this and is dropped.
   */
  function replace(issue: IssueDetails, fetchedAt?: number) {
    live.current++;
    setState((s) => ({ ...s, issue, loading: false, ...(fetchedAt ? { fetchedAt, fromCache: false, error: undefined } : {}) }));
  }

  return { state, retry: () => load(true), loadOlderComments, replace };
}
