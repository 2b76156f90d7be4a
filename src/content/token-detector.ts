// Watches id.atlassian.com's token page for the freshly created API token and reports where it
// is shown. Nothing documents that page's DOM and its class names are generated and change
// (docs/jira-api.md#api-tokens), so the parts read structure and text only: page-dialogs.ts,
// token-scan.ts (the token), token-container.ts (where it sits), token-expiry.ts (its expiry
// date). Pure DOM: no extension APIs.
//
// Cheap by design: a MutationObserver collects only the added/changed nodes; a flush
// (one per animation frame) scans those subtrees, or the whole dialog they belong to,
// never the page. Values set on an <input> by property make no mutation, so while a
// dialog is open its inputs are re-read every `pollMs`.
import { DIALOG_SELECTOR, dialogOf } from './page-dialogs';
import { anchorFor, containerOf } from './token-container';
import { expiryIn } from './token-expiry';
import { type FoundToken, scanForTokens, stillShows } from './token-scan';

/** A token the page shows, and where. */
export interface TokenSighting extends FoundToken {
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
  /** Re-read inputs of open dialogs this often (ms); 0 disables. Default 500. */
  pollMs?: number;
}

export interface TokenDetector {
  current(): TokenSighting | null;
  /** Runs pending work now (tests; also used once at start). */
  flush(): void;
  stop(): void;
}

/** More dirty roots than this in one batch: scan the body once instead of each. */
const MAX_ROOTS = 200;
const UNCHANGED = Symbol('unchanged');

function complete(found: FoundToken): TokenSighting {
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

/**
 * The token to report after a scan of `roots` found `found` (`fresh`: those never seen
 * before), or UNCHANGED when `current` still shows and nothing near it changed.
 */
function nextToken(
  found: FoundToken[],
  fresh: FoundToken[],
  current: TokenSighting | null,
  roots: Element[],
): FoundToken | null | typeof UNCHANGED {
  // A token not seen before: the newest one on the page.
  if (fresh.length > 0) return fresh[fresh.length - 1]!;
  if (current && stillShows(current)) {
    const container = current.container;
    return roots.some((r) => r.contains(container) || container.contains(r)) ? current : UNCHANGED;
  }
  if (current) {
    // Re-rendered (same token, new node), or gone.
    const { token, container } = current;
    const again =
      found.find((f) => f.token === token) ?? (container.isConnected ? scanForTokens(container).find((f) => f.token === token) : undefined);
    if (again) return again;
  }
  // Closed and reopened, or ours vanished while another is still shown.
  return found[found.length - 1] ?? null;
}

/**
 * Starts watching `doc` and reports the newest token it shows through `options.onChange`;
 * a token already on the page is reported before this returns. Stop it with `stop()`.
 */
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
    if (root.matches(DIALOG_SELECTOR)) openDialogs.add(root);
    for (const d of root.querySelectorAll(DIALOG_SELECTOR)) openDialogs.add(d);
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
    const found: FoundToken[] = [];
    for (const root of roots) {
      watchDialogs(root);
      found.push(...scanForTokens(root));
    }
    const fresh = found.filter((f) => !seenTokens.has(f.token));
    for (const f of found) seenTokens.add(f.token);

    const next = nextToken(found, fresh, current, roots);
    if (next !== UNCHANGED) {
      const completed = next ? complete(next) : null;
      if (!sameSighting(current, completed)) {
        current = completed;
        options.onChange(completed);
      }
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
