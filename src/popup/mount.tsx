// The UI half of the popup entry (see main.tsx).
import { render } from 'preact';
import { App } from './app';
import type { Boot } from './boot';

/** `settled`: when `init` is a snapshot, what storage.local holds (the App follows it). */
export function mount(init: Boot, root: HTMLElement, settled?: Promise<Boot>): void {
  render(<App init={init} {...(settled ? { settled } : {})} />, root);
}
