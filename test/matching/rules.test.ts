import assert from "node:assert/strict";
import type { InterestDetails } from "../../src/domain/interest";
import type { RoleDetails } from "../../src/domain/role";
import { capLookup, prepareCandidate, prepareOpening, runEnv } from "../../src/matching/prepare";
import { checkPair, HARD_RULES, passesHardRules, RULES_CHECKED, type HardRuleId } from "../../src/matching/rules";
import type { Candidate, MatchContext, Opening } from "../../src/matching/types";
import { generateDataset } from "./dataset";
import { candidate, context, opening } from "./fixtures";

interface Case {
  name: string;
  interest?: Partial<InterestDetails>;
  candidate?: Partial<Candidate>;
  role?: Partial<RoleDetails>;
  opening?: Partial<Opening>;
  ctx?: Partial<MatchContext>;
  caps?: Record<string, number>;
  pass: boolean;
}

/** The role in fixtures.ts starts on 1 March 2027, lasts 12 months (so ends 1 March 2028), HEO to G7, BPSS. */
const TABLE: Record<HardRuleId, Case[]> = {
  released: [
    { name: "released by their line manager", pass: true },
    { name: "not yet released", candidate: { released: false }, pass: false },
  ],
  "available-and-open": [
    { name: "available, role open", pass: true },
    { name: "candidate withdrawn", candidate: { status: "withdrawn" }, pass: false },
    { name: "candidate placed", candidate: { status: "placed" }, pass: false },
    { name: "role withdrawn", opening: { status: "withdrawn" }, pass: false },
    { name: "role filled", opening: { status: "filled" }, pass: false },
  ],
  "not-own-role": [
    { name: "someone else's role", pass: true },
    { name: "their own role", opening: { ownerId: "c1" }, pass: false },
  ],
  "start-date": [
    { name: "free before the start", interest: { availableFrom: "2027-02-01" }, pass: true },
    { name: "free on the start date", interest: { availableFrom: "2027-03-01" }, pass: true },
    { name: "free exactly 30 days after the start", interest: { availableFrom: "2027-03-31" }, pass: true },
    { name: "free 31 days after the start", interest: { availableFrom: "2027-04-01" }, pass: false },
    { name: "no slack: free on the start date", interest: { availableFrom: "2027-03-01" }, ctx: { startSlackDays: 0 }, pass: true },
    { name: "no slack: free the day after", interest: { availableFrom: "2027-03-02" }, ctx: { startSlackDays: 0 }, pass: false },
    { name: "slack 10: free 10 days after", interest: { availableFrom: "2027-03-11" }, ctx: { startSlackDays: 10 }, pass: true },
    { name: "slack 10: free 11 days after", interest: { availableFrom: "2027-03-12" }, ctx: { startSlackDays: 10 }, pass: false },
  ],
  "duration-range": [
    { name: "length at their shortest", interest: { shortestDurationMonths: 12, longestDurationMonths: 18 }, pass: true },
    { name: "length at their longest", interest: { shortestDurationMonths: 6, longestDurationMonths: 12 }, pass: true },
    { name: "length one month under their shortest", interest: { shortestDurationMonths: 13, longestDurationMonths: 18 }, pass: false },
    { name: "length one month over their longest", interest: { shortestDurationMonths: 6, longestDurationMonths: 11 }, pass: false },
  ],
  "fixed-term": [
    { name: "permanent contract", pass: true },
    { name: "contract ends on the day the secondment ends", interest: { contractType: "fixed-term", fixedTermEnd: "2028-03-01" }, pass: true },
    { name: "contract ends the day before the secondment ends", interest: { contractType: "fixed-term", fixedTermEnd: "2028-02-29" }, pass: false },
    { name: "contract ends well after", interest: { contractType: "fixed-term", fixedTermEnd: "2029-01-01" }, pass: true },
    {
      name: "free later than the start: the secondment starts then, and ends on the contract's last day",
      interest: { availableFrom: "2027-03-15", contractType: "fixed-term", fixedTermEnd: "2028-03-15" },
      pass: true,
    },
    {
      name: "free later than the start: ends one day after the contract",
      interest: { availableFrom: "2027-03-15", contractType: "fixed-term", fixedTermEnd: "2028-03-14" },
      pass: false,
    },
    { name: "fixed-term with no end date fails closed", interest: { contractType: "fixed-term", fixedTermEnd: undefined }, pass: false },
  ],
  "home-cap": [
    { name: "their organisation's cap exactly", caps: { "Department for Education": 12 }, pass: true },
    { name: "one month over their organisation's cap", caps: { "department for education": 11 }, pass: false },
    { name: "under the default cap", pass: true },
  ],
  "host-cap": [
    { name: "the host's cap exactly", caps: { "Leeds City Council": 12 }, pass: true },
    { name: "one month over the host's cap", caps: { "LEEDS CITY COUNCIL": 11 }, pass: false },
    { name: "a long role over the default cap", role: { durationMonths: 25 }, interest: { longestDurationMonths: 30 }, caps: { "Department for Education": 36 }, pass: false },
  ],
  grade: [
    { name: "at the lowest grade", interest: { grade: "cs-heo" }, pass: true },
    { name: "at the highest grade", interest: { grade: "cs-g7" }, pass: true },
    { name: "one level below", interest: { grade: "cs-eo" }, pass: false },
    { name: "one level above", interest: { grade: "cs-g6" }, pass: false },
    { name: "a local government band at the lowest level", interest: { grade: "lg-so1-so2" }, pass: true },
    { name: "a local government band one level below", interest: { grade: "lg-scale-4-6" }, pass: false },
    { name: "a range written in local government bands", interest: { grade: "cs-seo" }, role: { gradeMin: "lg-po1-po3", gradeMax: "lg-po1-po3" }, pass: true },
    { name: "an NHS band at the lowest level", interest: { grade: "nhs-band-6" }, pass: true },
    { name: "an NHS band one level below", interest: { grade: "nhs-band-4-5" }, pass: false },
    { name: "a police rank at the highest level", interest: { grade: "police-chief-inspector" }, pass: true },
    { name: "a police rank one level above", interest: { grade: "police-superintendent" }, pass: false },
    { name: "an other grade the person puts in range", interest: { grade: "other-5", gradeDetails: "Band C at a housing charity" }, pass: true },
    { name: "an other grade the person puts below the range", interest: { grade: "other-3", gradeDetails: "Band A at a housing charity" }, pass: false },
  ],
  clearance: [
    { name: "holds exactly what is needed", interest: { clearance: "sc" }, role: { clearanceRequired: "sc" }, pass: true },
    { name: "holds more", interest: { clearance: "dv" }, role: { clearanceRequired: "sc" }, pass: true },
    { name: "holds less", interest: { clearance: "ctc" }, role: { clearanceRequired: "sc" }, pass: false },
    { name: "none needed, none held", interest: { clearance: "none" }, role: { clearanceRequired: "none" }, pass: true },
  ],
  "working-pattern": [
    { name: "full-time to a full-time role", pass: true },
    { name: "full-time to a role that can be part-time", role: { partTimePossible: true, minDaysPerWeek: 3 }, pass: true },
    {
      name: "part-time, days equal to the role's minimum",
      interest: { workingPattern: "part-time", daysPerWeek: 3 },
      role: { partTimePossible: true, minDaysPerWeek: 3 },
      pass: true,
    },
    {
      name: "part-time, fewer days than the role's minimum",
      interest: { workingPattern: "part-time", daysPerWeek: 2.5 },
      role: { partTimePossible: true, minDaysPerWeek: 3 },
      pass: false,
    },
    { name: "part-time to a role that cannot be part-time", interest: { workingPattern: "part-time", daysPerWeek: 4.5 }, pass: false },
  ],
  "secondment-type": [
    { name: "one type in common", interest: { secondmentTypes: ["short-term", "long-term"] }, pass: true },
    { name: "no type in common", interest: { secondmentTypes: ["short-term"] }, pass: false },
  ],
  "not-declined": [
    { name: "never turned down", ctx: { declinedPairs: new Set(["r1|c2", "r2|c1"]) }, pass: true },
    { name: "turned down before", ctx: { declinedPairs: new Set(["r1|c1"]) }, pass: false },
  ],
};

