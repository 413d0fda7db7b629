import assert from "node:assert/strict";
import { formValues, FORM_VALUE_MAX } from "../../src/domain/forms";
import {
  INTEREST_FIELDS,
  interestToForm,
  validateInterest,
  type InterestDetails,
  type InterestField,
  type RuleContext,
} from "../../src/domain/interest";
import { parseOtherSkills } from "../../src/domain/skills";

const TODAY = "2026-11-23";
const CAPS: Record<string, number> = { "Short Cap Council": 18, "One Month Trust": 1 };
const ctx: RuleContext = { today: TODAY, durationCapMonths: (org) => CAPS[org] ?? 24 };

/** A complete, valid form as the card sends it: full-time, permanent. */
const VALID: Record<InterestField, string> = {
  fullName: "Priya Sharma",
  email: "priya.sharma@leeds.gov.uk",
  organisationType: "local-authority",
  organisationName: "Leeds City Council",
  profession: "Policy",
  grade: "lg-po1-po3",
  gradeDetails: "",
  region: "yorkshire-and-the-humber",
  town: "Leeds",
  workArrangements: "hybrid,willing-to-travel",
  skillsOffered: "policy-development,data-analysis",
  skillsOfferedOther: "",
  skillsToDevelop: "finance",
  skillsToDevelopOther: "Negotiation",
  secondmentTypes: "short-term,part-time",
  workingPattern: "full-time",
  daysPerWeek: "",
  patternDetails: "",
  availableFrom: "2027-01-04",
  shortestDurationMonths: "3",
  longestDurationMonths: "12",
  contractType: "permanent",
  fixedTermEnd: "",
  clearance: "bpss",
  adjustments: "",
  language: "en",
  lineManagerId: "",
  lineManagerEmail: "sam.jones@leeds.gov.uk",
  permissionConfirmed: "true",
};
const PART_TIME = { workingPattern: "part-time", daysPerWeek: "2.5" };
const FIXED_TERM = { contractType: "fixed-term", fixedTermEnd: "2027-12-31" };
const GUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

function validate(overrides: Record<string, unknown>, context: RuleContext = ctx) {
  return validateInterest({ ...VALID, ...overrides }, context);
}
function valueOf(overrides: Record<string, unknown>, context: RuleContext = ctx): InterestDetails {
  const result = validate(overrides, context);
  if (!result.ok) return assert.fail(`expected a valid form, got ${JSON.stringify(result.errors)}`);
  return result.value;
}
function errorsOf(overrides: Record<string, unknown>, context: RuleContext = ctx): Partial<Record<InterestField, string>> {
  const result = validate(overrides, context);
  if (result.ok) return assert.fail("expected errors");
  return result.errors;
}

