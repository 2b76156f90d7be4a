// A token that expires within EXPIRY_WARNING_DAYS (issue #3): say so, with the way to renew.
// A rejected token is shown by ErrorView instead, when a request fails.
import { EXPIRY_WARNING_DAYS, daysUntilExpiry, type ConnectionSummary } from '../shared/connection';
import { fixLabel } from './errors-view';
import { fixCredentials } from './ext';

export function expiryText(days: number): string {
  if (days < 0) return 'has expired';
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}

export function ExpiryNotice({ connections, named, now }: { connections: ConnectionSummary[]; named: boolean; now: number }) {
  const due = connections
    .map((c) => ({ c, days: daysUntilExpiry(c.tokenExpiresOn, new Date(now)) }))
    .filter((x): x is { c: ConnectionSummary; days: number } => x.days !== undefined && x.days <= EXPIRY_WARNING_DAYS);
  if (!due.length) return null;
  return (
    <>
      {due.map(({ c, days }) => (
        <div key={c.id} class="expiry" role="status">
          <span>
            {named ? `${c.name}: ` : ''}
            {c.authMethod === 'cloud-token' ? 'API token' : 'Token'} {expiryText(days)}.
          </span>
          <button type="button" onClick={() => void fixCredentials(c)}>
            {fixLabel(c)}
          </button>
        </div>
      ))}
    </>
  );
}
