// Users as Jira's REST API shows them: Cloud by accountId (no user name, GDPR), Data Center by
// name and key (docs/jira-api.md#deployments; GET /myself and every user field of an issue).
import type { FakeUser } from './seed';
import type { JiraSite } from './site';

/** 16x16 to 48x48 avatar URLs; /secure/ pages on the site, for signed-in users only (docs/jira-api.md#avatars). */
export function avatarUrls(site: JiraSite, u: FakeUser): Record<string, string> {
  const base = `${site.baseUrl}/secure/useravatar?ownerId=${encodeURIComponent(u.id)}`;
  return { '48x48': `${base}&size=48`, '24x24': `${base}&size=24`, '16x16': `${base}&size=16`, '32x32': `${base}&size=32` };
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
