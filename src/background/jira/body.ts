// Reading the body of Jira's answer. A JSON answer is read whole; an image only up to the size it
// may have, so an oversized or endless body is neither downloaded nor kept in memory, and only
// what an <img> shows without running anything is handed on.
import { AppError } from '../../shared/errors';

/** One HTTP answer from Jira, its body read. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The body as text ('' for an image request's successful answer). */
  text: string;
  /** The body's bytes, for an image request's successful answer only. */
  bytes?: ArrayBuffer;
}

/** Image types an icon may have: what an <img> shows without running anything. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml']);

/** Of an image request's error page, this much is read (enough for Jira's JSON or a login page's title). */
const ERROR_BODY_LIMIT = 64 * 1024;

/** The answer of a JSON request, its whole body as text. Throws what reading the body throws. */
export async function readTextAnswer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * The answer of an image request. A failure's body (an error page) is read as text, at most
 * 64 KB, to say what went wrong. A success's body is read as bytes, at most `maxBytes`: one
 * announced larger (Content-Length) is not read at all, one that turns out larger is not read
 * past the limit, and `controller` is aborted in both cases. Throws AppError invalid-response
 * "The image is too large." then.
 */
export async function readImageAnswer(response: Response, maxBytes: number, controller: AbortController): Promise<Answer> {
  if (!response.ok) {
    const { bytes } = await readAtMost(response, ERROR_BODY_LIMIT, controller);
    return { status: response.status, headers: response.headers, text: new TextDecoder().decode(bytes) };
  }
  const tooLarge = () => new AppError({ kind: 'invalid-response', status: response.status, message: 'The image is too large.' });
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    controller.abort();
    throw tooLarge();
  }
  const { bytes, truncated } = await readAtMost(response, maxBytes, controller);
  if (truncated) throw tooLarge();
  return { status: response.status, headers: response.headers, text: '', bytes: bytes.buffer as ArrayBuffer };
}

/**
 * The image a successful answer carries: its media type (lower case, parameters dropped) and
 * bytes. Throws AppError invalid-response when the type is not PNG, JPEG, GIF, WebP or SVG, or
 * the body is empty or larger than `maxBytes`.
 */
export function imageOf(answer: Answer, maxBytes: number): { type: string; bytes: Uint8Array } {
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const size = answer.bytes?.byteLength ?? 0;
  if (!IMAGE_TYPES.has(type) || size === 0 || size > maxBytes) {
    throw new AppError({ kind: 'invalid-response', status: answer.status, message: 'Jira did not answer with an image.' });
  }
  return { type, bytes: new Uint8Array(answer.bytes!) };
}

/**
 * The first `limit` bytes of a body; `truncated` when there was more, and then the rest is
 * neither read nor downloaded (`controller` is aborted, the stream cancelled). Throws what
 * reading the body throws.
 */
export async function readAtMost(
  response: Response,
  limit: number,
  controller: AbortController,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer());
    return all.byteLength > limit ? { bytes: all.slice(0, limit), truncated: true } : { bytes: all, truncated: false };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      truncated = true;
      controller.abort();
      void reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, truncated };
}
