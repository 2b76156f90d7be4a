// Times and waits as the UI says them, with the platform's Intl formatters (no hand-written
// plurals): "5 min. ago" on a row, "5 minutes ago" in a sentence, "expires tomorrow".
// Intl.RelativeTimeFormat and DateTimeFormat are in every browser we support
// (docs/browsers.md#intl). English wording: the UI is in English.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 'narrow' for rows ("3h ago"), 'long' in sentences ("3 hours ago"). */
export type TimeStyle = 'narrow' | 'long';

const relative = {
  narrow: new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'narrow' }),
  long: new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' }),
};
const SAME_YEAR = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const OTHER_YEAR = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' });

/**
 * How long ago `when` (ISO text or epoch ms) was, relative to `now` (epoch ms): "now" under a
 * minute, then minutes, hours, days, weeks; from five weeks on a date ("Mar 4", or "Mar 4, 2024"
 * in another year). Empty for missing or unreadable input; a time slightly in the future (clock
 * skew) counts as now.
 */
export function relativeTime(when: string | number | undefined, now: number = Date.now(), style: TimeStyle = 'narrow'): string {
  if (when === undefined) return '';
  const t = typeof when === 'number' ? when : Date.parse(when);
  if (!Number.isFinite(t)) return '';
  const ago = now - t;
  const rtf = relative[style];
  if (ago < MINUTE) return rtf.format(0, 'second');
  if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return rtf.format(-Math.floor(ago / DAY), 'day');
  if (ago < 35 * DAY) return rtf.format(-Math.floor(ago / (7 * DAY)), 'week');
  const d = new Date(t);
  return (d.getFullYear() === new Date(now).getFullYear() ? SAME_YEAR : OTHER_YEAR).format(d);
}

/**
 * A token's expiry in `days` from today (negative: past), the one wording every page uses:
 * "expires today", "expires tomorrow", "expires in 10 days", "expired yesterday",
 * "expired 3 days ago".
 */
export function expiryPhrase(days: number): string {
  const when = relative.long.format(days, 'day');
  return days < 0 ? `expired ${when}` : `expires ${when}`;
}

/** "42 s", "4 min 05 s", "about 25 min", "about 2 h": a wait (seconds), for the popup's
 * countdown and for the rate-limit message. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  // Long waits to the minute or hour: a second-by-second count of an hour says nothing.
  if (seconds >= 90 * 60) return `about ${Math.round(seconds / 3600)} h`;
  if (seconds >= 10 * 60) return `about ${Math.ceil(seconds / 60)} min`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}
