import { addMonths, compareIso, daysInMonth, isoDate } from "./dates";
import { DEFAULT_LANG, formatDate, t, type Lang } from "../i18n";
import { atUkTime, dueInWorkingDays, isWorkingDay, nextWorkingDay } from "./working-days";

/**
 * The date rules of a secondment: how long it may last, when keeping-in-touch check-ins fall, when
 * the return reminder goes and how early it can end. Dates are ISO calendar dates in the UK
 * ("2027-03-31"), as in ./dates; instants are JS Dates. Pure functions: "today" is passed in.
 * Malformed dates and out-of-range numbers throw RangeError.
 */

/** Like ./dates: four or more digits of year, so dates made by addMonths near year 9999 still read. */
const ANY_YEAR = /^(\d{4,})-(\d{2})-(\d{2})$/;

function mustParse(iso: string): { y: number; m: number; d: number } {
  const match = ANY_YEAR.exec(iso);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return { y, m, d };
}

function wholeNumber(what: string, n: number, min: number, max = Infinity): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new RangeError(`${what} must be a whole number, ${range}: ${n}`);
  }
  return n;
}

/** `n` calendar days after `iso` (before it if `n` is negative). 2027-02-28 + 1 is 2027-03-01. */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number: ${n}`);
  const { y, m, d } = mustParse(iso);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + n); // unlike Date.UTC, keeps years 1 to 99 as they are
  const year = t.getUTCFullYear();
  if (!(year >= 1)) throw new RangeError(`Date out of range: ${iso} + ${n} days`);
  return isoDate(year, t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The last day a secondment starting on `startDate` may run under a cap of `capMonths` months:
 * the same date `capMonths` later, as people read "two years" (7 March 2027 to 7 March 2029 is 24
 * months; 8 March 2029 is past it). Month ends follow addMonths, which clamps to the end of a
 * shorter month: start 2027-01-31, 1 month → 2027-02-28; start 2028-02-29, 12 months → 2029-02-28.
 */
export function lastDayForCap(startDate: string, capMonths: number): string {
  wholeNumber("Cap in months", capMonths, 1);
  mustParse(startDate);
  return addMonths(startDate, capMonths);
}

/**
 * The latest end date allowed: the earlier of the cap's last day and the end of a fixed-term
 * contract (a fixed-term employee can be seconded only up to the end of their contract).
 * When the two are the same day the reason given is the contract.
 */
export function latestEndDate(o: {
  startDate: string;
  capMonths: number;
  fixedTermEnd?: string | undefined;
}): { date: string; because: "cap" | "fixed-term" } {
  const capDay = lastDayForCap(o.startDate, o.capMonths);
  if (o.fixedTermEnd !== undefined && compareIso(o.fixedTermEnd, capDay) <= 0) {
    return { date: o.fixedTermEnd, because: "fixed-term" };
  }
  return { date: capDay, because: "cap" };
}

export type EndDateCheck =
  | { ok: true }
  | { ok: false; rule: "before-start" | "cap" | "fixed-term"; latest?: string; message: string };

/**
 * An end date must be on or after the start date (a one-day secondment is allowed) and on or
 * before latestEndDate. A failure names the rule, the latest date allowed (for "cap" and
 * "fixed-term") and a GOV.UK-style message that says which date and why.
 */
export function checkEndDate(
  o: {
    startDate: string;
    endDate: string;
    capMonths: number;
    fixedTermEnd?: string | undefined;
  },
  /** The message's language, and which date it names: the end date, or the new one asked for in an extension. */
  words: { lang?: Lang; field?: "end" | "newEnd" } = {},
): EndDateCheck {
  const lang = words.lang ?? DEFAULT_LANG;
  const field = words.field ?? "end";
  if (compareIso(o.endDate, o.startDate) < 0) {
    return { ok: false, rule: "before-start", message: t(lang, "secondment.endDate.beforeStart", { field }) };
  }
  const latest = latestEndDate(o);
  if (compareIso(o.endDate, latest.date) <= 0) return { ok: true };
  return {
    ok: false,
    rule: latest.because,
    latest: latest.date,
    message: t(lang, latest.because === "cap" ? "secondment.endDate.cap" : "secondment.endDate.fixedTerm", { field, date: formatDate(lang, latest.date), months: o.capMonths }),
  };
}

/**
 * How many months a secondment from `startDate` to `endDate` lasts, as people count them: the
 * smallest n ≥ 1 with endDate ≤ lastDayForCap(startDate, n), a part month counting as a month.
 * Ending on the same date n months on, or the day before, is n months: 7 March to 7 December and
 * 7 March to 6 December are both 9; to 8 December is 10. So the months shown always agree with the
 * cap (a secondment of at most `cap` months by this count is within it). Throws RangeError if
 * endDate is before startDate.
 */
export function durationInMonths(startDate: string, endDate: string): number {
  if (compareIso(endDate, startDate) < 0) {
    throw new RangeError(`End date ${endDate} is before start date ${startDate}`);
  }
  const s = mustParse(startDate);
  const e = mustParse(endDate);
  // With n the difference in calendar months, addMonths(start, n) falls in the end date's month,
  // and addMonths(start, n - 1) in the month before, so the answer is n or n + 1.
  const n = Math.max(1, (e.y - s.y) * 12 + (e.m - s.m));
  return compareIso(endDate, addMonths(startDate, n)) <= 0 ? n : n + 1;
}

/**
 * The n-th keeping-in-touch check-in (n = 1, 2, …): startDate + n × everyWeeks weeks, moved to the
 * next working day in England and Wales if it is a weekend or bank holiday. Each date is counted
 * from the start, so moving one off a holiday never moves the later ones.
 * everyWeeks must be a whole number from 1 to 26.
 */
export function checkInDate(o: { startDate: string; everyWeeks: number; n: number }): string {
  wholeNumber("Weeks between check-ins", o.everyWeeks, 1, 26);
  wholeNumber("Check-in number", o.n, 1);
  return nextWorkingDay(addDays(o.startDate, o.n * o.everyWeeks * 7));
}

/** Every check-in (as checkInDate) that falls on or before endDate, once moved to a working day. */
export function checkInDates(o: { startDate: string; endDate: string; everyWeeks: number }): string[] {
  wholeNumber("Weeks between check-ins", o.everyWeeks, 1, 26);
  const dates: string[] = [];
  // A moved date is never earlier than its nominal one, so stop at the first nominal date past the end.
  for (let n = 1; compareIso(addDays(o.startDate, n * o.everyWeeks * 7), o.endDate) <= 0; n++) {
    const date = checkInDate({ startDate: o.startDate, everyWeeks: o.everyWeeks, n });
    if (compareIso(date, o.endDate) <= 0) dates.push(date);
  }
  return dates;
}

/** The instant a check-in on `dateIso` is sent: 09:00 UK time (GMT in winter, BST in summer). */
export function checkInDueAt(dateIso: string): Date {
  return atUkTime(dateIso, "09:00");
}

/**
 * The day to remind someone that their secondment is ending: one month before endDate (addMonths,
 * so end 2027-03-31 → 2027-02-28), moved back to the previous working day if that is a weekend or
 * bank holiday, so the reminder is never less than a month ahead.
 */
export function returnReminderDate(endDate: string): string {
  let day = addMonths(endDate, -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * The earliest last day when someone gives notice on `today`: noticeWeeks × 7 calendar days later
 * (bank holidays are not skipped). noticeWeeks is a whole number from 0 to 26; 0 means today.
 */
export function earliestEarlyEnd(today: string, noticeWeeks: number): string {
  wholeNumber("Notice in weeks", noticeWeeks, 0, 26);
  return addDays(today, noticeWeeks * 7);
}

/**
 * When to follow up a check-in: 09:00 UK time, `workingDays` working days after the UK date of
 * `from` (dueInWorkingDays from the scheduler; check-in reminders use 5).
 */
export function followUpDue(from: Date, workingDays: number): Date {
  return dueInWorkingDays(from, workingDays, "09:00");
}
