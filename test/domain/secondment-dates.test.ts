import assert from "node:assert/strict";
import { daysInMonth, isoDate } from "../../src/domain/dates";
import {
  addDays,
  checkEndDate,
  checkInDate,
  checkInDates,
  checkInDueAt,
  durationInMonths,
  earliestEarlyEnd,
  followUpDue,
  lastDayForCap,
  latestEndDate,
  returnReminderDate,
} from "../../src/domain/secondment-dates";
import { bankHolidays } from "../../src/domain/working-days";

// Weekdays of the expected dates were checked by hand (new Date(iso).getUTCDay()) and are noted beside them.

describe("secondment dates", () => {
  describe("addDays", () => {
    const cases: [string, number, string][] = [
      ["2027-02-28", 1, "2027-03-01"],
      ["2028-02-28", 1, "2028-02-29"], // leap year
      ["2027-12-31", 1, "2028-01-01"],
      ["2027-03-01", -1, "2027-02-28"],
      ["2028-03-01", -1, "2028-02-29"],
      ["2027-01-01", 0, "2027-01-01"],
      ["2027-01-01", 365, "2028-01-01"],
      ["2028-01-01", 366, "2029-01-01"],
      ["0050-03-01", -1, "0050-02-28"], // years below 100 are not read as 1900s
    ];
    for (const [iso, n, expected] of cases) {
      it(`${iso} ${n >= 0 ? "+" : "-"} ${Math.abs(n)} is ${expected}`, () => assert.equal(addDays(iso, n), expected));
    }

    it("refuses fractional days, malformed dates and dates before year 1", () => {
      assert.throws(() => addDays("2027-01-01", 1.5), RangeError);
      assert.throws(() => addDays("2027-02-29", 1), RangeError);
      assert.throws(() => addDays("27-01-01", 1), RangeError);
      assert.throws(() => addDays("0001-01-01", -1), RangeError);
    });
  });

  describe("lastDayForCap", () => {
    const cases: [string, number, string, string][] = [
      ["2027-01-01", 24, "2029-01-01", "a plain start"],
      ["2027-01-01", 12, "2028-01-01", "a plain start"],
      ["2027-01-01", 1, "2027-02-01", "a plain start"],
      ["2027-03-07", 24, "2029-03-07", "two years: the same date"],
      ["2027-03-07", 9, "2027-12-07", "nine months: the same date"],
      ["2027-01-15", 1, "2027-02-15", "mid-month"],
      ["2027-03-01", 1, "2027-04-01", "the 1st of a 31-day month"],
      ["2028-03-01", 12, "2029-03-01", "the 1st of March after a leap day"],
      ["2027-01-31", 1, "2027-02-28", "the 31st: the end of February"],
      ["2028-01-31", 1, "2028-02-29", "the 31st in a leap year: 29 February"],
      ["2027-03-31", 1, "2027-04-30", "the 31st into a 30-day month"],
      ["2027-08-31", 12, "2028-08-31", "the 31st, a year"],
      ["2027-12-31", 2, "2028-02-29", "the 31st to a leap February"],
      ["2027-11-30", 3, "2028-02-29", "the 30th to a leap February"],
      ["2028-02-29", 1, "2028-03-29", "29 February, a month"],
      ["2028-02-29", 12, "2029-02-28", "29 February, a year: 28 February"],
      ["2028-02-29", 24, "2030-02-28", "29 February, two years"],
    ];
    for (const [start, cap, expected, what] of cases) {
      it(`start ${start}, cap ${cap} → ${expected} (${what})`, () => assert.equal(lastDayForCap(start, cap), expected));
    }

    it("refuses a cap that is not a whole number of months, at least 1", () => {
      for (const cap of [0, -1, 1.5, Number.NaN, Infinity]) {
        assert.throws(() => lastDayForCap("2027-01-01", cap), RangeError, String(cap));
      }
      assert.throws(() => lastDayForCap("2027-02-30", 12), RangeError);
    });
  });

  describe("latestEndDate", () => {
    it("is the cap's last day without a fixed-term contract", () => {
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24 }), { date: "2029-01-01", because: "cap" });
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24, fixedTermEnd: undefined }), {
        date: "2029-01-01",
        because: "cap",
      });
    });

    it("is the contract end when that is earlier", () => {
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2027-06-30" }), {
        date: "2027-06-30",
        because: "fixed-term",
      });
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2028-12-31" }), {
        date: "2028-12-31",
        because: "fixed-term",
      });
    });

    it("gives the contract as the reason when both are the same day", () => {
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2029-01-01" }), {
        date: "2029-01-01",
        because: "fixed-term",
      });
    });

    it("is the cap's last day when the contract ends a day later", () => {
      assert.deepEqual(latestEndDate({ startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2029-01-02" }), {
        date: "2029-01-01",
        because: "cap",
      });
    });
  });

  describe("checkEndDate", () => {
    const capCases: [string, number, string, string, string][] = [
      // start, cap, last day allowed, the day after, the day in words
      ["2027-01-01", 24, "2029-01-01", "2029-01-02", "1 January 2029"],
      ["2027-01-01", 12, "2028-01-01", "2028-01-02", "1 January 2028"],
      ["2027-01-01", 1, "2027-02-01", "2027-02-02", "1 February 2027"],
      ["2027-03-07", 24, "2029-03-07", "2029-03-08", "7 March 2029"],
      ["2027-01-31", 1, "2027-02-28", "2027-03-01", "28 February 2027"],
      ["2027-01-31", 12, "2028-01-31", "2028-02-01", "31 January 2028"],
      ["2027-01-31", 24, "2029-01-31", "2029-02-01", "31 January 2029"],
      ["2028-02-29", 1, "2028-03-29", "2028-03-30", "29 March 2028"],
      ["2028-02-29", 12, "2029-02-28", "2029-03-01", "28 February 2029"],
      ["2028-02-29", 24, "2030-02-28", "2030-03-01", "28 February 2030"],
    ];
    for (const [startDate, capMonths, last, over, words] of capCases) {
      it(`start ${startDate}, cap ${capMonths}: ${last} is allowed, ${over} is not`, () => {
        assert.deepEqual(checkEndDate({ startDate, endDate: last, capMonths }), { ok: true });
        const months = capMonths === 1 ? "1 month" : `${capMonths} months`;
        assert.deepEqual(checkEndDate({ startDate, endDate: over, capMonths }), {
          ok: false,
          rule: "cap",
          latest: last,
          message: `End date must be on or before ${words}. The organisation limits secondments to ${months}.`,
        });
      });
    }

    it("allows an end date on the start date, and refuses one the day before", () => {
      assert.deepEqual(checkEndDate({ startDate: "2027-03-01", endDate: "2027-03-01", capMonths: 24 }), { ok: true });
      assert.deepEqual(checkEndDate({ startDate: "2027-03-01", endDate: "2027-02-28", capMonths: 24 }), {
        ok: false,
        rule: "before-start",
        message: "End date must be the same as or after the start date.",
      });
    });

    it("allows the contract end date and refuses the day after", () => {
      const o = { startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2027-06-30" };
      assert.deepEqual(checkEndDate({ ...o, endDate: "2027-06-30" }), { ok: true });
      assert.deepEqual(checkEndDate({ ...o, endDate: "2027-07-01" }), {
        ok: false,
        rule: "fixed-term",
        latest: "2027-06-30",
        message: "End date must be on or before 30 June 2027, the end of the fixed-term contract.",
      });
    });

    it("names the contract when it ends on the cap's last day", () => {
      const o = { startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2029-01-01" };
      assert.deepEqual(checkEndDate({ ...o, endDate: "2029-01-01" }), { ok: true });
      assert.deepEqual(checkEndDate({ ...o, endDate: "2029-01-02" }), {
        ok: false,
        rule: "fixed-term",
        latest: "2029-01-01",
        message: "End date must be on or before 1 January 2029, the end of the fixed-term contract.",
      });
    });

    it("names the contract when it ends the day before the cap's last day", () => {
      const o = { startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2028-12-31" };
      assert.deepEqual(checkEndDate({ ...o, endDate: "2028-12-31" }), { ok: true });
      assert.deepEqual(checkEndDate({ ...o, endDate: "2029-01-01" }), {
        ok: false,
        rule: "fixed-term",
        latest: "2028-12-31",
        message: "End date must be on or before 31 December 2028, the end of the fixed-term contract.",
      });
    });

    it("names the cap when the contract ends the day after the cap's last day", () => {
      const o = { startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2029-01-02" };
      assert.deepEqual(checkEndDate({ ...o, endDate: "2029-01-01" }), { ok: true });
      assert.deepEqual(checkEndDate({ ...o, endDate: "2029-01-02" }), {
        ok: false,
        rule: "cap",
        latest: "2029-01-01",
        message: "End date must be on or before 1 January 2029. The organisation limits secondments to 24 months.",
      });
    });

    it("checks the start first, then the latest date", () => {
      // The contract ended before the start: an end date after the start still breaks the contract rule.
      const o = { startDate: "2027-01-01", capMonths: 24, fixedTermEnd: "2026-12-31" };
      assert.deepEqual(checkEndDate({ ...o, endDate: "2026-12-31" }), {
        ok: false,
        rule: "before-start",
        message: "End date must be the same as or after the start date.",
      });
      assert.deepEqual(checkEndDate({ ...o, endDate: "2027-01-01" }), {
        ok: false,
        rule: "fixed-term",
        latest: "2026-12-31",
        message: "End date must be on or before 31 December 2026, the end of the fixed-term contract.",
      });
    });

    it("refuses malformed dates", () => {
      assert.throws(() => checkEndDate({ startDate: "2027-01-01", endDate: "2027-02-30", capMonths: 24 }), RangeError);
      assert.throws(() => checkEndDate({ startDate: "1/1/2027", endDate: "2027-02-01", capMonths: 24 }), RangeError);
    });
  });

  describe("durationInMonths", () => {
    const cases: [string, string, number][] = [
      ["2027-01-01", "2027-01-01", 1], // a single day is a part month
      ["2027-01-01", "2027-01-31", 1],
      ["2027-01-01", "2027-02-01", 1], // the same date a month on: one month
      ["2027-01-01", "2027-02-02", 2],
      ["2027-03-07", "2027-12-07", 9], // a 9-month role: the same date 9 months on
      ["2027-03-07", "2027-12-06", 9], // or the day before
      ["2027-03-07", "2027-12-08", 10],
      ["2027-03-07", "2028-01-07", 10], // extended by a month
      ["2027-03-07", "2029-03-07", 24], // two years
      ["2027-03-07", "2029-03-08", 25],
      ["2027-01-01", "2028-12-31", 24],
      ["2027-01-01", "2029-01-01", 24],
      ["2027-01-01", "2029-01-02", 25],
      ["2027-01-15", "2027-02-14", 1],
      ["2027-01-15", "2027-02-15", 1],
      ["2027-01-15", "2027-02-16", 2],
      ["2027-01-31", "2027-02-28", 1], // 28 February is where a month from the 31st ends, by addMonths
      ["2027-01-31", "2027-03-01", 2],
      ["2028-02-29", "2029-02-28", 12],
      ["2028-02-29", "2029-03-01", 13],
      ["2027-12-31", "2028-02-29", 2],
      ["2027-12-31", "2028-03-01", 3],
    ];
    for (const [start, end, expected] of cases) {
      it(`${start} to ${end} is ${expected}`, () => assert.equal(durationInMonths(start, end), expected));
    }

    it("refuses an end before the start", () => {
      assert.throws(() => durationInMonths("2027-03-01", "2027-02-28"), RangeError);
    });

    it("agrees with lastDayForCap for every start in 2027 and 2028, caps 1, 12 and 24", () => {
      let checked = 0;
      for (let y = 2027; y <= 2028; y++) {
        for (let m = 1; m <= 12; m++) {
          for (let d = 1; d <= 31; d++) {
            if (d > daysInMonth(y, m)) continue;
            const start = isoDate(y, m, d);
            for (const cap of [1, 12, 24]) {
              const last = lastDayForCap(start, cap);
              assert.ok(last >= start, `${start} cap ${cap}: ${last}`);
              assert.equal(durationInMonths(start, last), cap, `${start} to ${last}`);
              assert.equal(durationInMonths(start, addDays(last, 1)), cap + 1, `${start} to the day after ${last}`);
              // and the cap rule agrees: the last day passes, the next one fails
              assert.deepEqual(checkEndDate({ startDate: start, endDate: last, capMonths: cap }), { ok: true });
              assert.equal(checkEndDate({ startDate: start, endDate: addDays(last, 1), capMonths: cap }).ok, false);
              checked++;
            }
          }
        }
      }
      assert.equal(checked, (365 + 366) * 3);
    });
  });

  describe("check-in dates", () => {
    it("moves a check-in on a Saturday to the Monday", () => {
      // 2027-06-05 Sat + 1 week = 2027-06-12 Sat → Mon 14th
      assert.equal(checkInDate({ startDate: "2027-06-05", everyWeeks: 1, n: 1 }), "2027-06-14");
    });

    it("skips Christmas 2026 and New Year 2027 without moving later check-ins", () => {
      const y2026 = bankHolidays(2026);
      for (const d of ["2026-12-25", "2026-12-28"]) assert.ok(y2026.has(d), d);
      assert.ok(bankHolidays(2027).has("2027-01-01"));
      // Fridays from Fri 4 December 2026: 25th (Fri, holiday; 26th Sat, 27th Sun, 28th Mon substitute) → Tue 29th;
      // 1 January (Fri, holiday) → Mon 4th; then Fri 8 January, still a Friday.
      assert.deepEqual(checkInDates({ startDate: "2026-12-04", endDate: "2027-01-08", everyWeeks: 1 }), [
        "2026-12-11",
        "2026-12-18",
        "2026-12-29",
        "2027-01-04",
        "2027-01-08",
      ]);
    });

    it("skips Christmas 2027, when 25 December is a Saturday, and New Year 2028", () => {
      const y2027 = bankHolidays(2027);
      for (const d of ["2027-12-25", "2027-12-26", "2027-12-27", "2027-12-28"]) assert.ok(y2027.has(d), d);
      assert.ok(bankHolidays(2028).has("2028-01-03"), "New Year's Day 2028 is a Saturday; Monday 3rd is the substitute");
      // Saturdays from Sat 4 December 2027, each moved to the next working day:
      // 11th → Mon 13th, 18th → Mon 20th, 25th → Wed 29th (27th and 28th are substitute days),
      // Sat 1 January 2028 → Tue 4th (Mon 3rd is a substitute day), Sat 8th → Mon 10th.
      assert.deepEqual(checkInDates({ startDate: "2027-12-04", endDate: "2028-01-10", everyWeeks: 1 }), [
        "2027-12-13",
        "2027-12-20",
        "2027-12-29",
        "2028-01-04",
        "2028-01-10",
      ]);
    });

    it("skips Boxing Day", () => {
      assert.ok(bankHolidays(2028).has("2028-12-26"));
      // Tue 5 December 2028 + 3 weeks = Tue 26 December 2028, Boxing Day → Wed 27th
      assert.equal(checkInDate({ startDate: "2028-12-05", everyWeeks: 3, n: 1 }), "2028-12-27");
    });

    it("skips Good Friday and Easter Monday 2027", () => {
      // Fri 12 March + 2 weeks = Good Friday 26th → Tue 30th; then Fri 9 April
      assert.deepEqual(checkInDates({ startDate: "2027-03-12", endDate: "2027-04-09", everyWeeks: 2 }), [
        "2027-03-30",
        "2027-04-09",
      ]);
      // Mon 1 March + 4 weeks = Easter Monday 29th → Tue 30th; then Mon 26 April
      assert.deepEqual(checkInDates({ startDate: "2027-03-01", endDate: "2027-04-26", everyWeeks: 4 }), [
        "2027-03-30",
        "2027-04-26",
      ]);
    });

    it("counts from a month end without drifting", () => {
      // Sun 31 January 2027, every 4 weeks: Sun 28 Feb → Mon 1 March; Sun 28 March → Mon 29th is
      // Easter Monday → Tue 30th; Sun 25 April → Mon 26th.
      assert.deepEqual(checkInDates({ startDate: "2027-01-31", endDate: "2027-04-30", everyWeeks: 4 }), [
        "2027-03-01",
        "2027-03-30",
        "2027-04-26",
      ]);
    });

    it("includes a check-in on the end date and not one the day after", () => {
      // Mon 4 January 2027 every 4 weeks: Mon 1 February, Mon 1 March
      assert.deepEqual(checkInDates({ startDate: "2027-01-04", endDate: "2027-03-01", everyWeeks: 4 }), [
        "2027-02-01",
        "2027-03-01",
      ]);
      assert.deepEqual(checkInDates({ startDate: "2027-01-04", endDate: "2027-02-28", everyWeeks: 4 }), ["2027-02-01"]);
    });

    it("leaves out a check-in moved past the end date", () => {
      // nominal Good Friday 26 March 2027 moves to Tue 30th
      assert.deepEqual(checkInDates({ startDate: "2027-03-12", endDate: "2027-03-26", everyWeeks: 2 }), []);
      assert.deepEqual(checkInDates({ startDate: "2027-03-12", endDate: "2027-03-29", everyWeeks: 2 }), []);
      assert.deepEqual(checkInDates({ startDate: "2027-03-12", endDate: "2027-03-30", everyWeeks: 2 }), ["2027-03-30"]);
    });

    it("never includes the start date, and is empty for a short or backwards secondment", () => {
      assert.deepEqual(checkInDates({ startDate: "2027-01-04", endDate: "2027-01-10", everyWeeks: 1 }), []);
      assert.deepEqual(checkInDates({ startDate: "2027-01-04", endDate: "2027-01-11", everyWeeks: 1 }), ["2027-01-11"]);
      assert.deepEqual(checkInDates({ startDate: "2027-01-04", endDate: "2027-01-01", everyWeeks: 1 }), []);
    });

    it("takes every 1 to 26 weeks", () => {
      // Fri 1 January 2027 + 182 days = Fri 2 July 2027
      assert.equal(checkInDate({ startDate: "2027-01-01", everyWeeks: 26, n: 1 }), "2027-07-02");
      // Mon 4 January 2027 + 52 weeks = Mon 3 January 2028, a substitute day → Tue 4th
      assert.equal(checkInDate({ startDate: "2027-01-04", everyWeeks: 1, n: 52 }), "2028-01-04");
      // Mondays 11 January to 27 December 2027; the 27th is a substitute day, so that one is Wed 29th
      const weekly = checkInDates({ startDate: "2027-01-04", endDate: "2027-12-29", everyWeeks: 1 });
      assert.equal(weekly.length, 51);
      assert.deepEqual(weekly.slice(-2), ["2027-12-20", "2027-12-29"]);
      const toTuesday = checkInDates({ startDate: "2027-01-04", endDate: "2027-12-28", everyWeeks: 1 });
      assert.equal(toTuesday.length, 50);
      assert.equal(toTuesday.at(-1), "2027-12-20");
    });

    it("refuses other intervals and check-in numbers", () => {
      for (const everyWeeks of [0, 27, -1, 1.5, Number.NaN]) {
        assert.throws(() => checkInDates({ startDate: "2027-01-04", endDate: "2027-12-31", everyWeeks }), RangeError);
        assert.throws(() => checkInDate({ startDate: "2027-01-04", everyWeeks, n: 1 }), RangeError);
      }
      for (const n of [0, -1, 1.5]) {
        assert.throws(() => checkInDate({ startDate: "2027-01-04", everyWeeks: 2, n }), RangeError);
      }
    });
  });

  describe("checkInDueAt: 09:00 UK time", () => {
    const cases: [string, string, string][] = [
      ["2027-03-26", "2027-03-26T09:00:00.000Z", "Friday before the clocks go forward: GMT"],
      ["2027-03-28", "2027-03-28T08:00:00.000Z", "the Sunday the clocks go forward: BST by 09:00"],
      ["2027-03-29", "2027-03-29T08:00:00.000Z", "Monday after: BST"],
      ["2027-10-29", "2027-10-29T08:00:00.000Z", "Friday before the clocks go back: BST"],
      ["2027-10-30", "2027-10-30T08:00:00.000Z", "Saturday before the clocks go back: BST"],
      ["2027-10-31", "2027-10-31T09:00:00.000Z", "the Sunday the clocks go back: GMT by 09:00"],
      ["2027-11-01", "2027-11-01T09:00:00.000Z", "Monday after: GMT"],
      ["2027-07-01", "2027-07-01T08:00:00.000Z", "summer"],
      ["2027-12-29", "2027-12-29T09:00:00.000Z", "winter"],
    ];
    for (const [date, expected, what] of cases) {
      it(`${date} (${what}) is ${expected}`, () => assert.equal(checkInDueAt(date).toISOString(), expected));
    }
  });

  describe("returnReminderDate", () => {
    const cases: [string, string, string][] = [
      ["2027-05-31", "2027-04-30", "a month before is a working day (Fri 30 April)"],
      ["2028-03-31", "2028-02-29", "clamped to 29 February in a leap year (a Tuesday)"],
      ["2027-03-31", "2027-02-26", "clamped to 28 February, a Sunday → Fri 26th"],
      ["2027-03-28", "2027-02-26", "28 February, a Sunday → Fri 26th"],
      ["2027-07-12", "2027-06-11", "Sat 12 June → Fri 11th"],
      ["2027-04-26", "2027-03-25", "Good Friday 26 March → Thu 25th"],
      ["2027-04-29", "2027-03-25", "Easter Monday 29 March → back past Easter → Thu 25th"],
      ["2028-01-27", "2027-12-24", "27 December 2027, a substitute day → Fri 24th"],
      ["2028-02-01", "2027-12-31", "Sat 1 January 2028 → Fri 31 December 2027"],
    ];
    for (const [end, expected, what] of cases) {
      it(`end ${end} → ${expected} (${what})`, () => assert.equal(returnReminderDate(end), expected));
    }
  });

  describe("earliestEarlyEnd", () => {
    const cases: [string, number, string][] = [
      ["2027-03-01", 0, "2027-03-01"],
      ["2027-03-01", 1, "2027-03-08"],
      ["2027-03-01", 4, "2027-03-29"], // Easter Monday: calendar days, holidays not skipped
      ["2027-03-01", 26, "2027-08-30"],
      ["2027-12-20", 2, "2028-01-03"],
      ["2028-02-15", 2, "2028-02-29"],
    ];
    for (const [today, weeks, expected] of cases) {
      it(`notice of ${weeks} week${weeks === 1 ? "" : "s"} on ${today} → ${expected}`, () => assert.equal(earliestEarlyEnd(today, weeks), expected));
    }

    it("refuses notice outside 0 to 26 whole weeks", () => {
      for (const weeks of [-1, 27, 0.5, Number.NaN]) {
        assert.throws(() => earliestEarlyEnd("2027-03-01", weeks), RangeError, String(weeks));
      }
    });
  });

  describe("followUpDue", () => {
    it("is 09:00 UK time, 5 working days on, past Easter and the clocks going forward", () => {
      // Thu 25 March 2027 17:30 GMT; skip Good Friday and Easter Monday: 30, 31 Mar, 1, 2, 5 Apr
      const due = followUpDue(new Date("2027-03-25T17:30:00Z"), 5);
      assert.equal(due.toISOString(), "2027-04-05T08:00:00.000Z");
    });

    it("skips Christmas and New Year substitute days", () => {
      // Fri 24 December 2027: skip 27, 28 Dec and 3 Jan: 29, 30, 31 Dec, 4, 5 Jan
      const due = followUpDue(new Date("2027-12-24T10:00:00Z"), 5);
      assert.equal(due.toISOString(), "2028-01-05T09:00:00.000Z");
    });
  });
});
