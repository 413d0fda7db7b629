import assert from "node:assert/strict";
import type { InterestDetails } from "../../src/domain/interest";
import { MatchEngine, naiveFullRematch, type Proposal } from "../../src/matching/engine";
import { capLookup, prepareCandidate, prepareOpening, runEnv } from "../../src/matching/prepare";
import { passesHardRules } from "../../src/matching/rules";
import { isRelevant, scorePair } from "../../src/matching/score";
import type { Candidate, MatchContext, Opening } from "../../src/matching/types";
import { generateDataset, seeded } from "./dataset";
import { candidate, context, opening } from "./fixtures";

const pairs = (ps: readonly Proposal[]) => ps.map((p) => `${p.candidateId}:${p.score}`);
const ids = (ps: readonly Proposal[]) => ps.map((p) => p.candidateId);

function engineWith(ctx: MatchContext, candidates: Candidate[], openings: Opening[]): MatchEngine {
  const engine = new MatchEngine(ctx);
  for (const c of candidates) engine.upsertCandidate(c);
  for (const o of openings) engine.upsertOpening(o);
  return engine;
}

/** Every pair checked and scored, best first (score, then id): what the index must not change. */
function bruteForce(candidates: Candidate[], openings: Opening[], ctx: MatchContext) {
  const caps = capLookup(ctx);
  const env = runEnv(ctx);
  const pcs = candidates.map((c) => prepareCandidate(c, caps));
  const pos = openings.map((o) => prepareOpening(o, caps));
  const scored: { o: string; c: string; score: number }[] = [];
  for (const o of pos) for (const c of pcs) if (passesHardRules(c, o, env) && isRelevant(c, o)) scored.push({ o: o.id, c: c.id, score: scorePair(c, o, env) });
  const order = (a: { score: number; id: string }, b: { score: number; id: string }) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    forOpening: (id: string, limit: number) =>
      scored
        .filter((s) => s.o === id)
        .map((s) => ({ id: s.c, score: s.score }))
        .sort(order)
        .slice(0, limit)
        .map((s) => `${s.id}:${s.score}`),
    forCandidate: (id: string, limit: number) =>
      scored
        .filter((s) => s.c === id)
        .map((s) => ({ id: s.o, score: s.score }))
        .sort(order)
        .slice(0, limit)
        .map((s) => `${s.id}:${s.score}`),
  };
}

