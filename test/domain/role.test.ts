import assert from "node:assert/strict";
import { formValues, FORM_VALUE_MAX } from "../../src/domain/forms";
import { ROLE_FIELDS, roleToForm, validateRole, type RoleDetails, type RoleField, type RuleContext } from "../../src/domain/role";

const TODAY = "2026-11-23";
const CAPS: Record<string, number> = { "Short Cap Council": 18 };
const ctx: RuleContext = { today: TODAY, durationCapMonths: (org) => CAPS[org] ?? 24 };

/** A complete, valid form as the card sends it, with part-time not possible. */
const VALID: Record<RoleField, string> = {
  title: "Housing policy adviser",
  hostOrganisationType: "central-government",
  hostOrganisation: "Ministry of Housing, Communities and Local Government",
  team: "Homelessness policy",
  purpose: "Bring front-line experience to the design of a new homelessness prevention programme.",
  deliverables: "A tested delivery model.\nA short evaluation report.",
  requiredSkills: "policy-development,housing-planning",
  requiredSkillsOther: "",
  niceSkills: "",
  niceSkillsOther: "",
  gradeMin: "cs-heo",
  gradeMax: "cs-seo",
  region: "london",
  town: "London",
  workArrangements: "hybrid",
  secondmentTypes: "long-term",
  partTimePossible: "false",
  minDaysPerWeek: "",
  startDate: "2027-02-01",
  durationMonths: "12",
  clearanceRequired: "bpss",
  openings: "2",
  notificationChannel: "19:abc123@thread.tacv2",
};
const PART_TIME = { partTimePossible: "true", minDaysPerWeek: "3" };

function validate(overrides: Record<string, unknown>, context: RuleContext = ctx) {
  return validateRole({ ...VALID, ...overrides }, context);
}
function valueOf(overrides: Record<string, unknown>, context: RuleContext = ctx): RoleDetails {
  const result = validate(overrides, context);
  if (!result.ok) return assert.fail(`expected a valid form, got ${JSON.stringify(result.errors)}`);
  return result.value;
}
function errorsOf(overrides: Record<string, unknown>, context: RuleContext = ctx): Partial<Record<RoleField, string>> {
  const result = validate(overrides, context);
  if (result.ok) return assert.fail("expected errors");
  return result.errors;
}

