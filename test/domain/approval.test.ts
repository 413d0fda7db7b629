import assert from "node:assert/strict";
import {
  askAgain,
  decide,
  DeclineReasonSchema,
  MAX_REMINDERS,
  needsNewRequest,
  newApproval,
  nextReminderStep,
  recordEscalation,
  recordReminder,
  succeed,
  withdrawRequest,
  ENDED_KEPT,
  type Approval,
} from "../../src/domain/approval";

const now = new Date("2026-11-23T10:00:00Z");
const later = new Date("2026-11-24T15:30:00Z");
const secondee = { tenantId: "t", aadObjectId: "aaaa", name: "Ana Jones" };
const summary = { secondmentTypes: "Short-term", availableFrom: "1 February 2027", length: "3 to 12 months", workingPattern: "Full-time", organisation: "DfE", grade: "HEO", profession: "Policy" };
const fresh = (manager: Approval["manager"] = { aadObjectId: "mmmm", name: "Sam Lee" }) =>
  newApproval({ requestId: "r1", secondee, manager, summary, now });
const sam = { aadObjectId: "MMMM", name: "Sam Lee" };

describe("line manager approval", () => {
  it("starts pending when the manager has a Teams account", () => {
    const a = fresh();
    assert.equal(a.status, "pending");
    assert.equal(a.remindersSent, 0);
    assert.equal(a.requestedAt, now.toISOString());
  });

  it("is unreachable at once with only an email address, or when people name themselves", () => {
    assert.equal(fresh({ email: "sam@example.gov.uk" }).status, "unreachable");
    assert.equal(fresh({ email: "sam@example.gov.uk" }).unreachableReason, "no-teams-account");
    assert.equal(fresh({ aadObjectId: "AAAA" }).unreachableReason, "self");
  });

  it("lets only the named manager decide, once", () => {
    const a = fresh();
    assert.equal(decide(a, { requestId: "r1", actor: { aadObjectId: "zzzz" }, decision: "approve", now: later }).kind, "not-manager");
    const first = decide(a, { requestId: "r1", actor: sam, decision: "approve", now: later });
    assert.equal(first.kind, "decided");
    assert.equal(first.approval.status, "approved");
    assert.equal(first.approval.decidedAt, later.toISOString());
    assert.deepEqual(first.approval.decidedBy, { aadObjectId: "MMMM", name: "Sam Lee" });
    const second = decide(first.approval, { requestId: "r1", actor: sam, decision: "decline", now: later });
    assert.equal(second.kind, "already-decided");
    assert.equal(second.approval.status, "approved");
  });

  it("keeps a decline's reason, and ignores a reason on approval", () => {
    const d = decide(fresh(), { requestId: "r1", actor: sam, decision: "decline", reason: "Busy until April", now: later });
    assert.equal(d.approval.status, "declined");
    assert.equal(d.approval.reason, "Busy until April");
    assert.equal(decide(fresh(), { requestId: "r1", actor: sam, decision: "approve", reason: "x", now: later }).approval.reason, undefined);
  });

  it("refuses an answer to an older request", () => {
    assert.equal(decide(fresh(), { requestId: "r0", actor: sam, decision: "approve", now: later }).kind, "stale-request");
  });

  it("cannot be decided once withdrawn or unreachable", () => {
    const withdrawn = decide(withdrawRequest(fresh())!, { requestId: "r1", actor: sam, decision: "approve", now: later });
    assert.deepEqual([withdrawn.kind, withdrawn.kind === "ended" && withdrawn.because], ["ended", "withdrawn"]);
    assert.equal(decide(fresh({ aadObjectId: "aaaa" }), { requestId: "r1", actor: { aadObjectId: "aaaa" }, decision: "approve", now: later }).kind, "already-decided");
  });

  const reasons: [unknown, boolean][] = [[undefined, true], ["", true], ["  Busy  ", true], ["x".repeat(500), true], ["x".repeat(501), false], [42, false], [{}, false]];
  for (const [reason, ok] of reasons) {
    it(`${ok ? "accepts" : "refuses"} the decline reason ${JSON.stringify(reason)?.slice(0, 20)}`, () => {
      assert.equal(DeclineReasonSchema.safeParse(reason).success, ok);
    });
  }

  it("asks again only when there is no live request for the same manager", () => {
    assert.equal(needsNewRequest(undefined, { aadObjectId: "m" }), true);
    const a = fresh();
    assert.equal(needsNewRequest(a, { aadObjectId: "MMMM" }), false, "same manager, different case");
    assert.equal(needsNewRequest(a, { aadObjectId: "other" }), true, "manager changed");
    assert.equal(needsNewRequest(withdrawRequest(a), { aadObjectId: "mmmm" }), true, "after a withdrawal");
    const approved = decide(a, { requestId: "r1", actor: sam, decision: "approve", now: later }).approval;
    assert.equal(needsNewRequest(approved, { aadObjectId: "other" }), false, "an agreed release stands");
  });

  const declined = () => decide(fresh(), { requestId: "r1", actor: sam, decision: "decline", now: later }).approval;

  it("never asks a manager who declined again just because the interest was saved", () => {
    assert.equal(needsNewRequest(declined(), { aadObjectId: "mmmm" }), false, "same manager: saving other changes does not re-ask");
    assert.equal(needsNewRequest(declined(), { aadObjectId: "other" }), true, "a different manager is asked");
  });

  it("ends a waiting, declined or undelivered request on withdrawal, so a new interest asks afresh; an agreed one stands", () => {
    for (const a of [fresh(), declined(), fresh({ email: "sam@example.gov.uk" })]) {
      const ended = withdrawRequest(a);
      assert.equal(ended?.status, "cancelled", a.status);
      assert.equal(needsNewRequest(ended, { aadObjectId: "mmmm" }), true, `after withdrawing a ${a.status} request`);
    }
    assert.equal(withdrawRequest(decide(fresh(), { requestId: "r1", actor: sam, decision: "approve", now: later }).approval), undefined);
    assert.equal(withdrawRequest(withdrawRequest(fresh())!), undefined, "already withdrawn: nothing to write");
  });

  it("lets the person ask again after a decline, once, from the declined request only", () => {
    assert.deepEqual(askAgain(undefined, "r1"), { kind: "no-request" });
    assert.deepEqual(askAgain(declined(), "r1"), { kind: "ask" });
    assert.equal(askAgain(fresh(), "r1").kind, "not-declined", "still waiting");
    assert.equal(askAgain(withdrawRequest(declined())!, "r1").kind, "not-declined", "withdrawn");
    const again = succeed(declined(), newApproval({ requestId: "r2", secondee, manager: { aadObjectId: "mmmm" }, summary, now: later }));
    assert.equal(again.status, "pending");
    assert.equal(askAgain(again, "r1").kind, "already-asked", "a second click finds the newer request and sends nothing");
  });

  it("remembers replaced and withdrawn requests, so their old cards are closed to anyone but the current manager", () => {
    const grace = { aadObjectId: "gggg", name: "Grace Hall" };
    const first = newApproval({ requestId: "r1", secondee, manager: grace, summary, now });
    const second = succeed(first, newApproval({ requestId: "r2", secondee, manager: { aadObjectId: "mmmm" }, summary, now: later }));
    assert.deepEqual(second.ended, [{ requestId: "r1", because: "replaced" }]);
    const byGrace = decide(second, { requestId: "r1", actor: grace, decision: "approve", now: later });
    assert.deepEqual([byGrace.kind, byGrace.kind === "ended" && byGrace.because, byGrace.approval.status], ["ended", "replaced", "pending"]);
    assert.equal(decide(second, { requestId: "r1", actor: sam, decision: "approve", now: later }).kind, "stale-request", "the current manager is shown the newer request");
    assert.equal(decide(second, { requestId: "r9", actor: grace, decision: "approve", now: later }).kind, "unknown-request");
    assert.equal(decide(second, { requestId: "r2", actor: grace, decision: "approve", now: later }).kind, "not-manager");

    const third = succeed(withdrawRequest(second)!, newApproval({ requestId: "r3", secondee, manager: { aadObjectId: "mmmm" }, summary, now: later }));
    assert.deepEqual(third.ended, [{ requestId: "r1", because: "replaced" }, { requestId: "r2", because: "withdrawn" }]);
    let many = third;
    for (let i = 4; i < 30; i++) many = succeed(many, newApproval({ requestId: `r${i}`, secondee, manager: { aadObjectId: "mmmm" }, summary, now: later }));
    assert.equal(many.ended!.length, ENDED_KEPT, "only the latest few are kept");
  });

  it("reminds the manager twice, then escalates once, then does nothing", () => {
    let a = fresh();
    const steps: string[] = [];
    for (let i = 0; i < 5; i++) {
      const step = nextReminderStep(a, "r1");
      steps.push(step.kind === "remind" ? `remind ${step.number}` : step.kind);
      if (step.kind === "remind") a = recordReminder(a, step.number);
      if (step.kind === "escalate") a = recordEscalation(a, later);
    }
    assert.deepEqual(steps, ["remind 1", "remind 2", "escalate", "nothing", "nothing"]);
    assert.equal(MAX_REMINDERS, 2);
  });

  it("sends no reminder once the manager has answered, or for an older request", () => {
    const decided = decide(fresh(), { requestId: "r1", actor: sam, decision: "approve", now: later }).approval;
    assert.equal(nextReminderStep(decided, "r1").kind, "nothing");
    assert.equal(nextReminderStep(fresh(), "r0").kind, "nothing");
  });
});
