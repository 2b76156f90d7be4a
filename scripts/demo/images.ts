// The demo's pictures: the browser tests' fakes answer every icon and avatar with one plain
// square, which is all a test needs. For a person (and the README's screenshots) the demo draws
// what Jira shows: issue type icons, priority arrows, round avatars with initials, project
// letters. Only the picture changes: who may see it, and the answer's status and headers, stay
// the fakes' (an avatar is still refused to a caller without credentials).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraSite } from '../../tests/e2e/fakes/jira';
import type { RecordedRequest } from '../../tests/e2e/fakes/http';

const svg = (body: string, size = 16) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 16 16">${body}</svg>`;
const tile = (fill: string, inner: string) => svg(`<rect width="16" height="16" rx="3" fill="${fill}"/>${inner}`);
const stroke = (d: string, color = '#fff') =>
  `<path d="${d}" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/** Issue type icons by avatar id (the seed's ISSUE_TYPES): Bug, Task, Story as Jira draws them. */
const TYPE_ICONS: Record<string, string> = {
  '10303': tile('#e5493a', '<circle cx="8" cy="8" r="3.5" fill="#fff"/>'),
  '10318': tile('#4bade8', stroke('M4.5 8.2l2.3 2.3 4.7-5')),
  '10315': tile('#63ba3c', '<path d="M5 3.5h6v9l-3-2.2-3 2.2z" fill="#fff"/>'),
};

/** Priority arrows by icon file name (the seed's PRIORITIES). */
const PRIORITY_ICONS: Record<string, string> = {
  highest: svg(stroke('M3 8l5-4 5 4M3 12.5l5-4 5 4', '#cd1317')),
  high: svg(stroke('M3 10.5l5-4.5 5 4.5', '#e9494a')),
  medium: svg(stroke('M3 6h10M3 10h10', '#e97f33')),
  low: svg(stroke('M3 5.5l5 4.5 5-4.5', '#2d8738')),
  lowest: svg(stroke('M3 3.5l5 4 5-4M3 8l5 4 5-4', '#57a55a')),
};

const PALETTE = ['#0052cc', '#6554c0', '#00875a', '#de350b', '#ff8b00', '#00a3bf', '#5243aa'];

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A round avatar with the initials of `name`, in a colour of its own. */
export function initialsAvatar(name: string): string {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const color = PALETTE[hash(name) % PALETTE.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${color}"/><text x="24" y="24" dy=".35em" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-size="19" font-weight="600" fill="#fff">${escapeXml(initials)}</text></svg>`;
}

/** The demo's picture for a request to `site`, or null to leave the fakes' answer as it is. */
export function demoImage(site: JiraSite, url: URL): string | null {
  const local = url.pathname.slice(site.config.contextPath.length);
  const priority = /^\/images\/icons\/priorities\/(\w+)\.svg$/.exec(local);
  if (priority) return PRIORITY_ICONS[priority[1]!] ?? null;
  const typeAvatar = /\/universal_avatar\/view\/type\/issuetype\/avatar\/(\d+)$/.exec(local);
  if (typeAvatar) return TYPE_ICONS[typeAvatar[1]!] ?? null;
  if (local === '/secure/viewavatar' && url.searchParams.get('avatarType') === 'issuetype') {
    return TYPE_ICONS[url.searchParams.get('avatarId') ?? ''] ?? null;
  }
  if (local === '/secure/useravatar') {
    const user = site.user(url.searchParams.get('ownerId'));
    return user ? initialsAvatar(user.displayName) : null;
  }
  if (local.startsWith('/secure/projectavatar')) {
    const project = site.data.issues.find((i) => i.project.id === url.searchParams.get('pid'))?.project;
    if (!project) return null;
    const color = PALETTE[hash(project.key) % PALETTE.length]!;
    return tile(
      color,
      `<text x="8" y="8" dy=".35em" text-anchor="middle" font-family="Arial,sans-serif" font-size="9" font-weight="700" fill="#fff">${escapeXml(project.key[0]!)}</text>`,
    );
  }
  return null;
}

/**
 * Makes `site` answer its icons and avatars with the demo's pictures. The site still decides
 * everything else: only a 200 answer's body is swapped (the fakes answer with writeHead, then
 * end: send() in tests/e2e/fakes/http.ts). Should that change, the fakes' squares show: no harm.
 */
export function drawDemoImages(site: JiraSite): void {
  const handle = site.handle.bind(site);
  site.handle = (req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest) => {
    const picture = req.method === 'GET' ? demoImage(site, url) : null;
    if (picture) swapBodyWhenOk(res, picture);
    return handle(req, res, url, record);
  };
}

function swapBodyWhenOk(res: ServerResponse, body: string): void {
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  let ok = false;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    ok = status === 200;
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => end(ok ? body : chunk, ...rest)) as ServerResponse['end'];
}
