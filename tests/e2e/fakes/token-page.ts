// A fake of id.atlassian.com's API tokens page (/manage-profile/security/api-tokens and the
// legacy /manage/api-tokens), in two DOM shapes, with hashed class names like Atlassian's
// SPA. Nothing public documents the real DOM (docs/jira-api.md#api-tokens), so the two shapes differ in
// everything a content script might wrongly rely on:
//   shape "a": avatar button labelled "Account: EMAIL"; an in-tree role="dialog"
//     aria-modal="true"; the new token in a READ-ONLY <input> beside a "Copy" button.
//   shape "b": the email as a text line; the dialog a role="dialog" div in a portal at the
//     end of <body>; the token as plain text in a <code>, first rendered in two chunks and
//     then re-rendered once (the node is replaced) a moment after it appears.
// Like the real account pages it is one app that moves between pages in place: its "Profile and
// visibility" and "API tokens" links call history.pushState and re-render the page below the
// header, leaving an open dialog where it is (browser Back: popstate). The profile page is
// served too, for a direct load.
// Only inline scripts, no external resources. Created tokens are real tokens of the
// configured account in `Accounts`, so the fake Jira accepts them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isoDate, type Accounts, type TokenKind } from './accounts';
import { readBody, send, sleep, type RecordedRequest } from './http';
import { ADA, GRACE } from './seed';

export type TokenPageShape = 'a' | 'b';

export interface TokenPageOptions {
  shape: TokenPageShape;
  /** Email of the account logged in on id.atlassian.com. */
  account: string;
  /** Simulated network time of "Create", ms (random in the range). */
  createDelayMs: [number, number];
}

export interface IssuedOnPage {
  token: string;
  email: string;
  label: string;
  expiresOn: string;
  kind: TokenKind;
}

const PATHS = ['/manage-profile/security/api-tokens', '/manage/api-tokens'];
/** Another account page of the same app (no token capture there). */
export const PROFILE_PATH = '/manage-profile/profile-and-visibility';
const NAMES: Record<string, string> = { [ADA.email]: ADA.displayName, [GRACE.email]: GRACE.displayName };

/** The fake token page: serves both shapes and issues real tokens of the configured account. */
export class TokenPage {
  options: TokenPageOptions = defaults();
  /** Tokens created through the page since the last reset, oldest first. */
  readonly issued: IssuedOnPage[] = [];

  constructor(private readonly accounts: Accounts) {}

  configure(change: Partial<TokenPageOptions>): void {
    this.options = { ...this.options, ...change };
  }

  reset(): void {
    this.options = defaults();
    this.issued.length = 0;
  }

