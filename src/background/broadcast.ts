// Tells the extension's open pages that something changed. runtime.sendMessage reaches
// extension pages only, never content scripts; with no page open it rejects, which is fine.
import browser from 'webextension-polyfill';
import { MESSAGE_TAG, type Broadcast } from '../shared/protocol';

export async function broadcast(event: Broadcast['event']): Promise<void> {
  try {
    await browser.runtime.sendMessage({ tag: MESSAGE_TAG, event } satisfies Broadcast);
  } catch {
    // No page listening.
  }
}
