// The options page: connections (list, new/re-auth form, delete) and settings.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { revokeUrlFor, type ConnectionSummary } from '../shared/connection';
import { request } from '../shared/messaging';
import { openTab } from './browser-api';
import { ConnectionForm, type FormMode, type IncomingCapture } from './ConnectionForm';
import { ConnectionList } from './ConnectionList';
import { DeleteDialog } from './DeleteDialog';
import { ErrorAlert } from './ErrorAlert';
import { toFormError, type FormError } from './form-error';
import { revokeHint } from './format';
import { parseHash, type HashIntent } from './hash';
import { useCapture, type ClaimedCapture } from './hooks/useCapture';
import { useConnections } from './hooks/useConnections';
import { SettingsPanel } from './SettingsPanel';

type OpenForm = { kind: 'new' } | { kind: 'reauth'; connectionId: string };

interface RevokeNotice {
  /** Deleted, or re-authenticated with a new credential (the old one still works). */
  what: 'deleted' | 'renewed';
  connection: ConnectionSummary;
  revokeUrl: string | null;
}

let nonce = 0;

export function App() {
  const conns = useConnections();
  const [form, setForm] = useState<OpenForm | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [capture, setCapture] = useState<IncomingCapture | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [pageError, setPageError] = useState<FormError | null>(null);
  const [deleting, setDeleting] = useState<ConnectionSummary | null>(null);
  const [notice, setNotice] = useState<RevokeNotice | null>(null);
  const [intent, setIntent] = useState<HashIntent>(() => parseHash(location.hash));
  const formRef = useRef<HTMLDivElement>(null);
  // The form open right now, for callbacks that run after an await or from an older render
  // (a token claimed while the page was still loading must not be wiped by a late #capture).
  const currentForm = useRef<OpenForm | null>(null);
  currentForm.current = form;

  const openForm = useCallback((next: OpenForm) => {
    currentForm.current = next;
    setForm(next);
    setFormKey((k) => k + 1);
    setCapture(undefined);
    setPageError(null);
  }, []);

  const startRenew = useCallback(
    (c: ConnectionSummary) => {
      openForm({ kind: 'reauth', connectionId: c.id });
      setStatus('Create a new API token on id.atlassian.com: it will be filled in here.');
      // tabs.create needs no user gesture, so the tab can wait for the pending capture to exist.
      request('capture.start', { siteUrl: c.siteUrl, username: c.username, connectionId: c.id })
        .then(({ tokenPageUrl }) => openTab(tokenPageUrl))
        .catch((e) => setPageError(toFormError(e)));
    },
    [openForm],
  );

  // #new, #capture, #renew=<id>, #reauth=<id> (from the popup or the background).
  useEffect(() => {
    const onHash = () => setIntent(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (intent.kind === 'none' || !conns.loaded) return;
    setIntent({ kind: 'none' });
    // Reloading the page must not start a second capture.
    history.replaceState(null, '', location.pathname + location.search);
    if (intent.kind === 'new' || intent.kind === 'capture') {
      if (currentForm.current?.kind !== 'new') openForm({ kind: 'new' });
      return;
    }
    const c = conns.connections.find((x) => x.id === intent.connectionId);
    if (!c) {
      setPageError({ kind: 'not-found', message: 'That connection no longer exists.' });
      return;
    }
    if (intent.kind === 'renew') startRenew(c);
    else openForm({ kind: 'reauth', connectionId: c.id });
  }, [intent, conns.loaded]);

  useCapture((claimed: ClaimedCapture) => {
    const target: OpenForm = claimed.connectionId ? { kind: 'reauth', connectionId: claimed.connectionId } : { kind: 'new' };
    const open = currentForm.current;
    const same =
      open?.kind === target.kind && (open.kind === 'new' || (target.kind === 'reauth' && open.connectionId === target.connectionId));
    if (!same) openForm(target);
    setCapture({ nonce: ++nonce, ...claimed });
    setStatus('Token received from id.atlassian.com.');
  });

  useEffect(() => {
    if (formKey > 0) formRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [formKey]);

  // With no connection at all, the form is the page.
  const effectiveForm: OpenForm | null = form ?? (conns.loaded && conns.connections.length === 0 ? { kind: 'new' } : null);
  let mode: FormMode | null = null;
  if (effectiveForm?.kind === 'new') mode = { kind: 'new' };
  else if (effectiveForm?.kind === 'reauth') {
    const c = conns.connections.find((x) => x.id === effectiveForm.connectionId);
    mode = c ? { kind: 'reauth', connection: c } : conns.loaded ? { kind: 'new' } : null;
  }

  function closeForm() {
    setForm(null);
    setCapture(undefined);
  }

  function onSaved(c: ConnectionSummary) {
    const renewed = currentForm.current?.kind === 'reauth';
    closeForm();
    setStatus(`Saved ${c.name}.`);
    // A new token does not end the old one: remind the user to revoke it (issue #3).
    setNotice(renewed && c.authMethod !== 'password' ? { what: 'renewed', connection: c, revokeUrl: revokeUrlFor(c) } : null);
    void conns.refresh();
  }

  const hint = notice ? revokeHint(notice.connection, notice.revokeUrl) : undefined;
  const tokenWord = notice?.connection.authMethod === 'pat' ? 'personal access token' : 'API token';

  return (
    <main class="page">
      <header class="page-header">
        <h1>Client for Jira</h1>
        <p class="muted">Connect your Jira sites. Tokens and passwords stay in this browser.</p>
      </header>

      <p class="status status-banner" role="status" aria-live="polite">
        {status}
      </p>
      {notice && (
        <div class="notice" role="status">
          <p>
            {notice.what === 'deleted' ? `Deleted ${notice.connection.name}.` : `${notice.connection.name} now uses the new ${tokenWord}.`}
            {hint && (
              <>
                {' '}
                {notice.what === 'deleted'
                  ? `Its ${tokenWord} still works until you revoke it: `
                  : `The old ${tokenWord} still works until you revoke it: `}
                <a href={hint.href} target="_blank" rel="noopener noreferrer">
                  {notice.what === 'deleted' ? hint.linkText : hint.linkText.replace('the token', 'the old token')}
                </a>
                .
              </>
            )}
          </p>
          <button type="button" class="button button-subtle" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {pageError && <ErrorAlert error={pageError} />}

      <section class="panel panel-plain" aria-labelledby="connections-heading">
        <div class="section-head">
          <h2 id="connections-heading">Jira connections</h2>
          <button type="button" class="button button-primary" onClick={() => openForm({ kind: 'new' })}>
            New Jira Connection
          </button>
        </div>

        {mode && (
          <div ref={formRef} class="form-slot">
            <ConnectionForm
              key={`${formKey}-${mode.kind}`}
              mode={mode}
              capture={capture}
              onSaved={onSaved}
              onCancel={conns.connections.length > 0 ? closeForm : undefined}
            />
          </div>
        )}

        {conns.error && <ErrorAlert error={conns.error} />}
        {!conns.loaded ? (
          <p class="muted">Loading connections…</p>
        ) : (
          <ConnectionList
            connections={conns.connections}
            defaultId={conns.defaultId}
            onChanged={() => void conns.refresh()}
            onReauth={(c) => openForm({ kind: 'reauth', connectionId: c.id })}
            onRenew={startRenew}
            onDelete={setDeleting}
          />
        )}
      </section>

      <SettingsPanel />

      {deleting && (
        <DeleteDialog
          connection={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(c, revokeUrl) => {
            setDeleting(null);
            setNotice({ what: 'deleted', connection: c, revokeUrl });
            if (form?.kind === 'reauth' && form.connectionId === c.id) closeForm();
            void conns.refresh();
          }}
        />
      )}
    </main>
  );
}
