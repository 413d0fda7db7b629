import assert from "node:assert/strict";
import {
  askFeedback,
  say,
  confirmTerms,
  decideExtension,
  endEarly,
  finish,
  giveFeedback,
  newSecondment,
  PARTIES,
  pendingExtension,
  proposeTerms,
  reportChange,
  requestExtension,
  start,
  type Change,
  type Secondment,
} from "../../src/domain/secondment";
import { ACTIVE_TERMS, must } from "../support/secondments";

/**
 * The pure transitions the change handlers (bot/handlers/secondment-changes.ts) rely on: reports,
 * feedback, extensions and ending early. Each secondment here is built with the same transitions
 * the bot uses, so nothing is set by hand.
 */

const t0 = new Date("2027-01-10T10:00:00Z");
const now = new Date("2027-03-10T10:00:00Z");
const later = new Date("2027-03-11T09:30:00Z");
const TODAY = "2027-03-10";

const terms = ACTIVE_TERMS;

function refusal(c: Change): string {
  if (c.kind !== "refused") throw new Error("expected a refusal, but it changed");
  return say("en-GB", c.why);
}

function agreeing(): Secondment {
  const s = newSecondment({
    matchId: "match:role-1:t:ana",
    tenantId: "t",
    serviceUrl: "https://smba.example/",
    opening: { id: "role-1", title: "Housing analyst", organisation: "DLUHC", channelConversationId: "19:c" },
    secondee: { tenantId: "t", aadObjectId: "ana", name: "Ana Jones", key: "t:ana" },
    homeManager: { aadObjectId: "sam", name: "Sam Lee" },
    host: { aadObjectId: "vic", name: "Vic Osei", key: "t:vic" },
    homeOrganisation: "DfE",
    capMonths: 12,
    now: t0,
  });
  return must(proposeTerms(s, "host", terms, t0));
}
function confirmed(): Secondment {
  let s = agreeing();
  for (const p of PARTIES) s = must(confirmTerms(s, p, s.termsVersion, t0));
  assert.equal(s.status, "confirmed");
  return s;
}
function active(): Secondment {
  const s = must(start(confirmed(), "2027-02-01", new Date("2027-02-01T09:00:00Z")));
  assert.equal(s.status, "active");
  return s;
}