describe("Role Matching form", () => {
  it("accepts a complete form and types its values", () => {
    const d = valueOf({});
    assert.equal(d.title, "Housing policy adviser");
    assert.deepEqual(d.requiredSkills, { ids: ["policy-development", "housing-planning"], other: [] });
    assert.deepEqual(d.niceSkills, { ids: [], other: [] });
    assert.equal(d.partTimePossible, false);
    assert.equal(d.minDaysPerWeek, undefined);
    assert.equal(d.durationMonths, 12);
    assert.equal(d.openings, 2);
    assert.equal(d.deliverables, "A tested delivery model.\nA short evaluation report.");
  });

  it("takes 'Something else' as a way to type required skills: never stored, ticked again for editing, and not enough on its own", () => {
    const d = valueOf({ requiredSkills: "policy-development,own", requiredSkillsOther: "Welsh-language casework" });
    assert.deepEqual(d.requiredSkills, { ids: ["policy-development"], other: ["Welsh-language casework"] });
    assert.equal(roleToForm(d).requiredSkills, "policy-development,own");
    assert.deepEqual(errorsOf({ requiredSkills: "own", requiredSkillsOther: "" }), { requiredSkillsOther: "Enter the skills the role needs that are not in the list" });
    assert.deepEqual(errorsOf({ requiredSkills: "", requiredSkillsOther: "" }), { requiredSkills: "Select at least one skill the role needs, or enter your own" });
  });

  const long = (n: number) => "a".repeat(n);

  const valid: [string, Record<string, unknown>, (d: RoleDetails) => void][] = [
    ["trimmed answers", { title: "  Adviser ", notificationChannel: " 19:abc@thread.tacv2 " }, (d) => {
      assert.equal(d.title, "Adviser");
      assert.equal(d.notificationChannel, "19:abc@thread.tacv2");
    }],
    ["a title of exactly 120 characters", { title: long(120) }, (d) => assert.equal(d.title.length, 120)],
    ["a purpose of exactly 1,000 characters", { purpose: long(1000) }, (d) => assert.equal(d.purpose.length, 1000)],
    ["a channel of exactly 300 characters", { notificationChannel: long(300) }, (d) => assert.equal(d.notificationChannel.length, 300)],
    ["the same lowest and highest grade", { gradeMin: "cs-g7", gradeMax: "cs-g7" }, (d) => assert.equal(d.gradeMin, "cs-g7")],
    ["an equivalent local government band as the highest grade", { gradeMin: "cs-seo", gradeMax: "lg-po1-po3" }, (d) => {
      assert.equal(d.gradeMax, "lg-po1-po3");
    }],
    ["a local government band below a Civil Service grade", { gradeMin: "lg-scale-4-6", gradeMax: "cs-heo" }, (d) => assert.equal(d.gradeMin, "lg-scale-4-6")],
    ["required skills in own words only", { requiredSkills: "", requiredSkillsOther: "Homelessness law; tenancy law" }, (d) => {
      assert.deepEqual(d.requiredSkills, { ids: [], other: ["Homelessness law", "tenancy law"] });
    }],
    ["useful skills", { niceSkills: "user-research,digital", niceSkillsOther: "Welsh" }, (d) => {
      assert.deepEqual(d.niceSkills, { ids: ["digital", "user-research"], other: ["Welsh"] });
    }],
    ["part-time possible, 1 day minimum", { ...PART_TIME, minDaysPerWeek: "1" }, (d) => {
      assert.equal(d.partTimePossible, true);
      assert.equal(d.minDaysPerWeek, 1);
    }],
    ["part-time possible, 4.5 days minimum", { ...PART_TIME, minDaysPerWeek: 4.5 }, (d) => assert.equal(d.minDaysPerWeek, 4.5)],
    ["part-time not possible ignores minimum days, even nonsense", { minDaysPerWeek: "lots" }, (d) => assert.equal(d.minDaysPerWeek, undefined)],
    ["a missing part-time toggle as not possible", { partTimePossible: undefined }, (d) => assert.equal(d.partTimePossible, false)],
    ["a start date of today", { startDate: TODAY }, (d) => assert.equal(d.startDate, TODAY)],
    ["1 opening", { openings: "1" }, (d) => assert.equal(d.openings, 1)],
    ["50 openings, sent as a number", { openings: 50 }, (d) => assert.equal(d.openings, 50)],
    ["no work arrangements", { workArrangements: "" }, (d) => assert.deepEqual(d.workArrangements, [])],
    ["a script tag as text", { purpose: "<script>alert(1)</script>" }, (d) => assert.equal(d.purpose, "<script>alert(1)</script>")],
  ];
  for (const [name, overrides, expect] of valid) {
    it(`accepts ${name}`, () => expect(valueOf(overrides)));
  }

  const invalid: [string, Record<string, unknown>, RoleField, string | RegExp][] = [
    ["no title", { title: "" }, "title", "Enter the role title"],
    ["a title of 121 characters", { title: long(121) }, "title", "Role title must be 120 characters or less"],
    ["a control character in the title", { title: "Adviser\u001b[31m" }, "title", "Role title must not include hidden control characters"],
    ["a title that is a list", { title: ["Adviser"] }, "title", "Role title must be text"],
    ["no host organisation type", { hostOrganisationType: "" }, "hostOrganisationType", "Select the type of organisation the role is in"],
    ["an unknown host organisation type", { hostOrganisationType: "charity" }, "hostOrganisationType", "Select the type of organisation the role is in"],
    ["no host organisation", { hostOrganisation: "" }, "hostOrganisation", "Enter the name of the organisation the role is in"],
    ["a host organisation of 121 characters", { hostOrganisation: long(121) }, "hostOrganisation", "Organisation name must be 120 characters or less"],
    ["no team", { team: "" }, "team", "Enter the team the secondee would join"],
    ["a team of 121 characters", { team: long(121) }, "team", "Team must be 120 characters or less"],
    ["no purpose", { purpose: "" }, "purpose", "Enter the purpose of the role"],
    ["a purpose of 1,001 characters", { purpose: long(1001) }, "purpose", "Purpose of the role must be 1,000 characters or less"],
    ["no deliverables", { deliverables: " \n " }, "deliverables", "Enter what the secondee would deliver"],
    ["deliverables of 1,001 characters", { deliverables: long(1001) }, "deliverables", "Deliverables must be 1,000 characters or less"],
    ["no required skills", { requiredSkills: "", requiredSkillsOther: "" }, "requiredSkills", "Select at least one skill the role needs, or enter your own"],
    ["a required skill not on the list", { requiredSkills: "housing" }, "requiredSkills", "Select the skills the role needs from the list"],
    ["a required skill of 61 characters", { requiredSkillsOther: long(61) }, "requiredSkillsOther", /^Each skill must be between 2 and 60 characters/],
    ["a useful skill not on the list", { niceSkills: "juggling" }, "niceSkills", "Select useful skills from the list"],
    ["11 useful skills", { niceSkillsOther: Array.from({ length: 11 }, (_, i) => `Skill ${i}`).join("\n") }, "niceSkillsOther", "Enter 10 other skills or fewer"],
    ["no lowest grade", { gradeMin: "" }, "gradeMin", "Select the lowest grade for the role"],
    ["an unknown highest grade", { gradeMax: "cs-g5" }, "gradeMax", "Select the highest grade for the role"],
    ["a lowest grade above the highest", { gradeMin: "cs-g7", gradeMax: "cs-seo" }, "gradeMin", "The lowest grade must be the same as or below the highest grade"],
    ["a lowest band above the highest grade", { gradeMin: "lg-assistant-director", gradeMax: "cs-g6" }, "gradeMin", "The lowest grade must be the same as or below the highest grade"],
    ["no region", { region: "" }, "region", "Select the region the role is based in"],
    ["no town", { town: "" }, "town", "Enter the town or city the role is based in"],
    ["a town of 81 characters", { town: long(81) }, "town", "Town or city must be 80 characters or less"],
    ["a work arrangement not on the list", { workArrangements: "office" }, "workArrangements", "Select work arrangements from the list"],
    ["no type of secondment", { secondmentTypes: "" }, "secondmentTypes", "Select at least one type of secondment"],
    ["a part-time toggle that is not true or false", { partTimePossible: "maybe" }, "partTimePossible", "Select whether the role can be done part-time"],
    ["part-time possible without minimum days", { ...PART_TIME, minDaysPerWeek: "" }, "minDaysPerWeek", "Enter the fewest days a week the role can be done in"],
    ["part-time possible, 0.5 days", { ...PART_TIME, minDaysPerWeek: "0.5" }, "minDaysPerWeek", "Minimum days per week must be between 1 and 4.5"],
    ["part-time possible, 5 days", { ...PART_TIME, minDaysPerWeek: "5" }, "minDaysPerWeek", "Minimum days per week must be between 1 and 4.5"],
    ["part-time possible, 2.25 days", { ...PART_TIME, minDaysPerWeek: "2.25" }, "minDaysPerWeek", "Minimum days per week must be in whole or half days, like 2 or 2.5"],
    ["no start date", { startDate: "" }, "startDate", "Enter the start date"],
    ["a start date of 30 February", { startDate: "2027-02-30" }, "startDate", "Start date must be a real date"],
    ["a start date yesterday", { startDate: "2026-11-22" }, "startDate", "Start date must be today or in the future"],
    ["no duration", { durationMonths: "" }, "durationMonths", "Enter the length in months"],
    ["a duration of 0", { durationMonths: "0" }, "durationMonths", "Length must be between 1 and 60 months"],
    ["a duration of 61", { durationMonths: "61" }, "durationMonths", "Length must be between 1 and 60 months"],
    ["a duration of 6.5", { durationMonths: "6.5" }, "durationMonths", "Length must be a whole number"],
    ["a duration over the organisation's limit", { durationMonths: "25" }, "durationMonths", "Length must be 24 months or less. Your organisation limits secondments to 24 months."],
    ["no clearance", { clearanceRequired: "" }, "clearanceRequired", "Select the security clearance the role needs"],
    ["no openings", { openings: "" }, "openings", "Enter how many secondees the role needs"],
    ["0 openings", { openings: "0" }, "openings", "Number of secondees must be between 1 and 50"],
    ["51 openings", { openings: 51 }, "openings", "Number of secondees must be between 1 and 50"],
    ["1.5 openings", { openings: "1.5" }, "openings", "Number of secondees must be a whole number"],
    ["no channel", { notificationChannel: "" }, "notificationChannel", "Choose the channel where we should tell you about matches"],
    ["a channel of 301 characters", { notificationChannel: long(301) }, "notificationChannel", "Channel must be 300 characters or less"],
  ];
  for (const [name, overrides, field, message] of invalid) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(overrides);
      assert.deepEqual(Object.keys(errors), [field], JSON.stringify(errors));
      if (typeof message === "string") assert.equal(errors[field], message);
      else assert.match(errors[field]!, message);
    });
  }

  describe("the host organisation's limit on secondment length", () => {
    it("accepts exactly 24 months", () => assert.equal(valueOf({ durationMonths: "24" }).durationMonths, 24));

    it("uses the limit the context gives for the host organisation", () => {
      const org = { hostOrganisation: "Short Cap Council" };
      assert.equal(valueOf({ ...org, durationMonths: "18" }).durationMonths, 18);
      assert.equal(
        errorsOf({ ...org, durationMonths: "19" }).durationMonths,
        "Length must be 18 months or less. Your organisation limits secondments to 18 months.",
      );
    });

    it("asks the context about the host organisation as entered, trimmed", () => {
      const asked: string[] = [];
      validateRole({ ...VALID, hostOrganisation: "  Short Cap Council " }, { today: TODAY, durationCapMonths: (o) => (asked.push(o), 24) });
      assert.deepEqual(asked, ["Short Cap Council"]);
    });
  });

  it("gives three messages for three mistakes, including a cross-field rule", () => {
    assert.deepEqual(errorsOf({ title: "", gradeMin: "cs-scs1", gradeMax: "cs-eo", openings: "lots" }), {
      title: "Enter the role title",
      gradeMin: "The lowest grade must be the same as or below the highest grade",
      openings: "Number of secondees must be a number",
    });
  });

  it("checks grade order only when both grades are right", () => {
    assert.deepEqual(Object.keys(errorsOf({ gradeMin: "cs-scs1", gradeMax: "nope" })), ["gradeMax"]);
  });

  const REQUIRED = ROLE_FIELDS.filter((f) => !["requiredSkillsOther", "niceSkills", "niceSkillsOther", "workArrangements", "partTimePossible", "minDaysPerWeek"].includes(f));
  for (const [name, raw] of [["undefined", undefined], ["null", null], ["a string", "title"], ["an array", [VALID]]] as [string, unknown][]) {
    it(`gives a message for every required field when sent ${name}`, () => {
      const result = validateRole(raw, ctx);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(Object.keys(result.errors).sort(), [...REQUIRED].sort());
    });
  }

  it("ignores keys it does not know", () => {
    const d = valueOf({ approved: "true", owner: { id: 1 } });
    assert.deepEqual(Object.keys(d).sort(), Object.keys(valueOf({})).sort());
  });

  describe("round trip for editing", () => {
    const forms: [string, Record<string, unknown>][] = [
      ["part-time not possible", {}],
      ["part-time possible, every optional answer", {
        ...PART_TIME,
        minDaysPerWeek: "2.5",
        requiredSkills: "",
        requiredSkillsOther: "Homelessness law; Tenancy law",
        niceSkills: "digital,finance",
        niceSkillsOther: "Welsh\nCoaching",
        workArrangements: "remote,hybrid,willing-to-travel",
        secondmentTypes: "exchange,part-time",
        gradeMin: "lg-so1-so2",
        gradeMax: "cs-g7",
        clearanceRequired: "sc",
      }],
    ];
    for (const [name, overrides] of forms) {
      it(`gives back the same details: ${name}`, () => {
        const d = valueOf(overrides);
        const form = roleToForm(d);
        assert.deepEqual(Object.keys(form), [...ROLE_FIELDS]);
        const again = validateRole(form, ctx);
        assert.ok(again.ok, JSON.stringify(!again.ok && again.errors));
        assert.deepEqual(again.value, d);
      });
    }
  });

  it("never throws and never accepts 200 hostile forms", () => {
    const random = seeded(1123);
    for (let i = 0; i < 200; i++) {
      const raw = hostileForm(random, ROLE_FIELDS, VALID);
      const result = validateRole(raw, ctx);
      assert.equal(result.ok, false, `input ${i} was accepted`);
      if (result.ok) continue;
      for (const [field, message] of Object.entries(result.errors)) {
        assert.ok((ROLE_FIELDS as readonly string[]).includes(field), field);
        assert.ok(typeof message === "string" && message.length > 0 && message.length <= 200, message);
      }
      for (const value of Object.values(formValues(raw, ROLE_FIELDS))) assert.ok(value.length <= FORM_VALUE_MAX);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile input from a fixed seed (as in interest.test.ts)

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
    case 9: return ["true", "2027-02-01", "hybrid", "12", "cs-heo", "long-term", "19:x@thread.tacv2"][pick(7)];
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
  for (const key of ["__proto__", "constructor", "approved", `k${Math.floor(random() * 1e6)}`]) {
    if (random() < 0.5) Object.defineProperty(raw, key, { value: hostileValue(random), enumerable: true });
  }
  return raw;
}
