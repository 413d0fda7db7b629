import assert from "node:assert/strict";
import {
  addWorkingDays,
  atUkTime,
  bankHolidays,
  dueInWorkingDays,
  isWorkingDay,
  nextWorkingDay,
} from "../../src/domain/working-days";

describe("working days in England and Wales", () => {
  describe("bank holidays", () => {
    const holidays: [string, string][] = [
      ["2026-01-01", "New Year's Day 2026"],
      ["2027-03-26", "Good Friday 2027"],
      ["2027-03-29", "Easter Monday 2027"],
      ["2026-05-04", "early May 2026"],
      ["2027-05-03", "early May 2027"],
      ["2026-05-25", "spring 2026"],
      ["2027-05-31", "spring 2027"],
      ["2026-08-31", "summer 2026"],
      ["2027-08-30", "summer 2027"],
      ["2026-12-25", "Christmas Day 2026 (a Friday)"],
      ["2026-12-28", "Boxing Day 2026 substitute (26th is a Saturday)"],
      ["2027-12-27", "Christmas Day 2027 substitute (25th is a Saturday)"],
      ["2027-12-28", "Boxing Day 2027 substitute (26th is a Sunday)"],
      ["2028-01-03", "New Year's Day 2028 substitute (1st is a Saturday)"],
    ];
    for (const [date, what] of holidays) {
      it(`${date}, ${what}, is not a working day`, () => assert.equal(isWorkingDay(date), false));
    }

    const workingDays: [string, string][] = [
      ["2027-03-25", "the Thursday before Good Friday"],
      ["2027-03-30", "the Tuesday after Easter Monday"],
      ["2026-12-24", "Christmas Eve 2026"],
      ["2026-12-29", "29 December 2026"],
      ["2027-12-24", "Christmas Eve 2027 (a Friday)"],
      ["2027-12-29", "29 December 2027"],
      ["2027-12-31", "New Year's Eve 2027"],
      ["2027-05-04", "the day after early May 2027"],
    ];
    for (const [date, what] of workingDays) {
      it(`${date}, ${what}, is a working day`, () => assert.equal(isWorkingDay(date), true));
    }

    it("treats Saturdays and Sundays as non-working", () => {
      assert.equal(isWorkingDay("2027-03-27"), false);
      assert.equal(isWorkingDay("2027-03-28"), false);
    });

    it("counts public and bank holidays only, not observances such as Easter Sunday or Mother's Day", () => {
      const y2027 = bankHolidays(2027);
      assert.equal(y2027.has("2027-03-28"), false, "Easter Sunday is an observance");
      assert.equal(y2027.has("2027-03-07"), false, "Mother's Day is an observance");
      assert.deepEqual(
        [...y2027].sort(),
        [
          "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
          "2027-12-25", "2027-12-26", "2027-12-27", "2027-12-28",
        ],
      );
    });

    it("includes one-off bank holidays such as the 2023 coronation", () => {
      assert.equal(isWorkingDay("2023-05-08"), false);
    });

    it("refuses malformed dates", () => {
      assert.throws(() => isWorkingDay("2027-02-30"), RangeError);
      assert.throws(() => isWorkingDay("27/03/2027"), RangeError);
    });
  });

  describe("nextWorkingDay", () => {
    it("is the date itself on a working day", () => assert.equal(nextWorkingDay("2027-03-30"), "2027-03-30"));
    it("skips Good Friday, the weekend and Easter Monday", () => assert.equal(nextWorkingDay("2027-03-26"), "2027-03-30"));
    it("skips Christmas 2027 and both substitute days", () => assert.equal(nextWorkingDay("2027-12-25"), "2027-12-29"));
  });

  describe("addWorkingDays", () => {
    const cases: [string, number, string, string][] = [
      ["2027-03-22", 3, "2027-03-25", "within one week"],
      ["2027-03-19", 1, "2027-03-22", "Friday + 1 is Monday"],
      ["2027-03-27", 1, "2027-03-30", "Saturday + 1 over Easter is Tuesday"],
      ["2027-03-25", 1, "2027-03-30", "across Good Friday, the weekend and Easter Monday"],
      ["2027-03-25", 3, "2027-04-01", "three days across Easter and a month end"],
      ["2026-12-24", 1, "2026-12-29", "across Christmas 2026 and the Boxing Day substitute"],
      ["2027-12-24", 1, "2027-12-29", "across Christmas 2027 and both substitute days"],
      ["2027-12-31", 1, "2028-01-04", "across the year end and the New Year's Day substitute"],
      ["2027-04-30", 1, "2027-05-04", "across a month end and the early May bank holiday"],
      ["2027-05-28", 1, "2027-06-01", "across a month end and the spring bank holiday"],
      ["2026-08-28", 1, "2026-09-01", "across a month end and the summer bank holiday"],
      ["2027-02-26", 1, "2027-03-01", "across the end of February"],
      ["2027-03-30", -1, "2027-03-25", "backwards across Easter"],
      ["2027-03-27", 0, "2027-03-27", "zero days is the date itself, even at a weekend"],
      ["2027-03-01", 20, "2027-03-31", "twenty working days, skipping Good Friday and Easter Monday"],
    ];
    for (const [from, n, expected, what] of cases) {
      it(`${from} + ${n} = ${expected}: ${what}`, () => assert.equal(addWorkingDays(from, n), expected));
    }

    it("refuses a fractional number of days and malformed dates", () => {
      assert.throws(() => addWorkingDays("2027-03-01", 1.5), RangeError);
      assert.throws(() => addWorkingDays("2027-13-01", 1), RangeError);
    });
  });

  describe("atUkTime", () => {
    const cases: [string, string, string, string][] = [
      ["2027-01-15", "09:00", "2027-01-15T09:00:00.000Z", "winter: GMT"],
      ["2027-07-15", "09:00", "2027-07-15T08:00:00.000Z", "summer: BST"],
      ["2027-03-27", "09:00", "2027-03-27T09:00:00.000Z", "the Saturday before the clocks go forward"],
      ["2027-03-28", "00:30", "2027-03-28T00:30:00.000Z", "clocks-forward Sunday, before the change"],
      ["2027-03-28", "01:30", "2027-03-28T01:30:00.000Z", "a time that does not exist moves forward an hour (02:30 BST)"],
      ["2027-03-28", "02:30", "2027-03-28T01:30:00.000Z", "clocks-forward Sunday, after the change"],
      ["2027-03-28", "09:00", "2027-03-28T08:00:00.000Z", "clocks-forward Sunday, 09:00 BST"],
      ["2027-10-30", "09:00", "2027-10-30T08:00:00.000Z", "the Saturday before the clocks go back"],
      ["2027-10-31", "00:30", "2027-10-30T23:30:00.000Z", "clocks-back Sunday, still BST"],
      ["2027-10-31", "01:30", "2027-10-31T00:30:00.000Z", "a time that happens twice is the first (BST)"],
      ["2027-10-31", "02:00", "2027-10-31T02:00:00.000Z", "clocks-back Sunday, GMT again"],
      ["2027-10-31", "09:00", "2027-10-31T09:00:00.000Z", "clocks-back Sunday, 09:00 GMT"],
      ["2027-12-31", "23:59", "2027-12-31T23:59:00.000Z", "last minute of the year"],
    ];
    for (const [date, time, expected, what] of cases) {
      it(`${date} ${time} London is ${expected}: ${what}`, () => assert.equal(atUkTime(date, time).toISOString(), expected));
    }

    it("refuses malformed times", () => {
      for (const bad of ["9:00", "24:00", "12:60", "12:00:00", " 09:00"]) {
        assert.throws(() => atUkTime("2027-01-15", bad), RangeError, bad);
      }
    });
  });

  describe("dueInWorkingDays", () => {
    it("skips Easter and lands after the clocks have gone forward", () => {
      // 17:30 GMT on Thursday 25 March 2027 + 3 working days = Thursday 1 April, 09:00 BST.
      assert.equal(dueInWorkingDays(new Date("2027-03-25T17:30:00Z"), 3).toISOString(), "2027-04-01T08:00:00.000Z");
    });

    it("counts from the London date, not the UTC date", () => {
      // 23:30 UTC on 30 June is 00:30 BST on Thursday 1 July; + 1 working day = Friday 2 July.
      assert.equal(dueInWorkingDays(new Date("2027-06-30T23:30:00Z"), 1).toISOString(), "2027-07-02T08:00:00.000Z");
    });

    it("takes a time of day and lands after the clocks have gone back", () => {
      // Friday 29 October 2027 (BST) + 1 working day = Monday 1 November, 17:00 GMT.
      assert.equal(dueInWorkingDays(new Date("2027-10-29T10:00:00Z"), 1, "17:00").toISOString(), "2027-11-01T17:00:00.000Z");
    });

    it("refuses an invalid date", () => {
      assert.throws(() => dueInWorkingDays(new Date("nonsense"), 1), RangeError);
    });
  });
});
