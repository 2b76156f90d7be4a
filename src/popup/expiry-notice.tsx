// A token that expires within EXPIRY_WARNING_DAYS: say so, with the way to renew.
// A rejected token is shown by ErrorView instead, when a request fails.
import { EXPIRY_WARNING_DAYS, daysUntilExpiry, type ConnectionSummary } from '../shared/connection';
import { fixLabel, openOptions } from './ext';
import { fixCredentials } from './open-options';
import { expiryPhrase } from '../shared/time';

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
            {c.authMethod === 'cloud-token' ? 'API token' : 'Token'} {expiryPhrase(days)}.
          </span>
          <button type="button" onClick={() => void fixCredentials(c, openOptions)}>
            {fixLabel(c)}
          </button>
        </div>
      ))}
    </>
  );
}
