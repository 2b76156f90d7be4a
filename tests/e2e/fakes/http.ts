// Small HTTP helpers shared by the fakes, and the request log the tests assert on.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedAuth {
  scheme: string;
  /** The user of a Basic credential (never the password or token). */
  user?: string;
}

export interface RecordedRequest {
  at: number;
  /** Host name without port, e.g. acme.atlassian.net. */
  host: string;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased request headers; `authorization` is reduced to its scheme. */
  headers: Record<string, string>;
  auth: RecordedAuth | null;
  hasCookie: boolean;
  origin?: string;
  userAgent?: string;
  /** Parsed JSON body (POST/PUT), when there was one. */
  body?: unknown;
  /** Status answered (0 when the connection was dropped). */
  status: number;
}

/** Every request the fakes received, in order; `clear()` empties it (fakes.reset()). */
export class RequestLog {
  readonly all: RecordedRequest[] = [];

  record(req: IncomingMessage, url: URL, host: string): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const auth = summariseAuth(headers.authorization);
    if (headers.authorization) headers.authorization = auth ? `${auth.scheme} <redacted>` : '<redacted>';
    const entry: RecordedRequest = {
      at: Date.now(),
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth,
      hasCookie: 'cookie' in headers,
      status: 0,
    };
    if (headers.origin) entry.origin = headers.origin;
    if (headers['user-agent']) entry.userAgent = headers['user-agent'];
    this.all.push(entry);
    return entry;
  }

  /** Requests to one host (and optionally a path prefix or pattern). */
  to(host: string, path?: string | RegExp): RecordedRequest[] {
    return this.all.filter(
      (r) => r.host === host && (path === undefined || (typeof path === 'string' ? r.path.startsWith(path) : path.test(r.path))),
    );
  }

  clear(): void {
    this.all.length = 0;
  }
}

/** The scheme and, for Basic, the user of an Authorization header; never the secret. */
export function summariseAuth(value: string | undefined): RecordedAuth | null {
  if (!value) return null;
  const [scheme = '', rest = ''] = value.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(rest, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { scheme: 'Basic', user: colon >= 0 ? decoded.slice(0, colon) : decoded };
  }
  return { scheme: scheme.toLowerCase() === 'bearer' ? 'Bearer' : scheme };
}

/** Decodes an Authorization header (fakes only: tests never see the secret). */
export function parseAuth(
  value: string | undefined,
): { scheme: 'basic'; user: string; secret: string } | { scheme: 'bearer'; secret: string } | { scheme: 'other' } | null {
  if (!value) return null;
  const m = /^(\S+)\s+(.*)$/.exec(value.trim());
  if (!m) return { scheme: 'other' };
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'basic') {
    const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { scheme: 'other' };
    return { scheme: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  if (scheme === 'bearer') return { scheme: 'bearer', secret: m[2]!.trim() };
  return { scheme: 'other' };
}

/** The request body as text; throws past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers with `status` and a JSON (object), text (string) or empty (null) body, never cached. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | object | null,
  headers: Record<string, string | string[]> = {},
): void {
  const isText = typeof body === 'string';
  const text = body === null ? '' : isText ? body : JSON.stringify(body);
  const type = headers['content-type'] ?? (isText ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8');
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache, no-store', ...headers });
  res.end(body === null ? undefined : text);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `s` with the five HTML-special characters escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A tiny square SVG (avatars and icons), so pages that show images load without errors. */
export function svgIcon(label: string, color = '#0052cc'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><title>${escapeHtml(label)}</title><rect width="16" height="16" rx="3" fill="${color}"/></svg>`;
}

/**
 * Jira's JSON error body `{"errorMessages": [...], "errors": {field: message}}`
 * (docs/jira-api.md#error-bodies), with `status`.
 */
export function sendErrors(
  res: ServerResponse,
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
  headers: Record<string, string> = {},
): void {
  send(res, status, { errorMessages, errors }, headers);
}
