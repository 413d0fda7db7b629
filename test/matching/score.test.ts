import assert from "node:assert/strict";
import type { InterestDetails } from "../../src/domain/interest";
import type { RoleDetails } from "../../src/domain/role";
import { OpeningProbe, packCandidate, ROW_WIDTH } from "../../src/matching/prefilter";
import { capLookup, prepareCandidate, prepareOpening, runEnv } from "../../src/matching/prepare";
import { passesHardRules } from "../../src/matching/rules";
import { isRelevant, scoreOf, scorePair, WEIGHTS } from "../../src/matching/score";
import { generateDataset } from "./dataset";
import { candidate, context, opening } from "./fixtures";

const ctx = context();
const score = (interest: Partial<InterestDetails>, role: Partial<RoleDetails> = {}) => scoreOf(candidate("c1", interest), opening("r1", role), ctx);
const skills = (ids: InterestDetails["skillsOffered"]["ids"], other: string[] = []) => ({ ids, other });

describe("matching score", () => {
  it("keeps every weight in one object, required skills weighing more than nice-to-have ones", () => {
    assert.ok(WEIGHTS.requiredSkill > WEIGHTS.niceSkill);
    assert.ok(WEIGHTS.niceSkill > 0 && WEIGHTS.developSkill > 0);
    for (const [name, w] of Object.entries(WEIGHTS)) assert.ok(typeof w === "number" && w >= 0, name);
  });

  it("scores a required skill offered above a nice-to-have one", () => {
    const role = { requiredSkills: skills(["data-analysis", "statistics"]), niceSkills: skills(["research"]) };
    const required = score({ skillsOffered: skills(["data-analysis"]) }, role);
    const nice = score({ skillsOffered: skills(["research"]) }, role);
    assert.equal(required.requiredSkills, WEIGHTS.requiredSkill);
    assert.equal(nice.niceSkills, WEIGHTS.niceSkill);
    assert.ok(required.total > nice.total);
  });

  it("adds a bonus when every required skill is offered", () => {
    const role = { requiredSkills: skills(["data-analysis", "statistics"]) };
    assert.equal(score({ skillsOffered: skills(["data-analysis", "statistics"]) }, role).requiredSkills, 2 * WEIGHTS.requiredSkill + WEIGHTS.allRequiredSkills);
    assert.equal(score({ skillsOffered: skills(["data-analysis"]) }, role).requiredSkills, WEIGHTS.requiredSkill);
  });

  it("counts a skill both required and nice once, as required", () => {
    const parts = score({ skillsOffered: skills(["data-analysis"]) }, { requiredSkills: skills(["data-analysis"]), niceSkills: skills(["data-analysis"]) });
    assert.equal(parts.niceSkills, 0);
    assert.equal(parts.requiredSkills, WEIGHTS.requiredSkill + WEIGHTS.allRequiredSkills);
  });

  it("gives a development bonus for each skill they want to develop that the role offers, up to a cap", () => {
    const role = { requiredSkills: skills(["data-analysis"]), niceSkills: skills(["research", "leadership", "economics", "statistics"]) };
    const none = score({ skillsToDevelop: skills(["legal"]) }, role);
    const one = score({ skillsToDevelop: skills(["leadership"]) }, role);
    const fromRequired = score({ skillsToDevelop: skills(["data-analysis"]) }, role);
    const many = score({ skillsToDevelop: skills(["leadership", "research", "economics", "data-analysis"]) }, role);
    assert.equal(none.development, 0);
    assert.equal(one.development, WEIGHTS.developSkill);
    assert.equal(fromRequired.development, WEIGHTS.developSkill);
    assert.equal(many.development, WEIGHTS.developSkillMax * WEIGHTS.developSkill);
    assert.ok(one.total > none.total);
  });

  it("compares skills in people's own words ignoring case and spaces, and knows curated labels", () => {
    const role = { requiredSkills: skills([], ["GIS mapping"]), niceSkills: skills([], ["Grant management"]) };
    assert.equal(score({ skillsOffered: skills([], ["  gis   MAPPING "]) }, role).requiredSkills, WEIGHTS.requiredSkill + WEIGHTS.allRequiredSkills);
    assert.equal(score({ skillsOffered: skills([], ["grant management"]) }, role).niceSkills, WEIGHTS.niceSkill);
    assert.equal(score({ skillsOffered: skills([], ["GIS"]) }, role).requiredSkills, 0);
    // "Data analysis" typed in is the curated skill.
    assert.equal(score({ skillsOffered: skills([], ["data analysis"]) }, { requiredSkills: skills(["data-analysis"]) }).requiredSkills, WEIGHTS.requiredSkill + WEIGHTS.allRequiredSkills);
  });

  it("prefers the same region, then remote working, then willingness to travel", () => {
    const role = { region: "london" as const, workArrangements: ["remote" as const] };
    const same = score({ region: "london", workArrangements: [] }, role).location;
    const remote = score({ region: "wales", workArrangements: ["remote"] }, role).location;
    const travel = score({ region: "wales", workArrangements: ["willing-to-travel"] }, role).location;
    const neither = score({ region: "wales", workArrangements: ["hybrid"] }, role).location;
    assert.equal(same, WEIGHTS.sameRegion);
    assert.equal(remote, WEIGHTS.remoteElsewhere + WEIGHTS.arrangementInCommon);
    assert.equal(travel, WEIGHTS.travelElsewhere);
    assert.equal(neither, 0);
    assert.ok(same > travel && remote > travel && travel > neither);
  });

  it("scores each type of secondment in common", () => {
    const role = { secondmentTypes: ["long-term" as const, "part-time" as const] };
    assert.equal(score({ secondmentTypes: ["long-term"] }, role).type, WEIGHTS.typeInCommon);
    assert.equal(score({ secondmentTypes: ["long-term", "part-time"] }, role).type, 2 * WEIGHTS.typeInCommon);
  });

  it("scores a closer start higher, counting a date in the past as today", () => {
    const role = { startDate: "2027-03-01" };
    const timing = (availableFrom: string) => score({ availableFrom }, role).timing;
    assert.equal(timing("2027-03-01"), WEIGHTS.timing);
    assert.ok(timing("2027-02-15") > timing("2027-01-15"));
    assert.ok(timing("2027-03-15") > timing("2027-03-30"));
    assert.equal(timing("2026-06-01"), timing("2027-01-11"), "free since before today counts as free today (2027-01-11)");
    assert.equal(score({ availableFrom: "2027-01-11" }, { startDate: "2027-12-31" }).timing, 0, "beyond the horizon");
  });

  it("adds the parts up to the total, and scorePair gives the same total", () => {
    const parts = score({ skillsOffered: skills(["data-analysis", "research"]), skillsToDevelop: skills(["leadership", "statistics"]) }, { niceSkills: skills(["research", "leadership"]) });
    const sum = parts.requiredSkills + parts.niceSkills + parts.development + parts.location + parts.type + parts.timing;
    assert.equal(parts.total, Math.round(sum * 100) / 100);
    const caps = capLookup(ctx);
    const c = prepareCandidate(candidate("c1", { skillsOffered: skills(["data-analysis", "research"]), skillsToDevelop: skills(["leadership", "statistics"]) }), caps);
    const o = prepareOpening(opening("r1", { niceSkills: skills(["research", "leadership"]) }), caps);
    assert.equal(scorePair(c, o, runEnv(ctx)), parts.total);
  });

  it("treats a pair with no skill in common as not relevant", () => {
    const caps = capLookup(ctx);
    const o = prepareOpening(opening("r1", { requiredSkills: skills(["legal"]), niceSkills: skills([]) }), caps);
    assert.equal(isRelevant(prepareCandidate(candidate("c1"), caps), o), false);
    assert.equal(isRelevant(prepareCandidate(candidate("c2", { skillsToDevelop: skills(["legal"]) }), caps), o), true);
    assert.equal(isRelevant(prepareCandidate(candidate("c3", { skillsOffered: skills([], ["LEGAL"]) }), caps), o), true);
  });

  it("the engine's score bound is never below the real score", () => {
    const { candidates, openings, ctx: dctx } = generateDataset({ candidates: 400, openings: 60, seed: 5 });
    const caps = capLookup(dctx);
    const env = runEnv(dctx);
    const rows = new Int32Array(ROW_WIDTH);
    let compared = 0;
    for (const o of openings.map((x) => prepareOpening(x, caps))) {
      const probe = new OpeningProbe(o, env);
      for (const c of candidates.map((x) => prepareCandidate(x, caps))) {
        rows[0] = c.availableDay;
        packCandidate(c, rows, 0);
        const proposable = passesHardRules(c, o, env) && isRelevant(c, o);
        if (!proposable) continue;
        assert.ok(probe.admits(rows, 0), `${c.id} ${o.id} admitted`);
        const s = scorePair(c, o, env);
        assert.ok(probe.boundHundredths(rows, 0) >= s * 100, `${c.id} ${o.id}: bound ${probe.boundHundredths(rows, 0)} < ${s}`);
        assert.ok(probe.boundWithoutRequired() >= s || scoreOf(c.source, o.source, dctx).requiredSkills > 0);
        compared++;
      }
    }
    assert.ok(compared > 200, `compared ${compared}`);
  });
});
