// @vitest-environment happy-dom
// Row icons: the site's own images only as the background fetched them (data: URLs), public
// avatar hosts directly, anything else a placeholder. The popup never loads a site image itself.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { iconsCacheKey } from '../shared/storage-keys';

const ext = vi.hoisted(() => ({
  local: {} as Record<string, unknown>,
  listeners: new Set<(changes: Record<string, unknown>) => void>(),
}));
vi.mock('./ext', () => ({
  onLocalChanged: (f: never) => {
    ext.listeners.add(f);
    return () => ext.listeners.delete(f);
  },
  readLocal: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in ext.local).map((k) => [k, ext.local[k]])),
}));
const { JiraImage, enableImages } = await import('./image');

const SITE = 'https://acme.atlassian.net';
const TYPE = `${SITE}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10303?size=medium`;
const CDN = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/5b10ac/48.png';
const GATEWAY = 'https://api.atlassian.com/ex/jira/c1/rest/api/2/universal_avatar/view/type/issuetype/avatar/1';
const DATA = 'data:image/svg+xml;base64,PHN2Zy8+';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function settle() {
  for (let i = 0; i < 3; i++) await act(async () => void (await Promise.resolve()));
}
function show(url: string, connectionId = 'c1') {
  act(() => render(<JiraImage url={url} connectionId={connectionId} siteUrl={SITE} class="icon" title="Bug" />, root));
}
const img = () => root.querySelector('img')?.getAttribute('src') ?? null;

describe('JiraImage', () => {
  it('shows nothing before the first paint, then the background-fetched icon, following storage', async () => {
    ext.local = {};
    show(TYPE);
    expect(img()).toBeNull();
    enableImages(['c1']);
    await settle();
    expect(img()).toBeNull(); // not fetched yet: a placeholder, never the site URL itself
    expect(root.querySelector('.ph')).not.toBeNull();

    ext.local = { [iconsCacheKey('c1')]: { v: 1, icons: { [TYPE]: { data: DATA, at: 1, size: 6 } } } };
    for (const f of ext.listeners) f({ [iconsCacheKey('c1')]: {} });
    await settle();
    expect(img()).toBe(DATA);
  });

  it('loads public avatar hosts directly, never the gateway or another site', async () => {
    enableImages(['c1']);
    show(CDN);
    await settle();
    expect(img()).toBe(CDN);
    for (const url of [GATEWAY, 'https://evil.example/pixel.png', `${SITE}/secure/useravatar?avatarId=1`]) {
      show(url);
      await settle();
      expect(img()).toBeNull();
    }
  });

  it("shows a connection's rows only the icons fetched for that connection", async () => {
    // c2's rows (data of a tenant anyone can own) naming c1's icon URL get no c1 icon.
    ext.local = { [iconsCacheKey('c1')]: { v: 1, icons: { [TYPE]: { data: DATA, at: 1, size: 6 } } } };
    enableImages(['c1', 'c2']);
    show(TYPE, 'c2');
    await settle();
    expect(img()).toBeNull();
    show(TYPE, 'c1');
    await settle();
    expect(img()).toBe(DATA);
  });

  it('ignores a stored value that is not an image data: URL', async () => {
    ext.local = { [iconsCacheKey('c2')]: { v: 1, icons: { [TYPE]: { data: 'data:text/html;base64,PGI+', at: 1, size: 6 } } } };
    enableImages(['c2']);
    show(TYPE, 'c2');
    await settle();
    expect(img()).toBeNull();
  });
});
