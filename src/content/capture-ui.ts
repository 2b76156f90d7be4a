// The "Use this token in Client for Jira" button and its lines, in a closed shadow root so
// the page's styles cannot break it and its scripts cannot reach into it. Built with plain
// DOM calls and text nodes only. The UI never receives the token: only a masked hint.

/** The button's accessible name: a public contract (tests and docs find it by this). */
export const PRIMARY_LABEL = 'Use this token in Client for Jira';
/** The button's name once the page's account differs from the connection's: a second, explicit click. */
export const CONFIRM_LABEL = 'Use it anyway';
/** The button's name once the token was sent: it stays, disabled, saying so (a check mark before it is decorative). */
export const SENT_LABEL = 'Sent to Client for Jira';

const HOST_TAG = 'cfj-token-capture';
const hosts = new WeakSet<Node>();

/** Our host elements: the detector ignores their insertion. */
export function isCaptureHost(node: Node): boolean {
  return hosts.has(node);
}

/**
 * Only a real user's click or key press on our button counts. Page scripts can dispatch
 * synthetic events (isTrusted false) but cannot reach a closed shadow root's button anyway.
 */
export function isTrustedActivation(event: Event): boolean {
  return event.isTrusted === true;
}

export interface CaptureUi {
  readonly host: HTMLElement;
  /** The closed shadow root, for the flow and tests; never put on window or the host. */
  readonly root: ShadowRoot;
  setDestination(text: string): void;
  /** Shows the account warning (role="alert") and turns the button into "Use it anyway". */
  showWarning(text: string): void;
  setBusy(busy: boolean, text?: string): void;
  /** The token is sent: the button says so and stays disabled; `text` in the status line, then `reminder`. */
  showSuccess(text: string, reminder: string): void;
  showError(text: string): void;
  /** Back to the first state: primary label, no alert. */
  reset(): void;
  /** Puts the host right after `anchor`, unless it is already beside it. */
  place(anchor: ChildNode): void;
  detach(): void;
}

const CSS = `
:host { all: initial !important; display: block !important; box-sizing: border-box !important;
  margin: 8px 0 !important; max-width: 100% !important; }
.box { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #172b4d;
  background: #f1f2f4; border: 1px solid #c1c7d0; border-radius: 6px; padding: 10px 12px; }
button { font: inherit; font-weight: 600; cursor: pointer; color: #fff; background: #0c66e4;
  border: 1px solid transparent; border-radius: 4px; padding: 6px 12px; }
button:hover:not(:disabled) { background: #0055cc; }
button:focus-visible { outline: 3px solid #388bff; outline-offset: 2px; }
button:disabled { cursor: default; opacity: .6; }
button.confirm { background: #c9372c; }
button.confirm:hover:not(:disabled) { background: #ae2e24; }
button.sent:disabled { opacity: 1; color: #164b35; background: #dcfff1; border-color: #1f845a; }
.check { margin-right: 6px; }
p { margin: 6px 0 0; }
p:empty, [hidden] { display: none; }
.hint { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
.alert { color: #ae2e24; font-weight: 600; }
.status { color: #216e4e; font-weight: 600; }
.reminder { font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .box { color: #dee4ea; background: #22272b; border-color: #454f59; }
  button { color: #1d2125; background: #579dff; }
  button:hover:not(:disabled) { background: #85b8ff; }
  button.confirm { background: #f87168; }
  button.confirm:hover:not(:disabled) { background: #fd9891; }
  button.sent:disabled { color: #baf3db; background: #164b35; border-color: #4bce97; }
  .alert { color: #fd9891; }
  .status { color: #7ee2b8; }
}
`;

function addStyles(doc: Document, root: ShadowRoot): void {
  // A <style> works everywhere unless the page's CSP forbids inline styles; a constructed
  // sheet is not subject to that CSP. Firefox content scripts may refuse adoptedStyleSheets
  // (Xray wrappers), hence both, each optional.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // fall through to <style>
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  return node;
}

/**
 * Builds the UI in a closed shadow root on a detached host element; `place` puts it on the page.
 * `onActivate` runs only for a trusted click on the enabled button. `hint` is the masked token.
 */
export function createCaptureUi(doc: Document, options: { hint: string; onActivate(): void }): CaptureUi {
  const host = doc.createElement(HOST_TAG);
  hosts.add(host);
  const root = host.attachShadow({ mode: 'closed' });
  addStyles(doc, root);

  const box = el(doc, 'div', 'box');
  const button = el(doc, 'button');
  button.type = 'button';
  button.textContent = PRIMARY_LABEL;
  const destination = el(doc, 'p', 'destination');
  const line = el(doc, 'p', 'line');
  const hintLabel = doc.createTextNode('Token ');
  const hint = el(doc, 'span', 'hint');
  hint.textContent = options.hint;
  line.append(hintLabel, hint);
  const alert = el(doc, 'p', 'alert');
  alert.setAttribute('role', 'alert');
  alert.hidden = true;
  // A live region present from the start, so the confirmation is announced.
  const status = el(doc, 'p', 'status');
  status.setAttribute('role', 'status');
  const reminder = el(doc, 'p', 'reminder');
  box.append(button, destination, line, alert, status, reminder);
  root.append(box);

  button.addEventListener('click', (event) => {
    // The page's own handlers have no business with our clicks (e.g. "click outside").
    event.stopPropagation();
    if (!isTrustedActivation(event) || button.disabled) return;
    options.onActivate();
  });

  /** The button's label: the check mark of the sent state is hidden from its accessible name. */
  const label = (text: string, sent = false): void => {
    button.classList.toggle('sent', sent);
    button.classList.remove('confirm');
    if (!sent) {
      button.textContent = text;
      return;
    }
    const check = el(doc, 'span', 'check');
    check.setAttribute('aria-hidden', 'true');
    check.textContent = '✓';
    button.replaceChildren(check, doc.createTextNode(text));
  };

  const setAlert = (text: string): void => {
    alert.textContent = text;
    alert.hidden = text === '';
  };

  return {
    host,
    root,
    setDestination(text) {
      destination.textContent = text;
    },
    showWarning(text) {
      status.textContent = '';
      setAlert(text);
      label(CONFIRM_LABEL);
      button.classList.add('confirm');
    },
    setBusy(busy, text) {
      button.disabled = busy;
      if (busy) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
      if (text !== undefined) status.textContent = text;
    },
    showSuccess(text, reminderText) {
      setAlert('');
      label(SENT_LABEL, true);
      // Sent once; sending again would open another form. Not busy any more, but disabled.
      button.disabled = true;
      button.removeAttribute('aria-busy');
      status.textContent = text;
      reminder.textContent = reminderText;
    },
    showError(text) {
      status.textContent = '';
      label(PRIMARY_LABEL);
      setAlert(text);
    },
    reset() {
      setAlert('');
      status.textContent = '';
      label(PRIMARY_LABEL);
    },
    place(anchor) {
      const parent = anchor.parentNode;
      if (!parent) return;
      // Already after it in the same parent: leave it, so we never fight the page's renderer.
      const after = (anchor.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (host.parentNode === parent && after) return;
      parent.insertBefore(host, anchor.nextSibling);
    },
    detach() {
      host.remove();
    },
  };
}
