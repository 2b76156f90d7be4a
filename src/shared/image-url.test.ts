import { describe, expect, it } from 'vitest';
import { safeImageUrl } from './image-url';

const CLOUD = 'https://acme.atlassian.net';
const SERVER = 'https://jira.acme.test/jira';

describe('safeImageUrl', () => {
  it.each([
    ['https://acme.atlassian.net/images/icons/priorities/high.svg', CLOUD],
    ['https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/5b1/abc/48', CLOUD],
    ['https://acme.atlassian.net/rest/api/2/universal_avatar/view/type/issuetype/avatar/1?size=medium', CLOUD],
    ['https://api.atlassian.com/ex/jira/x/avatar', CLOUD],
    ['https://jira.acme.test/jira/secure/viewavatar?size=xsmall&avatarId=1', SERVER],
    ['http://jira.internal/secure/useravatar?avatarId=2', 'http://jira.internal'],
  ])('allows %s', (url, site) => {
    expect(safeImageUrl(url, site)).toBe(url);
  });

  it.each([
    [undefined, CLOUD],
    ['', CLOUD],
    ['javascript:alert(1)', CLOUD],
    ['data:image/svg+xml,<svg/>', CLOUD],
    ['http://acme.atlassian.net/x.png', CLOUD],
    // another tenant's site: anyone can own one
    ['https://other.atlassian.net/rest/api/2/universal_avatar/view/type/issuetype/avatar/1', CLOUD],
    ['https://evil.atlassian.net/pixel.gif', CLOUD],
    ['https://acme.atlassian.net.evil.example/x.png', CLOUD],
    ['https://acme.atlassian.net/x.png', 'https://beta.atlassian.net'],
    ['https://acme.atlassian.net/x.png', SERVER],
    ['https://acme.atlassian.net:8443/x.png', CLOUD],
    ['https://evil.example/pixel.gif', CLOUD],
    ['https://atlassian.net.evil.example/x.png', CLOUD],
    ['https://evil.example/?https://secure.gravatar.com', CLOUD],
    ['https://user:pw@secure.gravatar.com/avatar/x', CLOUD],
    ['https://secure.gravatar.com:8443/avatar/x', CLOUD],
    // Gravatar is a third party; only its Atlassian fallback is shown (below)
    ['https://secure.gravatar.com/avatar/abc?d=mm', CLOUD],
    ['https://secure.gravatar.com/avatar/abc?d=https%3A%2F%2Fevil.example%2Fa.png', CLOUD],
    ['https://secure.gravatar.com/avatar/abc?d=https%3A%2F%2Fapi.atlassian.com%2Fex%2Fjira%2Fx%2Favatar', CLOUD],
    ['https://avatar-management--avatars.x.prod.public.atl-paas.net.evil.example/a', CLOUD],
    ['https://jira.acme.test.evil.example/a.png', SERVER],
    ['https://jira.acme.test:8443/a.png', SERVER],
    ['relative/path.png', SERVER],
  ])('refuses %s', (url, site) => {
    expect(safeImageUrl(url, site)).toBeUndefined();
  });

  it('shows a Gravatar avatar as its Atlassian fallback (d=), never loading Gravatar', () => {
    const initials = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/AL-3.png';
    expect(safeImageUrl(`https://secure.gravatar.com/avatar/9f3c?d=${encodeURIComponent(initials)}`, CLOUD)).toBe(initials);
  });
});
