// The Search box and its JQL switch. Enter on a key or a pasted issue URL opens it (the parent's
// onEnter); Esc clears; ArrowDown moves to the list.
import type { Ref } from 'preact';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  jqlMode: boolean;
  onQuery(text: string): void;
  onJqlMode(on: boolean): void;
  onKeyDown(e: KeyboardEvent): void;
}

export function SearchBox({ inputRef, query, jqlMode, onQuery, onJqlMode, onKeyDown }: Props) {
  return (
    <div class="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Search"
        aria-keyshortcuts="/"
        placeholder={jqlMode ? 'JQL, then Enter' : 'Issue key, URL or text — press / anytime'}
        value={query}
        spellcheck={false}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <label class="toggle">
        <input type="checkbox" checked={jqlMode} onChange={(e) => onJqlMode((e.currentTarget as HTMLInputElement).checked)} />
        JQL
      </label>
    </div>
  );
}
