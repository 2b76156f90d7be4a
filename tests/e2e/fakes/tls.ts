// A throwaway self-signed certificate for the HTTPS fakes. Chromium is started with
// --ignore-certificate-errors, so the name on it does not matter; curl needs -k.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
}

/** A fresh key and self-signed certificate for CN=localhost, valid two days (needs openssl). */
export function createSelfSignedCert(): TlsMaterial {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfj-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '2', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
