// Recognises an issue key typed or pasted in the Search box: `ACME-7`, `acme-7`, or a
// pasted issue URL (`.../browse/ACME-7`, `...?selectedIssue=ACME-7`).

const KEY = /^([A-Za-z][A-Za-z0-9_]*)-([1-9]\d*)$/;

/** The upper-cased key when `text` is exactly an issue key, else undefined. */
export function parseIssueKey(text: string): string | undefined {
  const m = KEY.exec(text.trim());
  if (!m) return undefined;
  return `${m[1]!.toUpperCase()}-${m[2]}`;
}

/** An issue key from a key or a pasted Jira issue URL. */
export function detectIssueKey(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const direct = parseIssueKey(text);
  if (direct) return direct;
  if (!/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  for (const name of ['selectedIssue', 'issueKey']) {
    const value = url.searchParams.get(name);
    const key = value ? parseIssueKey(value) : undefined;
    if (key) return key;
  }
  // `/browse/ACME-7`, also under a context path (`/jira/browse/ACME-7`).
  const segments = url.pathname.split('/').filter(Boolean);
  const at = segments.lastIndexOf('browse');
  if (at >= 0 && segments[at + 1]) return parseIssueKey(decodeURIComponent(segments[at + 1]!));
  return undefined;
}
