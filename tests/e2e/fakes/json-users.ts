// Users as Jira's REST API shows them: Cloud by accountId (no user name, GDPR), Data Center by
// name and key (docs/jira-api.md#deployments; GET /myself and every user field of an issue).
import { createHash } from 'node:crypto';
import type { FakeUser } from './seed';
import type { JiraSite } from './site';

/** Atlassian's public avatar host (no login: docs/jira-api.md#avatars). */
export const PUBLIC_AVATAR_HOST = 'avatar-management--avatars.us-west-2.prod.public.atl-paas.net';

const initials = (u: FakeUser) =>
  u.displayName
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/**
 * A Cloud user's avatar at `size` as Jira Cloud names it: a picture the user uploaded on
 * Atlassian's public avatar host, or, for users without one, Gravatar with Atlassian's initials
 * avatar as its `d=` fallback (docs/jira-api.md#avatars). Which one: by the user id, so both shapes
 * occur among the seeded users.
 */
export function cloudAvatarUrl(u: FakeUser, size: number): string {
  const uploaded = createHash('md5').update(u.id).digest()[0]! % 2 === 0;
  if (uploaded) return `https://${PUBLIC_AVATAR_HOST}/${encodeURIComponent(u.id)}/7c1f8a20-0d1e-4b5a-9a6e-3f3b2c1d0e9f/${size}`;
  const hash = createHash('md5').update(u.email.trim().toLowerCase()).digest('hex');
  const fallback = `https://${PUBLIC_AVATAR_HOST}/initials/${initials(u)}-5.png`;
  return `https://secure.gravatar.com/avatar/${hash}?d=${encodeURIComponent(fallback)}&s=${size}`;
}

/**
 * 16x16 to 48x48 avatar URLs: /secure/ pages on the site, for signed-in users only (Data Center,
 * docs/jira-api.md#avatars), or, on a Cloud site with `publicAvatars`, Atlassian's public hosts
 * and Gravatar as Jira Cloud names them.
 */
export function avatarUrls(site: JiraSite, u: FakeUser): Record<string, string> {
  const sizes = [48, 24, 16, 32];
  if (site.cloud && site.publicAvatars) return Object.fromEntries(sizes.map((n) => [`${n}x${n}`, cloudAvatarUrl(u, n)]));
  const base = `${site.baseUrl}/secure/useravatar?ownerId=${encodeURIComponent(u.id)}`;
  return Object.fromEntries(sizes.map((n) => [`${n}x${n}`, `${base}&size=${n}`]));
}

/**
 * A user object. `apiBase` is the origin `self` links use (the site, or the gateway), `v` the
 * REST version asked; `full` adds what GET /myself adds (locale, groups, application roles).
 */
export function userJson(site: JiraSite, u: FakeUser, apiBase: string, v: number, full = false): object {
  const active = u.active !== false;
  if (site.cloud) {
    return {
      self: `${apiBase}/rest/api/${v}/user?accountId=${u.id}`,
      accountId: u.id,
      accountType: 'atlassian',
      emailAddress: u.email,
      avatarUrls: avatarUrls(site, u),
      displayName: u.displayName,
      active,
      timeZone: 'Europe/London',
      ...(full
        ? { locale: 'en_GB', groups: { size: 2, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles' }
        : {}),
    };
  }
  return {
    self: `${apiBase}/rest/api/2/user?username=${u.id}`,
    key: u.key ?? u.id,
    name: u.id,
    emailAddress: u.email,
    avatarUrls: avatarUrls(site, u),
    displayName: u.displayName,
    active,
    deleted: false,
    timeZone: 'Europe/Berlin',
    ...(full
      ? { locale: 'en_UK', groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles' }
      : {}),
  };
}

/** The user object of user id `id`, or null (nobody, or a user the site does not know). */
export function userRef(site: JiraSite, id: string | null, apiBase: string, v: number): object | null {
  const u = site.user(id);
  return u ? userJson(site, u, apiBase, v) : null;
}