describe("matching engine", () => {
  describe("fair exposure", () => {
    it("proposes each of 20 identical people once to 20 identical roles, one each", () => {
      const people = Array.from({ length: 20 }, (_, i) => candidate(`c${String(i).padStart(2, "0")}`));
      const roles = Array.from({ length: 20 }, (_, i) => opening(`r${String(i).padStart(2, "0")}`));
      const result = engineWith(context(), people, roles).fullRematch(1);
      assert.equal(result.size, 20);
      const proposed = [...result.values()].map((ps) => {
        assert.equal(ps.length, 1, "no role is starved");
        return ps[0]!.candidateId;
      });
      assert.deepEqual([...proposed].sort(), people.map((p) => p.id), "every person once");
      assert.deepEqual(proposed, people.map((p) => p.id), "deterministic: in id order");
    });

    it("spreads five proposals a role evenly over 20 equals", () => {
      const people = Array.from({ length: 20 }, (_, i) => candidate(`c${String(i).padStart(2, "0")}`));
      const roles = Array.from({ length: 20 }, (_, i) => opening(`r${String(i).padStart(2, "0")}`));
      const counts = new Map<string, number>();
      for (const ps of engineWith(context(), people, roles).fullRematch(5).values()) for (const p of ps) counts.set(p.candidateId, (counts.get(p.candidateId) ?? 0) + 1);
      assert.deepEqual(new Set(counts.values()), new Set([5]));
      assert.equal(counts.size, 20);
    });

    it("prefers those proposed less often among near-equals, but never over a clearly better match", () => {
      const people = [
        candidate("a"), // 39 points
        candidate("b", { availableFrom: "2027-02-20" }), // 38.75: within 2 % of a
        candidate("c", { skillsOffered: { ids: ["data-analysis"], other: [] } }), // 24: far below
      ];
      const exposure = new Map([["a", 3]]);
      const engine = engineWith(context({ exposure }), people, [opening("r1")]);
      assert.deepEqual(pairs(engine.matchesForOpening("r1", 3)), ["b:38.75", "a:39", "c:24"]);
      assert.deepEqual(ids(engine.matchesForOpening("r1", 1)), ["b"]);
      exposure.set("b", 3);
      assert.deepEqual(ids(engine.matchesForOpening("r1", 3)), ["a", "b", "c"], "equal exposure: the better score first");
      exposure.set("a", 0).set("b", 0).set("c", 0);
      const noExposure = engineWith(context(), people, [opening("r1")]);
      assert.deepEqual(ids(noExposure.matchesForOpening("r1", 3)), ["a", "b", "c"]);
    });

    it("breaks exact ties by exposure, then by id", () => {
      const people = ["d", "b", "a", "c"].map((id) => candidate(id));
      const exposure = new Map([
        ["a", 2],
        ["b", 1],
      ]);
      const engine = engineWith(context({ exposure }), people, [opening("r1")]);
      assert.deepEqual(ids(engine.matchesForOpening("r1", 4)), ["c", "d", "b", "a"]);
      assert.deepEqual(ids(engine.matchesForOpening("r1", 4)), ["c", "d", "b", "a"], "the same again");
    });
  });

  describe("the index", () => {
    it("gives the same top results as scoring every pair, on random seeded datasets", () => {
      for (const seed of [1, 2, 3]) {
        const { candidates, openings, ctx } = generateDataset({ candidates: 400, openings: 60, seed });
        const engine = engineWith(ctx, candidates, openings);
        for (const limit of [5, 2]) {
          const a = engine.fullRematch(limit);
          const b = naiveFullRematch(candidates, openings, ctx, limit);
          assert.deepEqual([...a.keys()], [...b.keys()]);
          for (const [id, ps] of a) assert.deepEqual(pairs(ps), pairs(b.get(id)!), `seed ${seed}, ${id}`);
          assert.ok([...a.values()].some((ps) => ps.length === limit), "some roles get a full list");
        }
        const { checked } = engine.work;
        assert.ok(checked < (candidates.length * openings.length * 2) / 10, `the index prunes: ${checked} pairs checked`);
      }
    });

    it("gives the same results as scoring every pair with exposure in play too", () => {
      const { candidates, openings, ctx } = generateDataset({ candidates: 400, openings: 60, seed: 4 });
      const r = seeded(99);
      const exposure = new Map(candidates.filter(() => r() < 0.3).map((c) => [c.id, Math.floor(r() * 4)]));
      const withExposure = { ...ctx, exposure };
      const a = engineWith(withExposure, candidates, openings).fullRematch(3);
      const b = naiveFullRematch(candidates, openings, withExposure, 3);
      for (const [id, ps] of a) assert.deepEqual(pairs(ps), pairs(b.get(id)!), id);
    });

    it("finds each role's best candidates and each candidate's best roles exactly", () => {
      const { candidates, openings, ctx } = generateDataset({ candidates: 300, openings: 50, seed: 8 });
      const engine = engineWith(ctx, candidates, openings);
      const truth = bruteForce(candidates, openings, ctx);
      for (const o of openings) assert.deepEqual(pairs(engine.matchesForOpening(o.id, 5)), truth.forOpening(o.id, 5), o.id);
      let found = 0;
      for (const c of candidates) {
        const mine = engine.matchesForCandidate(c.id, 5).map((p) => `${p.openingId}:${p.score}`);
        assert.deepEqual(mine, truth.forCandidate(c.id, 5), c.id);
        found += mine.length;
      }
      assert.ok(found > 100);
    });

    it("never proposes a pair with no skill in common, however well the rest fits", () => {
      const role = opening("r1", { requiredSkills: { ids: ["legal"], other: [] }, niceSkills: { ids: [], other: [] } });
      const engine = engineWith(context(), [candidate("c1")], [role]);
      assert.deepEqual(engine.matchesForOpening("r1"), []);
      assert.deepEqual(engine.matchesForCandidate("c1"), []);
      engine.upsertCandidate(candidate("c1", { skillsToDevelop: { ids: ["legal"], other: [] } }));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["c1"], "a development wish the role offers is enough");
    });

    it("keeps up with changes: upsert, withdraw, release, remove", () => {
      const engine = engineWith(context(), [candidate("a"), candidate("b")], [opening("r1"), opening("r2")]);
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["a", "b"]);

      engine.upsertCandidate(candidate("a", {}, { status: "withdrawn" }));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["b"]);
      assert.deepEqual(engine.matchesForCandidate("a"), []);
      assert.ok([...engine.fullRematch().values()].every((ps) => ps.every((p) => p.candidateId !== "a")));

      engine.upsertCandidate(candidate("a", { grade: "cs-scs1" }));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["b"], "changed to a grade out of range");
      engine.upsertCandidate(candidate("a"));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["a", "b"], "and back");

      engine.upsertCandidate(candidate("b", {}, { released: false }));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["a"]);
      engine.removeCandidate("a");
      engine.removeCandidate("nobody");
      assert.deepEqual(engine.matchesForOpening("r1"), []);
      assert.equal(engine.candidateCount, 1);

      engine.upsertCandidate(candidate("c"));
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["c"], "a reused slot holds the new candidate only");
      assert.deepEqual(
        engine.matchesForCandidate("c").map((p) => p.openingId),
        ["r1", "r2"],
      );

      engine.upsertOpening(opening("r1", {}, { status: "filled" }));
      assert.deepEqual(engine.matchesForOpening("r1"), []);
      assert.deepEqual([...engine.fullRematch().keys()], ["r2"]);
      assert.deepEqual(
        engine.matchesForCandidate("c").map((p) => p.openingId),
        ["r2"],
      );
      engine.removeOpening("r2");
      assert.deepEqual(engine.matchesForCandidate("c"), []);
      assert.deepEqual(engine.matchesForOpening("missing"), []);
    });

    it("sees pairs declined after it was built", () => {
      const declinedPairs = new Set<string>();
      const engine = engineWith(context({ declinedPairs }), [candidate("a"), candidate("b")], [opening("r1")]);
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["a", "b"]);
      declinedPairs.add("r1|a");
      assert.deepEqual(ids(engine.matchesForOpening("r1")), ["b"]);
      assert.deepEqual(engine.matchesForCandidate("a"), []);
    });

    it("stays right through many random changes", () => {
      const { candidates, openings, ctx, generator } = generateDataset({ candidates: 200, openings: 40, seed: 21 });
      const engine = engineWith(ctx, candidates, openings);
      const live = new Map(candidates.map((c) => [c.id, c]));
      const r = seeded(7);
      for (let i = 0; i < 300; i++) {
        const id = `c${String(Math.floor(r() * 260)).padStart(5, "0")}`;
        if (r() < 0.2) {
          engine.removeCandidate(id);
          live.delete(id);
        } else {
          const c = generator.candidate(id);
          engine.upsertCandidate(c);
          live.set(id, c);
        }
      }
      const a = engine.fullRematch(4);
      const b = naiveFullRematch([...live.values()], openings, ctx, 4);
      for (const [id, ps] of a) assert.deepEqual(pairs(ps), pairs(b.get(id)!), id);
    });
  });

  describe("reasonable adjustments, language and other personal details", () => {
    it("change nothing: the same proposals, scores and explanations", () => {
      const { candidates, openings, ctx } = generateDataset({ candidates: 300, openings: 40, seed: 31 });
      const r = seeded(3);
      const changed = candidates.map((c) => ({
        ...c,
        details: {
          ...c.details,
          adjustments: r() < 0.5 ? "I need a quiet room and screen-reader software" : undefined,
          language: r() < 0.5 ? ("cy" as const) : ("en" as const),
        },
      }));
      const before = engineWith(ctx, candidates, openings);
      const after = engineWith(ctx, changed, openings);
      const json = (m: Map<string, Proposal[]>) => JSON.stringify([...m]);
      assert.equal(json(after.fullRematch()), json(before.fullRematch()));
      for (const c of candidates.slice(0, 50)) assert.equal(JSON.stringify(after.matchesForCandidate(c.id)), JSON.stringify(before.matchesForCandidate(c.id)));
      assert.equal(JSON.stringify(after.exchanges()), JSON.stringify(before.exchanges()));
    });

    it("are never even read", () => {
      const forbidden = new Set<keyof InterestDetails>(["adjustments", "language", "email", "town", "profession", "lineManagerId", "lineManagerEmail", "patternDetails"]);
      const guard = (details: InterestDetails): InterestDetails =>
        new Proxy(details, {
          get(target, key, receiver) {
            if (forbidden.has(key as keyof InterestDetails)) throw new Error(`matching read ${String(key)}`);
            return Reflect.get(target, key, receiver) as unknown;
          },
        });
      const { candidates, openings, ctx } = generateDataset({ candidates: 200, openings: 30, seed: 41 });
      const guarded = candidates.map((c) => ({ ...c, details: guard(c.details) }));
      const engine = engineWith(ctx, guarded, openings);
      const all = [...engine.fullRematch().values()].flat();
      assert.ok(all.length > 20);
      JSON.stringify(all);
      for (const c of guarded.slice(0, 30)) JSON.stringify(engine.matchesForCandidate(c.id));
      JSON.stringify(engine.exchanges());
      JSON.stringify([...naiveFullRematch(guarded, openings, ctx).values()]);
    });
  });
});
