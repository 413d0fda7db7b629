import assert from "node:assert/strict";
import fc from "fast-check";
import { MatchEngine } from "../../src/matching/engine";
import { checkPair } from "../../src/matching/rules";
import type { Candidate, MatchContext, Opening } from "../../src/matching/types";
import { GRADE_IDS } from "../../src/domain/grades";
import { CLEARANCE_LEVELS, SECONDMENT_TYPES } from "../../src/domain/options";
import { addMonths } from "../../src/domain/dates";
import { SKILL_IDS } from "../../src/domain/skills";
import { generateDataset } from "./dataset";
import { candidate, context, opening, TODAY } from "./fixtures";

/** Every proposal the engine makes, for every opening, with its candidate and opening. */
function proposals(engine: MatchEngine, candidates: Candidate[], openings: Opening[]) {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const roles = new Map(openings.map((o) => [o.id, o]));
  return [...engine.fullRematch(10).values()].flat().map((p) => ({ p, c: byId.get(p.candidateId)!, o: roles.get(p.openingId)! }));
}

function engineOver(ctx: MatchContext, candidates: Candidate[], openings: Opening[]): MatchEngine {
  const engine = new MatchEngine(ctx);
  candidates.forEach((c) => engine.upsertCandidate(c));
  openings.forEach((o) => engine.upsertOpening(o));
  return engine;
}

const ids = <T extends string>(list: readonly T[]) => fc.constantFrom(...list);
const someOf = <T extends string>(list: readonly T[]) => fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: list.length });
const month = fc.integer({ min: 0, max: 18 }).map((n) => addMonths(TODAY, n));
const days = fc.constantFrom(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5);

/** A person whose every field that a hard rule reads is drawn at random. */
const candidateArb = fc
  .record({
    grade: ids(GRADE_IDS),
    clearance: ids(CLEARANCE_LEVELS.map((c) => c.id)),
    types: someOf(SECONDMENT_TYPES.map((t) => t.id)),
    partTime: fc.boolean(),
    days,
    availableFrom: month,
    shortest: fc.integer({ min: 1, max: 24 }),
    extra: fc.integer({ min: 0, max: 24 }),
    fixedTerm: fc.option(month, { nil: undefined }),
    skills: fc.uniqueArray(ids(SKILL_IDS), { minLength: 1, maxLength: 5 }),
    released: fc.boolean(),
    withdrawn: fc.boolean(),
    org: fc.constantFrom("Department for Education", "Capped Org"),
  })
  .map((r) => (id: string) =>
    candidate(
      id,
      {
        grade: r.grade,
        clearance: r.clearance,
        secondmentTypes: r.types,
        workingPattern: r.partTime ? "part-time" : "full-time",
        daysPerWeek: r.partTime ? r.days : undefined,
        availableFrom: r.availableFrom,
        shortestDurationMonths: r.shortest,
        longestDurationMonths: Math.min(60, r.shortest + r.extra),
        contractType: r.fixedTerm ? "fixed-term" : "permanent",
        fixedTermEnd: r.fixedTerm,
        skillsOffered: { ids: r.skills, other: [] },
        organisationName: r.org,
      },
      { released: r.released, status: r.withdrawn ? "withdrawn" : "available" },
    ),
  );

const openingArb = fc
  .record({
    min: ids(GRADE_IDS),
    max: ids(GRADE_IDS),
    clearance: ids(CLEARANCE_LEVELS.map((c) => c.id)),
    types: someOf(SECONDMENT_TYPES.map((t) => t.id)),
    partTime: fc.boolean(),
    days,
    start: month,
    duration: fc.integer({ min: 1, max: 30 }),
    skills: fc.uniqueArray(ids(SKILL_IDS), { minLength: 1, maxLength: 4 }),
    host: fc.constantFrom("Leeds City Council", "Capped Org"),
  })
  .map((r) => (id: string) =>
    opening(id, {
      gradeMin: r.min,
      gradeMax: r.max,
      clearanceRequired: r.clearance,
      secondmentTypes: r.types,
      partTimePossible: r.partTime,
      minDaysPerWeek: r.partTime ? r.days : undefined,
      startDate: r.start,
      durationMonths: r.duration,
      requiredSkills: { ids: r.skills, other: [] },
      hostOrganisation: r.host,
    }),
  );

describe("property: no proposed pair ever breaks a hard rule", () => {
  it("holds for randomly drawn people and roles (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { minLength: 1, maxLength: 25 }),
        fc.array(openingArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        (makeCandidates, makeOpenings, declines) => {
          const candidates = makeCandidates.map((make, i) => make(`c${i}`));
          const openings = makeOpenings.map((make, i) => make(`r${i}`));
          const declined = new Set(declines.map(([a, b]) => `${openings[a % openings.length]!.id}|${candidates[b % candidates.length]!.id}`));
          const ctx = context({ declinedPairs: declined }, { "Capped Org": 12 });
          for (const { c, o } of proposals(engineOver(ctx, candidates, openings), candidates, openings)) {
            const broken = checkPair(c, o, ctx).filter((r) => !r.pass);
            assert.deepEqual(broken, [], `${c.id} was proposed for ${o.id} but breaks: ${broken.map((b) => b.id).join(", ")}`);
            assert.ok(!declined.has(`${o.id}|${c.id}`));
          }
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it("holds on seeded realistic populations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const d = generateDataset({ candidates: 200, openings: 30, seed });
        for (const { c, o } of proposals(engineOver(d.ctx, d.candidates, d.openings), d.candidates, d.openings)) {
          assert.deepEqual(checkPair(c, o, d.ctx).filter((r) => !r.pass), []);
        }
      }),
      { numRuns: 20, seed: 42 },
    );
  });

  it("can fail: a pair that breaks a rule is caught by the check the property uses", () => {
    const c = candidate("c1", { grade: "cs-aa" });
    const o = opening("r1");
    assert.ok(checkPair(c, o, context()).some((r) => !r.pass && r.id === "grade"));
  });
});
