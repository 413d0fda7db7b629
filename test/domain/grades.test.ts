import assert from "node:assert/strict";
import { GRADE_IDS, GRADES, gradeById, gradeLevel, gradesIn, gradeText, isGradeId, isOtherGrade, RANGE_GRADE_IDS, RANGE_GRADES } from "../../src/domain/grades";
import {
  CLEARANCE_LEVELS,
  clearanceRank,
  CONTRACT_TYPES,
  LANGUAGES,
  ORGANISATION_TYPES,
  REGIONS,
  SECONDMENT_TYPES,
  WORK_ARRANGEMENTS,
  WORKING_PATTERNS,
  type Choice,
} from "../../src/domain/options";
import { SKILL_IDS, SKILLS } from "../../src/domain/skills";

describe("grades", () => {
  const civilService = GRADES.filter((g) => g.family === "civil-service");
  const localGovernment = GRADES.filter((g) => g.family === "local-government");

  it("lists the ten Civil Service grades, AA to SCS3, at levels 1 to 10", () => {
    assert.deepEqual(
      civilService.map((g) => [g.id, g.level]),
      [
        ["cs-aa", 1], ["cs-ao", 2], ["cs-eo", 3], ["cs-heo", 4], ["cs-seo", 5],
        ["cs-g7", 6], ["cs-g6", 7], ["cs-scs1", 8], ["cs-scs2", 9], ["cs-scs3", 10],
      ],
    );
  });

  const FAMILIES = ["civil-service", "local-government", "nhs", "police", "other"] as const;
  it("lists Civil Service grades, then local government, NHS, police and other, each lowest first", () => {
    const order = GRADES.map((g) => FAMILIES.indexOf(g.family));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    for (const f of FAMILIES) {
      const family = GRADES.filter((g) => g.family === f);
      assert.ok(family.length > 0, f);
      for (let i = 1; i < family.length; i++) assert.ok(family[i]!.level > family[i - 1]!.level, family[i]!.id);
    }
  });

  it("gives people from other public bodies an honest choice: NHS bands, police ranks, or an Other grade closest to a Civil Service grade", () => {
    assert.deepEqual(
      GRADES.filter((g) => g.family === "nhs").map((g) => [g.label, g.level]),
      [
        ["NHS Agenda for Change: Band 1 or 2", 1], ["NHS Agenda for Change: Band 3", 2], ["NHS Agenda for Change: Band 4 or 5", 3],
        ["NHS Agenda for Change: Band 6", 4], ["NHS Agenda for Change: Band 7", 5], ["NHS Agenda for Change: Band 8a or 8b", 6],
        ["NHS Agenda for Change: Band 8c or 8d", 7], ["NHS Agenda for Change: Band 9", 8],
      ],
    );
    assert.deepEqual(GRADES.filter((g) => g.family === "police").map((g) => g.level), [3, 4, 5, 6, 7, 8, 9]);
    assert.equal(gradeLevel("police-sergeant"), gradeLevel("cs-heo"));
    // One Other choice per Civil Service level, named after it.
    const others = GRADES.filter((g) => g.family === "other");
    assert.deepEqual(others.map((g) => g.level), civilService.map((g) => g.level));
    assert.equal(gradeById("other-4")?.label, "Other grade, closest to HEO");
    assert.ok(isOtherGrade("other-4"));
    assert.ok(!isOtherGrade("nhs-band-6"));
  });

  it("says an Other grade in the person's words with the grade they compared it to", () => {
    assert.equal(gradeText("other-4", "Project officer at a housing charity"), "Project officer at a housing charity, closest to HEO");
    assert.equal(gradeText("other-4"), "Other grade, closest to HEO");
    assert.equal(gradeText("nhs-band-6", "ignored"), "NHS Agenda for Change: Band 6");
  });

  it("lets a role's range use every listed grade but no Other grade", () => {
    assert.deepEqual(RANGE_GRADE_IDS, RANGE_GRADES.map((g) => g.id));
    assert.ok(RANGE_GRADE_IDS.includes("nhs-band-6" as never));
    assert.ok(RANGE_GRADE_IDS.every((id) => !isOtherGrade(id)));
  });

  it("puts every local government band at a level some Civil Service grade has", () => {
    assert.equal(localGovernment.length, 9);
    for (const band of localGovernment) {
      assert.ok(civilService.some((g) => g.level === band.level), band.id);
      assert.match(band.label, /^Local government: /);
    }
  });

  it("gives every grade a whole-number level from 1 to 10, a unique id and a unique label", () => {
    for (const g of GRADES) {
      assert.ok(Number.isInteger(g.level) && g.level >= 1 && g.level <= 10, g.id);
      const prefix = { "civil-service": "cs", "local-government": "lg", nhs: "nhs", police: "police", other: "other" }[g.family];
      assert.match(g.id, new RegExp(`^${prefix}-[a-z0-9-]+$`));
    }
    assert.equal(new Set(GRADES.map((g) => g.id)).size, GRADES.length);
    assert.equal(new Set(GRADES.map((g) => g.label)).size, GRADES.length);
    assert.deepEqual(GRADE_IDS, GRADES.map((g) => g.id));
  });

  const levels: [string, number][] = [
    ["cs-heo", 4],
    ["lg-so1-so2", 4],
    ["lg-scale-1-3", 2],
    ["cs-g7", 6],
    ["lg-po4-po6", 6],
    ["lg-chief-executive", 10],
  ];
  for (const [id, level] of levels) {
    it(`puts ${id} at level ${level}`, () => {
      assert.ok(isGradeId(id));
      assert.equal(gradeLevel(id), level);
      assert.equal(gradeById(id)?.level, level);
    });
  }

  it("labels HEO as the form shows it", () => assert.equal(gradeById("cs-heo")?.label, "Higher Executive Officer (HEO)"));

  it("names every grade in Welsh, keeping the abbreviations people know", () => {
    const cy = gradesIn("cy");
    assert.deepEqual(cy.map((g) => g.id), GRADE_IDS);
    assert.equal(new Set(cy.map((g) => g.label)).size, cy.length, "no two Welsh names alike");
    for (const g of GRADES) {
      const welsh = cy.find((c) => c.id === g.id)!.label;
      assert.notEqual(welsh, g.label, `${g.id} is translated`);
      const abbreviation = /\(([A-Z0-9]+)\)$/.exec(g.label)?.[1];
      if (abbreviation) assert.ok(welsh.endsWith(`(${abbreviation})`), `${g.id} keeps (${abbreviation})`);
    }
    assert.equal(gradeText("cs-heo", undefined, "cy"), "Swyddog Gweithredol Uwch (HEO)");
    assert.equal(gradeText("other-6", "Band 5 mewn elusen dai", "cy"), "Band 5 mewn elusen dai, agosaf at Radd 7");
    assert.deepEqual(gradesIn("en-GB", RANGE_GRADES).map((g) => g.label), RANGE_GRADES.map((g) => g.label));
  });

  it("knows no other grades", () => {
    for (const id of ["HEO", "cs-HEO", "cs-g5", "", "toString", "__proto__"]) {
      assert.equal(gradeById(id), undefined, id);
      assert.equal(isGradeId(id), false, id);
    }
  });
});

