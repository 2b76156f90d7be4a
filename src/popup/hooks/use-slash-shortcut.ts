// "/" focuses Search from anywhere but a text field or a menu (where "/" is typed, or is the
// menu's type-ahead). The JQL checkbox and buttons pass it on.
import { useEffect } from 'preact/hooks';

export function useSlashShortcut(target: { current: HTMLElement | null }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing =
        (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type)) ||
        t instanceof HTMLTextAreaElement ||
        t instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !e.isComposing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        target.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [target]);
}
