// The four copy actions of an issue (what copy.ts copies), as data: the list's shortcuts read
// them at start-up; the copying itself loads when first used.

export type CopyKind = 'key' | 'link' | 'branch' | 'markdown';

/** The actions in the order they are offered, with their buttons' names and list shortcuts. */
export const COPY_ACTIONS: readonly { kind: CopyKind; label: string; shortcut: string }[] = [
  { kind: 'key', label: 'Copy key', shortcut: 'c' },
  { kind: 'link', label: 'Copy link', shortcut: 'l' },
  { kind: 'branch', label: 'Copy branch name', shortcut: 'b' },
  { kind: 'markdown', label: 'Copy as Markdown', shortcut: 'm' },
];
