// The background's one entry for requests: sender first, then payload, then dispatch.
// Anything unknown, from an unknown sender, or malformed is rejected with an error reply.
import type { z } from 'zod';
import { AppError, type AppErrorInfo } from '../shared/errors';
import { MESSAGE_TAG, type Payload, type Reply, type ReplyEnvelope, type RequestName } from '../shared/protocol';
import { classifySender, type ExtensionIdentity, type Sender, type SenderKind } from './senders';

export interface HandlerContext {
  sender: Sender;
  senderKind: SenderKind;
}

export interface HandlerDef<K extends RequestName> {
  /** Which senders may make this request. */
  senders: readonly SenderKind[];
  /** Validates (and may trim) the payload; unknown keys are rejected by strict schemas. */
  payload: z.ZodType<Payload<K>>;
  handle(payload: Payload<K>, ctx: HandlerContext): Promise<Reply<K>>;
}

export type HandlerTable = { [K in RequestName]: HandlerDef<K> };

function reject(kind: AppErrorInfo['kind'], message: string): ReplyEnvelope {
  return { ok: false, error: { kind, message } };
}

export function createRouter(handlers: HandlerTable, self: ExtensionIdentity, beforeDispatch?: () => Promise<void>) {
  return async function route(message: unknown, sender: Sender): Promise<ReplyEnvelope> {
    // 1. Sender: decided from browser-set fields only.
    const senderKind = classifySender(sender, self);
    if (!senderKind) return reject('rejected-sender', 'This sender may not talk to Client for Jira.');

    // 2. Envelope and request name.
    if (!message || typeof message !== 'object') return reject('unknown-request', 'Unknown request.');
    const { tag, name, payload } = message as { tag?: unknown; name?: unknown; payload?: unknown };
    if (tag !== MESSAGE_TAG || typeof name !== 'string' || !Object.hasOwn(handlers, name)) {
      return reject('unknown-request', 'Unknown request.');
    }
    const def = handlers[name as RequestName] as unknown as HandlerDef<RequestName>;
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
