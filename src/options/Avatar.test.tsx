// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({
  watchStoredIcon: vi.fn((_id: string, _url: string, listener: (d: string | undefined) => void) => {
    listener('data:image/png;base64,AAAA');
    return () => undefined;
  }),
}));
vi.mock('./browser-api', () => api);
const { Avatar } = await import('./Avatar');

const DC = 'https://jira.corp.example/jira';
const root = document.body.appendChild(document.createElement('div'));
afterEach(() => {
  render(null, root);
  api.watchStoredIcon.mockClear();
});
const src = () => root.querySelector('img')?.getAttribute('src') ?? null;

describe('options Avatar', () => {
  it('shows a site avatar only as the background stored it for the saved connection', () => {
    act(() => render(<Avatar url={`${DC}/secure/useravatar?avatarId=1`} siteUrl={DC} connectionId="c1" size={32} class="avatar" />, root));
    expect(api.watchStoredIcon).toHaveBeenCalledWith('c1', `${DC}/secure/useravatar?avatarId=1`, expect.any(Function));
    expect(src()).toBe('data:image/png;base64,AAAA');
  });

  it('loads nothing from the site for a connection being set up, nor from an unknown host', () => {
    act(() => render(<Avatar url={`${DC}/secure/useravatar?avatarId=1`} siteUrl={DC} size={48} class="avatar" />, root));
    expect(src()).toBeNull();
    act(() => render(<Avatar url="https://tracker.example/pixel.png" siteUrl={DC} connectionId="c1" size={48} class="avatar" />, root));
    expect(src()).toBeNull();
    expect(api.watchStoredIcon).not.toHaveBeenCalled();
  });
});
