// The list chooser: four tabs for the built-in lists, and a "List" menu for the user's
// favourite Jira filters and saved JQL queries.
import type { FavouriteFilter, ListRef, PopupScope, SavedQuery } from '../../shared/issues';
import { BUILT_IN_LISTS } from '../../shared/lists';

// One tab per built-in list (src/shared/lists.ts).
const TABS = BUILT_IN_LISTS;

interface Props {
  scope: PopupScope;
  /** The list shown, or undefined while a search is. */
  list: ListRef | undefined;
  filters: FavouriteFilter[];
  savedQueries: SavedQuery[];
  onChoose(list: ListRef): void;
}

export function ListControls({ scope, list, filters, savedQueries, onChoose }: Props) {
  const all = scope.kind === 'all';
  const menuValue = list?.kind === 'filter' ? `f:${list.filterId}` : list?.kind === 'saved' ? `s:${list.queryId}` : '';

  // A remembered filter that is no longer a favourite (or whose favourites are not read yet)
  // still shows as the chosen entry.
  const shownFilter =
    list?.kind === 'filter' && !filters.some((f) => f.id === list.filterId) ? { id: list.filterId, name: list.name } : undefined;
  // "All connections" offers only the lists merged by update time.
  const enabled = TABS.map((t) => !all || t.merged);
  const hasFilters = filters.length > 0 || !!shownFilter;
  const placeholder =
    hasFilters && savedQueries.length
      ? 'Filters and saved queries…'
      : savedQueries.length
        ? 'Saved queries…'
        : hasFilters
          ? 'Filters…'
          : 'No favourite filters or saved queries';
  // One tab is in the Tab order: the selected one, else (a filter, a saved query or a search
  // is shown) the first enabled one.
  const selectedIndex = TABS.findIndex((t) => list?.kind === t.kind);
  const tabbable = selectedIndex >= 0 ? selectedIndex : enabled.indexOf(true);

  function onTabKey(e: KeyboardEvent, i: number) {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const tabs = (e.currentTarget as HTMLElement).parentElement?.querySelectorAll<HTMLElement>('[role=tab]');
    // Arrows move to the next enabled tab, wrapping around.
    for (let step = 1; step < TABS.length; step++) {
      const j = (i + d * step + TABS.length * step) % TABS.length;
      if (enabled[j]) {
        tabs?.[j]?.focus();
        return;
      }
    }
  }

  return (
    <nav class="lists">
      <div role="tablist" aria-label="Lists">
        {TABS.map((t, i) => {
          const selected = i === selectedIndex;
          const disabled = !enabled[i];
          return (
            <button
              key={t.kind}
              type="button"
              role="tab"
              aria-selected={selected}
              tabIndex={i === tabbable ? 0 : -1}
              disabled={disabled}
              title={disabled ? 'Only “Assigned to me” combines all connections: choose a connection for this list.' : undefined}
              onClick={() => onChoose({ kind: t.kind })}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {/* Always there for one connection (disabled when it has nothing): the list does not jump
          when another connection has no filters. */}
      {!all ? (
        <select
          aria-label="List"
          value={menuValue}
          disabled={!hasFilters && !savedQueries.length}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            const f = filters.find((x) => `f:${x.id}` === v);
            const q = savedQueries.find((x) => `s:${x.id}` === v);
            if (f) onChoose({ kind: 'filter', filterId: f.id, name: f.name });
            else if (q) onChoose({ kind: 'saved', queryId: q.id, name: q.name, jql: q.jql });
          }}
        >
          <option value="">{placeholder}</option>
          {filters.length || shownFilter ? (
            <optgroup label="Favourite filters">
              {shownFilter ? <option value={`f:${shownFilter.id}`}>{shownFilter.name}</option> : null}
              {filters.map((f) => (
                <option key={f.id} value={`f:${f.id}`}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {savedQueries.length ? (
            <optgroup label="Saved queries">
              {savedQueries.map((q) => (
                <option key={q.id} value={`s:${q.id}`}>
                  {q.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      ) : null}
    </nav>
  );
}
