import type { Sender } from './senders';
import { describe, expect, it } from 'vitest';
import { classifySender } from './senders';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as Sender['tab'];
const tokenUrl = 'https://id.atlassian.com/manage-profile/security/api-tokens';
/** The tab as the browser describes it when the extension may see its address. */
const tabAt = (url: unknown) => ({ ...tab, url }) as Sender['tab'];
/** A token-page content script's sender whose tab is now at `url` (sender.url: the URL it was loaded with). */
const loadedOnTokenPage = (url: unknown): Sender => ({
  id: 'ext-id',
  origin: 'https://id.atlassian.com',
  url: tokenUrl,
  frameId: 0,
  tab: tabAt(url),
});

describe('classifySender', () => {
  it.each<[string, Sender, ReturnType<typeof classifySender>]>([
    ['options page', { id: 'ext-id', origin: self.origin, url: `${self.origin}/src/options/index.html` }, 'extension-page'],
    ['popup (no tab)', { id: 'ext-id', origin: self.origin, url: `${self.origin}/src/popup/index.html` }, 'extension-page'],
    ['Firefox page without origin, url only', { id: 'ext-id', url: `${self.origin}/src/options/index.html` }, 'extension-page'],
    [
      'token page content script, top frame',
      { id: 'ext-id', origin: 'https://id.atlassian.com', url: tokenUrl, frameId: 0, tab },
      'token-page',
    ],
    [
      'legacy token page',
      { id: 'ext-id', origin: 'https://id.atlassian.com', url: 'https://id.atlassian.com/manage/api-tokens', frameId: 0, tab },
      'token-page',
    ],
    [
      'token page with query',
      { id: 'ext-id', origin: 'https://id.atlassian.com', url: `${tokenUrl}?autofocus=true`, frameId: 0, tab },
      'token-page',
    ],
    ['token page, the tab still on it', loadedOnTokenPage(tokenUrl), 'token-page'],
    ['token page, the tab on it with a query and fragment', loadedOnTokenPage(`${tokenUrl}?x=1#created`), 'token-page'],
    [
      'token page, the tab moved in place to the legacy token page',
      loadedOnTokenPage('https://id.atlassian.com/manage/api-tokens'),
      'token-page',
    ],
  ])('accepts %s', (_name, sender, kind) => {
    expect(classifySender(sender, self)).toBe(kind);
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'other-ext', origin: 'chrome-extension://other-ext', url: 'chrome-extension://other-ext/x.html' }],
    ['no id at all', { origin: self.origin, url: `${self.origin}/src/options/index.html` }],
    [
      'a web page claiming our id but its own origin',
      { id: 'ext-id', origin: 'https://evil.example', url: 'https://evil.example/', frameId: 0, tab },
    ],
    [
      'content script on a Jira site',
      { id: 'ext-id', origin: 'https://acme.atlassian.net', url: 'https://acme.atlassian.net/browse/A-1', frameId: 0, tab },
    ],
    ['token page in a sub-frame', { id: 'ext-id', origin: 'https://id.atlassian.com', url: tokenUrl, frameId: 3, tab }],
    ['token page without a tab', { id: 'ext-id', origin: 'https://id.atlassian.com', url: tokenUrl, frameId: 0 }],
    [
      'another id.atlassian.com page',
      { id: 'ext-id', origin: 'https://id.atlassian.com', url: 'https://id.atlassian.com/login', frameId: 0, tab },
    ],
    [
      'a path that merely starts alike',
      {
        id: 'ext-id',
        origin: 'https://id.atlassian.com',
        url: 'https://id.atlassian.com/manage-profile/security/api-tokens-evil',
        frameId: 0,
        tab,
      },
    ],
    [
      'look-alike host',
      {
        id: 'ext-id',
        origin: 'https://id.atlassian.com.evil.example',
        url: 'https://id.atlassian.com.evil.example/manage-profile/security/api-tokens',
        frameId: 0,
        tab,
      },
    ],
    [
      'http token page',
      {
        id: 'ext-id',
        origin: 'http://id.atlassian.com',
        url: 'http://id.atlassian.com/manage-profile/security/api-tokens',
        frameId: 0,
        tab,
      },
    ],
    [
      'origin and url disagree',
      { id: 'ext-id', origin: 'https://id.atlassian.com', url: 'https://evil.example/manage-profile/security/api-tokens', frameId: 0, tab },
    ],
    ['extension origin but a web url', { id: 'ext-id', origin: self.origin, url: 'https://evil.example/' }],
    ['opaque origin', { id: 'ext-id', origin: 'null', frameId: 0, tab }],
    ['nothing set', {}],
    // Chrome keeps sender.url at the URL the page was loaded with: the tab's URL tells where it is now.
    [
      'token page moved in place (pushState) to another account page',
      loadedOnTokenPage('https://id.atlassian.com/manage-profile/profile-and-visibility'),
    ],
    [
      'token page moved in place to a look-alike path',
      loadedOnTokenPage('https://id.atlassian.com/manage-profile/security/api-tokens-evil'),
    ],
    ['token page tab now on another site', loadedOnTokenPage('https://evil.example/manage-profile/security/api-tokens')],
    ['token page tab now on http', loadedOnTokenPage('http://id.atlassian.com/manage-profile/security/api-tokens')],
    ['token page tab with an empty URL', loadedOnTokenPage('')],
    ['token page tab with a URL that is no string', loadedOnTokenPage(42)],
    [
      'a page loaded elsewhere, even with its tab now on the token page',
      { ...loadedOnTokenPage(tokenUrl), url: 'https://id.atlassian.com/manage-profile/profile-and-visibility' },
    ],
  ])('rejects %s', (_name, sender) => {
    expect(classifySender(sender, self)).toBeNull();
  });
});
