import type HolidaysType from "date-holidays";
import { isoDate, parseIsoDate, todayInLondon } from "./dates";

/**
 * Working days in England and Wales, and wall-clock times in the UK.
 *
 * Bank holidays come from the maintained `date-holidays` package (country "GB", state "ENG"),
 * public and bank holidays only, never observances such as Mother's Day. England and Wales share
 * the same bank holidays there (checked for 1990 to 2060), including one-off days such as
 * coronations and state funerals, and substitute days when a holiday falls at a weekend
 * (Christmas Day 2027 is a Saturday, so 27 and 28 December 2027 are bank holidays).
 * Scotland and Northern Ireland differ and are not covered here.
 *
 * Dates are ISO calendar dates ("2027-03-26"), as in src/domain/dates.ts.
 */

const UK_ZONE = "Europe/London";
let bankHolidayRules: HolidaysType | undefined;
/** Loaded on first use (about 0.2 s at every start otherwise). */
function rules(): HolidaysType {
  if (!bankHolidayRules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require("date-holidays") as typeof HolidaysType & { default?: typeof HolidaysType };
    const Holidays = m.default ?? m;
    bankHolidayRules = new Holidays("GB", "ENG", { types: ["public", "bank"], timezone: UK_ZONE });
  }
  return bankHolidayRules;
}
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function mustParse(iso: string): { y: number; m: number; d: number } {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return date;
}

/** The bank holidays of England and Wales in one year, as ISO dates. Cached per year. */
export function bankHolidays(year: number): ReadonlySet<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(
      rules().getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => h.date.slice(0, 10)), // "YYYY-MM-DD hh:mm:ss": the local calendar date
    );
    holidaysByYear.set(year, set);
  }
  return set;
}

function addDays(iso: string, days: number): string {
  const { y, m, d } = mustParse(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(iso: string): boolean {
  const { y, m, d } = mustParse(iso);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !bankHolidays(y).has(iso);
}

/** The date itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The date `n` working days after `iso` (before it, if `n` is negative); the date itself when n is 0.
 * Friday + 1 is the next Monday (or Tuesday after a bank holiday Monday); Saturday + 1 is Monday.
 */
export function addWorkingDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  mustParse(iso);
  const step = n < 0 ? -1 : 1;
  let day = iso;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LONDON_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes the UK clock is ahead of UTC at instant `t` (0 in GMT, 60 in BST). */
function londonOffsetMinutes(t: number): number {
  const p = Object.fromEntries(LONDON_CLOCK.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p["year"]!, p["month"]! - 1, p["day"]!, p["hour"]!, p["minute"]!, p["second"]!);
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
}

/**
 * The instant at which UK clocks show `hhmm` on date `iso`, in GMT or BST as the date requires.
 * On the spring change (01:00 GMT jumps to 02:00 BST) a time in the missing hour is moved forward by
 * an hour (01:30 → 02:30 BST); on the autumn change a time that occurs twice (01:00–01:59) is the
 * first of them (BST). Both follow what calendar software does.
 */
export function atUkTime(iso: string, hhmm: string): Date {
  const { y, m, d } = mustParse(iso);
  const match = HH_MM.exec(hhmm);
  if (!match) throw new RangeError(`Not a time (HH:MM, 24-hour): ${JSON.stringify(hhmm)}`);
  const asIfUtc = Date.UTC(y, m - 1, d, Number(match[1]), Number(match[2]));
  const offsetBefore = londonOffsetMinutes(asIfUtc - 86_400_000);
  const offsetAfter = londonOffsetMinutes(asIfUtc + 86_400_000);
  // Each offset in force around that day gives a candidate; keep those the clock really shows.
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => asIfUtc - offset * 60_000)
    .filter((t) => londonOffsetMinutes(t) * 60_000 === asIfUtc - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(asIfUtc - offsetBefore * 60_000); // in the spring gap: the old offset moves it forward
}

/**
 * `n` working days after the UK calendar date of `from`, at UK time `at`. For example a reminder
 * "in 3 working days" asked for at 17:30 on Thursday 25 March 2027 is due at 09:00 on Thursday
 * 1 April 2027 (Good Friday and Easter Monday are skipped, and the clocks have gone forward).
 */
export function dueInWorkingDays(from: Date, n: number, at = "09:00"): Date {
  if (Number.isNaN(from.getTime())) throw new RangeError("Invalid date");
  return atUkTime(addWorkingDays(todayInLondon(from), n), at);
}
