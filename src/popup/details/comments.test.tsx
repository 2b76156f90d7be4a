// @vitest-environment happy-dom
// Each comment shows its author's avatar as the background cached it for the connection, with
// the same component as the list's rows (src/popup/image.tsx); the image is decorative.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { iconsCacheKey } from '../../shared/storage-keys';

const ext = vi.hoisted(() => ({ local: {} as Record<string, unknown> }));
vi.mock('../ext', () => ({
  onLocalChanged: () => () => undefined,
  readLocal: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in ext.local).map((k) => [k, ext.local[k]])),
}));
const { enableImages } = await import('../image');
const { Comments } = await import('./comments');

const SITE = 'https://jira.corp.example/jira';
const AVATAR = `${SITE}/secure/useravatar?size=small&ownerId=cai&avatarId=3`;
const DATA = 'data:image/png;base64,iVBORw0KGgo=';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  ext.local = { [iconsCacheKey('c1')]: { v: 1, icons: { [AVATAR]: { data: DATA, at: 1, size: 8 } } } };
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show() {
  const comments = {
    comments: [
      { id: '1', author: { displayName: 'Cai', avatarUrl: AVATAR }, body: null },
      { id: '2', author: { displayName: 'Dee' }, body: null },
    ],
    total: 2,
  };
  await act(() =>
    render(
      <Comments
        comments={comments}
        siteUrl={SITE}
        connectionId="c1"
        now={0}
        loading={false}
        error={undefined}
        onLoadOlder={() => undefined}
      />,
      root,
    ),
  );
  enableImages(['c1']);
  for (let i = 0; i < 3; i++) await act(async () => void (await Promise.resolve()));
}

describe('Comments', () => {
  it("shows each author's avatar as the background cached it, decorative, and a placeholder without one", async () => {
    await show();
    const [cai, dee] = [...root.querySelectorAll('.comment')];
    const img = cai!.querySelector('img.avatar');
    expect(img?.getAttribute('src')).toBe(DATA);
    expect(img?.getAttribute('alt')).toBe('');
    expect(cai!.querySelector('.comment-meta')!.textContent).toBe('Cai');
    expect(dee!.querySelector('img')).toBeNull();
    expect(dee!.querySelector('.ph.avatar')?.getAttribute('aria-hidden')).toBe('true');
  });
});
