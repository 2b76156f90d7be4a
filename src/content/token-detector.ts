// Finds the freshly created API token on id.atlassian.com's token page, by structure and
// text only: nothing documents that page's DOM and its class names are hashed and change
// (../../../shared/JIRA_FACTS.md, "API tokens"). Pure DOM: no extension APIs.
//
// Cheap by design: a MutationObserver collects only the added/changed nodes; a flush
// (one per animation frame) scans those subtrees, or the whole dialog they belong to,
// never the page. Values set on an <input> by property make no mutation, so while a
// dialog is open its inputs are re-read every `pollMs`.
import { asLegacyToken, findCloudToken, findExpiryDate } from './token-format';

export interface TokenSighting {
  token: string;
  /** The <input>/<textarea> holding the token, or the element whose text shows it. */
  element: Element;
  /** Our UI goes right after this node, inside `container`. */
  anchor: ChildNode;
  /** The dialog (or region) showing the token. */
  container: Element;
  /** YYYY-MM-DD when the container states the token's expiry date. */
  expiresOn?: string;
}

export interface DetectorOptions {
  /** Called when the token shown, where it is, or its expiry changes; null when it is gone. */
  onChange(sighting: TokenSighting | null): void;
  /** Called after every flush, e.g. to put back UI the page removed. */
  afterFlush?(): void;
  /** Our own nodes: their insertion is not a reason to scan. */
  isOwnNode?(node: Node): boolean;
  /** Batches flushes; default requestAnimationFrame. */
  schedule?(run: () => void): void;
  /** Re-read inputs of open dialogs this often (ms); 0 disables. */
  pollMs?: number;
}

export interface TokenDetector {
  current(): TokenSighting | null;
  /** Runs pending work now (tests; also used once at start). */
  flush(): void;
  stop(): void;
}

const DIALOG = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog';
const REGION = '[role="region"], [role="alert"], [role="status"], section, form, main, article';
const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION']);
const NOT_SHOWN_INPUT_TYPES = new Set(['hidden', 'checkbox', 'radio', 'file', 'submit', 'button', 'image', 'reset']);
/** Text beside the token that still counts as "the token's field" (e.g. a "Copy" button). */
const FIELD_EXTRA_TEXT = 40;
const MAX_ANCHOR_CLIMB = 4;
/** More dirty roots than this in one batch: scan the body once instead of each. */
const MAX_ROOTS = 200;

type Found = Omit<TokenSighting, 'anchor' | 'container' | 'expiresOn'>;

export function dialogOf(el: Element): Element | null {
  return el.closest(DIALOG);
}

/** A dialog that talks about an API token or copying it: the only place a 24-char token counts. */
export function readsLikeTokenDialog(dialog: Element): boolean {
  const text = `${dialog.getAttribute('aria-label') ?? ''} ${labelledByText(dialog)} ${dialog.textContent ?? ''}`;
  return /api[\s-]*token|\bcopy\b/i.test(text);
}

function labelledByText(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function isHidden(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"]') !== null;
}

function inTokenDialog(el: Element): boolean {
  const d = dialogOf(el);
  return d !== null && readsLikeTokenDialog(d);
}

function isReadOnly(input: HTMLInputElement | HTMLTextAreaElement): boolean {
  return input.readOnly || input.disabled || input.getAttribute('aria-readonly') === 'true';
}

function tokenInInput(input: HTMLInputElement | HTMLTextAreaElement): string | undefined {
  if (input instanceof HTMLInputElement && NOT_SHOWN_INPUT_TYPES.has(input.type)) return undefined;
  const value = input.value ?? '';
  const cloud = findCloudToken(value);
  if (cloud) return cloud;
  if (isReadOnly(input) && inTokenDialog(input)) return asLegacyToken(value);
  return undefined;
}

function tokenInText(text: Text): string | undefined {
  const data = text.data;
  const cloud = findCloudToken(data);
  if (cloud) return cloud;
  if (data.length < 24 || data.length > 200) return undefined;
  const legacy = asLegacyToken(data);
  return legacy && text.parentElement && inTokenDialog(text.parentElement) ? legacy : undefined;
}

/** Every token shown inside `root`, in document order (inputs first). */
export function scanForTokens(root: Element): Found[] {
  const found: Found[] = [];
  const inputs: Element[] = root.matches('input, textarea') ? [root] : [...root.querySelectorAll('input, textarea')];
  for (const input of inputs) {
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) continue;
    const token = tokenInInput(input);
    if (token && !isHidden(input)) found.push({ token, element: input });
  }
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || SKIP_TEXT_IN.has(parent.tagName)) continue;
    const token = tokenInText(node as Text);
    if (token && !isHidden(parent)) found.push({ token, element: parent });
  }
  // A current token wins over a 24-character string that merely looks like an old one.
  const cloud = found.filter((f) => f.token.startsWith('ATATT3'));
  return cloud.length > 0 ? cloud : found;
}

