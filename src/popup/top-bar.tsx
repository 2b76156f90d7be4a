// The popup's first line: which connection (or all of them) it shows, and the list shown as a
// search in Jira (in "All connections", one tab per connection's site).
import type { ConnectionSummary } from '../shared/connection';
import type { ListRef, PopupScope } from '../shared/issues';
import { jiraFilterUrl, jiraSearchUrl, jqlForList } from '../shared/jql';
import { openTab } from './ext';

export const scopeKey = (s: PopupScope) => (s.kind === 'all' ? '*' : s.connectionId);

/** The Jira page of a list: a favourite filter as itself (its name, columns and order), else its JQL. */
export function listUrl(siteUrl: string, view: ListRef): string {
  return view.kind === 'filter' ? jiraFilterUrl(siteUrl, view.filterId) : jiraSearchUrl(siteUrl, jqlForList(view));
}

interface Props {
  connections: ConnectionSummary[];
  scope: PopupScope;
  /** The connections shown. */
  shown: ConnectionSummary[];
  view: ListRef;
  onScope(scope: PopupScope): void;
}

export function TopBar({ connections, scope, shown, view, onScope }: Props) {
  const openInJira = () => shown.forEach((c, i) => void openTab(listUrl(c.siteUrl, view), i < shown.length - 1));
  return (
    <header class="top">
      <select
        aria-label="Connection"
        value={scopeKey(scope)}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          onScope(v === '*' ? { kind: 'all' } : { kind: 'connection', connectionId: v });
        }}
      >
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        {connections.length > 1 ? <option value="*">All connections</option> : null}
      </select>
      {shown.length ? (
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
  );
}
