// Typed requests from pages and content scripts to the background.
import browser from 'webextension-polyfill';
import { AppError } from './errors';
import { MESSAGE_TAG, type Payload, type Reply, type ReplyEnvelope, type RequestName } from './protocol';

/** Sends one request; resolves with the reply or throws the AppError the background sent. */
export async function request<K extends RequestName>(name: K, payload: Payload<K>): Promise<Reply<K>> {
  let envelope: ReplyEnvelope<K> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage({ tag: MESSAGE_TAG, name, payload })) as ReplyEnvelope<K> | undefined;
  } catch {
    throw new AppError({ kind: 'internal', message: 'The extension’s background did not answer. Reload the page and try again.' });
  }
  if (!envelope || typeof envelope !== 'object') {
    throw new AppError({ kind: 'internal', message: 'The extension’s background gave no answer. Reload the page and try again.' });
  }
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error);
}
