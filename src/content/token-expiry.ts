// Reading a new token's expiry date from the dialog that shows it. The user picks the expiry
// when creating the token (docs/jira-api.md#api-tokens) and the dialog may state it, as text
// or in a date field; the background uses it to remind the user before the token expires.
import { readableText } from './page-text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/;
// "Nov 28, 2027", "November 28 2027", "Nov 28th, 2027"
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
// "28 Nov 2027", "28 November, 2027"
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');
const EXPIRY_WORD = /\bexpir(?:es|ing|y|ation)\b/gi;

function ymd(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

type DateMatch = { index: number; value: string };

function firstDate(text: string): DateMatch | undefined {
  const found: DateMatch[] = [];
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const v = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (v) found.push({ index: iso.index, value: v });
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const v = ymd(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
    if (v) found.push({ index: mdy.index, value: v });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const v = ymd(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
    if (v) found.push({ index: dmy.index, value: v });
  }
  found.sort((a, b) => a.index - b.index);
  return found[0];
}

/**
 * The first valid date in `text`, written as ISO (2027-11-28) or long-form English (Nov 28,
 * 2027; 28 November 2027), as YYYY-MM-DD. Numeric forms like 11/28/2027 are ambiguous and
 * not guessed; impossible dates (Feb 29, 2027) give undefined.
 */
export function parseDate(text: string): string | undefined {
  return firstDate(text)?.value;
}

/**
 * The expiry date a text states, as YYYY-MM-DD: the first date shortly after a word like
 * "Expires" / "Expiration date". Other dates (e.g. "Created Nov 1, 2026") are ignored.
 */
export function findExpiryDate(text: string): string | undefined {
  for (const m of text.matchAll(EXPIRY_WORD)) {
    const start = m.index + m[0].length;
    // "Expires on Nov 28, 2027", "Expiration date: 2027-11-28": the date follows closely.
    const date = firstDate(text.slice(start, start + 60));
    if (date && date.index <= 30) return date.value;
  }
  return undefined;
}

/**
 * The expiry date (YYYY-MM-DD) `container` states for the token it shows, read from its text
 * and its labelled inputs; the token itself is left out so its characters cannot pass for a date.
 */
export function expiryIn(container: Element, token: string): string | undefined {
  return findExpiryDate(readableText(container).split(token).join(' '));
}
