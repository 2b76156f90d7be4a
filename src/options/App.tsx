// The options page: connections (list, new/re-auth form, delete) and settings.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { revokeUrlFor, type ConnectionSummary } from '../shared/connection';
import { openTab, request } from './browser-api';
import { ConnectionForm, type FormMode } from './connection-form/ConnectionForm';
import { ConnectionList } from './ConnectionList';
import { DeleteDialog } from './DeleteDialog';
import { ErrorAlert } from './ErrorAlert';
import { toFormError, type FormError } from './form-error';
import { useCapture, type ClaimedCapture } from './hooks/useCapture';
import { useConnections } from './hooks/useConnections';
import { useHashIntent, type PageIntent } from './hooks/useHashIntent';
import { useOpenForm, type OpenForm } from './hooks/useOpenForm';
import { takeOver, useOptionsChannel } from './hooks/useOptionsChannel';
import { RevokeNotice, type RevokeNoticeInfo } from './RevokeNotice';
import { SettingsPanel } from './SettingsPanel';

/** The whole options page. */
export function App() {
  const conns = useConnections();
  const slot = useOpenForm();
  const { open, close, current: currentForm } = slot;
  const [status, setStatus] = useState('');
  const [pageError, setPageError] = useState<FormError | null>(null);
  const [deleting, setDeleting] = useState<ConnectionSummary | null>(null);
  const [notice, setNotice] = useState<RevokeNoticeInfo | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  const openForm = useCallback(
    (next: OpenForm) => {
      open(next);
      setPageError(null);
    },
    [open],
  );

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

  const onScreen = () => shownForm(currentForm.current, conns.loaded, conns.connections);

  // What the fragment asks for (#renew=<id>…), or the popup over its channel when this page is open.
  const onIntent = (intent: PageIntent) => {
    if (intent.kind === 'new' || intent.kind === 'capture') {
      if (onScreen()?.kind !== 'new') openForm({ kind: 'new' });
      return;
    }
    const c = conns.connections.find((x) => x.id === intent.connectionId);
    if (!c) setPageError({ kind: 'not-found', message: 'That connection no longer exists.' });
    else if (intent.kind === 'renew') startRenew(c);
    else openForm({ kind: 'reauth', connectionId: c.id });
  };
  useHashIntent(conns.loaded, onIntent);
  useOptionsChannel(conns.loaded ? conns.connections.map((c) => c.id) : null, (intent) => takeOver(onScreen(), intent), onIntent);

  useCapture((claimed: ClaimedCapture) => {
    const target: OpenForm = claimed.connectionId ? { kind: 'reauth', connectionId: claimed.connectionId } : { kind: 'new' };
    const openNow = onScreen();
    const same =
      openNow?.kind === target.kind &&
      (openNow.kind === 'new' || (target.kind === 'reauth' && openNow.connectionId === target.connectionId));
    if (!same) openForm(target);
    slot.deliver(claimed);
    setStatus('Token received from id.atlassian.com.');
  });

  useEffect(() => {
    if (slot.formKey > 0) formRef.current?.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() });
  }, [slot.formKey]);

  const mode = formMode(slot.form, conns.loaded, conns.connections);
  // The first run: until a connection exists the form is the page (no list, no settings, no
  // second New Jira Connection button); until the list is known, neither is shown.
  const firstRun = !conns.loaded || conns.connections.length === 0;

  const form = mode && (
    <div ref={formRef} class="form-slot">
      <ConnectionForm
        key={`${slot.formKey}-${mode.kind}`}
        mode={mode}
        capture={slot.capture}
        onSaved={onSaved}
        onCancel={firstRun ? undefined : close}
      />
    </div>
  );

  function onSaved(c: ConnectionSummary) {
    const renewed = currentForm.current?.kind === 'reauth';
    close();
    setStatus(`Saved ${c.name}.`);
    // A new token does not end the old one: remind the user to revoke it.
    setNotice(renewed && c.authMethod !== 'password' ? { what: 'renewed', connection: c, revokeUrl: revokeUrlFor(c) } : null);
    void conns.refresh();
  }

  return (
    <main class="page">
      <header class="page-header">
        <h1>Client for Jira</h1>
        <p class="muted">Connect your Jira sites. Tokens and passwords stay in this browser.</p>
      </header>

      <p class="status status-banner" role="status" aria-live="polite">
        {status}
      </p>
      {notice && <RevokeNotice notice={notice} onDismiss={() => setNotice(null)} />}
      {pageError && <ErrorAlert error={pageError} />}

      {conns.error && <ErrorAlert error={conns.error} />}
      {!conns.loaded && <p class="muted">Loading connections…</p>}
      {firstRun ? (
        form
      ) : (
        <>
          <section class="panel panel-plain" aria-labelledby="connections-heading">
            <div class="section-head">
              <h2 id="connections-heading">Jira connections</h2>
              <button type="button" class="button button-primary" onClick={() => openForm({ kind: 'new' })}>
                New Jira Connection
              </button>
            </div>
            {form}
            <ConnectionList
              connections={conns.connections}
              defaultId={conns.defaultId}
              onChanged={() => void conns.refresh()}
              onReauth={(c) => openForm({ kind: 'reauth', connectionId: c.id })}
              onRenew={startRenew}
              onDelete={setDeleting}
            />
          </section>
          <SettingsPanel />
        </>
      )}

      {deleting && (
        <DeleteDialog
          connection={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(c, revokeUrl) => {
            setDeleting(null);
            setNotice({ what: 'deleted', connection: c, revokeUrl });
            if (slot.form?.kind === 'reauth' && slot.form.connectionId === c.id) close();
            void conns.refresh();
          }}
        />
      )}
    </main>
  );
}

/**
 * The form to show: the one opened, else the new-connection form while there is no connection
 * at all (the form is the page then). A re-authentication of a connection that is gone becomes a
 * new connection; null while the list is still loading.
 */
/**
 * The form on screen: the one opened, or on the first run (no connection yet) the New Jira
 * Connection form the page shows by itself. What may replace it asks this, not only what was
 * opened: a first-run form being filled in is a form too (and what is typed there must stay).
 */
export function shownForm(form: OpenForm | null, loaded: boolean, connections: ConnectionSummary[]): OpenForm | null {
  return form ?? (loaded && connections.length === 0 ? { kind: 'new' } : null);
}

function formMode(form: OpenForm | null, loaded: boolean, connections: ConnectionSummary[]): FormMode | null {
  const effective = shownForm(form, loaded, connections);
  if (effective?.kind === 'new') return { kind: 'new' };
  if (effective?.kind !== 'reauth') return null;
  const c = connections.find((x) => x.id === effective.connectionId);
  return c ? { kind: 'reauth', connection: c } : loaded ? { kind: 'new' } : null;
}

/** Smooth scrolling, unless the user asked for reduced motion (CSS cannot override the script's choice). */
function scrollBehavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