export function containerOf(el: Element): Element {
  return dialogOf(el) ?? el.closest(REGION) ?? el.ownerDocument.body;
}

function extraTextLength(el: Element, token: string): number {
  return (el.textContent ?? '').replace(token, '').trim().length;
}

/**
 * The node to put our UI after: the token's field row (the input or text plus small things
 * like a "Copy" button), climbing no further than the container so the UI stays inside a
 * dialog's focus trap.
 */
export function anchorFor(element: Element, token: string, container: Element): ChildNode {
  if (element === container) {
    // Text directly inside the container: go right after the text node itself.
    for (const child of container.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && (child as Text).data.includes(token)) return child;
    }
    return container.lastChild ?? element;
  }
  let anchor = element;
  for (let i = 0; i < MAX_ANCHOR_CLIMB; i++) {
    const parent = anchor.parentElement;
    if (!parent || parent === container || !container.contains(parent)) break;
    if (extraTextLength(parent, token) > FIELD_EXTRA_TEXT) break;
    anchor = parent;
  }
  return anchor;
}

/** The text of a container as a reader sees it, with input values and their labels. */
export function readableText(container: Element): string {
  const parts: string[] = [];
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && SKIP_TEXT_IN.has(parent.tagName)) continue;
    parts.push((node as Text).data);
  }
  for (const input of container.querySelectorAll('input')) {
    if (NOT_SHOWN_INPUT_TYPES.has(input.type) || !input.value) continue;
    parts.push(`${inputLabel(input)}: ${input.value}`);
  }
  return parts.join(' ');
}

function inputLabel(input: HTMLInputElement): string {
  const aria = input.getAttribute('aria-label');
  if (aria) return aria;
  const byId = labelledByText(input);
  if (byId) return byId;
  if (input.id) {
    for (const label of input.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === input.id) return label.textContent ?? '';
    }
  }
  return input.closest('label')?.textContent ?? '';
}

export function expiryIn(container: Element, token: string): string | undefined {
  return findExpiryDate(readableText(container).split(token).join(' '));
}

function stillShows(s: Found): boolean {
  if (!s.element.isConnected) return false;
  if (s.element instanceof HTMLInputElement || s.element instanceof HTMLTextAreaElement) {
    return tokenInInput(s.element) === s.token;
  }
  return (s.element.textContent ?? '').includes(s.token);
}

function complete(found: Found): TokenSighting {
  const container = containerOf(found.element);
  const sighting: TokenSighting = {
    ...found,
    container,
    anchor: anchorFor(found.element, found.token, container),
  };
  const expiresOn = expiryIn(container, found.token);
  if (expiresOn) sighting.expiresOn = expiresOn;
  return sighting;
}

function sameSighting(a: TokenSighting | null, b: TokenSighting | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.token === b.token && a.element === b.element && a.anchor === b.anchor && a.container === b.container && a.expiresOn === b.expiresOn
  );
}

function defaultSchedule(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run());
  else setTimeout(run, 16);
}

