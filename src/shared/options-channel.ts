// The popup asks an options page that is already open to take over what a new options tab
// would do from its fragment (#renew=<id>, #reauth=<id>, #new), so the user does not collect
// options tabs. Extension pages share one origin, so a BroadcastChannel reaches them all without
// a permission or the background (docs/browsers.md#options-channel). Several options tabs may
// answer: the popup picks the first that says it is there, then tells that one to go.
//
//   popup → all:      { type: 'ask',  requestId, intent }
//   options → popup:  { type: 'here', requestId, pageId }
//   popup → one page: { type: 'go',   requestId, pageId, intent }
//   that page → popup:{ type: 'done', requestId, pageId }
//
// Any page of the extension could post here: the options page checks every message strictly and
// acts only on a connection it knows; nothing secret ever travels on the channel.

export const OPTIONS_CHANNEL = 'cfj.options';

/** What the popup asks of the options page: the same intents as its URL fragment. */
export type OptionsIntent = { kind: 'new' } | { kind: 'renew' | 'reauth'; connectionId: string };

export type OptionsChannelMessage =
  | { type: 'ask'; requestId: string; intent: OptionsIntent }
  | { type: 'here'; requestId: string; pageId: string }
  | { type: 'go'; requestId: string; pageId: string; intent: OptionsIntent }
  | { type: 'done'; requestId: string; pageId: string };

// Ids are made by crypto.randomUUID (requests, pages) or the background (connections, the same
// alphabet as the fragment's: src/options/hash.ts).
const ID = /^[A-Za-z0-9_-]{1,100}$/;
// Not guards.ts's isRecord: this module goes into a lazy chunk of the popup, which must not share
// a static import with the popup's entry (see src/popup/open-options.ts).
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

function hasExactly(v: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(v, k));
}

/** The intent in `v` when it is exactly one the options page acts on, for a connection in `knownIds`; else undefined. */
function parseIntent(v: unknown, knownIds: ReadonlySet<string>): OptionsIntent | undefined {
  if (!isRecord(v)) return undefined;
  if (v.kind === 'new' && hasExactly(v, ['kind'])) return { kind: 'new' };
  if ((v.kind === 'renew' || v.kind === 'reauth') && hasExactly(v, ['kind', 'connectionId']) && isId(v.connectionId)) {
    return knownIds.has(v.connectionId) ? { kind: v.kind, connectionId: v.connectionId } : undefined;
  }
  return undefined;
}

/**
 * The options page's check of a channel message: an 'ask' or a 'go' of exactly the declared
 * shape (no extra field), whose connection is one of `knownIds`; undefined for anything else
 * (answers of other pages, unknown connections, malformed data).
 */
export function parseOptionsRequest(
  data: unknown,
  knownIds: ReadonlySet<string>,
): Extract<OptionsChannelMessage, { type: 'ask' | 'go' }> | undefined {
  if (!isRecord(data) || !isId(data.requestId)) return undefined;
  if (data.type === 'ask' && hasExactly(data, ['type', 'requestId', 'intent'])) {
    const intent = parseIntent(data.intent, knownIds);
    return intent && { type: 'ask', requestId: data.requestId, intent };
  }
  if (data.type === 'go' && hasExactly(data, ['type', 'requestId', 'pageId', 'intent']) && isId(data.pageId)) {
    const intent = parseIntent(data.intent, knownIds);
    return intent && { type: 'go', requestId: data.requestId, pageId: data.pageId, intent };
  }
  return undefined;
}

/** The popup's check of an options page's answer to request `requestId`: 'here' or 'done' of exactly that shape; else undefined. */
export function parseOptionsAnswer(
  data: unknown,
  requestId: string,
): Extract<OptionsChannelMessage, { type: 'here' | 'done' }> | undefined {
  if (!isRecord(data) || data.requestId !== requestId || !isId(data.pageId)) return undefined;
  if ((data.type === 'here' || data.type === 'done') && hasExactly(data, ['type', 'requestId', 'pageId'])) {
    return { type: data.type, requestId, pageId: data.pageId };
  }
  return undefined;
}

/** A fresh id for a request or a page (a UUID: letters, digits and dashes). */
export function channelId(): string {
  return crypto.randomUUID();
}
