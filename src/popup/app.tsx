// The toolbar popup: paints the cached list at once, then asks the background to refresh
// it (stale-while-revalidate) and updates in place.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { AppError, type AppErrorInfo } from '../shared/errors';
import type { FavouriteFilter, IssueRow, ListRef, PopupScope, SavedQuery } from '../shared/issues';
import { detectIssueKey } from '../shared/issue-key';
import { jiraFilterUrl, jiraIssueUrl, jiraSearchUrl, jqlForList } from '../shared/jql';
import type { PopupState } from '../shared/protocol/issues';
import { CONNECTIONS_KEY, POPUP_STATE_KEY, SETTINGS_KEY, listKey } from '../shared/storage-keys';
import { relativeTime } from '../shared/time';
import {
  ASSIGNED,
  chooseList,
  chooseScope as chooseInitialScope,
  readCaches,
  readFilters,
  scopeTargets,
  viewKeys,
  writeHint,
  type Boot,
} from './boot';
import { ErrorView } from './errors-view';
import { ExpiryNotice } from './expiry-notice';
import { browser, openOptions, openTab, request, writeLocal } from './ext';
import { enableImages } from './image';
import { IssueList } from './issue-list';
import { keyTarget, pastedUrl } from './key-target';
import { mergeRows } from './merge';
import { ListControls } from './list-controls';
import { SNAP_ROWS, sameView, writeSnapshot } from './snapshot';
import { autoRetryWait } from './retry';
import { patchSource, sourcesFromCache, withFirstPage, withNextPage, type Sources } from './sources';

const SEARCH_DEBOUNCE_MS = 300;

const isCached = (l: ListRef) => l.kind !== 'text' && l.kind !== 'jql';
const scopeKey = (s: PopupScope) => (s.kind === 'all' ? '*' : s.connectionId);

/** Runs `fn` once the first frame has been presented (two frames on), or after 200 ms. */
function afterFirstPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)));
  setTimeout(run, 200);
}

function toInfo(e: unknown): AppErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  return { kind: 'internal', message: 'Something went wrong. Try again.' };
}

const EMPTY_TEXT: Record<ListRef['kind'], string> = {
  assigned: 'No open issues are assigned to you.',
  reported: 'You have not reported any issues.',
  watching: 'You are not watching any issues.',
  recent: 'No recently viewed issues.',
  filter: 'This filter has no issues.',
  saved: 'This query has no issues.',
  text: 'No issues match your search.',
  jql: 'No issues match this JQL.',
};

/**
 * `init` is what boot() read from storage.local, or (with `settled`) the localStorage snapshot
 * of the last painted view: then `settled` is boot()'s answer, and the view follows it in place.
 */
