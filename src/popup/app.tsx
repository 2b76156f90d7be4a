// The toolbar popup: paints the cached list at once, then asks the background to refresh it
// (stale-while-revalidate) and updates in place; an issue opens in place over the list, which
// stays as it was (scroll, selection). This component holds what the user chose; the loading is
// use-list.ts's, the wording derive.ts's and status-line.ts's, and the views only render.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { detectIssueKey } from '../shared/issue-key';
import type { IssueRow, PopupScope } from '../shared/issues';
import { jiraIssueUrl } from '../shared/jql';
import { listKey } from '../shared/storage-keys';
import { afterFirstPaint } from './after-paint';
import { chooseScope as validScope, scopeTargets, type Boot, viewKeys, writeHint } from './boot';
import { copyIssue } from './details/copy';
import type { CopyKind } from './details/copy-actions';
import { DetailsView, type DetailsTarget } from './details/details-view';
import { prefetchDetails } from './details/lazy-details';
import { openOptions, openTab } from './ext';
import { useFilters } from './hooks/use-filters';
import { useKeyLookup } from './hooks/use-key-lookup';
import { useSearch } from './hooks/use-search';
import { useSlashShortcut } from './hooks/use-slash-shortcut';
import { useSettle, useSnapshotWriter } from './hooks/use-snapshot';
import { useNow, useStorageSync } from './hooks/use-storage-sync';
import { useViewChoice } from './hooks/use-view-choice';
import { LazyExpiryNotice, mayShowExpiry } from './expiry-lazy';
import { enableImages } from './image';
import { keyTarget } from './key-target';
import { summarise } from './list/derive';
import { ListBody } from './list/list-body';
import { ListControls } from './list/list-controls';
import { statusLine } from './list/status-line';
import { useList } from './list/use-list';
import { SearchBox } from './search-box';
import { TopBar, scopeKey } from './top-bar';

/**
 * `init` is what boot() read from storage.local, or (with `settled`) the localStorage snapshot
 * of the last painted view: then `settled` is boot()'s answer, and the view follows it in place.
 */
