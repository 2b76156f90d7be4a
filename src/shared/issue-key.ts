// Recognises an issue key typed or pasted in the Search box: `ACME-7`, `acme-7`, or a
// pasted Jira issue URL, with or without its scheme. A key-shaped token elsewhere in a URL
// (a project page, a board) is not taken: only the places where Jira puts an issue.

/** Project key (letter first, then letters, digits, underscore) "-" issue number. */
const KEY = /^([A-Za-z][A-Za-z0-9_]*)-([1-9]\d*)$/;
const PROJECT = /^[A-Za-z][A-Za-z0-9_]*$/;
/** "host.name/..." or "host.name:8080/...": a pasted URL whose scheme was left off. */
const SCHEMELESS = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d{1,5})?\//;

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
  const url = parsePastedUrl(text);
  if (!url) return undefined;
  for (const name of ['selectedIssue', 'issueKey']) {
    const value = url.searchParams.get(name);
    const key = value ? parseIssueKey(value) : undefined;
    if (key) return key;
  }
  return keyInPath(url.pathname.split('/').filter(Boolean).map(decodeSegment));
}

/** An http(s) URL from pasted text, with or without its scheme ("host.name[:port]/..."). */
export function parsePastedUrl(input: string): URL | undefined {
  const text = input.trim();
  let href: string;
  if (/^https?:\/\//i.test(text)) href = text;
  else if (SCHEMELESS.test(text)) href = `https://${text}`;
  else return undefined;
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return ''; // a broken %-escape is no key
  }
}

/**
 * The issue locations in Jira's web UI (any context path before them, e.g. `/jira/browse/...`):
 * - `/browse/ACME-7` (Cloud, Server/DC)
 * - `/projects/ACME/issues/ACME-7` (DC project issue view; Cloud `/jira/software/c/projects/...`,
 *   `/jira/core/projects/...`)
 * - `/projects/SD/queues/custom/1/SD-12` (Service Management queue; the key is the last segment)
 * - `/servicedesk/customer/portal/2/SD-12` (Service Management customer portal request)
 */
function keyInPath(segments: string[]): string | undefined {
  const last = segments.length - 1;
  const browse = segments.lastIndexOf('browse');
  if (browse >= 0 && browse < last) return parseIssueKey(segments[browse + 1]!);

  for (let i = 0; i + 3 <= last; i++) {
    const [a, b, c] = [segments[i], segments[i + 1]!, segments[i + 2]];
    if (a === 'projects' && PROJECT.test(b)) {
      if (c === 'issues' && i + 3 === last) return parseIssueKey(segments[last]!);
      if (c === 'queues') return parseIssueKey(segments[last]!);
    }
    if (a === 'servicedesk' && b === 'customer' && c === 'portal' && i + 4 === last) return parseIssueKey(segments[last]!);
  }
  return undefined;
}
