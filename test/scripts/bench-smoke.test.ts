import assert from "node:assert/strict";
import { benchMatchingBurst } from "../../scripts/bench-matching-burst";
import { benchTurns } from "../../scripts/bench-turns";

/**
 * The benchmarks run at a tiny size, so `npm run bench` does not rot between runs (it once failed
 * because a service the matching code needs was missing from the bench's set-up). Only what they
 * find is asserted, never how long anything took.
 */
describe("benchmarks at a tiny size", function () {
  this.timeout(120_000);

  it("matching a burst: two instances propose the same pairs after the burst", async () => {
    const lines: string[] = [];
    const result = await benchMatchingBurst({ candidates: 200, openings: 20, submissions: 5, print: (l) => lines.push(l) });
    assert.equal(result.agree, true, lines.join("\n"));
    assert.ok(Number.isFinite(result.burstMs));
  });

  it("message turns: each kind answers, and a typed command makes at most 2 store calls", async () => {
    const figures = await benchTurns({ turns: 5, print: () => undefined });
    assert.deepEqual(figures.map((f) => f.kind), ["typed command (plan)", "card click (Action.Execute)", "FAQ question"]);
    const typed = figures[0]!;
    assert.ok(typed.storeCalls <= 2, `a typed command made ${typed.storeCalls} store calls`);
    for (const f of figures) assert.ok(f.p50 > 0 && f.echoP50 > 0, `${f.kind} was not timed`);
  });
});