describe("choice lists", () => {
  const lists: [string, readonly Choice[], number][] = [
    ["organisation types", ORGANISATION_TYPES, 3],
    ["regions", REGIONS, 12],
    ["work arrangements", WORK_ARRANGEMENTS, 3],
    ["secondment types", SECONDMENT_TYPES, 4],
    ["working patterns", WORKING_PATTERNS, 2],
    ["contract types", CONTRACT_TYPES, 2],
    ["clearance levels", CLEARANCE_LEVELS, 5],
    ["languages", LANGUAGES, 2],
    ["skills", SKILLS, 24],
  ];
  for (const [name, list, count] of lists) {
    it(`${name}: ${count} choices with unique kebab-case ids and unique labels`, () => {
      assert.equal(list.length, count);
      assert.equal(new Set(list.map((c) => c.id)).size, count);
      assert.equal(new Set(list.map((c) => c.label.toLowerCase())).size, count);
      for (const c of list) {
        assert.match(c.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, c.id);
        assert.ok(c.label.length > 0 && c.label.trim() === c.label, c.id);
      }
    });
  }

  it("has the 12 UK ITL1 regions", () => {
    assert.deepEqual(REGIONS.map((r) => r.label), [
      "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England",
      "London", "South East", "South West", "Wales", "Scotland", "Northern Ireland",
    ]);
  });

  it("ranks clearance from none to DV", () => {
    assert.deepEqual(CLEARANCE_LEVELS.map((c) => [c.id, clearanceRank(c.id)]), [
      ["none", 0], ["bpss", 1], ["ctc", 2], ["sc", 3], ["dv", 4],
    ]);
  });

  it("lists skill ids in the same order as the skills", () => assert.deepEqual(SKILL_IDS, SKILLS.map((s) => s.id)));
});
