// Keys of the popup's comment drafts in the extension origin's localStorage, shared by the
// details view (which writes them) and the options page (which drops a deleted connection's).
// A module of its own, not storage-keys.ts: that one is in the popup's entry, these are not.

/**
 * Prefix of the popup's localStorage keys that keep a comment being typed, one per connection
 * and issue (`<prefix><connection id>:<issue key>`), until Jira has it. The options page drops a
 * connection's drafts when the connection is deleted.
 */
export const COMMENT_DRAFT_PREFIX = 'cfj.draft.';

/**
 * The start of every comment draft key of connection `connectionId`, its separator included
 * ("cfj.draft.c1:"), so that it never matches the drafts of a connection whose id merely starts
 * with this one ("c10").
 */
export function commentDraftPrefix(connectionId: string): string {
  return `${COMMENT_DRAFT_PREFIX}${connectionId}:`;
}

/** localStorage key of the comment being typed on issue `issueKey` of connection `connectionId`. */
export function commentDraftKey(connectionId: string, issueKey: string): string {
  return `${commentDraftPrefix(connectionId)}${issueKey}`;
}
