// The issue list: a fixed-row-height virtual list (only the visible rows are in the DOM,
// so 5,000 issues scroll as smoothly as 5), a listbox for keyboard use.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { COPY_ACTIONS, type CopyKind } from '../details/copy-actions';
import { rowId } from './merge';
import { Row } from './row';

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
  /** Open the issue in Jira (Enter, a click on its key, a middle click). */
  onOpen(row: IssueRow, background: boolean): void;
  /** Show the issue in the popup (→, a click on the row). */
  onDetails(row: IssueRow): void;
  /** Copy the issue's key, link, branch name or Markdown link (c, l, b, m). */
  onCopy(row: IssueRow, kind: CopyKind): void;
  /** Esc in the list: true when it cleared something (else the key goes on, and the browser closes the popup). */
  onEscape(): boolean;
  /** Up from the first row: back to the search box. */
  onLeaveTop(): void;
  canLoadMore: boolean;
  onLoadMore(): void;
  now: number;
  listRef?: { current: HTMLDivElement | null };
  /**
   * Changes with the list shown (another list, another search): the list starts again at its
   * top. The element stays, so a list that has the focus keeps it while results replace rows.
   */
  viewKey: string;
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

  // A new list starts at its top (before it paints: no frame of the old scroll position).
  const shownKey = useRef(p.viewKey);
  useLayoutEffect(() => {
    if (shownKey.current === p.viewKey) return;
    shownKey.current = p.viewKey;
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [p.viewKey, ref]);

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
    const selected = selectedIndex >= 0 ? p.rows[selectedIndex] : undefined;
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
      case 'Enter':
        if (selected) p.onOpen(selected, e.ctrlKey || e.metaKey || e.shiftKey);
        break;
      case 'ArrowRight':
        if (selected) p.onDetails(selected);
        break;
      case 'Escape':
        if (!p.onEscape()) return;
        break;
      default: {
        const copy = !e.ctrlKey && !e.metaKey && !e.altKey ? COPY_ACTIONS.find((a) => a.shortcut === e.key) : undefined;
        if (!copy || !selected) return;
        p.onCopy(selected, copy.kind);
      }
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
        onDetails={() => {
          p.onSelect(id);
          p.onDetails(row);
        }}
        onOpen={(background) => {
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
      aria-keyshortcuts={`ArrowRight Enter ${COPY_ACTIONS.map((a) => a.shortcut).join(' ')}`}
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
