import type { Sender } from './senders';
import { describe, expect, it } from 'vitest';
import { classifySender } from './senders';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as Sender['tab'];
const tokenUrl = 'https://id.atlassian.com/manage-profile/security/api-tokens';

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
  ])('rejects %s', (_name, sender) => {
    expect(classifySender(sender, self)).toBeNull();
  });
});
