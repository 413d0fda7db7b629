import assert from "node:assert/strict";
import { addMonths, compareIso, formatUkDate, isoDate, parseIsoDate, todayInLondon } from "../../src/domain/dates";

describe("calendar dates", () => {
  describe("parseIsoDate", () => {
    const real: [string, { y: number; m: number; d: number }][] = [
      ["2026-11-23", { y: 2026, m: 11, d: 23 }],
      ["2027-12-31", { y: 2027, m: 12, d: 31 }],
      ["2028-02-29", { y: 2028, m: 2, d: 29 }], // leap year
      ["2000-02-29", { y: 2000, m: 2, d: 29 }], // divisible by 400: leap
      ["2026-04-30", { y: 2026, m: 4, d: 30 }],
      ["0001-01-01", { y: 1, m: 1, d: 1 }],
      ["9999-12-31", { y: 9999, m: 12, d: 31 }],
    ];
    for (const [s, expected] of real) {
      it(`reads ${s}`, () => assert.deepEqual(parseIsoDate(s), expected));
    }

    const notDates: [string, unknown][] = [
      ["30 February", "2027-02-30"],
      ["29 February in a common year", "2027-02-29"],
      ["29 February in a century that is not a leap year", "1900-02-29"],
      ["month 13", "2026-13-01"],
      ["month 0", "2026-00-10"],
      ["day 0", "2026-01-00"],
      ["31 April", "2026-04-31"],
      ["day 32", "2026-01-32"],
      ["year 0", "0000-01-01"],
      ["single-digit month", "2026-1-05"],
      ["leading space", " 2026-01-05"],
      ["a time as well", "2026-01-05T00:00"],
      ["UK order", "05/01/2026"],
      ["five-digit year", "10000-01-01"],
      ["non-ASCII digits", "２０２６-01-05"],
      ["empty", ""],
      ["a number", 20260105],
      ["undefined", undefined],
      ["a Date", new Date("2026-01-05")],
    ];
    for (const [name, s] of notDates) {
      it(`refuses ${name}`, () => assert.equal(parseIsoDate(s), undefined));
    }
  });

  it("writes dates with padded parts", () => {
    assert.equal(isoDate(2026, 3, 9), "2026-03-09");
    assert.equal(isoDate(987, 12, 31), "0987-12-31");
  });

  describe("addMonths", () => {
    const cases: [string, number, string][] = [
      ["2026-11-23", 3, "2027-02-23"],
      ["2026-12-15", 1, "2027-01-15"],
      ["2027-01-31", 1, "2027-02-28"], // clamped to the end of a short month
      ["2028-01-31", 1, "2028-02-29"], // clamped in a leap year
      ["2027-03-31", 1, "2027-04-30"],
      ["2027-03-31", -1, "2027-02-28"],
      ["2027-01-15", -1, "2026-12-15"],
      ["2028-02-29", 12, "2029-02-28"],
      ["2026-08-31", 60, "2031-08-31"],
      ["2026-11-23", 0, "2026-11-23"],
      ["9999-12-01", 1, "10000-01-01"],
    ];
    for (const [from, months, expected] of cases) {
      it(`${from} + ${months} months is ${expected}`, () => assert.equal(addMonths(from, months), expected));
    }

    it("refuses a malformed date or part of a month", () => {
      assert.throws(() => addMonths("2027-02-30", 1), RangeError);
      assert.throws(() => addMonths("2027-02-01", 1.5), RangeError);
      assert.throws(() => addMonths("0001-01-01", -1), RangeError);
    });
  });

  describe("compareIso", () => {
    const cases: [string, string, number][] = [
      ["2026-11-23", "2026-11-23", 0],
      ["2026-11-22", "2026-11-23", -1],
      ["2026-12-01", "2026-11-30", 1],
      ["2026-12-31", "2027-01-01", -1],
      ["10000-01-01", "9999-12-31", 1], // numeric, not string, order
    ];
    for (const [a, b, sign] of cases) {
      it(`${a} vs ${b}`, () => assert.equal(Math.sign(compareIso(a, b)), sign));
    }
    it("refuses malformed dates", () => assert.throws(() => compareIso("2026-13-01", "2026-01-01"), RangeError));
  });

  describe("formatUkDate", () => {
    const cases: [string, string][] = [
      ["2027-03-31", "31 March 2027"],
      ["2026-01-01", "1 January 2026"],
      ["2028-02-29", "29 February 2028"],
      ["2026-12-09", "9 December 2026"],
      ["2027-02-30", "2027-02-30"], // not a date: unchanged
      ["soon", "soon"],
    ];
    for (const [iso, text] of cases) {
      it(`${iso} → ${text}`, () => assert.equal(formatUkDate(iso), text));
    }
    it("in Welsh: 2027-03-01 → 1 Mawrth 2027, 2026-12-09 → 9 Rhagfyr 2026", () => {
      assert.equal(formatUkDate("2027-03-01", "cy"), "1 Mawrth 2027");
      assert.equal(formatUkDate("2026-12-09", "cy"), "9 Rhagfyr 2026");
      assert.equal(formatUkDate("2027-02-30", "cy"), "2027-02-30");
    });
  });

  describe("todayInLondon", () => {
    const cases: [string, string, string][] = [
      ["2026-03-29T23:30:00Z", "2026-03-30", "late evening UTC is the next day in BST"],
      ["2026-03-29T00:30:00Z", "2026-03-29", "before the clocks go forward (GMT)"],
      ["2026-06-30T23:00:00Z", "2026-07-01", "midnight BST"],
      ["2026-06-30T22:59:59Z", "2026-06-30", "a second before midnight BST"],
      ["2026-10-25T00:30:00Z", "2026-10-25", "the night the clocks go back"],
      ["2026-11-23T23:30:00Z", "2026-11-23", "winter: London is on UTC"],
      ["2026-12-31T23:59:59Z", "2026-12-31", "new year's eve"],
      ["2027-01-01T00:00:00Z", "2027-01-01", "new year"],
    ];
    for (const [instant, date, name] of cases) {
      it(`${name}: ${instant} → ${date}`, () => assert.equal(todayInLondon(new Date(instant)), date));
    }
  });
});
