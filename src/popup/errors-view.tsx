// What a failed request shows, with the way out its kind implies.
import { useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import type { AppErrorInfo } from '../shared/errors';
import { fixLabel, openOptions, requestSiteAccess } from './ext';
import { fixCredentials } from './open-options';
import { useNow } from './hooks/use-storage-sync';
import { formatWait } from '../shared/time';

/**
 * "Retrying automatically in 42 s.", counting down each second until `retryAt` (epoch ms). It sits
 * inside the alert: `aria-live="off"` keeps screen readers from re-reading the alert each second.
 */
function Countdown({ retryAt }: { retryAt: number }) {
  const now = useNow(1000);
  const left = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return <span aria-live="off">{left > 0 ? ` Retrying automatically in ${formatWait(left)}.` : ' Retrying…'}</span>;
}

interface Props {
  error: AppErrorInfo;
  connection: ConnectionSummary | undefined;
  /** Prefix the connection's name (merged view). */
  named: boolean;
  /** When the popup retries by itself (epoch ms). */
  retryAt?: number;
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

export function ErrorView({ error, connection, named, retryAt, onRetry }: Props) {
  const [denied, setDenied] = useState(false);
  const prefix = named && connection ? <span class="who">{connection.name}: </span> : null;
  let action = null;
  switch (error.kind) {
    case 'auth':
      if (connection) {
        action = (
          <button type="button" onClick={() => void fixCredentials(connection, openOptions)}>
            {fixLabel(connection)}
          </button>
        );
      }
      break;
    case 'missing-scope':
      // A scoped token without the scope this needs: a new token with it, through the same
      // renewal as a rejected token (Atlassian's token page, then the captured token).
      if (connection) {
        action = (
          <button type="button" onClick={() => void fixCredentials(connection, openOptions)}>
            {error.scope ? `Create a token with ${error.scope}` : 'Create a token with this scope'}
          </button>
        );
      }
      break;
    case 'captcha': {
      const href = loginUrl(error, connection);
      // After logging in on the web, Try again asks Jira once more (forced: a connection in
      // the CAPTCHA state is otherwise left alone, so bad logins don't lock the account).
      action = (
        <>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              Log in to Jira
            </a>
          ) : null}
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </>
      );
      break;
    }
    case 'no-site-access':
      action = (
        <button
          type="button"
          onClick={() => {
            // Called straight from the click: permissions.request needs the user gesture.
            if (!error.originPattern) return;
            requestSiteAccess(error.originPattern).then(
              (granted) => (granted ? onRetry() : setDenied(true)),
              () => setDenied(true),
            );
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
        {/* The countdown replaces the message's own "Try again in 42 s.", which goes stale. */}
        {retryAt !== undefined ? error.message.replace(/\s*Try again in [^.]*\.$/, '') : error.message}
        {retryAt !== undefined ? <Countdown retryAt={retryAt} /> : null}
      </p>
      {denied && error.kind === 'no-site-access' ? <p>Access was not granted. Client for Jira can only reach this site with it.</p> : null}
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