/** Smallest set of roots covering every dirty element; an element in a dialog means the dialog. */
function rootsToScan(dirty: Set<Element>, body: Element): Element[] {
  const widened = new Set<Element>();
  for (const el of dirty) {
    if (!el.isConnected) continue;
    widened.add(dialogOf(el) ?? el);
  }
  if (widened.size > MAX_ROOTS) return [body];
  const all = [...widened];
  return all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
}

export function startTokenDetector(doc: Document, options: DetectorOptions): TokenDetector {
  const isOwn = options.isOwnNode ?? (() => false);
  const schedule = options.schedule ?? defaultSchedule;
  const pollMs = options.pollMs ?? 500;
  const dirty = new Set<Element>();
  const openDialogs = new Set<Element>();
  // Tokens already offered or passed over, so an old dialog left open cannot take over again.
  const seenTokens = new Set<string>();
  let current: TokenSighting | null = null;
  let scheduled = false;
  let stopped = false;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const requestFlush = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    schedule(() => {
      if (scheduled) flush();
    });
  };

  const markDirty = (node: Node | null): void => {
    if (!node || isOwn(node)) return;
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (el && !isOwn(el)) dirty.add(el);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(markDirty);
      else markDirty(r.target);
    }
    // Removals too: the token or our UI may have gone.
    requestFlush();
  });

  const watchDialogs = (root: Element): void => {
    if (root.matches(DIALOG)) openDialogs.add(root);
    for (const d of root.querySelectorAll(DIALOG)) openDialogs.add(d);
    if (openDialogs.size > 0 && pollTimer === undefined && pollMs > 0) {
      pollTimer = setInterval(poll, pollMs);
    }
  };

  const poll = (): void => {
    for (const d of openDialogs) {
      if (d.isConnected) dirty.add(d);
      else openDialogs.delete(d);
    }
    if (openDialogs.size === 0 && pollTimer !== undefined) {
      clearInterval(pollTimer);
      pollTimer = undefined;
    }
    if (dirty.size > 0) requestFlush();
  };

  function flush(): void {
    scheduled = false;
    if (stopped) return;
    const roots = rootsToScan(dirty, doc.body);
    dirty.clear();
    const found: Found[] = [];
    for (const root of roots) {
      watchDialogs(root);
      found.push(...scanForTokens(root));
    }

    let next: Found | null = null;
    const fresh = found.filter((f) => !seenTokens.has(f.token));
    for (const f of found) seenTokens.add(f.token);
    if (fresh.length > 0) {
      // A token not seen before: the newest one on the page.
      next = fresh[fresh.length - 1]!;
    } else if (current && stillShows(current)) {
      next = current;
      // Nothing near it changed: keep it without re-reading the container.
      if (!roots.some((r) => r.contains(current!.container) || current!.container.contains(r))) {
        options.afterFlush?.();
        return;
      }
    } else if (current) {
      // Re-rendered (same token, new node) or gone.
      const token = current.token;
      next =
        found.find((f) => f.token === token) ??
        (current.container.isConnected ? scanForTokens(current.container).find((f) => f.token === token) : undefined) ??
        null;
    }
    // Closed and reopened, or ours vanished while another is still shown.
    if (!next && found.length > 0) next = found[found.length - 1]!;

    const completed = next ? complete(next) : null;
    if (!sameSighting(current, completed)) {
      current = completed;
      options.onChange(completed);
    }
    options.afterFlush?.();
  }

  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['value', 'role', 'aria-modal', 'readonly', 'open'],
  });
  // The dialog may already be showing when we start (document_idle).
  if (doc.body) dirty.add(doc.body);
  flush();

  return {
    current: () => current,
    flush,
    stop() {
      stopped = true;
      observer.disconnect();
      if (pollTimer !== undefined) clearInterval(pollTimer);
      dirty.clear();
      openDialogs.clear();
      seenTokens.clear();
      current = null;
    },
  };
}
