// Short relative times for rows ("3h ago") and the list's status ("Updated 3 min ago").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3h ago", "2d ago", "3w ago", then a date ("Mar 4", "Mar 4, 2024"). */
export function relativeTime(when: string | number | undefined, now: number = Date.now()): string {
  if (when === undefined) return '';
  const t = typeof when === 'number' ? when : Date.parse(when);
  if (!Number.isFinite(t)) return '';
  const ago = now - t;
  if (ago < 45_000) return 'just now';
  if (ago < HOUR) return `${Math.max(1, Math.round(ago / MINUTE))} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)}h ago`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)}d ago`;
  if (ago < 35 * DAY) return `${Math.floor(ago / (7 * DAY))}w ago`;
  const d = new Date(t);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[d.getMonth()]} ${d.getDate()}${sameYear ? '' : `, ${d.getFullYear()}`}`;
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
