// The UI half of the popup entry (see main.tsx).
import { render } from 'preact';
import { App } from './app';
import type { Boot } from './boot';

export function mount(init: Boot, root: HTMLElement): void {
  render(<App init={init} />, root);
}
