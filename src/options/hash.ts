// What the options page's URL fragment asks for. The popup and the background open
// the page with these; a fragment never carries a secret.
export type HashIntent =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'capture' }
  | { kind: 'renew'; connectionId: string }
  | { kind: 'reauth'; connectionId: string };

/** The intent of a fragment ("#renew=c1"); { kind: 'none' } for anything else. */
export function parseHash(hash: string): HashIntent {
  const h = hash.replace(/^#/, '');
  if (h === 'new') return { kind: 'new' };
  if (h === 'capture') return { kind: 'capture' };
  const m = /^(renew|reauth)=([A-Za-z0-9_-]{1,100})$/.exec(h);
  if (m) return { kind: m[1] as 'renew' | 'reauth', connectionId: m[2]! };
  return { kind: 'none' };
}