export function App({ init, settled }: { init: Boot; settled?: Promise<Boot> }) {
  const choice = useViewChoice(init);
  const { scope, list } = choice;
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [details, setDetails] = useState<DetailsTarget | null>(null);
  const [copied, setCopied] = useState('');
  const now = useNow();
  const search = useSearch();
  const { filters, setFilters } = useFilters(scope, init.filters);
  const { connections, setConnections, savedQueries, setSavedQueries } = useStorageSync(init, choice.followSavedQueries);

  const searchBox = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useSlashShortcut(searchBox);

  const byId = useMemo(() => new Map(connections.map((c) => [c.id, c] as const)), [connections]);
  const targetIds = scopeTargets(scope, connections).filter((id) => byId.has(id));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the same ids give the same array (a stable effect dependency)
  const targets = useMemo(() => targetIds, [targetIds.join(' ')]);
  const shown = targets.map((id) => byId.get(id)).filter((c): c is ConnectionSummary => !!c);
  const view = search.search?.list ?? list;
  // A saved query's JQL is part of its view: edited in the options page while shown, it is fetched again.
  const viewKey = `${scopeKey(scope)}|${listKey(view)}${view.kind === 'saved' ? ` ${view.jql}` : ''}|${search.search?.n ?? 0}`;
  const current: ConnectionSummary | undefined = scope.kind === 'connection' ? byId.get(scope.connectionId) : undefined;
  const keyLookup = useKeyLookup(search.query, !search.jqlMode, connections, shown);

  const synced = useSettle(init, settled, {
    cacheRead: (ids, cache) => loader.cacheRead(ids, cache),
    connections: setConnections,
    replace(real) {
      snapshot.forget();
      setConnections(real.connections);
      setSavedQueries(real.savedQueries);
      choice.setLists(real.lists);
      setFilters(real.filters);
      if (!real.connections.length) return;
      if (scopeKey(real.scope) !== scopeKey(init.scope) || listKey(real.list) !== listKey(init.list)) {
        // Another view: use-list reads its cache and refreshes it.
        choice.setScope(real.scope);
        choice.setList(real.list);
        setSelectedId(undefined);
      } else {
        loader.cacheRead(scopeTargets(real.scope, real.connections), real.cache);
      }
    },
  });
  const loader = useList({ viewKey, targets, list: view }, init.cache, synced, (ids) => {
    enableImages(ids);
    if (!search.search) writeHint(viewKeys(scope, ids, list));
  });
  const summary = summarise(loader.state, targets, view, keyLookup.rows);
  const snapshot = useSnapshotWriter(
    { connections, scope, list, savedQueries, lists: choice.lists, filters, targets, sources: loader.state.sources },
    synced() && !search.search && loader.state.viewKey === viewKey,
    settled ? init : undefined,
  );

  // Focus Search in the same frame as the first rows: keys typed at once must land. With no
  // connection, the button that adds one (once, when it appears).
  useLayoutEffect(() => searchBox.current?.focus(), []);
  useLayoutEffect(() => {
    if (!connections.length) addButton.current?.focus();
  }, [connections.length]);

  // An issue's body and the rich-text renderer (their own chunk) load once the list is on
  // screen: an issue opened later shows its description without waiting for them.
  useEffect(() => afterFirstPaint(() => window.setTimeout(() => void prefetchDetails(), 300)), []);

  // A connection added or removed while the popup is open: keep the scope valid.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the connections can invalidate the scope
  useEffect(() => {
    const valid = validScope({ scope }, connections, connections[0]?.id);
    if (valid && scopeKey(valid) !== scopeKey(scope)) chooseScope(valid);
  }, [connections]);

  function chooseScope(next: PopupScope) {
    // The filter menu must not offer the previous connection's filters meanwhile.
    if (scopeKey(next) !== scopeKey(scope)) setFilters([]);
    choice.chooseScope(next, savedQueries);
    search.clear();
    setSelectedId(undefined);
  }

  function open(row: IssueRow, background: boolean) {
    const c = byId.get(row.connectionId);
    if (c) void openTab(jiraIssueUrl(c.siteUrl, row.key), background);
  }

  function copy(row: IssueRow, kind: CopyKind) {
    const c = byId.get(row.connectionId);
    if (c) void copyIssue(kind, row, c.siteUrl).then(setCopied);
  }

  function clearSearch(): boolean {
    if (!search.query && !search.search) return false;
    search.clear();
    setSelectedId(undefined); // a result picked in the search is not the list's selection
    return true;
  }

  function onSearchKey(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      const text = search.query.trim();
      const key = detectIssueKey(text);
      const target = key ? keyTarget(text, key, connections, current, summary.rows) : undefined;
      if (target) void openTab(target, e.ctrlKey || e.metaKey || e.shiftKey);
      else if (text) search.runNow(text);
    } else if (e.key === 'Escape' && search.query) {
      e.preventDefault();
      clearSearch();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      listBox.current?.focus();
    }
  }

  if (!connections.length) {
    return (
      <main class="popup">
        <h1 class="sr-only">Client for Jira</h1>
        <div class="empty-state">
          <p>Connect Client for Jira to your Jira site to see your issues here.</p>
          {/* Focused like Search would be: Enter at once opens the form. */}
          <button type="button" class="primary" ref={addButton} onClick={() => void openOptions('#new')}>
            Add a Jira connection
          </button>
        </div>
      </main>
    );
  }

  const status = statusLine({
    loading: summary.loading,
    search: search.search,
    answered: loader.state.answered && loader.state.viewKey === viewKey,
    count: summary.rows.length,
    more: summary.more,
    errors: summary.failures.length,
    oldest: summary.oldest,
    loadingCachedAt: summary.loadingCachedAt,
    now,
    typedKey: search.jqlMode ? undefined : detectIssueKey(search.query.trim()),
  });
  const detailsConnection = details ? byId.get(details.connectionId) : undefined;
  const expiryShown = scope.kind === 'all' ? connections : current ? [current] : [];

  return (
    <main class="popup">
      {/* The page's level-one heading for screen readers' heading navigation (the title shows
          nowhere), outside the list: it stays while an issue is shown and the list is inert. */}
      <h1 class="sr-only">Client for Jira</h1>
      {/* The list stays (its scroll and selection kept), out of reach while an issue is shown. */}
      <div class="list-page" inert={!!detailsConnection}>
        <TopBar connections={connections} scope={scope} shown={shown} view={view} onScope={chooseScope} />
        {mayShowExpiry(expiryShown) ? <LazyExpiryNotice connections={expiryShown} named={scope.kind === 'all'} now={now} /> : null}
        <SearchBox
          inputRef={searchBox}
          query={search.query}
          jqlMode={search.jqlMode}
          onQuery={search.setQuery}
          onJqlMode={(on) => {
            search.setJqlMode(on);
            searchBox.current?.focus();
          }}
          onKeyDown={onSearchKey}
        />
        <ListControls
          scope={scope}
          list={search.search ? undefined : list}
          filters={filters}
          savedQueries={savedQueries}
          onChoose={(next) => {
            choice.chooseList(next);
            search.clear();
            setSelectedId(undefined);
          }}
        />
        <ListBody
          summary={summary}
          status={copied ? [copied] : status}
          view={view}
          listKey={viewKey.replace(/\|\d+$/, '')}
          connections={byId}
          merged={scope.kind === 'all'}
          selectedId={selectedId}
          listRef={listBox}
          now={now}
          onSelect={(id) => {
            setSelectedId(id);
            setCopied('');
          }}
          onOpen={open}
          onDetails={(row) => setDetails({ connectionId: row.connectionId, key: row.key, row })}
          onCopy={copy}
          onEscape={() => {
            // Esc clears a search; with none, it is the browser's: it closes the popup.
            if (!clearSearch()) return false;
            searchBox.current?.focus();
            return true;
          }}
          onLeaveTop={() => searchBox.current?.focus()}
          onLoadMore={loader.loadMore}
          onRetry={loader.retry}
        />
      </div>
      {details && detailsConnection ? (
        <DetailsView
          key={`${details.connectionId}:${details.key}`}
          target={details}
          connection={detailsConnection}
          now={now}
          onRow={(row) => {
            loader.rowChanged(row);
            keyLookup.patch(row);
          }}
          onBack={() => {
            setDetails(null);
            // Back to the list, on the same row (the list kept its scroll).
            requestAnimationFrame(() => listBox.current?.focus());
          }}
        />
      ) : null}
    </main>
  );
}
