// What the Firefox suites do in the popup, as a user does it: read the page's text, open an
// issue from Search by keyboard, change its status from the menu (and the form a transition
// asks for), add a comment. Puppeteer over WebDriver BiDi: `::-p-aria` selectors work with
// locators in extension pages, not with $eval (support/firefox.ts).
import type { ElementHandle, Page } from 'puppeteer-core';
import { type FirefoxExtension, poll } from './firefox';

/** A puppeteer selector for the element with this accessible name and role. */
export const aria = (name: string, role: string) => `::-p-aria([name="${name}"][role="${role}"])`;

// biome-ignore lint/performance/useDomNodeTextContent: the text a user sees (innerText skips hidden text and breaks lines between blocks)
export const bodyText = (page: Page) => page.evaluate(() => document.body?.innerText ?? '');

/** The texts of the page's alerts (for failure messages). */
export const alerts = (page: Page) =>
  page.$$eval('[role="alert"]', (els) => els.map((e) => (e.textContent ?? '').trim())).catch(() => [] as string[]);

/** Waits until `text` is on the page; the failure names the alerts and the errors seen. */
export async function waitForText(ff: FirefoxExtension, page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  await poll(
    `"${text}" on ${await ff.hrefOf(page)}`,
    async () => ((await bodyText(page)).includes(text) ? true : undefined),
    timeoutMs,
  ).catch(async (e) => {
    throw new Error(`${(e as Error).message}; alerts: ${JSON.stringify(await alerts(page))}; errors: ${JSON.stringify(ff.pageErrors)}`);
  });
}

/** The text of the details view's "Change status: …" button, once it is there. */
export const statusButtonText = (popup: Page) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('.issue-view button')].map((b) => b.textContent ?? '').find((t) => t.startsWith('Change status')),
  );

/** Types `key` in Search, waits for its row first, and opens it with ↓ then →; waits for its details from Jira. */
export async function openIssue(ff: FirefoxExtension, popup: Page, key: string): Promise<void> {
  await popup.locator(aria('Search', 'searchbox')).fill(key.toLowerCase());
  await poll(`${key} as the first row`, async () => {
    const first = await popup.$eval('[role="listbox"] [role="option"]', (e) => e.getAttribute('aria-label') ?? '').catch(() => '');
    return first.startsWith(`${key} `) ? true : undefined;
  });
  await popup.focus('[aria-label="Search"]');
  await popup.keyboard.press('ArrowDown');
  await poll(`${key} selected in the focused list`, () =>
    popup.evaluate((k) => {
      const list = document.activeElement;
      const selected = list?.getAttribute('role') === 'listbox' ? list.querySelector('[aria-selected="true"]') : null;
      return selected?.getAttribute('aria-label')?.startsWith(`${k} `) ? true : undefined;
    }, key),
  );
  await popup.keyboard.press('ArrowRight');
  await poll(`the details of ${key}`, async () => ((await statusButtonText(popup)) ? true : undefined), 10_000).catch(async (e) => {
    const seen = await popup.evaluate(() => ({
      focus: document.activeElement?.outerHTML.slice(0, 160),
      selected: document.querySelector('[aria-selected="true"]')?.getAttribute('aria-label'),
      // biome-ignore lint/performance/useDomNodeTextContent: the text a user sees
      view: (document.querySelector('.issue-view') as HTMLElement | null)?.innerText,
    }));
    throw new Error(`${(e as Error).message}; seen: ${JSON.stringify(seen)}; errors: ${JSON.stringify(ff.pageErrors)}`);
  });
}

/**
 * Opens "Change status", chooses the transition named `menuItem`, fills the selects of the form
 * it may ask for (`choices`: label → option text) and submits; waits until the button shows `status`.
 */
export async function changeStatus(
  ff: FirefoxExtension,
  popup: Page,
  menuItem: string,
  status: string,
  choices: Record<string, string> = {},
): Promise<void> {
  await popup.locator('.issue-view .status-menu > button').click();
  await popup.locator(aria(menuItem, 'menuitem')).click();
  if (Object.keys(choices).length) {
    for (const [label, text] of Object.entries(choices)) {
      await poll(`the form's "${label}"`, () =>
        popup.evaluate(
          (l) => ([...document.querySelectorAll('.transition-form label')].some((x) => x.textContent?.startsWith(l)) ? true : undefined),
          label,
        ),
      );
      await popup.evaluate(
        (l, t) => {
          const labels = [...document.querySelectorAll<HTMLLabelElement>('.transition-form label')];
          const select = labels.find((x) => x.textContent?.replace(/ \(required\)$/, '') === l)?.control;
          if (!(select instanceof HTMLSelectElement)) throw new Error(`no select labelled ${l}`);
          select.value = [...select.options].find((o) => o.text === t)?.value ?? '';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        label,
        text,
      );
    }
    await popup.locator(aria(`Move to ${status}`, 'button')).click();
  }
  await poll(
    `the status ${status}`,
    async () => ((await statusButtonText(popup)) === `Change status: ${status}` ? true : undefined),
    10_000,
  ).catch(async (e) => {
    throw new Error(`${(e as Error).message}; alerts: ${JSON.stringify(await alerts(popup))}; errors: ${JSON.stringify(ff.pageErrors)}`);
  });
}

/** Types `text` in the "Comment" box and sends it with Ctrl+Enter; waits until Jira's copy of it is shown. */
export async function addComment(ff: FirefoxExtension, popup: Page, text: string, shown: string): Promise<void> {
  await popup.locator('form.comment-box textarea').fill(text);
  await popup.focus('form.comment-box textarea');
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter');
  await popup.keyboard.up('Control');
  await poll(
    'the comment in the list, the box emptied',
    async () => {
      const state = await popup.evaluate(() => ({
        first: document.querySelector('.comment-list > li')?.textContent ?? '',
        box: (document.querySelector('form.comment-box textarea') as HTMLTextAreaElement | null)?.value,
      }));
      return state.first.includes(shown) && state.box === '' ? true : undefined;
    },
    10_000,
  ).catch(async (e) => {
    throw new Error(`${(e as Error).message}; alerts: ${JSON.stringify(await alerts(popup))}; errors: ${JSON.stringify(ff.pageErrors)}`);
  });
}

/** A text input labelled exactly `label`, not a radio or checkbox (the auth radios share the names). */
export async function textField(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.evaluateHandle((l) => {
    for (const x of document.querySelectorAll('label')) {
      const c = x.control;
      if (x.textContent?.trim() === l && c instanceof HTMLInputElement && c.type !== 'radio' && c.type !== 'checkbox') return c;
    }
    return null;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`no text input labelled "${label}"`);
  return element as ElementHandle<HTMLInputElement>;
}
