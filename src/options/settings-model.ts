// Pure helpers of the settings section.

/** A copy of `items` with the item at `index` moved by `delta` places (clamped). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const copy = [...items];
  const target = Math.max(0, Math.min(copy.length - 1, index + delta));
  if (index < 0 || index >= copy.length || target === index) return copy;
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** The badge refresh interval typed by the user, or undefined when not a whole number 1..120. */
export function parseInterval(input: string): number | undefined {
  if (!/^\s*\d{1,3}\s*$/.test(input)) return undefined;
  const n = Number(input);
  return n >= 1 && n <= 120 ? n : undefined;
}
