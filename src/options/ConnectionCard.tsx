// One saved connection: who, where, its state and token expiry, and what can be done with it.
import { useState } from 'preact/hooks';
import type { ConnectionSummary } from '../shared/connection';
import { normaliseSiteUrl } from '../shared/site-url';
import { Avatar } from './Avatar';
import { request, requestSiteAccess } from './browser-api';
import { ConnectionActions } from './ConnectionActions';
import { EditConnection } from './EditConnection';
import { CaptchaLogin, ErrorAlert } from './ErrorAlert';
import { siteAccessRefused, toFormError, type FormError } from './form-error';
import { checkedAgo, expiryInfo, safeHttpUrl, stateLabel, stateTone, userLine } from './format';

interface Props {
  connection: ConnectionSummary;
  isDefault: boolean;
  onChanged: () => void;
  onReauth: (c: ConnectionSummary) => void;
  onRenew: (c: ConnectionSummary) => void;
  onDelete: (c: ConnectionSummary) => void;
}

/** One saved connection as a card: name, site, user, state, token expiry, its error and its buttons. */
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
    // permissions.request first, inside the click: Firefox prompts only during the user gesture
    // (docs/browsers.md#host-permissions).
    requestSiteAccess(pattern)
      .then((granted) => {
        if (granted) {
          void check();
          return;
        }
        setError(siteAccessRefused(pattern));
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
            {/* A space of its own: without it a screen reader reads the name and the badge as one word. */}
            {isDefault && (
              <>
                {' '}
                <span class="badge">Default</span>
              </>
            )}
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
        <ConnectionActions
          connection={c}
          status={shown}
          isDefault={isDefault}
          busy={busy !== ''}
          onEdit={() => setEditing(true)}
          onReauth={() => onReauth(c)}
          onRenew={() => onRenew(c)}
          onGrantAccess={grantAccess}
          onMakeDefault={makeDefault}
          onCheck={check}
          onDelete={() => onDelete(c)}
        />
      )}
    </article>
  );
}