export function App({ init, settled }: { init: Boot; settled?: Promise<Boot> }) {
  const [connections, setConnections] = useState(init.connections);
  const [savedQueries, setSavedQueries] = useState(init.savedQueries);
  const [scope, setScope] = useState<PopupScope>(init.scope);
  const [list, setList] = useState<ListRef>(init.list);
  const [lists, setLists] = useState(init.lists);
  const [filters, setFilters] = useState<FavouriteFilter[]>(init.filters);
  const [query, setQuery] = useState('');
  const [jqlMode, setJqlMode] = useState(false);
  const [search, setSearch] = useState<{ list: ListRef; n: number } | null>(null);
  const [sources, setSources] = useState<Sources>(() => sourcesFromCache(scopeTargets(init.scope, init.connections), init.cache));
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [now, setNow] = useState(Date.now());

  const token = useRef(0);
  const firstLoad = useRef(true);
  /** Per connection: its pending automatic retry (the background's budget caps how many). */
  const timers = useRef(new Map<string, number>());
  const searchBox = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  /** storage.local has been read (false while a snapshot is shown). */
  const synced = useRef(!settled);
  /** Connections whose current first page came from Jira in this view (newer than any cache). */
  const refreshed = useRef(new Set<string>());
  /** The view whose cache `sources` holds; the snapshot records only that one. */
  const loadedView = useRef<string | null>(null);
  const lastSnapshot = useRef<string | undefined>(settled ? JSON.stringify(init) : undefined);
  /** The latest `sources`, for an automatic retry that runs after later renders. */
  const latest = useRef(sources);
  latest.current = sources;

  const byId = useMemo(() => new Map(connections.map((c) => [c.id, c] as const)), [connections]);
  const targets = useMemo(() => scopeTargets(scope, connections).filter((id) => byId.has(id)), [scope, connections, byId]);
  const view = search?.list ?? list;
  // A saved query's JQL is part of its view: edited in the options page while shown, it is fetched again.
  const viewKey = `${scopeKey(scope)}|${listKey(view)}${view.kind === 'saved' ? ` ${view.jql}` : ''}|${search?.n ?? 0}`;
  /** The view whose first pages have all been answered (a search's count is told only then). */
  const [answered, setAnswered] = useState<string | undefined>(undefined);
  const current: ConnectionSummary | undefined = scope.kind === 'connection' ? byId.get(scope.connectionId) : undefined;

  // Connections change under us (a status after a failure, a renewed token), and saved
  // queries (edited in the options page): follow storage.
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes[CONNECTIONS_KEY]) {
        const next = changes[CONNECTIONS_KEY].newValue;
        setConnections(Array.isArray(next) ? (next as ConnectionSummary[]) : []);
      }
      if (changes[SETTINGS_KEY]) {
        const next = changes[SETTINGS_KEY].newValue as { savedQueries?: unknown } | undefined;
        const saved = (Array.isArray(next?.savedQueries) ? next.savedQueries : []) as SavedQuery[];
        setSavedQueries(saved);
        // A saved query shown here that was removed or changed: its list follows.
        setList((l) => {
          if (l.kind !== 'saved') return l;
          const q = saved.find((x) => x.id === l.queryId);
          return q ? { kind: 'saved', queryId: q.id, name: q.name, jql: q.jql } : ASSIGNED;
        });
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    const tick = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      window.clearInterval(tick);
    };
  }, []);

  // A connection added or removed while the popup is open: keep the scope valid.
  useEffect(() => {
    const valid = chooseInitialScope({ scope }, connections, connections[0]?.id);
    if (valid && scopeKey(valid) !== scopeKey(scope)) chooseScope(valid);
  }, [connections]);

  // "/" focuses the search box from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      // Anywhere but where "/" is typed: a text field, or a menu (its type-ahead). The JQL
      // checkbox and buttons pass it on.
      const typing =
        (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type)) ||
        t instanceof HTMLTextAreaElement ||
        t instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !e.isComposing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchBox.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /** Cancels one connection's automatic retry, or (no id) every connection's. */
  function cancelRetry(id?: string) {
    for (const [k, t] of timers.current) {
      if (id !== undefined && k !== id) continue;
      window.clearTimeout(t);
      timers.current.delete(k);
    }
  }

  /**
   * A request for `id` failed: show why, and when Jira said how long to wait (a 429, a 503) and
   * the connection's retry budget allows it, retry that same request by itself after the wait
   * (retry.ts). The rows shown stay; a search's rows go (they answered another query).
   */
  function failed(id: string, l: ListRef, tok: number, e: unknown, more: boolean) {
    const error = toInfo(e);
    const wait = autoRetryWait(error);
    const retryAt = wait === undefined ? undefined : Date.now() + wait * 1000;
    const keep = more || isCached(l);
    latest.current = patchSource(latest.current, id, { loadingMore: false });
    setSources((s) =>
      patchSource(s, id, {
        loading: false,
        loadingMore: false,
        error,
        retryAt,
        failedMore: more || undefined,
        ...(keep ? {} : { rows: [], next: undefined }),
      }),
    );
    if (wait === undefined) return;
    timers.current.set(
      id,
      window.setTimeout(() => {
        timers.current.delete(id);
        if (tok === token.current) void (more ? loadMoreOf(id, l, tok) : fetchFirst(id, l, tok, false));
      }, wait * 1000),
    );
  }

  async function fetchFirst(id: string, l: ListRef, tok: number, force: boolean) {
    cancelRetry(id);
    setSources((s) => patchSource(s, id, { loading: true, retryAt: undefined }));
    try {
      const { page } = await request('issues.list', { connectionId: id, list: l, ...(force ? { force } : {}) });
      if (tok !== token.current) return;
      refreshed.current.add(id);
      setSources((s) => withFirstPage(s, id, page));
    } catch (e) {
      if (tok === token.current) failed(id, l, tok, e, false);
    }
  }

  /**
   * The next page of `id`'s list, after the rows it shows. `force`: the user's Retry. A cursor
   * Jira no longer knows comes back as the list's first page (`restarted`): it replaces the rows.
   */
  async function loadMoreOf(id: string, l: ListRef, tok: number, force = false) {
    cancelRetry(id);
    const s = latest.current[id];
    if (!s?.next || s.loadingMore || !refreshed.current.has(id)) return;
    const cursor = s.next;
    // Marked at once (not only in the next render): a second call meanwhile finds it loading.
    latest.current = patchSource(latest.current, id, { loadingMore: true, retryAt: undefined });
    setSources((all) => patchSource(all, id, { loadingMore: true, retryAt: undefined }));
    try {
      const { page, restarted } = await request('issues.list', { connectionId: id, list: l, cursor, ...(force ? { force } : {}) });
      if (tok !== token.current) return;
      setSources((all) => (restarted ? withFirstPage(all, id, page) : withNextPage(all, id, page)));
    } catch (e) {
      if (tok === token.current) failed(id, l, tok, e, true);
    }
  }

  /**
   * The next page of every connection shown that has one. By itself (`auto`, the list scrolled
   * near its end) only after a page that added rows (sources.ts `stalled`); the Load more button
   * asks in any case. A connection whose last page failed waits for its Retry (or its automatic
   * retry): asking again on every scroll would hammer a Jira that is down or limiting us.
   */
  function loadMore(auto: boolean) {
    // A snapshot holds only the first rows: the next page waits for storage.local's.
    if (!synced.current) return;
    for (const id of targets) {
      const s = latest.current[id];
      if (s?.failedMore || (auto && s?.stalled)) continue;
      void loadMoreOf(id, view, token.current);
    }
  }

  // Focus the search box in the same frame as the first rows: keys typed at once must land.
  // With no connection, the button that adds one (once, when it appears).
  const addButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    searchBox.current?.focus();
  }, []);
  useLayoutEffect(() => {
    if (!connections.length) addButton.current?.focus();
  }, [connections.length === 0]);

  // A new view (scope, list or search): paint its cache, then refresh from the background.
  useEffect(() => {
    const tok = ++token.current;
    cancelRetry();
    const initial = firstLoad.current;
    firstLoad.current = false;
    refreshed.current = new Set();
    const key = viewKey;
    if (initial) loadedView.current = key;
    if (!search) writeHint(viewKeys(scope, targets, list));
    // The first refresh waits until the cached list is on screen: its message and the
    // messaging module it loads would otherwise compete with the first paint.
    (initial ? afterFirstPaint : (fn: () => void) => fn())(async () => {
      enableImages(targets);
      if (!initial) {
        if (isCached(view)) {
          const cache = await readCaches(targets, view);
          if (tok !== token.current) return;
          loadedView.current = key;
          setSources(sourcesFromCache(targets, cache));
        } else {
          // A search keeps the rows shown until its results arrive (no flash of an empty list).
          setSources(
            (s) =>
              Object.fromEntries(
                targets.map((id) => [
                  id,
                  { ...(s[id] ?? { rows: [], loadingMore: false }), loading: true, error: undefined, next: undefined, loadingMore: false },
                ]),
              ) as Sources,
          );
        }
      }
      await Promise.all(targets.map((id) => fetchFirst(id, view, tok, false)));
      if (tok === token.current) setAnswered(key);
    });
  }, [viewKey, targets.join(' ')]);

  // Painted from a snapshot: follow what storage.local holds, in place (same keys, so
  // scroll, selection and focus stay); nothing changes when the snapshot showed just that.
  useEffect(() => {
    if (!settled) return;
    let live = true;
    void settled.then((real) => {
      if (!live) return;
      synced.current = true;
      const fromCache = (all: Sources, ids: string[]) => {
        const fresh = sourcesFromCache(ids, real.cache);
        let next = all;
        for (const id of ids) {
          if (refreshed.current.has(id)) continue;
          const f = fresh[id]!;
          next = patchSource(next, id, { rows: f.rows, next: f.next, fetchedAt: f.fetchedAt });
        }
        return next;
      };
      if (sameView(init, real)) {
        // Only the rows past the snapshot's first few (and the real cursor) are missing.
        const cut = Object.keys(real.cache).filter(
          (id) => (real.cache[id]?.page?.issues?.length ?? 0) > SNAP_ROWS || real.cache[id]?.page?.next,
        );
        if (cut.length) setSources((all) => fromCache(all, cut));
        return;
      }
      lastSnapshot.current = undefined;
      setConnections(real.connections);
      setSavedQueries(real.savedQueries);
      setLists(real.lists);
      setFilters(real.filters);
      if (!real.connections.length) return;
      if (scopeKey(real.scope) !== scopeKey(init.scope) || listKey(real.list) !== listKey(init.list)) {
        // Another view: the view effect reads its cache and refreshes it.
        setScope(real.scope);
        setList(real.list);
        setSelectedId(undefined);
      } else {
        setSources((all) => fromCache(all, scopeTargets(real.scope, real.connections)));
      }
    });
    return () => {
      live = false;
    };
  }, []);

  // Remember the painted view for the next opening's first frame (snapshot.ts).
  useEffect(() => {
    if (!synced.current || search || loadedView.current !== viewKey) return;
    const cache = Object.fromEntries(
      targets.map((id) => {
        const s = sources[id];
        const page =
          s && (s.rows.length || s.fetchedAt)
            ? { issues: s.rows, fetchedAt: s.fetchedAt ?? 0, ...(s.next ? { next: s.next } : {}) }
            : undefined;
        return [id, page && { page, cachedAt: 0, jql: '' }];
      }),
    );
    lastSnapshot.current = writeSnapshot({ connections, scope, list, savedQueries, lists, cache, filters }, lastSnapshot.current);
  }, [connections, scope, list, lists, savedQueries, filters, sources, search, viewKey]);

  // Favourite filters for the list menu: cached copy first, then the background's.
  useEffect(() => {
    if (scope.kind !== 'connection') return;
    const id = scope.connectionId;
    let live = true;
    const first = scope === init.scope;
    (first ? afterFirstPaint : (fn: () => void) => fn())(async () => {
      if (!first) {
        const cached = await readFilters(id);
        if (live) setFilters(cached);
      }
      try {
        const { filters: got } = await request('filters.favourite', { connectionId: id });
        if (live) setFilters(got);
      } catch {
        // The list's own request shows what is wrong.
      }
    });
    return () => {
      live = false;
    };
  }, [scopeKey(scope)]);

  // As-you-type search (not in JQL mode: half-typed JQL is always wrong).
  useEffect(() => {
    if (jqlMode) return;
    const text = query.trim();
    if (!text) {
      setSearch(null);
      return;
    }
    // Under two characters, and a pasted URL (Enter opens it), show the list again. A bare key
    // still searches as text (Enter opens it): "utf-8" and "web-12" are words too.
    if (text.length < 2 || (detectIssueKey(text) && pastedUrl(text))) {
      setSearch(null);
      return;
    }
    const t = window.setTimeout(() => setSearch((s) => ({ list: { kind: 'text', text }, n: s?.n ?? 0 })), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(t);
  }, [query, jqlMode]);

  function remember(nextScope: PopupScope, nextLists: Record<string, ListRef>) {
    writeLocal({ [POPUP_STATE_KEY]: { scope: nextScope, lists: nextLists } satisfies PopupState });
  }

  function chooseScope(next: PopupScope) {
    // The filter menu must not offer the previous connection's filters meanwhile.
    if (scopeKey(next) !== scopeKey(scope)) setFilters([]);
    setScope(next);
    setSearch(null);
    setQuery('');
    setSelectedId(undefined);
    setList(chooseList(next, lists, savedQueries));
    remember(next, lists);
  }

  function chooseListRef(next: ListRef) {
    setList(next);
    setSearch(null);
    setQuery('');
    setSelectedId(undefined);
    if (scope.kind === 'connection') {
      const nextLists = { ...lists, [scope.connectionId]: next };
      setLists(nextLists);
      remember(scope, nextLists);
    }
  }

  function open(row: IssueRow, background: boolean) {
    const c = byId.get(row.connectionId);
    if (c) void openTab(jiraIssueUrl(c.siteUrl, row.key), background);
  }

  function onSearchKey(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      const text = query.trim();
      const key = detectIssueKey(text);
      const target = key ? keyTarget(text, key, connections, current, rows) : undefined;
      if (target) {
        void openTab(target, e.ctrlKey || e.metaKey || e.shiftKey);
      } else if (text) {
        setSearch((s) => ({ list: jqlMode ? { kind: 'jql', jql: text } : { kind: 'text', text }, n: (s?.n ?? 0) + 1 }));
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
      setSearch(null);
      setSelectedId(undefined);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      listBox.current?.focus();
    }
  }

  if (!connections.length) {
    return (
      <main class="popup">
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

  const states = targets.map((id) => ({ id, s: sources[id] }));
  // Rows wait for a connection's next page only where that page can come (a connection
  // refreshed and not failing: else its cached cursor would hide the others' rows for good),
  // and only in a list sorted by update, as the merge is.
  const byUpdate = /ORDER BY updated DESC$/i.test(jqlForList(view));
  const merged = mergeRows(
    states.map(({ s }) => s?.rows ?? []),
    states.map(({ id, s }) => byUpdate && !!s?.next && refreshed.current.has(id) && !s.failedMore && !s.error),
  );
  // A search for a key: that issue first when the results hold it. The key of the search
  // shown, not of what is typed meanwhile (the search waits for a pause in typing).
  const typedKey = !jqlMode ? detectIssueKey(query.trim()) : undefined;
  const searchedKey = search?.list.kind === 'text' ? detectIssueKey(search.list.text) : undefined;
  const exact = searchedKey ? merged.findIndex((r) => r.key === searchedKey) : -1;
  const rows = exact > 0 ? [merged[exact]!, ...merged.slice(0, exact), ...merged.slice(exact + 1)] : merged;
  const loading = states.some(({ s }) => s?.loading);
  const errors = states.filter(({ s }) => s?.error);
  // More pages only after this view's first page came from Jira: a cached cursor may be stale,
  // and the refresh would replace the rows loaded after it.
  // A connection whose next page failed is left to its Retry.
  const loadingMore = states.some(({ s }) => s?.loadingMore);
  const loadable = states.filter(({ id, s }) => !!s?.next && !s.failedMore && refreshed.current.has(id));
  const canLoadMore = loadable.length > 0 && !loadingMore;
  // By itself only where the last page added rows (sources.ts): never a loop on an empty page.
  const canAutoLoad = canLoadMore && loadable.some(({ s }) => !s?.stalled);
  const stalled = loadable.length > 0 && !canAutoLoad;
  // The end, said plainly: every connection's list is loaded to its last page.
  const atEnd = !loading && !states.some(({ s }) => s?.next || s?.error) && answered === viewKey;
  const fetched = states.map(({ s }) => s?.fetchedAt).filter((t): t is number => typeof t === 'number');
  const oldest = fetched.length ? Math.min(...fetched) : undefined;
  // The status line is a live region: what it says is announced, except the age of the list,
  // which changes every 30 s (in its own aria-live="off" part).
  // What Enter does with a key typed (changes as one types: not announced).
  let status: [string, string?, string?] = [''];
  const enterHint = typedKey ? `Enter opens ${typedKey}` : undefined;
  if (loading || (search && answered !== viewKey))
    status = search ? ['Searching…'] : oldest ? ['Updating… (updated ', relativeTime(oldest, now, 'long'), ')'] : ['Loading…'];
  else if (search && !errors.length) {
    // What the list shows now: how many results (at least, with pages to come), for what.
    const more = states.some(({ s }) => s?.next);
    const what = search.list.kind === 'text' ? ` for “${search.list.text}”` : '';
    status = [
      `${rows.length}${more ? '+' : ''} ${rows.length === 1 && !more ? 'result' : 'results'}${what}`,
      enterHint && ` · ${enterHint}`,
    ];
  } else if (enterHint) status = ['', enterHint];
  else if (oldest && !search) status = ['Updated ', relativeTime(oldest, now, 'long')];

  // The current list as a Jira search: in the merged view, one tab per connection's site.
  const shown = targets.map((id) => byId.get(id)).filter((c): c is ConnectionSummary => !!c);
  const openInJira = shown.length
    ? () => {
        // A favourite filter opens as itself (its name, its columns and order in Jira).
        const url = (site: string) => (view.kind === 'filter' ? jiraFilterUrl(site, view.filterId) : jiraSearchUrl(site, jqlForList(view)));
        shown.forEach((c, i) => void openTab(url(c.siteUrl), i < shown.length - 1));
      }
    : undefined;

  return (
    <main class="popup">
      <header class="top">
        <select
          aria-label="Connection"
          value={scopeKey(scope)}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            chooseScope(v === '*' ? { kind: 'all' } : { kind: 'connection', connectionId: v });
          }}
        >
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          {connections.length > 1 ? <option value="*">All connections</option> : null}
        </select>
        {openInJira ? (
          <button
            type="button"
            class="link"
            onClick={openInJira}
            title={shown.length > 1 ? `Opens ${shown.length} tabs, one per connection` : 'Opens this list as a Jira search'}
          >
            Open in Jira
          </button>
        ) : null}
      </header>

      <ExpiryNotice connections={scope.kind === 'all' ? connections : current ? [current] : []} named={scope.kind === 'all'} now={now} />

      <div class="search">
        <input
          ref={searchBox}
          type="search"
          aria-label="Search"
          aria-keyshortcuts="/"
          placeholder={jqlMode ? 'JQL, then Enter' : 'Issue key, URL or text — press / anytime'}
          value={query}
          spellcheck={false}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onSearchKey}
        />
        <label class="toggle">
          <input
            type="checkbox"
            checked={jqlMode}
            onChange={(e) => {
              setJqlMode((e.currentTarget as HTMLInputElement).checked);
              setSearch(null);
              searchBox.current?.focus();
            }}
          />
          JQL
        </label>
      </div>

      <ListControls scope={scope} list={search ? undefined : list} filters={filters} savedQueries={savedQueries} onChoose={chooseListRef} />

      <p class="status" role="status" aria-live="polite">
        {status[0]}
        {status[1] ? <span aria-live="off">{status[1]}</span> : null}
        {status[2]}
      </p>

      {errors.map(({ id, s }) => (
        <ErrorView
          key={id}
          error={s!.error!}
          connection={byId.get(id)}
          named={scope.kind === 'all'}
          {...(s!.retryAt !== undefined ? { retryAt: s!.retryAt } : {})}
          onRetry={() => {
            // The user asked (a fresh retry budget for the connection): the same request again
            // (the next page after a failed Load more, else the first page, past the cache).
            void (s!.failedMore ? loadMoreOf(id, view, token.current, true) : fetchFirst(id, view, token.current, true));
          }}
        />
      ))}

      {rows.length ? (
        <IssueList
          key={viewKey.replace(/\|\d+$/, '')}
          listRef={listBox}
          rows={rows}
          connections={byId}
          showSite={scope.kind === 'all'}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={open}
          onEscape={() => {
            // Esc clears a search; with none, it is the browser's: it closes the popup.
            if (!query && !search) return false;
            setQuery('');
            setSearch(null);
            setSelectedId(undefined); // a result picked in the search is not the list's selection
            searchBox.current?.focus();
            return true;
          }}
          onLeaveTop={() => searchBox.current?.focus()}
          canLoadMore={canAutoLoad}
          onLoadMore={() => loadMore(true)}
          now={now}
        />
      ) : !loading && !errors.length ? (
        <p class="empty">{EMPTY_TEXT[view.kind]}</p>
      ) : null}

      {rows.length ? (
        // One line of fixed height below the list, whatever it holds: nothing jumps.
        <div class="list-end">
          {canLoadMore || loadingMore ? (
            <>
              {stalled && !loadingMore ? <span>Jira’s last page had no new issues.</span> : null}
              {/* aria-disabled, not disabled: a focused button keeps its focus while it loads. */}
              <button type="button" class="more" aria-disabled={loadingMore} onClick={() => !loadingMore && loadMore(false)}>
                {loadingMore ? 'Loading more…' : 'Load more'}
              </button>
            </>
          ) : atEnd ? (
            <span>End of the list: {rows.length === 1 ? '1 issue' : `${rows.length} issues`}.</span>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}

export { ASSIGNED };