  /** The token most recently created on the page (tests compare it; never print it). */
  get lastToken(): string | undefined {
    return this.issued.at(-1)?.token;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, record: RecordedRequest): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET' && [...PATHS, PROFILE_PATH].some((p) => url.pathname === p || url.pathname === `${p}/`)) {
      const q = url.searchParams.get('shape');
      const shape: TokenPageShape = q === 'a' || q === 'b' ? q : this.options.shape;
      return send(res, 200, this.html(shape), { 'content-type': 'text/html;charset=UTF-8' });
    }
    if (method === 'POST' && url.pathname === '/gateway/api/api-tokens') {
      if (req.headers.origin !== 'https://id.atlassian.com') return send(res, 403, 'XSRF check failed');
      let body: { label?: unknown; expiresOn?: unknown; scoped?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return send(res, 400, { message: 'Bad request' });
      }
      record.body = { label: body.label, expiresOn: body.expiresOn, scoped: body.scoped };
      const label = typeof body.label === 'string' ? body.label.trim() : '';
      const expiresOn = typeof body.expiresOn === 'string' ? body.expiresOn : '';
      const days = (Date.parse(expiresOn) - Date.parse(isoDate(Date.now()))) / 86_400_000;
      if (!label) return send(res, 400, { message: 'Enter a name for your token.' });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || !(days >= 1 && days <= 365)) {
        return send(res, 400, { message: 'The expiry date must be between 1 and 365 days from today.' });
      }
      const [lo, hi] = this.options.createDelayMs;
      await sleep(lo + Math.random() * Math.max(0, hi - lo));
      const kind: TokenKind = body.scoped === true ? 'scoped' : 'classic';
      const email = this.options.account;
      const token = this.accounts.issue(email, { label, expiresOn, kind });
      this.issued.push({ token, email, label, expiresOn, kind });
      return send(res, 200, { id: String(this.issued.length), label, expiresOn, token });
    }
    return send(res, 404, '<!doctype html><title>Page not found</title><h1>We can’t find that page</h1>', {
      'content-type': 'text/html;charset=UTF-8',
    });
  }

  private html(shape: TokenPageShape): string {
    const email = this.options.account;
    const existing = this.accounts
      .list(email)
      .map((t) => ({ label: t.label, expiresOn: t.expiresOn, created: isoDate(t.createdAt), revoked: t.revoked }));
    const cfg = JSON.stringify({
      shape,
      email,
      name: NAMES[email] ?? email,
      existing,
      today: isoDate(Date.now()),
      profilePath: PROFILE_PATH,
    }).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API tokens | Atlassian account</title>
<style>${STYLE}</style></head>
<body><div id="root"><noscript>You need to enable JavaScript to run this app.</noscript></div>
<script type="application/json" id="__cfg">${cfg}</script>
<script>${escapeScript(PAGE_SCRIPT)}</script>
</body></html>`;
  }
}

function defaults(): TokenPageOptions {
  return { shape: 'a', account: ADA.email, createDelayMs: [300, 800] };
}

function escapeScript(s: string): string {
  return s.replace(/<\/script/gi, '<\\/script');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#172b4d}
header{display:flex;justify-content:space-between;align-items:center;padding:8px 24px;border-bottom:1px solid #ddd}
main{padding:24px;max-width:880px}
[role=dialog]{position:fixed;top:15%;left:50%;transform:translateX(-50%);background:#fff;border-radius:4px;box-shadow:0 8px 16px #0004;padding:24px;width:520px;z-index:510}
.blanket{position:fixed;inset:0;background:#091e427a;z-index:500}
input{font:inherit;padding:6px;width:100%;box-sizing:border-box}
code{word-break:break-all;display:block;background:#f4f5f7;padding:8px}
button{font:inherit;padding:6px 12px;margin:4px}`;

// The page's whole app. Plain ES2020, no framework: it builds the DOM with random hashed
// class names and re-renders by replacing nodes, as a React app does.
const PAGE_SCRIPT = `
(() => {
  const cfg = JSON.parse(document.getElementById('__cfg').textContent);
  const root = document.getElementById('root');
  const cls = () => 'css-' + Math.random().toString(36).slice(2, 8);
  const h = (tag, attrs, ...kids) => {
    const el = document.createElement(tag);
    el.className = cls();
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, '');
      else if (v !== false && v != null) el.setAttribute(k, v);
    }
    for (const kid of kids.flat()) if (kid != null) el.append(kid);
    return el;
  };
  const fmtA = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const fmtB = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const inDays = (n) => { const d = new Date(cfg.today + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
  const tokens = cfg.existing.slice();

  // The token page's path as loaded (current or legacy); the app returns to it in place.
  const tokensPath = location.pathname === cfg.profilePath ? '/manage-profile/security/api-tokens' : location.pathname;
  const go = (path) => (ev) => {
    ev.preventDefault();
    if (location.pathname !== path) history.pushState({}, '', path);
    renderMain();
  };
  function pages() {
    return h('nav', { 'aria-label': 'Account pages' },
      h('a', { href: cfg.profilePath, onclick: go(cfg.profilePath) }, 'Profile and visibility'),
      h('a', { href: tokensPath, onclick: go(tokensPath) }, 'API tokens'));
  }

  function header() {
    if (cfg.shape === 'a') {
      return h('header', {}, h('span', {}, 'Atlassian account'), pages(),
        h('nav', { 'aria-label': 'Profile' },
          h('button', { type: 'button', 'aria-label': 'Account: ' + cfg.email, 'aria-haspopup': 'true' },
            h('span', { 'aria-hidden': 'true' }, cfg.name.split(' ').map((w) => w[0]).join('')))));
    }
    return h('header', {}, h('div', {}, h('strong', {}, 'Atlassian')), pages(),
      h('div', {}, h('div', {}, cfg.name), h('div', {}, cfg.email)));
  }

  function table() {
    return h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Created'), h('th', {}, 'Expires'), h('th', {}, ''))),
      h('tbody', {}, tokens.map((t) => h('tr', {},
        h('td', {}, t.label), h('td', {}, t.created), h('td', {}, t.revoked ? 'Revoked' : t.expiresOn),
        h('td', {}, h('button', { type: 'button', disabled: t.revoked }, 'Revoke'))))));
  }

  let mainEl;
  function renderMain() {
    const next = location.pathname === cfg.profilePath
      ? h('main', {}, h('h1', {}, 'Profile and visibility'), h('p', {}, 'Manage your personal information.'))
      : h('main', {},
      h('h1', {}, 'API tokens'),
      h('p', {}, 'A script or other process can use an API token to perform basic authentication with Jira Cloud applications.'),
      h('div', {},
        h('button', { type: 'button', onclick: () => openDialog(false) }, 'Create API token'),
        h('button', { type: 'button', onclick: () => openDialog(true) }, 'Create API token with scopes')),
      table());
    if (mainEl) mainEl.replaceWith(next); else root.append(next);
    mainEl = next;
  }

  let dialog = null;   // the role=dialog element
  let layer = null;    // what to remove on close
  function closeDialog() {
    if (layer) layer.remove();
    dialog = layer = null;
    renderMain();
  }

  function openDialog(scoped) {
    if (dialog) return;
    const titleId = 'dlg-title-' + Math.random().toString(36).slice(2, 7);
    dialog = h('div', cfg.shape === 'a'
      ? { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: '-1' }
      : { role: 'dialog', 'aria-labelledby': titleId, tabindex: '-1' });
    if (cfg.shape === 'a') {
      layer = h('div', {}, h('div', { class: 'blanket' }), dialog);
      layer.querySelector('.blanket').className = 'blanket ' + cls();
      root.append(layer);
    } else {
      const portal = h('div', { style: 'z-index:510' }, h('div', { class: 'blanket' }), dialog);
      portal.classList.add('atlaskit-portal');
      layer = h('div', {}, portal);
      layer.classList.add('atlaskit-portal-container');
      document.body.append(layer);
    }
    renderForm(titleId, scoped);
  }

  function renderForm(titleId, scoped, error) {
    const nameId = 'f-' + Math.random().toString(36).slice(2, 7);
    const dateId = 'f-' + Math.random().toString(36).slice(2, 7);
    const nameInput = h('input', { id: nameId, name: 'label', autocomplete: 'off', maxlength: '100' });
    const dateInput = h('input', { id: dateId, type: 'date', value: inDays(365), min: inDays(1), max: inDays(365) });
    const create = h('button', { type: 'submit', disabled: true }, 'Create');
    nameInput.addEventListener('input', () => { create.disabled = !nameInput.value.trim(); });
    const form = h('form', { onsubmit: async (ev) => {
      ev.preventDefault();
      create.disabled = true;
      create.setAttribute('aria-busy', 'true');
      create.textContent = 'Creating…';
      try {
        const r = await fetch('/gateway/api/api-tokens', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ label: nameInput.value, expiresOn: dateInput.value, scoped }) });
        const data = await r.json();
        if (!r.ok) return renderForm(titleId, scoped, data.message || 'Something went wrong.');
        tokens.unshift({ label: data.label, expiresOn: data.expiresOn, created: cfg.today, revoked: false });
        renderCreated(titleId, data);
      } catch (e) {
        renderForm(titleId, scoped, 'Something went wrong.');
      }
    } },
      h('h1', { id: titleId }, scoped ? 'Create an API token with scopes' : 'Create an API token'),
      error ? h('div', { role: 'alert' }, error) : null,
      h('label', { for: nameId }, cfg.shape === 'a' ? 'Name' : 'Label'), nameInput,
      h('p', {}, 'Choose a name that helps you remember what the token is for.'),
      h('label', { for: dateId }, cfg.shape === 'a' ? 'Expires on' : 'Expiration date'), dateInput,
      h('p', {}, 'Tokens can be valid for 1 to 365 days.'),
      h('div', {}, h('button', { type: 'button', onclick: closeDialog }, 'Cancel'), create));
    dialog.replaceChildren(form);
    nameInput.focus();
  }

  function renderCreated(titleId, data) {
    const warning = "Make sure you copy your new API token. You won't be able to see it again.";
    const copyStatus = h('span', { 'aria-live': 'polite' });
    const copy = async () => {
      try { await navigator.clipboard.writeText(data.token); copyStatus.textContent = 'Copied!'; }
      catch { copyStatus.textContent = 'Copy failed'; }
    };
    if (cfg.shape === 'a') {
      const tokenField = h('input', { readonly: true, value: data.token, 'aria-label': 'API token', spellcheck: 'false' });
      tokenField.setAttribute('data-ds--text-field--input', 'true');
      dialog.replaceChildren(
        h('h1', { id: titleId }, 'Copy your API token'),
        h('p', {}, warning),
        h('div', {}, h('div', {}, tokenField), h('button', { type: 'button', onclick: copy }, 'Copy'), copyStatus),
        h('p', {}, 'Expires on ' + fmtA(data.expiresOn)),
        h('div', {}, h('button', { type: 'button', onclick: closeDialog }, 'Done')));
      return;
    }
    // Shape b: plain text, arriving in two chunks, then re-rendered once (node replaced).
    const slot = h('div', {});
    const first = h('code', {}, h('span', {}, data.token.slice(0, 64)));
    slot.append(first);
    dialog.replaceChildren(
      h('div', {}, h('h2', { id: titleId }, 'Your new API token'),
        h('button', { type: 'button', 'aria-label': 'Close', onclick: closeDialog }, '×')),
      h('p', {}, warning),
      slot,
      h('div', {}, h('button', { type: 'button', onclick: copy }, 'Copy to clipboard'), copyStatus),
      h('p', {}, 'This token expires on ' + fmtB(data.expiresOn) + '.'));
    setTimeout(() => {
      first.append(h('span', {}, data.token.slice(64)));
      setTimeout(() => { if (slot.isConnected) slot.replaceChildren(h('code', {}, data.token)); }, 200);
    }, 60);
  }

  window.addEventListener('popstate', () => renderMain());
  root.replaceChildren(header());
  renderMain();
})();
`;
