// Tells the extension's open pages that something changed. runtime.sendMessage reaches
// extension pages only, never content scripts; with no page open it rejects, which is fine.
import { MESSAGE_TAG, type Broadcast } from '../shared/protocol';
import { sendToExtensionPages } from './browser-api';

/** Sends `event` to every open extension page; resolves whether or not one listens. */
export async function broadcast(event: Broadcast['event']): Promise<void> {
  try {
    await sendToExtensionPages({ tag: MESSAGE_TAG, event } satisfies Broadcast);
  } catch {
    // No page listening.
  }
}
