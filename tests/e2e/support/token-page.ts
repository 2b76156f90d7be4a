// Drives the fake id.atlassian.com API tokens page (fakes/token-page.ts) the way a user
// does, in either DOM shape. Tokens are returned for comparisons only: never log them.
import type { Locator, Page } from 'playwright-core';

/** The accessible name of the button our content script adds beside a shown token. */
export const USE_TOKEN_BUTTON = 'Use this token in Client for Jira';

const TOKEN_RE = /ATATT3[A-Za-z0-9_\-=]{186}/;

export interface CreatedToken {
  /** The token as the page shows it. */
  token: string;
  /** The dialog showing it. */
  dialog: Locator;
  /** Closes the dialog ("Done" in shape a, "Close" in shape b). */
  close(): Promise<void>;
}

/** Clicks "Create API token", names it, creates it, and waits for the page to show it. */
export async function createTokenOnPage(
  page: Page,
  opts: { name?: string; expiresOn?: string; scoped?: boolean } = {},
): Promise<CreatedToken> {
  await page.getByRole('button', { name: opts.scoped ? 'Create API token with scopes' : 'Create API token', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^(Name|Label)$/).fill(opts.name ?? 'Client for Jira');
  if (opts.expiresOn) await dialog.getByLabel(/^(Expires on|Expiration date)$/).fill(opts.expiresOn);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog.getByText("Make sure you copy your new API token. You won't be able to see it again.").waitFor();
  // Shape b shows the token in chunks and re-renders it once: wait for the whole token.
  const handle = await page.waitForFunction((source) => {
    const re = new RegExp(source);
    const d = document.querySelector('[role="dialog"]');
    if (!d) return null;
    const input = d.querySelector('input[readonly]') as HTMLInputElement | null;
    const text = input ? input.value : (d.querySelector('code')?.textContent ?? '');
    const m = re.exec(text);
    return m && m[0] === text ? m[0] : null;
  }, TOKEN_RE.source);
  const token = (await handle.jsonValue()) as string;
  return {
    token,
    dialog,
    async close() {
      await dialog.getByRole('button', { name: /^(Done|Close)$/ }).click();
      await dialog.waitFor({ state: 'detached' });
    },
  };
}

// --- The content script's UI, through the accessibility tree --------------------------
// Our content script renders inside a CLOSED shadow root (the token page's own scripts
// cannot reach it), which Playwright's locators cannot enter either. The accessibility
// tree (what screen readers see) does include it, so tests find the button and the text
// there (CDP Accessibility.getFullAXTree) and click it with a real mouse click at its box.

export interface AxNode {
  role: string;
  name: string;
  backendDOMNodeId?: number;
}

interface RawAxNode {
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  backendDOMNodeId?: number;
}

/** Every non-ignored node of the page's accessibility tree (shadow roots included). */
export async function accessibilityNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: String(n.role?.value ?? ''),
        name: String(n.name?.value ?? ''),
        ...(n.backendDOMNodeId ? { backendDOMNodeId: n.backendDOMNodeId } : {}),
      }));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** All text the page exposes to assistive technology, one node per line. */
export async function accessibleText(page: Page): Promise<string> {
  return (await accessibilityNodes(page))
    .filter((n) => n.role === 'StaticText' || n.role === 'status' || n.role === 'alert')
    .map((n) => n.name)
    .join('\n');
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await fn();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a button with exactly this accessible name (in any shadow root). */
export async function waitForAccessibleButton(page: Page, name: string, timeoutMs = 7_000): Promise<AxNode> {
  return poll(
    `a button named "${name}" on ${page.url()}`,
    async () => (await accessibilityNodes(page)).find((n) => n.role === 'button' && n.name === name && n.backendDOMNodeId),
    timeoutMs,
  );
}

/** Waits until the page's accessible text matches. Returns that text. */
export async function waitForAccessibleText(page: Page, re: RegExp, timeoutMs = 7_000): Promise<string> {
  return poll(
    `text matching ${re} on ${page.url()}`,
    async () => {
      const text = await accessibleText(page);
      return re.test(text) ? text : undefined;
    },
    timeoutMs,
  );
}

/** Clicks a button found by accessible name with a real (trusted) mouse click. */
export async function clickAccessibleButton(page: Page, name: string, timeoutMs = 7_000): Promise<void> {
  const node = await waitForAccessibleButton(page, name, timeoutMs);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Clicks our content script's "Use this token in Client for Jira". */
export function clickUseToken(page: Page, timeoutMs?: number): Promise<void> {
  return clickAccessibleButton(page, USE_TOKEN_BUTTON, timeoutMs);
}

/**
 * Waits for a button with exactly this accessible name that assistive technology is told is
 * disabled (the AX node's "disabled" property: from `disabled` or aria-disabled="true").
 */
export async function waitForDisabledButton(page: Page, name: string, timeoutMs = 7_000): Promise<void> {
  await poll(
    `a disabled button named "${name}" on ${page.url()}`,
    async () => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: (RawAxNode & { properties?: { name: string; value?: { value?: unknown } }[] })[];
        };
        const found = nodes.some(
          (n) =>
            !n.ignored &&
            n.role?.value === 'button' &&
            n.name?.value === name &&
            n.properties?.some((p) => p.name === 'disabled' && p.value?.value === true),
        );
        return found || undefined;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    timeoutMs,
  );
}
