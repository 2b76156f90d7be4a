// The bench's baseline: the least a Preact popup can do — render a few rows at once,
// with no storage read and no messages.
import { render } from 'preact';

const rows = Array.from({ length: 10 }, (_, i) => ({ key: `BARE-${i + 1}`, summary: `Row ${i + 1}` }));

render(
  <div role="listbox" aria-label="Issues">
    {rows.map((r) => (
      // biome-ignore lint/a11y/useFocusableInteractive: the same markup as the popup's list (its listbox holds the focus)
      <div key={r.key} role="option" aria-selected={false} style={{ height: '52px' }}>
        <b>{r.key}</b> {r.summary}
      </div>
    ))}
  </div>,
  document.getElementById('app')!,
);
