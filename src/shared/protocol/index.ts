// The one message protocol: every request name, its payload and its reply, declared once.
// Pages send with `request()` (src/shared/messaging.ts); the background router
// (src/background/router.ts) checks the sender, validates the payload, then dispatches.
import type { AppErrorInfo } from '../errors';
import type { CaptureRequests } from './capture';
import type { ConnectionRequests } from './connections';
import type { DetailsRequests } from './details';
import type { WriteRequests } from './writes';
import type { IssueRequests } from './issues';

export type Protocol = ConnectionRequests & CaptureRequests & IssueRequests & DetailsRequests & WriteRequests;
export type RequestName = keyof Protocol;
export type Payload<K extends RequestName> = Protocol[K]['payload'];
export type Reply<K extends RequestName> = Protocol[K]['reply'];

/** Marks our messages among anything else on the runtime channel. */
export const MESSAGE_TAG = 'client-for-jira/v1';

export interface RequestMessage<K extends RequestName = RequestName> {
  tag: typeof MESSAGE_TAG;
  name: K;
  payload: Payload<K>;
}

export type ReplyEnvelope<K extends RequestName = RequestName> = { ok: true; value: Reply<K> } | { ok: false; error: AppErrorInfo };

/** Background -> extension pages broadcasts (runtime.sendMessage; content scripts never get these). */
export type Broadcast = { tag: typeof MESSAGE_TAG; event: 'capture.delivered' } | { tag: typeof MESSAGE_TAG; event: 'connections.changed' };

export type { CaptureRequests, ConnectionRequests, DetailsRequests, IssueRequests, WriteRequests };
export type { Settings } from './issues';
export { DEFAULT_SETTINGS } from './issues';
