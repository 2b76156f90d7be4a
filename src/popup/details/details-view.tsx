// An issue in the popup, over the list. Its key and summary as a heading and the row's fields
// paint in the frame of the key press; its content (lazy-details.ts) fills in below, from the
// cached copy, then from Jira. ←, Esc or Back returns to the list.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConnectionSummary } from '../../shared/connection';
import type { IssueRow } from '../../shared/issues';
import { jiraIssueUrl } from '../../shared/jql';
import { relativeTime } from '../../shared/time';
import { openTab } from '../ext';
import { RowMeta } from '../list/row';
import { useDetailsModule } from './lazy-details';

export interface DetailsTarget {
  connectionId: string;
  key: string;
  /** The row opened, painted until the details arrive. */
  row?: IssueRow;
}

interface Props {
  target: DetailsTarget;
  connection: ConnectionSummary;
  now: number;
  onBack(): void;
  /** The issue changed from the view: its row in the list follows. */
  onRow(row: IssueRow): void;
}

export function DetailsView({ target, connection: c, now, onBack, onRow }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [summary, setSummary] = useState(target.row?.summary ?? '');
  const content = useDetailsModule();
  // Focus moves to the issue's heading in the frame it opens (screen readers announce it).
  useLayoutEffect(() => heading.current?.focus(), []);

  function onKeyDown(e: KeyboardEvent) {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'Escape' || (e.key === 'ArrowLeft' && !typing && !e.altKey && !e.ctrlKey && !e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      onBack();
    }
  }

  return (
    <section class="issue-view" aria-labelledby="details-title" onKeyDown={onKeyDown}>
      <div class="details-bar">
        <button type="button" class="link" onClick={onBack} aria-label="Back" aria-keyshortcuts="ArrowLeft Escape">
          <span aria-hidden="true">← </span>Back
        </button>
        <button type="button" class="link" onClick={() => void openTab(jiraIssueUrl(c.siteUrl, target.key), false)}>
          Open in Jira
        </button>
      </div>
      <div class="details-body">
        <h2 id="details-title" ref={heading} tabIndex={-1}>
          <span class="key">{target.key}</span> {summary}
        </h2>
        {content ? (
          <content.DetailsContent target={target} connection={c} now={now} onSummary={setSummary} onRow={onRow} />
        ) : (
          <>
            {target.row ? (
              <RowMeta row={target.row} connection={c} showSite={false} updated={relativeTime(target.row.updated, now)} />
            ) : null}
            <p class="muted">Loading…</p>
          </>
        )}
      </div>
    </section>
  );
}
