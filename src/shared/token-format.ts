// What an Atlassian API token looks like, declared once for the content script (finding the new
// token on the page) and the background (accepting one). Current tokens start `ATATT3`, then
// token characters; their length varies on purpose, so only a generous range is assumed. Older
// tokens were 24 letters and digits (docs/jira-api.md#api-tokens).

/** Characters of a current token, as a regular-expression class body. */
export const TOKEN_CHARS = 'A-Za-z0-9_\\-=';
export const CLOUD_TOKEN_PREFIX = 'ATATT3';
const CLOUD_TOKEN_BODY = `${CLOUD_TOKEN_PREFIX}[${TOKEN_CHARS}]{100,1000}`;

/** A current token inside text, not glued to more token characters on either side. */
export const CLOUD_TOKEN_IN_TEXT = new RegExp(`(?<![${TOKEN_CHARS}])${CLOUD_TOKEN_BODY}(?![${TOKEN_CHARS}])`);
/** A whole legacy token: 24 letters and digits. */
export const LEGACY_TOKEN = /^[A-Za-z0-9]{24}$/;
const WHOLE_TOKEN = new RegExp(`^(?:${CLOUD_TOKEN_BODY}|[A-Za-z0-9]{24})$`);

/** `text` is exactly one API token, current or legacy. */
export function isApiToken(text: string): boolean {
  return WHOLE_TOKEN.test(text);
}

/** A hint that identifies a token to its owner without revealing it: "ATATT3…a9F2". */
export function maskToken(token: string): string {
  const head = token.startsWith(CLOUD_TOKEN_PREFIX) ? CLOUD_TOKEN_PREFIX : token.slice(0, 2);
  return `${head}…${token.slice(-4)}`;
}
