// The background's one entry for requests: sender first, then payload, then dispatch.
// Anything unknown, from an unknown sender, or malformed is rejected with an error reply.
import type { z } from 'zod';
import { AppError, type AppErrorInfo } from '../shared/errors';
import { isRecord } from '../shared/guards';
import { MESSAGE_TAG, type Payload, type Reply, type ReplyEnvelope, type RequestName } from '../shared/protocol';
import { classifySender, type ExtensionIdentity, type Sender, type SenderKind } from './senders';

/** What a handler learns about who asked: the browser-set sender and what it was classified as. */
export interface HandlerContext {
  sender: Sender;
  senderKind: SenderKind;
}

/** One request's entry in the handler table: who may make it, its payload schema, and the handler. */
export interface HandlerDef<K extends RequestName> {
  /** Which senders may make this request. */
  senders: readonly SenderKind[];
  /** Validates (and may trim) the payload; unknown keys are rejected by strict schemas. */
  payload: z.ZodType<Payload<K>>;
  /** Does the work; may throw AppError, whose info (scrubbed of secrets) becomes the error reply. */
  handle(payload: Payload<K>, ctx: HandlerContext): Promise<Reply<K>>;
}

/** A handler for every request of src/shared/protocol: a request without one is a compile error. */
export type HandlerTable = { [K in RequestName]: HandlerDef<K> };

function reject(kind: AppErrorInfo['kind'], message: string): ReplyEnvelope {
  return { ok: false, error: { kind, message } };
}

function isRequestName(handlers: HandlerTable, name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(handlers, name);
}

/**
 * The runtime.onMessage listener over `handlers`. Each message is checked in order: the sender
 * from browser-set fields only (src/background/senders.ts, docs/browsers.md#message-sender),
 * the envelope `{ tag: MESSAGE_TAG, name, payload }`, the sender against the request's allowed
 * senders, the payload against its schema. `beforeDispatch` runs before any handler (the
 * storage migrations). Resolves to `{ ok: true, value }`, or `{ ok: false, error }` with kind
 * 'rejected-sender', 'unknown-request', 'invalid-input', the AppError a handler threw, or
 * 'internal' for any other error (its text is never echoed). Never rejects.
 */
export function createRouter(
  handlers: HandlerTable,
  self: ExtensionIdentity,
  beforeDispatch?: () => Promise<void>,
): (message: unknown, sender: Sender) => Promise<ReplyEnvelope> {
  return async function route(message: unknown, sender: Sender): Promise<ReplyEnvelope> {
    // 1. Sender: decided from browser-set fields only.
    const senderKind = classifySender(sender, self);
    if (!senderKind) return reject('rejected-sender', 'This sender may not talk to Client for Jira.');

    // 2. Envelope and request name.
    if (!isRecord(message)) return reject('unknown-request', 'Unknown request.');
    const { tag, name, payload } = message;
    if (tag !== MESSAGE_TAG || !isRequestName(handlers, name)) return reject('unknown-request', 'Unknown request.');
    // TypeScript cannot tie a handler to its own request's payload through a name known only at
    // run time; the schema below checks the payload against this very handler's type.
    const def = handlers[name] as unknown as HandlerDef<RequestName>;
    if (!def.senders.includes(senderKind)) return reject('rejected-sender', 'This sender may not make that request.');

    // 3. Payload.
    const parsed = def.payload.safeParse(payload ?? {});
    if (!parsed.success) return reject('invalid-input', 'The request was malformed.');

    // 4. Dispatch.
    try {
      await beforeDispatch?.();
      const value = await def.handle(parsed.data, { sender, senderKind });
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toInfo() };
      // Never echo an unknown error's text: it might contain request details.
      return reject('internal', 'Something went wrong inside the extension. Try again.');
    }
  };
}
