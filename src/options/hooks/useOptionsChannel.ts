// The options page's end of the popup's channel (src/shared/options-channel.ts): when the popup
// would open a new options tab for #renew=<id>, #reauth=<id> or #new, this page, already open,
// takes it over instead: it answers, brings itself to the front and acts as on that fragment.
import { useEffect, useRef } from 'preact/hooks';
import { channelId, OPTIONS_CHANNEL, parseOptionsRequest, type OptionsIntent } from '../../shared/options-channel';
import { bringToFront } from '../browser-api';
import type { OpenForm } from './useOpenForm';

/**
 * What this page does with an intent: 'act' (come to the front, then act on it), 'front' (come
 * to the front only: that form is open already), or undefined (leave it to a new tab).
 */
export type TakeOver = (intent: OptionsIntent) => 'act' | 'front' | undefined;

/**
 * Whether a page whose open connection form is `open` takes `intent` over: with no form open, it
 * acts; with that very form open, it only comes to the front (what is typed there stays); with
 * another form open, it leaves it to a new tab, so that nothing typed in this one is lost.
 */
export function takeOver(open: OpenForm | null, intent: OptionsIntent): ReturnType<TakeOver> {
  if (!open) return 'act';
  const same = intent.kind === 'new' ? open.kind === 'new' : open.kind === 'reauth' && open.connectionId === intent.connectionId;
  return same ? 'front' : undefined;
}

/**
 * Listens on the channel while `connectionIds` is known (null while loading: the popup then opens
 * a new tab). Answers an 'ask' for a known connection that `takeOver` accepts with 'here'; on the
 * 'go' addressed to this page, answers 'done', brings the tab to the front and, for 'act', calls
 * `onIntent`. The latest callbacks given are used.
 */
export function useOptionsChannel(
  connectionIds: readonly string[] | null,
  takeOver: TakeOver,
  onIntent: (intent: OptionsIntent) => void,
): void {
  const latest = useRef({ takeOver, onIntent });
  latest.current = { takeOver, onIntent };
  const known = useRef<ReadonlySet<string>>(new Set());
  known.current = new Set(connectionIds ?? []);
  const ready = connectionIds !== null;

  useEffect(() => {
    if (!ready || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(OPTIONS_CHANNEL);
    const pageId = channelId();
    channel.onmessage = (event: MessageEvent) => {
      const message = parseOptionsRequest(event.data, known.current);
      if (!message) return;
      // Asked again at 'go': the page may have changed in between.
      const how = latest.current.takeOver(message.intent);
      if (!how) return;
      if (message.type === 'ask') channel.postMessage({ type: 'here', requestId: message.requestId, pageId });
      if (message.type !== 'go' || message.pageId !== pageId) return;
      channel.postMessage({ type: 'done', requestId: message.requestId, pageId });
      const { intent } = message;
      // Front first: the renewal then opens Atlassian's token page in this window.
      void bringToFront()
        .catch(() => undefined)
        .then(() => how === 'act' && latest.current.onIntent(intent));
    };
    return () => channel.close();
  }, [ready]);
}
