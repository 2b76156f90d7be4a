// Opens the options page for an intent (#renew=<id>, #reauth=<id>, #new), reusing an options tab
// that is already open: that page brings itself to the front and acts (src/shared/options-channel.ts).
// Only lazy chunks import this module (the error alert, the expiry notice), so the popup's entry
// does not carry it. It imports nothing of the entry's either: the bundler would move what both
// share into a chunk of its own, which the entry then loads before its first paint. So the
// caller hands it the way to open a new tab (ext.ts openOptions).
import type { ConnectionSummary } from '../shared/connection';
import { channelId, OPTIONS_CHANNEL, parseOptionsAnswer, type OptionsIntent } from '../shared/options-channel';

/**
 * How long each step waits for an options page's answer, ms. A live page answers within a few
 * ms; the wait only delays the new tab when none is open.
 */
export const ANSWER_WAIT_MS = 300;

/** The part of a BroadcastChannel the popup uses. */
export type Channel = Pick<BroadcastChannel, 'postMessage' | 'onmessage' | 'close'>;

/** Opens a new options tab with `hash` (and closes the popup): ext.ts openOptions. */
export type OpenNew = (hash: string) => Promise<void>;

export interface OpenOptionsDeps {
  channel(): Channel;
  /** Closes the popup once an open page took over. */
  closePopup(): void;
  waitMs: number;
}

const defaults: OpenOptionsDeps = {
  channel: () => new BroadcastChannel(OPTIONS_CHANNEL),
  closePopup: () => window.close(),
  waitMs: ANSWER_WAIT_MS,
};

function hashOf(intent: OptionsIntent): string {
  return intent.kind === 'new' ? '#new' : `#${intent.kind}=${encodeURIComponent(intent.connectionId)}`;
}

/**
 * Asks the open options pages over the channel; resolves true once one of them said it took
 * `intent` over ('done'), false when none answered 'here' within `waitMs`, or the one chosen
 * did not answer 'done' within four times that.
 */
export async function handOver(intent: OptionsIntent, deps: Pick<OpenOptionsDeps, 'channel' | 'waitMs'> = defaults): Promise<boolean> {
  let channel: Channel;
  try {
    channel = deps.channel();
  } catch {
    return false; // no BroadcastChannel: a new tab does the same
  }
  const requestId = channelId();
  try {
    const here = await answer(channel, requestId, 'here', undefined, deps.waitMs, () =>
      channel.postMessage({ type: 'ask', requestId, intent }),
    );
    if (!here) return false;
    // 'here' proved a live page: its 'done' gets longer (a busy page must not leave the user
    // with two tabs doing the same renewal).
    const done = await answer(channel, requestId, 'done', here, deps.waitMs * 4, () =>
      channel.postMessage({ type: 'go', requestId, pageId: here, intent }),
    );
    return done !== undefined;
  } finally {
    channel.close();
  }
}

/** The page id of the first `type` answer to `requestId` (from `pageId` when given) after `send`; undefined after `waitMs`. */
function answer(
  channel: Channel,
  requestId: string,
  type: 'here' | 'done',
  pageId: string | undefined,
  waitMs: number,
  send: () => void,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), waitMs);
    function finish(id: string | undefined) {
      clearTimeout(timer);
      channel.onmessage = null;
      resolve(id);
    }
    channel.onmessage = (event: MessageEvent) => {
      const got = parseOptionsAnswer(event.data, requestId);
      if (got?.type === type && (pageId === undefined || got.pageId === pageId)) finish(got.pageId);
    };
    send();
  });
}

/** Hands `intent` to an open options page, else opens a new options tab with its fragment (`openNew`). */
export async function openOptionsFor(intent: OptionsIntent, openNew: OpenNew, deps: OpenOptionsDeps = defaults): Promise<void> {
  if (await handOver(intent, deps)) deps.closePopup();
  else await openNew(hashOf(intent));
}

/**
 * Where the user fixes a rejected credential: Cloud renews its API token, Server/DC
 * re-authenticates; in the options tab already open, else in a new one.
 */
export function fixCredentials(
  c: Pick<ConnectionSummary, 'id' | 'deployment'>,
  openNew: OpenNew,
  deps: OpenOptionsDeps = defaults,
): Promise<void> {
  return openOptionsFor({ kind: c.deployment === 'cloud' ? 'renew' : 'reauth', connectionId: c.id }, openNew, deps);
}
