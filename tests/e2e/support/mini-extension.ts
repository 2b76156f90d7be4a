// A minimal MV3 extension written to a temp dir, to test the harness (browser.ts, the
// fakes, the token page in a real browser) independently of the product's build.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeMiniExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfj-mini-ext-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Harness check',
      version: '1.0.0',
      background: { service_worker: 'sw.js' },
      permissions: ['storage'],
      host_permissions: ['https://*.atlassian.net/*', 'https://api.atlassian.com/*', 'https://jira.acme-corp.test/*'],
      options_ui: { page: 'src/options/index.html', open_in_tab: true },
      action: { default_popup: 'src/popup/index.html' },
      content_scripts: [
        { matches: ['https://id.atlassian.com/manage-profile/security/api-tokens*'], js: ['cs.js'], run_at: 'document_idle' },
      ],
    }),
    // A worker with module state, so a test can tell a fresh worker from an old one.
    'sw.js': `
      const bornAt = Date.now() + Math.random();
      chrome.runtime.onInstalled.addListener(() => chrome.storage.local.set({ installed: true }));
      chrome.runtime.onMessage.addListener((msg, sender, reply) => {
        if (msg === 'ping') { reply({ bornAt }); return; }
        if (msg && msg.fetch) {
          fetch(msg.fetch, { credentials: 'omit', headers: msg.headers || {} })
            .then(async (r) => reply({ status: r.status, body: await r.text() }), (e) => reply({ error: String(e) }));
          return true;
        }
      });`,
    'cs.js': `document.body.setAttribute('data-harness-content-script', 'ran');`,
    'src/options/index.html': '<!doctype html><title>Options</title><h1>Harness options</h1><script src="main.js"></script>',
    'src/options/main.js': `document.body.append(Object.assign(document.createElement('p'), { textContent: 'ready' }));`,
    'src/popup/index.html': '<!doctype html><title>Popup</title><h1>Harness popup</h1>',
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}
