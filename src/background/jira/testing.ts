// Test helpers for the Jira client: a scripted fetch that records every call. Imported by
// *.test.ts only (never by the extension's code).

import { JiraTransport } from './transport';

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  redirect: RequestRedirect | undefined;
  body: unknown;
  signal: AbortSignal | undefined;
}

export type Reply = Response | (() => Response | Promise<Response>) | Error;

/** A JSON answer (application/json;charset=UTF-8) with `body` serialised; status 200 by default. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

/** An HTML page (text/html), as a login page or proxy sends; status 200 by default. */
export function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...headers } });
}

/** A plain-text answer (text/plain) with `status`. */
export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
}

/**
 * A fetch answering from routes "METHOD path" (path without query, e.g. "GET /rest/api/3/myself"
 * or "GET https://api.atlassian.com/ex/jira/c1/rest/api/3/myself" for a full URL). Each route
 * holds a queue of replies; the last reply repeats. Unknown routes answer 599 so a test fails loudly.
 * An Error reply makes fetch reject with it (a network failure). Returns the fetch and the calls
 * it recorded, in order.
 */
export function fakeFetch(routes: Record<string, Reply | Reply[]>) {
  const calls: RecordedCall[] = [];
  const queues = new Map<string, Reply[]>();
  for (const [k, v] of Object.entries(routes)) queues.set(k, Array.isArray(v) ? [...v] : [v]);

  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    calls.push({
      url,
      method,
      headers,
      credentials: init.credentials,
      redirect: init.redirect,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    });
    const queue = queues.get(`${method} ${url.origin}${url.pathname}`) ?? queues.get(`${method} ${url.pathname}`);
    if (!queue || queue.length === 0) return text('no route', 599);
    const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply();
    // A Response body can be read once: hand out a copy so a repeated reply still works.
    return reply.clone();
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A TransportOptions.sleep that returns at once, so retries run without waiting. */
export const noSleep = async (_ms: number): Promise<void> => undefined;

/**
 * A JiraTransport to `base` (a site URL, context path included) for Ann's Cloud token, over a
 * fakeFetch of `routes`, without waits and with every host permission held: `t`, and the calls
 * it made.
 */
export function fakeTransport(base: string, routes: Record<string, Reply | Reply[]>) {
  const f = fakeFetch(routes);
  const t = new JiraTransport(
    base,
    { authMethod: 'cloud-token', username: 'ann@example.com', secret: 'tok' },
    `${new URL(base).origin}/*`,
    { fetch: f.fetch, sleep: noSleep, hasPermission: async () => true },
  );
  return { t, calls: f.calls };
}
