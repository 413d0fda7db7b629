import assert from "node:assert/strict";
import { formatMsg } from "../../src/matching/message";
import type { InterestDetails } from "../../src/domain/interest";
import type { RoleDetails } from "../../src/domain/role";
import { MatchEngine } from "../../src/matching/engine";
import { exchangesAmong } from "../../src/matching/exchanges";
import type { Candidate } from "../../src/matching/types";
import { candidate, context, role } from "./fixtures";

/** Someone who wants a job swap and offers their own role, at their grade, for a year from 1 March 2027. */
function swapper(id: string, interest: Partial<InterestDetails> = {}, home: Partial<RoleDetails> = {}, over: Partial<Candidate> = {}): Candidate {
  const c = candidate(id, { secondmentTypes: ["exchange"], ...interest }, over);
  const grade = c.details.grade;
  return {
    ...c,
    homeRole: { ...role({ title: `Home role of ${id}`, gradeMin: grade, gradeMax: grade, secondmentTypes: ["long-term"], ...home }), roleId: `home-${id}` },
  };
}

describe("matching exchanges (job swaps)", () => {
  const ctx = context();

  it("proposes two people at comparable grades who each fit the other's home role, together", () => {
    // HEO (level 4) and SEO (level 5): each home role is open to both grades.
    const a = swapper("a", { grade: "cs-heo" }, { gradeMin: "cs-heo", gradeMax: "cs-seo" });
    const b = swapper("b", { grade: "cs-seo" }, { gradeMin: "cs-heo", gradeMax: "cs-seo", title: "Policy lead" });
    const [x, ...rest] = exchangesAmong([b, a], ctx);
    assert.deepEqual(rest, []);
    assert.ok(x);
    assert.deepEqual(x.candidateIds, ["a", "b"]);
    assert.equal(x.first.candidateId, "a");
    assert.equal(x.first.openingId, "home-b");
    assert.equal(x.second.candidateId, "b");
    assert.equal(x.second.openingId, "home-a");
    assert.equal(x.score, Math.round((x.first.score + x.second.score) * 100) / 100);
    assert.ok(x.first.explanation.summary.length > 0 && x.second.explanation.summary.length > 0);
    assert.equal(formatMsg("en-GB", x.summary), "A job swap: Person a would take Policy lead and Person b would take Home role of a. Both want an exchange and are at comparable grades.");
  });

  it("does not pair grades more than one level apart, even if the home roles would take them", () => {
    const a = swapper("a", { grade: "cs-eo" }, { gradeMin: "cs-eo", gradeMax: "cs-seo" });
    const b = swapper("b", { grade: "cs-seo" }, { gradeMin: "cs-eo", gradeMax: "cs-seo" });
    assert.deepEqual(exchangesAmong([a, b], ctx), []);
  });

  it("needs both to want an exchange and offer a home role", () => {
    const a = swapper("a");
    const notSwapping = swapper("b", { secondmentTypes: ["long-term"] });
    const noHome = candidate("c", { secondmentTypes: ["exchange"] });
    assert.deepEqual(exchangesAmong([a, notSwapping, noHome], ctx), []);
  });

  it("needs each to pass every hard rule for the other's home role", () => {
    const a = swapper("a", { clearance: "bpss" });
    const b = swapper("b", {}, { clearanceRequired: "sc" });
    assert.deepEqual(exchangesAmong([a, b], ctx), []);
    const unreleased = swapper("c", {}, {}, { released: false });
    assert.deepEqual(exchangesAmong([swapper("d"), unreleased], ctx), []);
    const declined = context({ declinedPairs: new Set(["home-f|e"]) });
    assert.deepEqual(exchangesAmong([swapper("e"), swapper("f")], declined), []);
    assert.equal(exchangesAmong([swapper("e"), swapper("f")], ctx).length, 1);
  });

  it("lists each person in at most a few exchanges, best first", () => {
    const people = ["a", "b", "c", "d", "e"].map((id) => swapper(id));
    const all = exchangesAmong(people, ctx, 10);
    assert.equal(all.length, 10, "every pair of five");
    const limited = exchangesAmong(people, ctx, 1);
    assert.equal(limited.length, 2);
    const seen = limited.flatMap((x) => x.candidateIds);
    assert.equal(new Set(seen).size, seen.length);
  });

  it("the engine finds the same exchanges from its index", () => {
    const wide = { gradeMin: "cs-heo", gradeMax: "cs-seo" } as const;
    const people = [swapper("a", {}, wide), swapper("b", { grade: "cs-seo" }, wide), swapper("c", {}, wide, { status: "withdrawn" })];
    const engine = new MatchEngine(ctx);
    for (const p of people) engine.upsertCandidate(p);
    const ids = (xs: { candidateIds: [string, string] }[]) => xs.map((x) => x.candidateIds.join("+"));
    assert.deepEqual(ids(engine.exchanges()), ids(exchangesAmong(people, ctx)));
    assert.deepEqual(ids(engine.exchanges()), ["a+b"]);
    engine.removeCandidate("b");
    assert.deepEqual(engine.exchanges(), []);
  });
});
