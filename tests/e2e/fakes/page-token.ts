// Cloud search page tokens (nextPageToken). Jira's are opaque; the fakes' carry what makes
// them strict: the offset, the query itself (a token only fits the query it came from) and
// when it was issued (so it can expire; docs/jira-api.md#search).

/** A page token: the offset, the query itself and when it was issued (epoch ms). */
export interface PageToken {
  o: number;
  q: string;
  t: number;
}

/** The token as Jira would hand it out: base64url of its JSON. */
export function encodePageToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

/** The token `s` stands for, or null when it is not one of ours. */
export function decodePageToken(s: string): PageToken | null {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Partial<PageToken>;
    return typeof t.o === 'number' && typeof t.q === 'string' && typeof t.t === 'number' ? { o: t.o, q: t.q, t: t.t } : null;
  } catch {
    return null;
  }
}
