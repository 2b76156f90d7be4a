// An issue's content (its fields, copy actions, description, attachments and comments, and the
// rich-text renderer) is a chunk of its own: loaded after the list's first paint
// (prefetchDetails), so opening an issue does not wait for it, and the popup's start-up does not
// carry it. Until it is there, the view shows the row's fields.
import { useEffect, useState } from 'preact/hooks';

type Module = typeof import('./details-content');
let loading: Promise<Module> | undefined;
let loaded: Module | undefined;

/** Starts loading the chunk (once); resolves to it. */
export function prefetchDetails(): Promise<Module> {
  loading ??= import('./details-content').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/** The chunk, once loaded (asks for it if nobody has yet). */
export function useDetailsModule(): Module | undefined {
  const [mod, setMod] = useState<Module | undefined>(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void prefetchDetails().then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
