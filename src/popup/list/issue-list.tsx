// The issue list: a fixed-row-height virtual list (only the visible rows are in the DOM,
// so 5,000 issues scroll as smoothly as 5), a listbox for keyboard use.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { relativeTime } from '../../shared/time';
import { JiraImage } from '../image';
import { rowId } from './merge';

export const ROW_HEIGHT = 52;
// Seven rows: with the header, search and list tabs the popup stays within the 600 px browsers allow.
export const VIEW_HEIGHT = 364;
const OVERSCAN = 4;
/** Rows from the end at which the next page is asked for. */
const PREFETCH_ROWS = 8;

export interface IssueListProps {
  rows: IssueRow[];
  connections: Map<string, ConnectionSummary>;
  showSite: boolean;
  selectedId: string | undefined;
  onSelect(id: string): void;
  onOpen(row: IssueRow, background: boolean): void;
  /** Esc in the list: true when it cleared something (else the key goes on, and the browser closes the popup). */
  onEscape(): boolean;
  /** Up from the first row: back to the search box. */
  onLeaveTop(): void;
  canLoadMore: boolean;
  onLoadMore(): void;
  now: number;
  listRef?: { current: HTMLDivElement | null };
}

export function visibleRange(scrollTop: number, count: number, viewHeight = VIEW_HEIGHT, overscan = OVERSCAN): [number, number] {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + overscan);
  return [start, end];
}

const optionId = (id: string) => `issue-${id.replace(/\s/g, '_')}`;

export function IssueList(p: IssueListProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = p.listRef ?? ownRef;
  const [scrollTop, setScrollTop] = useState(0);
  // The first frame renders only the rows in view; the overscan follows once it is painted.
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  const [start, end] = visibleRange(scrollTop, p.rows.length, VIEW_HEIGHT, painted ? OVERSCAN : 0);
  const selectedIndex = p.selectedId ? p.rows.findIndex((r) => rowId(r) === p.selectedId) : -1;

  // Near the end: ask for the next page (the button below does the same for mouse users).
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks when what is in view or what may load changes; a new onLoadMore each render, or a scroll within the same rows, must not ask again
  useEffect(() => {
    if (p.canLoadMore && p.rows.length > 0 && end >= p.rows.length - PREFETCH_ROWS && scrollTop > 0) p.onLoadMore();
  }, [end, p.rows.length, p.canLoadMore]);

  // Keep the selected row in view.
  useEffect(() => {
    const el = ref.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedIndex, ref]);

  function move(delta: number) {
    if (!p.rows.length) return;
    const next = Math.min(p.rows.length - 1, Math.max(0, (selectedIndex < 0 ? (delta > 0 ? -1 : 0) : selectedIndex) + delta));
    p.onSelect(rowId(p.rows[next]!));
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor(VIEW_HEIGHT / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        move(1);
        break;
      case 'ArrowUp':
      case 'k':
        if (e.key === 'ArrowUp' && selectedIndex === 0) p.onLeaveTop();
        else move(-1);
        break;
      case 'PageDown':
        move(page);
        break;
      case 'PageUp':
        move(-page);
        break;
      case 'Home':
        move(-p.rows.length);
        break;
      case 'End':
        move(p.rows.length);
        break;
      case 'Enter': {
        const row = selectedIndex >= 0 ? p.rows[selectedIndex] : undefined;
        if (row) p.onOpen(row, e.ctrlKey || e.metaKey || e.shiftKey);
        break;
      }
      case 'Escape':
        if (!p.onEscape()) return;
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const items = [];
  for (let i = start; i < end; i++) {
    const row = p.rows[i]!;
    const id = rowId(row);
    items.push(
      <Row
        key={id}
        row={row}
        top={i * ROW_HEIGHT}
        index={i}
        count={p.rows.length}
        id={optionId(id)}
        selected={id === p.selectedId}
        connection={p.connections.get(row.connectionId)}
        showSite={p.showSite}
        now={p.now}
        onClick={(background) => {
          p.onSelect(id);
          p.onOpen(row, background);
        }}
      />,
    );
  }

  return (
    <div
      ref={ref}
      class="list"
      role="listbox"
      aria-label="Issues"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? optionId(p.selectedId!) : undefined}
      // + 1: the list's top border is inside its height (border-box); without it, a list that
      // fits shows a scrollbar for one pixel.
      style={{ height: `${Math.min(VIEW_HEIGHT, p.rows.length * ROW_HEIGHT) + 1}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (selectedIndex < 0 && p.rows[0]) p.onSelect(rowId(p.rows[0]));
      }}
    >
      <div class="list-inner" style={{ height: `${p.rows.length * ROW_HEIGHT}px` }}>
        {items}
      </div>
    </div>
  );
}

interface RowProps {
  row: IssueRow;
  top: number;
  index: number;
  count: number;
  id: string;
  selected: boolean;
  connection: ConnectionSummary | undefined;
  showSite: boolean;
  now: number;
  onClick(background: boolean): void;
}

function Row({ row, top, index, count, id, selected, connection, showSite, now, onClick }: RowProps) {
  const site = connection?.siteUrl ?? '';
  const updated = relativeTime(row.updated, now);
  const parts = [
    row.status.name,
    row.priority?.name && `${row.priority.name} priority`,
    row.assignee && `assigned to ${row.assignee.displayName}`,
    updated && `updated ${updated}`,
  ];
  if (showSite && connection) parts.push(connection.name);
  const label = `${row.key} ${row.summary}${parts.filter(Boolean).length ? `, ${parts.filter(Boolean).join(', ')}` : ''}`;
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: an option of a listbox with aria-activedescendant: the listbox holds the focus
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox's keydown handles Enter and the arrows for every row
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={label}
      aria-posinset={index + 1}
      aria-setsize={count}
      class={selected ? 'row selected' : 'row'}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(e.ctrlKey || e.metaKey || e.shiftKey)}
      onMouseDown={(e) => {
        if (e.button === 1) e.preventDefault(); // no autoscroll: the middle click opens a tab
      }}
      onAuxClick={(e) => {
        if (e.button === 1) onClick(true);
      }}
    >
      <div class="line">
        <JiraImage url={row.issueType?.iconUrl} connectionId={row.connectionId} siteUrl={site} class="icon" title={row.issueType?.name} />
        <span class="key">{row.key}</span>
        <span class="summary" title={row.summary}>
          {row.summary}
        </span>
      </div>
      <div class="line meta">
        {row.status.name ? <span class={`lozenge cat-${row.status.category}`}>{row.status.name}</span> : null}
        {row.priority ? (
          <JiraImage url={row.priority.iconUrl} connectionId={row.connectionId} siteUrl={site} class="icon" title={row.priority.name} />
        ) : null}
        {showSite && connection ? <span class="site">{connection.name || new URL(site).host}</span> : null}
        <span class="grow" />
        {updated ? <span class="updated">{updated}</span> : null}
        {row.assignee ? (
          <JiraImage
            url={row.assignee.avatarUrl}
            connectionId={row.connectionId}
            siteUrl={site}
            class="avatar"
            title={row.assignee.displayName}
          />
        ) : (
          <span class="ph avatar" title="Unassigned" aria-hidden="true" />
        )}
      </div>
    </div>
  );
}
