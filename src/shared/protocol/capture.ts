/** Requests about capturing an API token from id.atlassian.com. */
export interface CaptureRequests {
  /**
   * Options page, on the API Token link or Renew token: remember a pending capture for this
   * form (storage.session, 30 minutes) and open the token page. The sender's tab is the form
   * to fill.
   */
  'capture.start': {
    payload: { siteUrl?: string; username?: string; connectionId?: string };
    reply: { tokenPageUrl: string };
  };
  /** Options page: take the captured token meant for this form, once. */
  'capture.claim': {
    payload: Record<string, never>;
    reply: {
      capture: null | {
        token: string;
        tokenExpiresOn?: string;
        siteUrl?: string;
        username?: string;
        connectionId?: string;
      };
    };
  };
  'capture.cancel': { payload: Record<string, never>; reply: Record<string, never> };
  /** Token page content script: where would a token go? Never any secret or other connection. */
  'capture.status': {
    payload: Record<string, never>;
    reply: { pending: null | { username?: string; renewal: boolean } };
  };
  /** Token page content script: the one click. The reply never echoes the token. */
  'capture.submit': {
    payload: { token: string; tokenExpiresOn?: string; pageAccount?: string };
    reply: { delivered: 'pending-form' | 'new-form' };
  };
}
