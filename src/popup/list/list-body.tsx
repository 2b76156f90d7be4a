// The list part of the popup: the status line, each connection's failure with its way out, the
// issues, and the line below them. It renders what derive.ts says; the loading is use-list.ts's.
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow, ListRef } from '../../shared/issues';
import { builtInList } from '../../shared/lists';
import type { CopyKind } from '../details/copy-actions';
import { lazy } from '../lazy';
import type { ListSummary } from './derive';
import { IssueList } from './issue-list';
import { ListEnd } from './list-end';

/** A failure's alert: a chunk of its own (most openings show none). */
export const LazyErrorView = lazy(() => import('../errors-view').then((m) => m.ErrorView));

const EMPTY_TEXT: Record<'filter' | 'saved' | 'text' | 'jql', string> = {
  filter: 'This filter has no issues.',
  saved: 'This query has no issues.',
  text: 'No issues match your search.',
  jql: 'No issues match this JQL.',
};

function emptyText(view: ListRef): string {
  return builtInList(view.kind)?.empty ?? EMPTY_TEXT[view.kind as keyof typeof EMPTY_TEXT];
}

export interface ListBodyProps {
  summary: ListSummary;
  status: [string, string?, string?];
  view: ListRef;
  /** Changes with the view: a new list starts at its top (the focus stays in the list). */
  listKey: string;
  connections: Map<string, ConnectionSummary>;
  /** "All connections": rows and alerts name their connection. */
  merged: boolean;
  selectedId: string | undefined;
  listRef: { current: HTMLDivElement | null };
  now: number;
  onSelect(id: string): void;
  onOpen(row: IssueRow, background: boolean): void;
  onDetails(row: IssueRow): void;
  onCopy(row: IssueRow, kind: CopyKind): void;
  onEscape(): boolean;
  onLeaveTop(): void;
  onLoadMore(auto: boolean): void;
  onRetry(connectionId: string): void;
}

/**
 * The status line, then the rows with the line below them. A failure's alert sits below the
 * rows when there are rows (the list's top stays put and the list gives up the room: nothing
 * the user reads is pushed down), in the rows' place when there are none.
 */
export function ListBody(p: ListBodyProps) {
  const { summary: s, status } = p;
  const alerts = s.failures.map(({ id, source }) => (
    <LazyErrorView
      key={id}
      error={source.error!}
      connection={p.connections.get(id)}
      named={p.merged}
      {...(source.retryAt !== undefined ? { retryAt: source.retryAt } : {})}
      onRetry={() => p.onRetry(id)}
    />
  ));
  return (
    <>
      <p class="status" role="status" aria-live="polite">
        {status[0]}
        {status[1] ? <span aria-live="off">{status[1]}</span> : null}
        {status[2]}
      </p>

      {s.rows.length ? null : alerts}

      {s.rows.length ? (
        <IssueList
          viewKey={p.listKey}
          listRef={p.listRef}
          rows={s.rows}
          connections={p.connections}
          showSite={p.merged}
          selectedId={p.selectedId}
          onSelect={p.onSelect}
          onOpen={p.onOpen}
          onDetails={p.onDetails}
          onCopy={p.onCopy}
          onEscape={p.onEscape}
          onLeaveTop={p.onLeaveTop}
          canLoadMore={s.canAutoLoad}
          onLoadMore={() => p.onLoadMore(true)}
          now={p.now}
        />
      ) : !s.loading && !s.failures.length ? (
        <p class="empty">{emptyText(p.view)}</p>
      ) : null}

      {s.rows.length ? (
        <ListEnd
          count={s.rows.length}
          canLoadMore={s.canLoadMore}
          loadingMore={s.loadingMore}
          stalled={s.stalled}
          atEnd={s.atEnd}
          onLoadMore={() => p.onLoadMore(false)}
        />
      ) : null}

      {s.rows.length ? alerts : null}
    </>
  );
}
