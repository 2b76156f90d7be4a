// What a failed request shows, with the way out its kind implies (issue #4 "States").
import type { ConnectionSummary } from '../shared/connection';
import type { AppErrorInfo } from '../shared/errors';
import { browser, fixCredentials } from './ext';

interface Props {
  error: AppErrorInfo;
  connection: ConnectionSummary | undefined;
  /** Prefix the connection's name (merged view). */
  named: boolean;
  retryIn?: number;
  onRetry(): void;
}

function loginUrl(error: AppErrorInfo, c: ConnectionSummary | undefined): string | undefined {
  const site = c?.siteUrl;
  if (error.loginUrl && site) {
    try {
      const u = new URL(error.loginUrl, site);
      if (u.origin === new URL(site).origin) return u.href;
    } catch {
      // fall through to the site's own login page
    }
  }
  return site ? `${site}/login.jsp` : undefined;
}

export function ErrorView({ error, connection, named, retryIn, onRetry }: Props) {
  const prefix = named && connection ? `${connection.name}: ` : '';
  let action = null;
  switch (error.kind) {
    case 'auth':
      if (connection) {
        action = (
          <button type="button" onClick={() => void fixCredentials(connection)}>
            {connection.deployment === 'cloud' ? 'Renew token' : 'Re-authenticate'}
          </button>
        );
      }
      break;
    case 'captcha': {
      const href = loginUrl(error, connection);
      if (href) {
        action = (
          <a href={href} target="_blank" rel="noopener noreferrer">
            Log in to Jira
          </a>
        );
      }
      break;
    }
    case 'no-site-access':
      action = (
        <button
          type="button"
          onClick={() => {
            // Called straight from the click: permissions.request needs the user gesture.
            if (!error.originPattern) return;
            browser.permissions.request({ origins: [error.originPattern] }).then((granted) => granted && onRetry(), () => undefined);
          }}
        >
          Grant access
        </button>
      );
      break;
    case 'bad-request':
    case 'invalid-input':
      break;
    default:
      action = (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      );
  }
  const details = (error.details ?? []).filter((d) => d && d !== error.message);
  return (
    <div class={`alert kind-${error.kind}`} role="alert">
      <p>
        {prefix}
        {error.message}
        {error.kind === 'rate-limited' && retryIn !== undefined ? ` Retrying in ${retryIn} s.` : ''}
      </p>
      {details.length ? (
        <ul class="details">
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      {action}
    </div>
  );
}
