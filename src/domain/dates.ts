import { DEFAULT_LANG, formatDate, type Lang } from "../i18n";

/**
 * Calendar dates as ISO strings ("2027-03-31"), with no time and no time zone. Forms send dates
 * this way and the rules compare them this way. Pure functions: "today" is always passed in.
 */

export interface YearMonthDay {
  y: number;
  m: number;
  d: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Like ISO_DATE but also years past 9999, which adding months to a late date can produce. */
const ANY_YEAR = /^(\d{4,})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parseWith(pattern: RegExp, s: unknown): YearMonthDay | undefined {
  if (typeof s !== "string") return undefined;
  const match = pattern.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/**
 * A real calendar date written exactly as YYYY-MM-DD (years 0001 to 9999), else undefined.
 * "2027-02-30", "2026-13-01", "2026-1-5" and " 2026-01-05" are all refused.
 */
export function parseIsoDate(s: unknown): YearMonthDay | undefined {
  return parseWith(ISO_DATE, s);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function mustParse(iso: string): YearMonthDay {
  const date = parseWith(ANY_YEAR, iso);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return date;
}

/**
 * The same day of the month, `months` later (or earlier, if negative). When that month is
 * shorter the date is clamped to its last day: 2027-01-31 + 1 is 2027-02-28, 2028-01-31 + 1 is
 * 2028-02-29. Throws RangeError on a malformed date or a fractional number of months.
 */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number: ${months}`);
  const { y, m, d } = mustParse(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1) throw new RangeError(`Date before year 1: ${iso} + ${months} months`);
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Negative if a is earlier than b, 0 if the same day, positive if later. Throws on malformed dates. */
export function compareIso(a: string, b: string): number {
  const x = mustParse(a);
  const y = mustParse(b);
  return x.y - y.y || x.m - y.m || x.d - y.d;
}

/**
 * "2027-03-31" → "31 March 2027" (GOV.UK style), or "31 Mawrth 2027" in Welsh. Anything that is not
 * a date is returned unchanged.
 */
export function formatUkDate(iso: string, lang: Lang = DEFAULT_LANG): string {
  const date = parseWith(ANY_YEAR, iso);
  if (!date) return iso;
  const at = new Date(Date.UTC(2000, date.m - 1, date.d, 12));
  at.setUTCFullYear(date.y);
  return formatDate(lang, at);
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in the UK at the instant `now` (GMT in winter, BST in summer). */
export function todayInLondon(now: Date): string {
  const parts = Object.fromEntries(LONDON.formatToParts(now).map((p) => [p.type, p.value]));
  return isoDate(Number(parts["year"]), Number(parts["month"]), Number(parts["day"]));
}