describe("Expression of Interest form", () => {
  describe("grades for people from other public bodies", () => {
    it("takes an NHS band or a police rank as it is", () => {
      assert.equal(valueOf({ organisationType: "other-public-body", grade: "nhs-band-6" }).grade, "nhs-band-6");
      assert.equal(valueOf({ organisationType: "other-public-body", grade: "police-inspector" }).grade, "police-inspector");
    });
    it("asks for the grade in the person's own words with an Other grade, and keeps it", () => {
      assert.equal(errorsOf({ grade: "other-4" }).gradeDetails, "Enter your grade as your organisation names it, for example Band 5 at a housing charity");
      const v = valueOf({ organisationType: "other-public-body", grade: "other-4", gradeDetails: "  Project officer, grade C  " });
      assert.equal(v.grade, "other-4");
      assert.equal(v.gradeDetails, "Project officer, grade C");
    });
    it("ignores a description given with a listed grade", () => {
      assert.equal(valueOf({ grade: "cs-heo", gradeDetails: "Something" }).gradeDetails, undefined);
    });
  });

  it("accepts a complete form and types its values", () => {
    const d = valueOf({});
    assert.equal(d.fullName, "Priya Sharma");
    assert.deepEqual(d.workArrangements, ["hybrid", "willing-to-travel"]);
    assert.deepEqual(d.skillsOffered, { ids: ["policy-development", "data-analysis"], other: [] });
    assert.deepEqual(d.skillsToDevelop, { ids: ["finance"], other: ["Negotiation"] });
    assert.equal(d.shortestDurationMonths, 3);
    assert.equal(d.daysPerWeek, undefined);
    assert.equal(d.fixedTermEnd, undefined);
    assert.equal(d.patternDetails, undefined);
    assert.equal(d.lineManagerId, undefined);
    assert.equal(d.permissionConfirmed, true);
  });

  const long = (n: number) => "a".repeat(n);
  const longEmail = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`; // 254 characters

  const valid: [string, Record<string, unknown>, (d: InterestDetails) => void][] = [
    ["trims every answer", { fullName: "  Priya  ", town: "\tLeeds ", grade: " lg-po1-po3 " }, (d) => {
      assert.equal(d.fullName, "Priya");
      assert.equal(d.town, "Leeds");
      assert.equal(d.grade, "lg-po1-po3");
    }],
    ["a full name of exactly 100 characters", { fullName: long(100) }, (d) => assert.equal(d.fullName.length, 100)],
    ["100 characters that each take two UTF-16 units", { fullName: "😀".repeat(100) }, (d) => assert.equal([...d.fullName].length, 100)],
    ["an email address of 254 characters", { email: longEmail }, (d) => assert.equal(d.email.length, 254)],
    ["a script tag as text", { fullName: "<script>alert(1)</script>" }, (d) => assert.equal(d.fullName, "<script>alert(1)</script>")],
    ["numbers sent as numbers", { shortestDurationMonths: 3, longestDurationMonths: 24 }, (d) => {
      assert.equal(d.shortestDurationMonths, 3);
      assert.equal(d.longestDurationMonths, 24);
    }],
    ["shortest and longest the same", { shortestDurationMonths: "6", longestDurationMonths: "6" }, (d) => assert.equal(d.longestDurationMonths, 6)],
    ["durations of 1 month", { shortestDurationMonths: "1", longestDurationMonths: "1" }, (d) => assert.equal(d.shortestDurationMonths, 1)],
    ["a toggle sent as a boolean", { permissionConfirmed: true }, (d) => assert.equal(d.permissionConfirmed, true)],
    ["repeated and unordered choices, in list order", { secondmentTypes: " part-time,short-term,part-time, ", workArrangements: "" }, (d) => {
      assert.deepEqual(d.secondmentTypes, ["short-term", "part-time"]);
      assert.deepEqual(d.workArrangements, []);
    }],
    ["other skills only, split and de-duplicated", { skillsOffered: "", skillsOfferedOther: "Negotiation; negotiation\nBudget  setting, " }, (d) => {
      assert.deepEqual(d.skillsOffered, { ids: [], other: ["Negotiation", "Budget setting"] });
    }],
    ["'Something else' with own words, which is not stored", { skillsOffered: "own,data-analysis", skillsOfferedOther: "Negotiation" }, (d) => {
      assert.deepEqual(d.skillsOffered, { ids: ["data-analysis"], other: ["Negotiation"] });
    }],
    ["only 'Something else' and own words to develop", { skillsToDevelop: "own", skillsToDevelopOther: "Coaching" }, (d) => {
      assert.deepEqual(d.skillsToDevelop, { ids: [], other: ["Coaching"] });
    }],
    ["part-time, 1 day a week", { ...PART_TIME, daysPerWeek: "1" }, (d) => assert.equal(d.daysPerWeek, 1)],
    ["part-time, 4.5 days a week", { ...PART_TIME, daysPerWeek: "4.5" }, (d) => assert.equal(d.daysPerWeek, 4.5)],
    ["part-time, days as a number", { ...PART_TIME, daysPerWeek: 3 }, (d) => assert.equal(d.daysPerWeek, 3)],
    ["full-time ignores days per week, even nonsense", { daysPerWeek: "banana" }, (d) => assert.equal(d.daysPerWeek, undefined)],
    ["permanent ignores the contract end date, even in the past", { fixedTermEnd: "2020-01-01" }, (d) => assert.equal(d.fixedTermEnd, undefined)],
    ["available from today", { availableFrom: TODAY }, (d) => assert.equal(d.availableFrom, TODAY)],
    ["a preferred arrangement over several lines", { patternDetails: "Mondays and Tuesdays\nNo Fridays" }, (d) => {
      assert.equal(d.patternDetails, "Mondays and Tuesdays\nNo Fridays");
    }],
    ["adjustments of exactly 1,000 characters", { adjustments: long(1000) }, (d) => assert.equal(d.adjustments?.length, 1000)],
    ["a line manager picked, in lower case, without an email", { lineManagerId: GUID.toUpperCase(), lineManagerEmail: "" }, (d) => {
      assert.equal(d.lineManagerId, GUID);
      assert.equal(d.lineManagerEmail, undefined);
    }],
    ["Welsh", { language: "cy" }, (d) => assert.equal(d.language, "cy")],
  ];
  for (const [name, overrides, expect] of valid) {
    it(`accepts ${name}`, () => expect(valueOf(overrides)));
  }

  const invalid: [string, Record<string, unknown>, InterestField, string | RegExp][] = [
    ["no full name", { fullName: "" }, "fullName", "Enter your full name"],
    ["a full name of only spaces", { fullName: "   " }, "fullName", "Enter your full name"],
    ["a full name of 101 characters", { fullName: long(101) }, "fullName", "Full name must be 100 characters or less"],
    ["a control character", { fullName: "Priya\u0000" }, "fullName", "Full name must not include hidden control characters"],
    ["a new line in a one-line answer", { fullName: "Priya\nSharma" }, "fullName", "Full name must not include hidden control characters"],
    ["a full name that is an object", { fullName: { first: "Priya" } }, "fullName", "Full name must be text"],
    ["no email address", { email: "" }, "email", "Enter your email address"],
    ["an email address without @", { email: "priya" }, "email", "Enter an email address in the correct format, like name@example.com"],
    ["an email address without a domain", { email: "priya@leeds" }, "email", /correct format/],
    ["an email address of 255 characters", { email: `a${longEmail}` }, "email", "Email address must be 254 characters or less"],
    ["no organisation type", { organisationType: "" }, "organisationType", "Select the type of organisation you work for"],
    ["an unknown organisation type", { organisationType: "private-sector" }, "organisationType", "Select the type of organisation you work for"],
    ["no organisation name", { organisationName: "" }, "organisationName", "Enter your organisation name"],
    ["an organisation name of 121 characters", { organisationName: long(121) }, "organisationName", "Organisation name must be 120 characters or less"],
    ["no profession", { profession: "" }, "profession", "Enter your profession"],
    ["a profession of 101 characters", { profession: long(101) }, "profession", "Profession must be 100 characters or less"],
    ["a grade not on the list", { grade: "HEO" }, "grade", "Select your grade"],
    ["a region not on the list", { region: "midlands" }, "region", "Select the region you work in"],
    ["no town", { town: "" }, "town", "Enter the town or city you work in"],
    ["a town of 81 characters", { town: long(81) }, "town", "Town or city must be 80 characters or less"],
    ["a work arrangement not on the list", { workArrangements: "hybrid,office" }, "workArrangements", "Select work arrangements from the list"],
    ["no skills offered", { skillsOffered: "", skillsOfferedOther: "" }, "skillsOffered", "Select at least one skill you can offer, or enter your own"],
    ["a skill offered not on the list", { skillsOffered: "policy" }, "skillsOffered", "Select skills you can offer from the list"],
    ["an other skill of 1 character", { skillsOfferedOther: "a" }, "skillsOfferedOther", /^Each skill must be between 2 and 60 characters/],
    ["an other skill of 61 characters", { skillsOfferedOther: long(61) }, "skillsOfferedOther", /^Each skill must be between 2 and 60 characters/],
    ["11 other skills", { skillsOfferedOther: Array.from({ length: 11 }, (_, i) => `Skill ${i}`).join(",") }, "skillsOfferedOther", "Enter 10 other skills or fewer"],
    ["no skills to develop", { skillsToDevelop: "", skillsToDevelopOther: " , ;" }, "skillsToDevelop", "Select at least one skill you want to develop, or enter your own"],
    ["'Something else' offered with no words typed", { skillsOffered: "own", skillsOfferedOther: "" }, "skillsOfferedOther", "Enter the skills you can offer that are not in the list"],
    ["'Something else' to develop with no words typed, beside listed ones", { skillsToDevelop: "leadership,own", skillsToDevelopOther: " " }, "skillsToDevelopOther", "Enter the skills you want to develop that are not in the list"],
    ["no type of secondment", { secondmentTypes: "" }, "secondmentTypes", "Select at least one type of secondment"],
    ["only commas for type of secondment", { secondmentTypes: ",," }, "secondmentTypes", "Select at least one type of secondment"],
    ["a type of secondment not on the list", { secondmentTypes: "sabbatical" }, "secondmentTypes", "Select types of secondment from the list"],
    ["no working pattern", { workingPattern: "" }, "workingPattern", "Select whether you work full-time or part-time"],
    ["part-time without days per week", { ...PART_TIME, daysPerWeek: "" }, "daysPerWeek", "Enter how many days a week you could work on a secondment"],
    ["part-time, 0.5 days", { ...PART_TIME, daysPerWeek: "0.5" }, "daysPerWeek", "Days per week must be between 1 and 4.5"],
    ["part-time, 5 days", { ...PART_TIME, daysPerWeek: "5" }, "daysPerWeek", "Days per week must be between 1 and 4.5"],
    ["part-time, 2.25 days", { ...PART_TIME, daysPerWeek: "2.25" }, "daysPerWeek", "Days per week must be in whole or half days, like 2 or 2.5"],
    ["part-time, days in words", { ...PART_TIME, daysPerWeek: "two" }, "daysPerWeek", "Days per week must be a number"],
    ["part-time, days not finite", { ...PART_TIME, daysPerWeek: Infinity }, "daysPerWeek", "Days per week must be a number"],
    ["a preferred arrangement of 301 characters", { patternDetails: long(301) }, "patternDetails", "Your preferred arrangement must be 300 characters or less"],
    ["no available from date", { availableFrom: "" }, "availableFrom", "Enter the date you are available from"],
    ["available from 30 February", { availableFrom: "2027-02-30" }, "availableFrom", "Available from must be a real date"],
    ["available from month 13", { availableFrom: "2026-13-01" }, "availableFrom", "Available from must be a real date"],
    ["available from in UK order", { availableFrom: "04/01/2027" }, "availableFrom", "Available from must be a real date"],
    ["available from yesterday", { availableFrom: "2026-11-22" }, "availableFrom", "Available from must be today or in the future"],
    ["no shortest duration", { shortestDurationMonths: "" }, "shortestDurationMonths", "Enter the shortest secondment you would consider, in months"],
    ["a shortest duration of 0", { shortestDurationMonths: "0" }, "shortestDurationMonths", "Shortest secondment must be between 1 and 60 months"],
    ["a shortest duration of 2.5", { shortestDurationMonths: "2.5" }, "shortestDurationMonths", "Shortest secondment must be a whole number"],
    ["a longest duration of 61", { longestDurationMonths: "61" }, "longestDurationMonths", "Longest secondment must be between 1 and 60 months"],
    ["shortest longer than longest", { shortestDurationMonths: "12", longestDurationMonths: "6" }, "longestDurationMonths", "Longest secondment must be the same as or longer than the shortest secondment"],
    ["no contract type", { contractType: "" }, "contractType", "Select whether your contract is permanent or fixed-term"],
    ["fixed-term without an end date", { ...FIXED_TERM, fixedTermEnd: "" }, "fixedTermEnd", "Enter the date your contract ends"],
    ["fixed-term ending today", { ...FIXED_TERM, fixedTermEnd: TODAY }, "fixedTermEnd", "Contract end date must be in the future"],
    ["fixed-term ending yesterday", { ...FIXED_TERM, fixedTermEnd: "2026-11-22" }, "fixedTermEnd", "Contract end date must be in the future"],
    ["fixed-term ending on 30 February", { ...FIXED_TERM, fixedTermEnd: "2027-02-30" }, "fixedTermEnd", "Contract end date must be a real date"],
    ["a clearance not on the list", { clearance: "top-secret" }, "clearance", "Select the security clearance you hold"],
    ["adjustments of 1,001 characters", { adjustments: long(1001) }, "adjustments", "Adjustments must be 1,000 characters or less"],
    ["a language not on the list", { language: "fr" }, "language", "Select the language you would like us to use"],
    ["a line manager id that is not an object id", { lineManagerId: "sam" }, "lineManagerId", "Choose your line manager from the list"],
    ["no line manager at all", { lineManagerId: "", lineManagerEmail: "" }, "lineManagerId", "Choose your line manager or enter their email address"],
    ["a line manager email without @", { lineManagerEmail: "sam" }, "lineManagerEmail", "Enter your line manager's email address in the correct format, like name@example.com"],
    ["permission not confirmed", { permissionConfirmed: "false" }, "permissionConfirmed", "Confirm that you have asked your line manager's permission to take part"],
    ["permission missing", { permissionConfirmed: undefined }, "permissionConfirmed", "Confirm that you have asked your line manager's permission to take part"],
    ["permission as another word", { permissionConfirmed: "yes" }, "permissionConfirmed", "Confirm that you have asked your line manager's permission to take part"],
  ];
  for (const [name, overrides, field, message] of invalid) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(overrides);
      assert.deepEqual(Object.keys(errors), [field], JSON.stringify(errors));
      if (typeof message === "string") assert.equal(errors[field], message);
      else assert.match(errors[field]!, message);
    });
  }

  describe("fixed-term contracts: the shortest secondment must end by the contract end date", () => {
    const fixed = (availableFrom: string, shortestDurationMonths: string, fixedTermEnd: string) => ({
      contractType: "fixed-term",
      availableFrom,
      shortestDurationMonths,
      longestDurationMonths: "24",
      fixedTermEnd,
    });

    it("accepts a secondment ending exactly on the contract end date", () => {
      assert.equal(valueOf(fixed("2027-01-04", "3", "2027-04-04")).fixedTermEnd, "2027-04-04");
    });

    it("refuses one ending a day after, on shortest duration", () => {
      assert.deepEqual(errorsOf(fixed("2027-01-04", "3", "2027-04-03")), {
        shortestDurationMonths:
          "Your contract ends on 3 April 2027, so a secondment must end by then. Choose an earlier start date or a shorter duration.",
      });
    });

    it("clamps to the end of the month: 31 January + 1 month ends on 28 February", () => {
      assert.equal(valueOf(fixed("2027-01-31", "1", "2027-02-28")).shortestDurationMonths, 1);
      assert.match(errorsOf(fixed("2027-01-31", "1", "2027-02-27")).shortestDurationMonths!, /ends on 27 February 2027/);
    });

    it("says so alongside other mistakes", () => {
      const errors = errorsOf({ ...fixed("2027-01-04", "6", "2027-03-31"), fullName: "" });
      assert.deepEqual(Object.keys(errors), ["fullName", "shortestDurationMonths"]);
      assert.equal(
        errors.shortestDurationMonths,
        "Your contract ends on 31 March 2027, so a secondment must end by then. Choose an earlier start date or a shorter duration.",
      );
    });

    it("waits until the dates it needs are right", () => {
      assert.deepEqual(Object.keys(errorsOf(fixed("2026-11-01", "6", "2026-12-01"))), ["availableFrom"]);
    });
  });

  describe("the organisation's limit on secondment length", () => {
    it("accepts exactly 24 months", () => assert.equal(valueOf({ longestDurationMonths: "24" }).longestDurationMonths, 24));

    it("refuses 25 months and names the limit", () => {
      assert.deepEqual(errorsOf({ longestDurationMonths: "25" }), {
        longestDurationMonths: "Longest secondment must be 24 months or less. Your organisation limits secondments to 24 months.",
      });
    });

    it("uses the limit the context gives for the organisation", () => {
      const org = { organisationName: "Short Cap Council" };
      assert.equal(valueOf({ ...org, longestDurationMonths: "18" }).longestDurationMonths, 18);
      assert.equal(
        errorsOf({ ...org, longestDurationMonths: "19" }).longestDurationMonths,
        "Longest secondment must be 18 months or less. Your organisation limits secondments to 18 months.",
      );
      assert.match(errorsOf({ organisationName: "One Month Trust", shortestDurationMonths: "1", longestDurationMonths: "2" }).longestDurationMonths!, /must be 1 month or less\. .* to 1 month\.$/);
    });

    it("falls back to the form's 60 months when the context gives no usable limit", () => {
      const noCap: RuleContext = { today: TODAY, durationCapMonths: () => Number.NaN };
      assert.equal(valueOf({ longestDurationMonths: "60" }, noCap).longestDurationMonths, 60);
    });
  });

  it("gives three messages for three mistakes", () => {
    const errors = errorsOf({ fullName: "", email: "nope", availableFrom: "2027-02-30" });
    assert.deepEqual(errors, {
      fullName: "Enter your full name",
      email: "Enter an email address in the correct format, like name@example.com",
      availableFrom: "Available from must be a real date",
    });
  });

  it("lists messages in the order of the form, field rules and cross-field rules together", () => {
    const errors = errorsOf({ skillsOffered: "", skillsOfferedOther: "", fullName: "", permissionConfirmed: "false", longestDurationMonths: "2" });
    assert.deepEqual(Object.keys(errors), ["fullName", "skillsOffered", "longestDurationMonths", "permissionConfirmed"]);
  });

  const notObjects: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["a string", "fullName=Priya"],
    ["a number", 42],
    ["an array", [VALID]],
    ["a function", () => VALID],
  ];
  const REQUIRED: InterestField[] = INTEREST_FIELDS.filter(
    (f) => !["gradeDetails", "workArrangements", "skillsOfferedOther", "skillsToDevelopOther", "daysPerWeek", "patternDetails", "fixedTermEnd", "adjustments", "lineManagerEmail"].includes(f),
  );
  for (const [name, raw] of notObjects) {
    it(`gives a message for every required field when sent ${name}`, () => {
      const result = validateInterest(raw, ctx);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(Object.keys(result.errors).sort(), [...REQUIRED].sort());
    });
  }

  it("ignores keys it does not know and stores none of them", () => {
    const raw = { ...VALID, isAdmin: "true", extra: { nested: [1, 2] } };
    Object.defineProperty(raw, "__proto__", { value: { polluted: true }, enumerable: true });
    const d = valueOf(raw);
    assert.deepEqual(Object.keys(d).sort(), Object.keys(valueOf({})).sort());
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  });

  it("reads no getters and survives a hostile proxy", () => {
    const withGetter = { ...VALID };
    Object.defineProperty(withGetter, "fullName", { get: () => assert.fail("getter ran"), enumerable: true });
    assert.equal(validateInterest(withGetter, ctx).ok, false);
    const proxy = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    assert.equal(validateInterest(proxy, ctx).ok, false);
  });

  describe("round trip for editing", () => {
    const forms: [string, Record<string, unknown>][] = [
      ["full-time and permanent", {}],
      ["part-time and fixed-term with every optional answer", {
        ...PART_TIME,
        ...FIXED_TERM,
        daysPerWeek: 4.5,
        skillsOffered: "finance,leadership",
        skillsOfferedOther: "Negotiation; Budget setting",
        skillsToDevelop: "",
        skillsToDevelopOther: "Welsh language\nCoaching",
        workArrangements: "",
        patternDetails: "Tuesday to Thursday,\nterm time only",
        adjustments: "Screen reader user <b>please</b>",
        language: "cy",
        lineManagerId: GUID,
        lineManagerEmail: "",
        clearance: "sc",
      }],
    ];
    it("ticks 'Something else' when there are own words, and only then", () => {
      assert.equal(interestToForm(valueOf({ skillsOffered: "finance", skillsOfferedOther: "Negotiation" })).skillsOffered, "finance,own");
      assert.equal(interestToForm(valueOf({ skillsOffered: "finance", skillsOfferedOther: "" })).skillsOffered, "finance");
    });
    for (const [name, overrides] of forms) {
      it(`gives back the same details: ${name}`, () => {
        const d = valueOf(overrides);
        const form = interestToForm(d);
        assert.deepEqual(Object.keys(form), [...INTEREST_FIELDS]);
        for (const value of Object.values(form)) assert.equal(typeof value, "string");
        const again = validateInterest(form, ctx);
        assert.ok(again.ok, JSON.stringify(!again.ok && again.errors));
        assert.deepEqual(again.value, d);
      });
    }
  });

  it("never throws and never accepts 200 hostile forms", () => {
    const random = seeded(20261123);
    for (let i = 0; i < 200; i++) {
      const raw = hostileForm(random, INTEREST_FIELDS, VALID);
      const result = validateInterest(raw, ctx);
      assert.equal(result.ok, false, `input ${i} was accepted`);
      if (result.ok) continue;
      for (const [field, message] of Object.entries(result.errors)) {
        assert.ok((INTEREST_FIELDS as readonly string[]).includes(field), field);
        assert.ok(typeof message === "string" && message.length > 0 && message.length <= 200, message);
      }
      for (const value of Object.values(formValues(raw, INTEREST_FIELDS))) assert.ok(value.length <= FORM_VALUE_MAX);
    }
  });
});

describe("other skills in the person's own words", () => {
  const cases: [string, string, string[]][] = [
    ["empty", "", []],
    ["commas, semicolons and new lines", "Negotiation, Budgeting;Coaching\r\nMentoring", ["Negotiation", "Budgeting", "Coaching", "Mentoring"]],
    ["repeats in any case, keeping the first spelling", "GIS; gis, Gis", ["GIS"]],
    ["spaces inside and around", "  Budget   setting  ,\n\n", ["Budget setting"]],
    ["exactly 10, after repeats are dropped", Array.from({ length: 10 }, (_, i) => `Skill ${i}`).join(",") + ",skill 0", Array.from({ length: 10 }, (_, i) => `Skill ${i}`)],
    ["2 and 60 characters", `AI, ${"x".repeat(60)}`, ["AI", "x".repeat(60)]],
  ];
  for (const [name, text, skills] of cases) {
    it(`reads ${name}`, () => assert.deepEqual(parseOtherSkills(text), { ok: true, value: skills }));
  }

  const bad: [string, string, RegExp][] = [
    ["1 character", "Coaching, x", /^Each skill must be between 2 and 60 characters\. Check “x”\.$/],
    ["61 characters, shortened in the message", "y".repeat(61), /Check “y{30}…”\.$/],
    ["11 skills", Array.from({ length: 11 }, (_, i) => `Skill ${i}`).join(";"), /^Enter 10 other skills or fewer$/],
    ["a control character", "Coaching\u0007", /^Other skills must not include hidden control characters$/],
    ["more than 1,000 characters", "ab,".repeat(400), /^Other skills must be 1,000 characters or less$/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name}`, () => {
      const result = parseOtherSkills(text);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, message);
    });
  }
});