describe("secondment changes (pure transitions)", () => {
  describe("reportChange", () => {
    it("stores a report once, with the time, and logs it as the secondee's", () => {
      const s = must(reportChange(active(), { id: "r1", kind: "absence", from: "2027-03-11", details: "Sick leave" }, now));
      assert.equal(s.reports.length, 1);
      assert.deepEqual(s.reports[0], { id: "r1", kind: "absence", from: "2027-03-11", details: "Sick leave", at: now.toISOString() });
      assert.deepEqual(s.history.at(-1), { at: now.toISOString(), what: "Reported an absence", by: "secondee" });
      assert.match(refusal(reportChange(s, { id: "r1", kind: "change", details: "Again" }, later)), /already have this report/);
    });
    it("takes a report while confirmed, but not while agreeing or after it has ended", () => {
      assert.equal(must(reportChange(confirmed(), { id: "r", kind: "change", details: "Moved house" }, now)).reports.length, 1);
      assert.match(refusal(reportChange(agreeing(), { id: "r", kind: "change", details: "x" }, now)), /while the secondment is confirmed or under way/);
      const ended = must(endEarly(confirmed(), { by: "host", reason: "Budget", lastDay: TODAY }, TODAY, now));
      assert.match(refusal(reportChange(ended, { id: "r", kind: "change", details: "x" }, now)), /while the secondment is confirmed or under way/);
    });
  });

  describe("askFeedback and giveFeedback", () => {
    it("records the request, then only the person asked can answer, once", () => {
      const asked = must(askFeedback(active(), { id: "f1", from: "secondee", to: "host" }, now));
      assert.deepEqual(asked.feedback, [{ id: "f1", from: "secondee", to: "host", askedAt: now.toISOString() }]);
      assert.match(refusal(giveFeedback(asked, "f1", "homeManager", "Good", later)), /sent to someone else/);
      assert.match(refusal(giveFeedback(asked, "nope", "host", "Good", later)), /could not find/);
      const given = must(giveFeedback(asked, "f1", "host", "Ana is doing well.", later));
      assert.equal(given.feedback[0]!.answer, "Ana is doing well.");
      assert.equal(given.feedback[0]!.answeredAt, later.toISOString());
      assert.match(refusal(giveFeedback(given, "f1", "host", "Again", later)), /already given/);
    });
    it("refuses asking yourself, asking twice with the same id, and asking before the start", () => {
      assert.match(refusal(askFeedback(active(), { id: "f", from: "host", to: "host" }, now)), /someone else/);
      const once = must(askFeedback(active(), { id: "f", from: "host", to: "secondee" }, now));
      assert.match(refusal(askFeedback(once, { id: "f", from: "host", to: "secondee" }, now)), /already asked/);
      assert.match(refusal(askFeedback(confirmed(), { id: "f", from: "host", to: "secondee" }, now)), /while the secondment is under way/);
    });
    it("refuses asking a home line manager nobody can reach in Teams", () => {
      const s = active();
      delete s.homeManager;
      assert.match(refusal(askFeedback(s, { id: "f", from: "secondee", to: "homeManager" }, now)), /cannot reach the home line manager/);
    });
  });

  describe("requestExtension and decideExtension", () => {
    const ask = (s: Secondment, by: "secondee" | "homeManager" | "host" | "programme-team" = "host") =>
      must(requestExtension(s, { id: "e1", by, newEndDate: "2027-12-31", reason: "Second phase" }, now));

    it("counts the person asking as agreeing, and changes the end date only when all three agree", () => {
      let s = ask(active());
      const ext = pendingExtension(s)!;
      assert.deepEqual(ext.approvals, { host: now.toISOString() });
      assert.equal(ext.previousEndDate, "2027-09-30");
      s = must(decideExtension(s, { id: "e1", party: "secondee", approve: true }, later));
      assert.equal(s.terms!.endDate, "2027-09-30", "two of three is not enough");
      assert.equal(pendingExtension(s)?.id, "e1");
      s = must(decideExtension(s, { id: "e1", party: "homeManager", approve: true }, later));
      assert.equal(s.extensions[0]!.status, "approved");
      assert.equal(s.extensions[0]!.decidedAt, later.toISOString());
      assert.equal(s.terms!.endDate, "2027-12-31");
      assert.equal(pendingExtension(s), undefined);
      assert.match(refusal(decideExtension(s, { id: "e1", party: "secondee", approve: true }, later)), /already been agreed/);
    });
    it("lets a party agree only once", () => {
      const s = ask(active());
      assert.match(refusal(decideExtension(s, { id: "e1", party: "host", approve: true }, later)), /already agreed/);
    });
    it("declines on one no, keeping the end date and the reason", () => {
      const s = must(decideExtension(ask(active()), { id: "e1", party: "homeManager", approve: false, reason: "Needed back" }, later));
      const ext = s.extensions[0]!;
      assert.equal(ext.status, "declined");
      assert.deepEqual(ext.declined, { by: "homeManager", reason: "Needed back", at: later.toISOString() });
      assert.equal(s.terms!.endDate, "2027-09-30");
      assert.match(refusal(decideExtension(s, { id: "e1", party: "secondee", approve: true }, later)), /already been declined/);
    });
    it("asked by the programme team, needs all three parties and records the override", () => {
      const override = { by: { aadObjectId: "pat", name: "Pat Programme" }, reason: "Ministerial priority" };
      let s = must(requestExtension(active(), { id: "e1", by: "programme-team", newEndDate: "2028-03-31", reason: "Second phase", override }, now));
      assert.deepEqual(s.extensions[0]!.approvals, {});
      assert.deepEqual(s.extensions[0]!.override, override);
      for (const p of ["secondee", "homeManager"] as const) s = must(decideExtension(s, { id: "e1", party: p, approve: true }, later));
      assert.equal(s.terms!.endDate, "2027-09-30");
      s = must(decideExtension(s, { id: "e1", party: "host", approve: true }, later));
      assert.equal(s.terms!.endDate, "2028-03-31");
    });
    it("refuses a second request while one is pending, a date not after the end, and a secondment ending early", () => {
      assert.match(refusal(requestExtension(ask(active()), { id: "e2", by: "secondee", newEndDate: "2028-01-31", reason: "x" }, now)), /already waiting/);
      assert.match(refusal(requestExtension(active(), { id: "e2", by: "secondee", newEndDate: "2027-09-30", reason: "x" }, now)), /after the current end date/);
      const ending = must(endEarly(active(), { by: "host", reason: "Budget", lastDay: "2027-04-07" }, TODAY, now));
      assert.match(refusal(requestExtension(ending, { id: "e2", by: "secondee", newEndDate: "2027-12-31", reason: "x" }, now)), /ending early/);
      assert.match(refusal(requestExtension(agreeing(), { id: "e2", by: "secondee", newEndDate: "2027-12-31", reason: "x" }, now)), /confirmed or active/);
    });
  });

  describe("endEarly", () => {
    it("moves the end date of an active secondment to the last day, and withdraws a pending extension", () => {
      const withExt = must(requestExtension(active(), { id: "e1", by: "host", newEndDate: "2027-12-31", reason: "x" }, now));
      const s = must(endEarly(withExt, { by: "secondee", reason: "Family reasons", lastDay: "2027-04-07" }, TODAY, later));
      assert.equal(s.status, "active", "it still runs to the last day");
      assert.equal(s.terms!.endDate, "2027-04-07");
      assert.deepEqual(s.earlyEnd, { by: "secondee", reason: "Family reasons", lastDay: "2027-04-07", previousEndDate: "2027-09-30", at: later.toISOString() });
      assert.equal(s.extensions[0]!.status, "withdrawn");
      assert.match(refusal(endEarly(s, { by: "host", reason: "x", lastDay: "2027-04-01" }, TODAY, later)), /already ending early/);
    });
    it("cancels a secondment that has not started", () => {
      const s = must(endEarly(confirmed(), { by: "programme-team", reason: "Role withdrawn", lastDay: TODAY }, TODAY, now));
      assert.equal(s.status, "cancelled");
      assert.equal(s.endedAt, now.toISOString());
      assert.equal(s.terms!.endDate, "2027-09-30", "a called-off secondment keeps the agreed dates on record");
      assert.equal(must(endEarly(agreeing(), { by: "host", reason: "x", lastDay: TODAY }, TODAY, now)).status, "cancelled");
    });
    it("refuses a last day on or after the current end date, or in the past", () => {
      assert.match(refusal(endEarly(active(), { by: "host", reason: "x", lastDay: "2027-09-30" }, TODAY, now)), /before the current end date/);
      assert.match(refusal(endEarly(active(), { by: "host", reason: "x", lastDay: "2027-10-01" }, TODAY, now)), /before the current end date/);
      assert.match(refusal(endEarly(active(), { by: "host", reason: "x", lastDay: "2027-03-09" }, TODAY, now)), /cannot be in the past/);
      assert.equal(must(endEarly(active(), { by: "host", reason: "x", lastDay: "2027-09-29" }, TODAY, now)).terms!.endDate, "2027-09-29");
    });
    it("refuses once the secondment has finished", () => {
      const ended = must(finish(active(), "2027-09-30", new Date("2027-09-30T08:00:00Z")));
      assert.match(refusal(endEarly(ended, { by: "host", reason: "x", lastDay: "2027-09-30" }, "2027-09-30", now)), /already finished/);
      const cancelled = must(endEarly(confirmed(), { by: "host", reason: "x", lastDay: TODAY }, TODAY, now));
      assert.match(refusal(endEarly(cancelled, { by: "host", reason: "x", lastDay: TODAY }, TODAY, now)), /already finished/);
    });
  });
});