function build(k: Case) {
  const c = candidate("c1", k.interest, k.candidate);
  const o = opening("r1", k.role, k.opening);
  const ctx = context(k.ctx, k.caps);
  return { c, o, ctx };
}

describe("matching hard rules", () => {
  it("has a table of cases for every rule, and lists every rule for explanations", () => {
    assert.deepEqual(Object.keys(TABLE).sort(), HARD_RULES.map((r) => r.id).sort());
    assert.deepEqual(
      RULES_CHECKED.map((r) => r.id),
      HARD_RULES.map((r) => r.id),
    );
    for (const rule of HARD_RULES) assert.ok(rule.label.length > 0);
  });

  for (const [id, cases] of Object.entries(TABLE)) {
    describe(id, () => {
      for (const k of cases) {
        it(`${k.pass ? "passes" : "fails"}: ${k.name}`, () => {
          const { c, o, ctx } = build(k);
          const checks = checkPair(c, o, ctx);
          const check = checks.find((r) => r.id === id)!;
          assert.equal(check.pass, k.pass, check.reason);
          assert.match(check.reason, /^[A-Z].*\.$/, "a reason is a plain sentence");
          // Every other rule passes in these cases, so the pair as a whole passes exactly when this rule does.
          assert.deepEqual(
            checks.filter((r) => !r.pass).map((r) => r.id),
            k.pass ? [] : [id],
          );
          const caps = capLookup(ctx);
          assert.equal(passesHardRules(prepareCandidate(c, caps), prepareOpening(o, caps), runEnv(ctx)), k.pass);
        });
      }
    });
  }

  it("says why in plain English", () => {
    const reason = (id: HardRuleId, k: Case) => checkPair(build(k).c, build(k).o, build(k).ctx).find((r) => r.id === id)!.reason;
    assert.equal(
      reason("fixed-term", { name: "", interest: { contractType: "fixed-term", fixedTermEnd: "2028-02-29" }, pass: false }),
      "The secondment would end on 1 March 2028, after their fixed-term contract ends on 29 February 2028.",
    );
    assert.equal(
      reason("grade", { name: "", interest: { grade: "cs-eo" }, pass: false }),
      "Their grade, Executive Officer (EO), is below the role's range: Higher Executive Officer (HEO) to Grade 7 (G7).",
    );
    // An "other" grade is compared by the person's own stated equivalent, and the reason says so.
    assert.equal(
      reason("grade", { name: "", interest: { grade: "other-5", gradeDetails: "Band C at a housing charity" }, pass: true }),
      "Their grade, Band C at a housing charity, closest to SEO, is within the role's range by the grade they said theirs is closest to: Higher Executive Officer (HEO) to Grade 7 (G7).",
    );
    assert.equal(
      reason("grade", { name: "", interest: { grade: "other-3", gradeDetails: "Band A at a housing charity" }, pass: false }),
      "Their grade, Band A at a housing charity, closest to EO, is below the role's range by the grade they said theirs is closest to: Higher Executive Officer (HEO) to Grade 7 (G7).",
    );
    assert.equal(
      reason("home-cap", { name: "", caps: { "Department for Education": 11 }, pass: false }),
      "The role lasts 12 months, longer than the 11 months Department for Education allows.",
    );
    assert.equal(
      reason("working-pattern", { name: "", interest: { workingPattern: "part-time", daysPerWeek: 2.5 }, role: { partTimePossible: true, minDaysPerWeek: 3 }, pass: false }),
      "They can work 2.5 days a week; the role needs at least 3 days a week.",
    );
    assert.equal(
      reason("start-date", { name: "", interest: { availableFrom: "2027-04-01" }, pass: false }),
      "They are free only from 1 April 2027, more than 30 days after the role starts on 1 March 2027.",
    );
  });

  it("matches declined pairs exactly, even when ids contain the separator", () => {
    const c = candidate("b|c");
    const o = opening("a");
    const declined = (pairs: string[]) => checkPair(c, o, context({ declinedPairs: new Set(pairs) })).find((r) => r.id === "not-declined")!.pass;
    assert.equal(declined(["a|b|c"]), false);
    assert.equal(declined(["a|b"]), true);
    assert.equal(declined(["a|b|c|d"]), true);
  });

  it("the fast check agrees with every rule, on every pair of a random dataset", () => {
    const { candidates, openings, ctx } = generateDataset({ candidates: 300, openings: 60, seed: 11, declined: 200 });
    // Make some declined pairs bite.
    const declined = new Set(ctx.declinedPairs);
    for (let i = 0; i < 60; i += 3) declined.add(`${openings[i]!.id}|${candidates[i * 5]!.id}`);
    const c2: MatchContext = { ...ctx, declinedPairs: declined };
    const caps = capLookup(c2);
    const env = runEnv(c2);
    let passing = 0;
    for (const c of candidates) {
      const pc = prepareCandidate(c, caps);
      for (const o of openings) {
        const expected = checkPair(c, o, c2).every((r) => r.pass);
        assert.equal(passesHardRules(pc, prepareOpening(o, caps), env), expected, `${c.id} ${o.id}`);
        if (expected) passing++;
      }
    }
    assert.ok(passing > 100, `enough pairs pass to mean something (${passing})`);
  });
});
