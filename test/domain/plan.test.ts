import assert from "node:assert/strict";
import { newPlan, overview, SetStepStatusSchema, setStepStatus, stepStatus } from "../../src/domain/plan";
import { personKey } from "../../src/domain/person";
import { t } from "../../src/i18n";

const t0 = new Date("2026-11-23T09:00:00Z");
const t1 = new Date("2026-11-23T09:05:00Z");

describe("the 7-step plan", () => {
  it("starts with all seven steps to do and points at step 1", () => {
    const o = overview(newPlan(t0));
    assert.equal(o.total, 7);
    assert.equal(o.done, 0);
    assert.deepEqual(o.steps.map((s) => s.status), Array(7).fill("todo"));
    assert.equal(o.next?.step, 1);
  });

  it("marks a step done, records when, and counts it", () => {
    const change = setStepStatus(newPlan(t0), { step: 1, status: "done" }, t1);
    assert.equal(change.kind, "changed");
    assert.equal(stepStatus(change.plan, 1), "done");
    assert.equal(change.plan.steps["1"]!.changedAt, t1.toISOString());
    assert.equal(change.plan.updatedAt, t1.toISOString());
    assert.equal(overview(change.plan).done, 1);
    assert.equal(overview(change.plan).next?.step, 2);
  });

  it("does not touch the original plan (pure)", () => {
    const plan = newPlan(t0);
    setStepStatus(plan, { step: 4, status: "doing" }, t1);
    assert.equal(stepStatus(plan, 4), "todo");
  });

  it("treats setting the same status again as no change", () => {
    const done = setStepStatus(newPlan(t0), { step: 2, status: "done" }, t1).plan;
    const again = setStepStatus(done, { step: 2, status: "done" }, new Date("2026-12-01T00:00:00Z"));
    assert.equal(again.kind, "unchanged");
    assert.equal(again.plan.updatedAt, t1.toISOString());
  });

  it("lets a person reopen a step and carry on with the one in progress first", () => {
    let plan = setStepStatus(newPlan(t0), { step: 1, status: "done" }, t1).plan;
    plan = setStepStatus(plan, { step: 5, status: "doing" }, t1).plan;
    assert.equal(overview(plan).next?.step, 5);
    plan = setStepStatus(plan, { step: 1, status: "todo" }, t1).plan;
    assert.equal(overview(plan).done, 0);
  });

  it("finishes with no next step when all seven are done", () => {
    let plan = newPlan(t0);
    for (const step of [1, 2, 3, 4, 5, 6, 7] as const) plan = setStepStatus(plan, { step, status: "done" }, t1).plan;
    assert.equal(overview(plan).done, 7);
    assert.equal(overview(plan).next, undefined);
  });

  const commands: [unknown, boolean, RegExp?][] = [
    [{ step: 1, status: "done" }, true],
    [{ step: "7", status: "todo" }, true],
    [{ step: 0, status: "done" }, false, /between 1 and 7/],
    [{ step: 8, status: "done" }, false, /between 1 and 7/],
    [{ step: 2.5, status: "done" }, false, /whole number/],
    [{ step: 2, status: "finished" }, false, /one of todo, doing, done/],
    [{ status: "done" }, false],
    [{ step: 3 }, false],
  ];
  for (const [input, ok, why] of commands) {
    it(`${ok ? "accepts" : "refuses"} the command ${JSON.stringify(input)}`, () => {
      const r = SetStepStatusSchema.safeParse(input);
      assert.equal(r.success, ok);
      // The schema's messages are catalogue keys; the router shows them in the caller's language.
      if (!r.success && why) assert.match(t("en-GB", r.error.issues[0]!.message), why);
    });
  }

  it("keys a person by tenant and AAD object id, whatever their chat", () => {
    assert.equal(personKey({ tenantId: "T-1", aadObjectId: "ABC" }), "t-1:abc");
  });
});
