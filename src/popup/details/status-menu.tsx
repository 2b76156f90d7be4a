// "Change status": a button that opens the menu of the issue's transitions (asked from Jira for
// this issue when opened: ids differ per workflow), each named by the status it leads to.
// Arrows move, Enter chooses, Esc closes and gives the focus back to the button.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppErrorInfo } from '../../shared/errors';
import type { TransitionOption } from '../../shared/transitions';
import { errorInfo } from '../error-info';
import { request } from '../ext';

interface Props {
  connectionId: string;
  issueKey: string;
  status: string;
  disabled: boolean;
  onChoose(option: TransitionOption): void;
}

/** A transition's name in the menu: its target status, and its own name where that differs. */
export function transitionLabel(t: TransitionOption): string {
  return t.name && t.name.toLowerCase() !== t.to.name.toLowerCase() ? `${t.to.name} (${t.name})` : t.to.name;
}

export function StatusMenu({ connectionId, issueKey, status, disabled, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<TransitionOption[] | undefined>();
  const [error, setError] = useState<AppErrorInfo | undefined>();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setOptions(undefined);
    setError(undefined);
    request('issue.transitions', { connectionId, key: issueKey }).then(
      (r) => live && setOptions(r.transitions),
      (e) => live && setError(errorInfo(e)),
    );
    return () => {
      live = false;
    };
  }, [open, connectionId, issueKey]);

  useEffect(() => {
    if (open && options?.length) menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [open, options]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onMenuKey(e: KeyboardEvent) {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (move && items.length) items[(at + move + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items.at(-1)?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') close();
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation(); // Esc closes the menu, not the issue
  }

  return (
    <div class="status-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-disabled={disabled}
        onClick={() => !disabled && setOpen(!open)}
      >
        Change status: {status}
      </button>
      {open ? (
        <div ref={menu} role="menu" aria-label={`Move ${issueKey} to`} tabIndex={-1} onKeyDown={onMenuKey}>
          {error ? <p class="inline-error">{error.message}</p> : null}
          {!options && !error ? <p class="muted">Loading…</p> : null}
          {options && !options.length ? <p class="muted">Jira offers no change of status for this issue now.</p> : null}
          {options?.map((o) => (
            <button
              key={o.id}
              type="button"
              role="menuitem"
              aria-label={transitionLabel(o)}
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                onChoose(o);
              }}
            >
              <span class={`lozenge cat-${o.to.category}`}>{o.to.name}</span>
              {/* In parentheses as in the accessible name: the visible text stays part of it (WCAG 2.5.3). */}
              {transitionLabel(o) !== o.to.name ? <span class="muted"> ({o.name})</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
