// @vitest-environment happy-dom
// The list tabs by keyboard: exactly one tab in the Tab order, arrows skip disabled tabs.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListRef, PopupScope } from '../../shared/issues';
import { ListControls } from './list-controls';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const ONE: PopupScope = { kind: 'connection', connectionId: 'a' };
const FILTERS = [{ id: '10', name: 'My team', jql: 'project = WEB' }];

function show(scope: PopupScope, list: ListRef | undefined) {
  act(() => render(<ListControls scope={scope} list={list} filters={FILTERS} savedQueries={[]} onChoose={() => undefined} />, root));
}
const tabs = () => Array.from(root.querySelectorAll<HTMLButtonElement>('[role=tab]'));
const tabbable = () =>
  tabs()
    .filter((t) => t.tabIndex === 0)
    .map((t) => t.textContent);

describe('ListControls', () => {
  it('keeps the selected tab in the Tab order', () => {
    show(ONE, { kind: 'watching' });
    expect(tabbable()).toEqual(['Watching']);
  });

  it('keeps the first tab reachable while a filter or a search is shown', () => {
    show(ONE, { kind: 'filter', filterId: '10', name: 'My team' });
    expect(tabbable()).toEqual(['Assigned to me']);
    show(ONE, undefined);
    expect(tabbable()).toEqual(['Assigned to me']);
  });

  it('moves with the arrows, wrapping, and skips disabled tabs', () => {
    show(ONE, { kind: 'assigned' });
    tabs()[0]!.focus();
    act(() => void tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(document.activeElement?.textContent).toBe('Recently viewed');

    show({ kind: 'all' }, { kind: 'assigned' });
    expect(tabs().filter((t) => t.disabled)).toHaveLength(3);
    tabs()[0]!.focus();
    act(() => void tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(document.activeElement?.textContent).toBe('Assigned to me');
  });
});

describe('ListControls filter menu', () => {
  it('shows a remembered filter that is no longer a favourite as the chosen entry', () => {
    show(ONE, { kind: 'filter', filterId: '77', name: 'Old sprint' });
    const menu = root.querySelector<HTMLSelectElement>('select[aria-label="List"]')!;
    expect(menu.value).toBe('f:77');
    expect(menu.selectedOptions[0]?.textContent).toBe('Old sprint');
  });
});

describe('ListControls menu, always in place for one connection', () => {
  const menu = () => root.querySelector<HTMLSelectElement>('select[aria-label=List]');
  const render2 = (scope: PopupScope, filters: typeof FILTERS, saved: { id: string; name: string; jql: string }[]) =>
    act(() =>
      render(
        <ListControls scope={scope} list={{ kind: 'assigned' }} filters={filters} savedQueries={saved} onChoose={() => undefined} />,
        root,
      ),
    );

  it('names what it holds, and is disabled (not gone) when a connection has neither', () => {
    render2(ONE, FILTERS, []);
    expect(menu()!.options[0]!.textContent).toBe('Filters…');
    render2(ONE, FILTERS, [{ id: 'q', name: 'Mine', jql: 'x' }]);
    expect(menu()!.options[0]!.textContent).toBe('Filters and saved queries…');
    render2(ONE, [], [{ id: 'q', name: 'Mine', jql: 'x' }]);
    expect(menu()!.options[0]!.textContent).toBe('Saved queries…');
    render2(ONE, [], []);
    expect(menu()!.disabled).toBe(true);
    expect(menu()!.options[0]!.textContent).toBe('No favourite filters or saved queries');
    render2({ kind: 'all' }, FILTERS, []);
    expect(menu()).toBeNull();
  });

  it('says why a tab is disabled in "All connections"', () => {
    render2({ kind: 'all' }, [], []);
    const disabled = tabs().filter((t) => t.disabled);
    expect(disabled.map((t) => t.textContent)).toEqual(['Reported by me', 'Watching', 'Recently viewed']);
    for (const t of disabled) expect(t.title).toMatch(/choose a connection/);
  });
});
