// One saved connection: who, where, its state and token expiry, and what can be done with it.
import { useState } from 'preact/hooks';
import { needsRenewal, type ConnectionSummary } from '../shared/connection';
import { request } from '../shared/messaging';
import { normaliseSiteUrl } from '../shared/site-url';
import { Avatar } from './Avatar';
import { requestSiteAccess } from './browser-api';
import { EditConnection } from './EditConnection';
import { CaptchaLogin, ErrorAlert } from './ErrorAlert';
import { toFormError, type FormError } from './form-error';
import { hostOf } from '../shared/site-url';
import { checkedAgo, expiryInfo, safeHttpUrl, stateLabel, stateTone, userLine } from './format';

interface Props {
  connection: ConnectionSummary;
  isDefault: boolean;
  onChanged: () => void;
  onReauth: (c: ConnectionSummary) => void;
  onRenew: (c: ConnectionSummary) => void;
  onDelete: (c: ConnectionSummary) => void;
}

export function ConnectionCard({ connection: c, isDefault, onChanged, onReauth, onRenew, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<'' | 'check' | 'default'>('');
  const [error, setError] = useState<FormError | null>(null);
  const [status, setStatus] = useState(c.status);
  // A newer status from the list wins over the one this card got from its own check.
  const shown = (c.status.checkedAt ?? 0) >= (status.checkedAt ?? 0) ? c.status : status;
  const expiry = expiryInfo(c.tokenExpiresOn);
  const siteHref = safeHttpUrl(c.siteUrl);
  const headingId = `conn-${c.id}-name`;
  const loginUrl = shown.state === 'captcha' ? safeHttpUrl(shown.loginUrl) : undefined;

  async function check() {
    setBusy('check');
    setError(null);
    try {
      const reply = await request('connections.check', { id: c.id });
      setStatus(reply.status);
      onChanged();
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy('');
    }
  }

  function grantAccess() {
    let pattern: string;
    try {
      pattern = normaliseSiteUrl(c.siteUrl).originPattern;
    } catch (e) {
      setError(toFormError(e));
      return;
    }
    // permissions.request first, inside the click (Firefox needs the user gesture).
    requestSiteAccess(pattern)
      .then((granted) => {
        if (granted) {
          void check();
          return;
        }
        setError({
          kind: 'no-site-access',
          message: `Client for Jira needs access to ${hostOf(pattern)} to talk to your Jira.`,
        });
      })
      .catch((e) => setError(toFormError(e)));
  }

  async function makeDefault() {
    setBusy('default');
    setError(null);
    try {
      await request('connections.setDefault', { id: c.id });
      onChanged();
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy('');
    }
  }

  return (
    <article class="card" aria-labelledby={headingId}>
      <header class="card-header">
        <Avatar url={c.user.avatarUrl} siteUrl={c.siteUrl} connectionId={c.id} size={32} class="avatar avatar-small" />
        <div class="card-title">
          <h3 id={headingId}>
            {c.name}
            {isDefault && <span class="badge">Default</span>}
          </h3>
          {siteHref ? (
            <a href={siteHref} target="_blank" rel="noopener noreferrer" class="site-link">
              {c.siteUrl}
            </a>
          ) : (
            <span>{c.siteUrl}</span>
          )}
        </div>
      </header>
      <p class="muted">
        {userLine(c.user, c.username)}
        {' · '}
        {c.deployment === 'cloud' ? 'Jira Cloud' : `Jira Server/Data Center${c.version ? ` ${c.version}` : ''}`}
      </p>
      <p class="state-line">
        <span class={`state state-${stateTone(shown.state)}`}>{stateLabel(shown.state)}</span>
        {shown.state !== 'ok' && shown.message && <span class="muted"> — {shown.message}</span>}
        {shown.checkedAt ? <span class="muted"> · {checkedAgo(shown.checkedAt)}</span> : null}
        {expiry && <span class={`expiry expiry-${expiry.level}`}>{expiry.text}</span>}
      </p>
      {loginUrl && <CaptchaLogin href={loginUrl} then="press Check" />}
      {/* The action row below already has Grant access when the connection lacks it: one button. */}
      {error && (
        <ErrorAlert
          error={error}
          {...(shown.state === 'no-site-access' ? {} : { onGrantAccess: grantAccess })}
          cloud={c.deployment === 'cloud'}
        />
      )}
      <p class="status" role="status" aria-live="polite">
        {busy === 'check' ? 'Checking…' : ''}
      </p>
      {editing ? (
        <EditConnection
          connection={c}
          onDone={(updated) => {
            setEditing(false);
            if (updated) onChanged();
          }}
        />
      ) : (
        <div class="actions actions-start">
          <button type="button" class="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            class="button"
            onClick={() => onReauth(c)}
            title={c.deployment === 'cloud' ? 'Enter an API token you already have' : 'Enter a new password or personal access token'}
          >
            Re-authenticate
          </button>
          {c.deployment === 'cloud' && needsRenewal({ ...c, status: shown }) && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => onRenew(c)}
              title="Create a new API token on Atlassian’s page: one click there brings it here"
            >
              Renew token
            </button>
          )}
          {shown.state === 'no-site-access' && (
            <button type="button" class="button button-primary" onClick={grantAccess}>
              Grant access
            </button>
          )}
          {!isDefault && (
            <button type="button" class="button" onClick={makeDefault} disabled={busy !== ''}>
              Make default
            </button>
          )}
          <button type="button" class="button" onClick={check} disabled={busy !== ''}>
            Check
          </button>
          <button type="button" class="button button-danger-subtle" onClick={() => onDelete(c)}>
            Delete
          </button>
        </div>
      )}
    </article>
  );
}
