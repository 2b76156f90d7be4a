// One row of the issue list: the key (a click opens the issue in Jira), the summary, status,
// priority, assignee and age. A click elsewhere on the row shows the issue in the popup.
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { relativeTime } from '../../shared/time';
import { JiraImage } from '../image';

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
  /** A click on the row: the issue in the popup. */
  onDetails(): void;
  /** A click on the key, a middle click, or a click with Ctrl, ⌘ or Shift: the issue in Jira. */
  onOpen(background: boolean): void;
}

export function Row({ row, top, index, count, id, selected, connection, showSite, now, onDetails, onOpen }: RowProps) {
  const site = connection?.siteUrl ?? '';
  const updated = relativeTime(row.updated, now);
  // The visible text first, in its order (key, summary, status, site, age), then what only the
  // icons show: a speech-input user says what they see (WCAG 2.5.3 Label in Name,
  // https://www.w3.org/WAI/WCAG22/Understanding/label-in-name.html).
  const parts = [
    row.status.name,
    showSite && connection ? siteName(connection) : '',
    updated,
    row.priority?.name && `${row.priority.name} priority`,
    row.assignee && `assigned to ${row.assignee.displayName}`,
  ];
  const label = `${row.key} ${row.summary}${parts.filter(Boolean).length ? `, ${parts.filter(Boolean).join(', ')}` : ''}`;
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: an option of a listbox with aria-activedescendant: the listbox holds the focus
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox's keydown handles Enter, → and the copy keys for every row
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={label}
      aria-posinset={index + 1}
      aria-setsize={count}
      class={selected ? 'row selected' : 'row'}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? onOpen(true) : onDetails())}
      onMouseDown={(e) => {
        if (e.button === 1) e.preventDefault(); // no autoscroll: the middle click opens a tab
      }}
      onAuxClick={(e) => {
        if (e.button === 1) onOpen(true);
      }}
    >
      <div class="line">
        <JiraImage url={row.issueType?.iconUrl} connectionId={row.connectionId} siteUrl={site} class="icon" title={row.issueType?.name} />
        {/* A link to Jira for the mouse (not a tab stop inside the option: Enter opens it). */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the row does the same */}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: not focusable inside an option; Enter on the row does the same */}
        <span
          class="key"
          title="Open in Jira"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(e.ctrlKey || e.metaKey || e.shiftKey);
          }}
        >
          {row.key}
        </span>{' '}
        {/* The spaces between the texts (whitespace is not rendered between flex items or blocks) keep
            words apart for assistive technology. */}
        <span class="summary" title={row.summary}>
          {row.summary}
        </span>
      </div>{' '}
      <RowMeta row={row} connection={connection} showSite={showSite} updated={updated} />
    </div>
  );
}

/** How a row names its connection in the merged list: its name, else its site's host. */
function siteName(connection: ConnectionSummary): string {
  return connection.name || new URL(connection.siteUrl).host;
}

/**
 * A row's second line: status, priority, site (in the merged list), age and assignee. Also the
 * first thing an opened issue shows, before its details arrive.
 */
export function RowMeta({
  row,
  connection,
  showSite,
  updated,
}: {
  row: IssueRow;
  connection: ConnectionSummary | undefined;
  showSite: boolean;
  updated: string;
}) {
  const site = connection?.siteUrl ?? '';
  return (
    <div class="line meta">
      {row.status.name ? <span class={`lozenge cat-${row.status.category}`}>{row.status.name}</span> : null}{' '}
      {row.priority ? (
        <JiraImage url={row.priority.iconUrl} connectionId={row.connectionId} siteUrl={site} class="icon" title={row.priority.name} />
      ) : null}
      {showSite && connection ? <span class="site">{siteName(connection)}</span> : null} <span class="grow" />
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
  );
}