describe("formValues: what the person typed, to show the form again", () => {
  it("gives every field as a string", () => {
    const values = formValues({ fullName: "Priya", shortestDurationMonths: 3, permissionConfirmed: true, extra: "x" }, [
      "fullName",
      "shortestDurationMonths",
      "permissionConfirmed",
      "email",
    ]);
    assert.deepEqual(values, { fullName: "Priya", shortestDurationMonths: "3", permissionConfirmed: "true", email: "" });
  });

  it("turns other values into text and cuts long ones to 5,000 characters", () => {
    const values = formValues({ a: { b: [1] }, c: "z".repeat(9000), d: null, e: `${"z".repeat(4999)}😀` }, ["a", "c", "d", "e"]);
    assert.equal(values["a"], '{"b":[1]}');
    assert.equal(values["c"]!.length, 5000);
    assert.equal(values["d"], "");
    assert.equal(values["e"], "z".repeat(4999)); // does not split a character in two
  });

  it("gives {} for anything that is not an object", () => {
    for (const raw of [undefined, null, "text", 1, [1, 2]]) assert.deepEqual(formValues(raw, ["fullName"]), {});
  });

  it("survives values that cannot be written as JSON", () => {
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    assert.deepEqual(formValues({ a: circular, b: 10n }, ["a", "b"]), { a: "", b: "10" });
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile input from a fixed seed

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ["\u0000", "\u202e", "<script>alert(1)</script>", ",", ";", "\n", "😀", "é", " ", "a", "1", ".", "-", "'", '"', "\\"];

function hostileValue(random: () => number, depth = 0): unknown {
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(12)) {
    case 0: return undefined;
    case 1: return null;
    case 2: return [Number.NaN, Infinity, -0, 1e21, -5, 2.25, 3][pick(7)];
    case 3: return random() < 0.5;
    case 4: return "";
    case 5: return `${"x".repeat(100_000 + pick(1000))}<script>alert(1)</script>`;
    case 6: return Array.from({ length: 1 + pick(60) }, () => NASTY[pick(NASTY.length)]).join("");
    case 7: return depth > 2 ? [] : Array.from({ length: pick(4) }, () => hostileValue(random, depth + 1));
    case 8: return depth > 2 ? {} : { nested: hostileValue(random, depth + 1), toString: "x" };
    case 9: return ["true", "2027-01-04", "hybrid", "12", "cs-heo", "fixed-term", "part-time"][pick(7)];
    case 10: return "9".repeat(400);
    default: return `${"<script>".repeat(pick(50))}`;
  }
}

function hostileForm(random: () => number, fields: readonly string[], valid: Record<string, string>): unknown {
  if (random() < 0.1) return hostileValue(random);
  const raw: Record<string, unknown> = {};
  for (const field of fields) raw[field] = random() < 0.7 ? hostileValue(random) : valid[field];
  // Always at least one field of the wrong type, so no form can be valid by chance.
  raw[fields[Math.floor(random() * fields.length)]!] = { $where: "1 == 1" };
  for (const key of ["__proto__", "constructor", "isAdmin", `k${Math.floor(random() * 1e6)}`]) {
    if (random() < 0.5) Object.defineProperty(raw, key, { value: hostileValue(random), enumerable: true });
  }
  return raw;
}
