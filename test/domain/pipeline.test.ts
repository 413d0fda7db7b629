import assert from "node:assert/strict";
import {
  daysBetween,
  isCheckInOverdue,
  median,
  pipelineOf,
  type ApprovalFacts,
  type CheckInFacts,
  type InterestFacts,
  type MatchFacts,
  type PipelineInput,
  type RoleFacts,
  type SecondmentFacts,
} from "../../src/domain/pipeline";

const empty: PipelineInput = { interests: [], approvals: [], roles: [], matches: [], secondments: [], today: "2027-03-10" };

const interest = (personKey: string, status: InterestFacts["status"], submittedAt = "2027-01-04T10:00:00.000Z"): InterestFacts => ({ personKey, status, submittedAt });
const approval = (personKey: string, status: ApprovalFacts["status"]): ApprovalFacts => ({ personKey, status });
const role = (status: RoleFacts["status"], openings: number): RoleFacts => ({ status, openings });
const match = (id: string, status: MatchFacts["status"], o: Partial<MatchFacts> = {}): MatchFacts => ({ id, candidateKey: `t:${id}`, status, confirmedAt: "2027-02-01T10:00:00.000Z", ...o });
const secondment = (status: SecondmentFacts["status"], o: Partial<SecondmentFacts> = {}): SecondmentFacts => ({ matchId: "none", status, checkIns: [], ...o });
const sent = (sentAt: string, answered: CheckInFacts["answered"] = {}): CheckInFacts => ({ sentAt, answered });

describe("pipeline: the programme team's totals", () => {
  it("counts nothing when there is nothing, and says there is no median yet", () => {
    const p = pipelineOf(empty);
    assert.deepEqual(p.interests, { submitted: 0, withdrawn: 0, waitingForRelease: 0, released: 0, notReleased: 0, managerUnreachable: 0, noRequest: 0 });
    assert.deepEqual(p.roles, { open: 0, openings: 0 });
    assert.deepEqual(p.matches, { proposed: 0, meeting: 0, agreed: 0, underWay: 0, ended: 0, notGoingAhead: 0 });
    assert.deepEqual(p.secondments, { agreeing: 0, confirmed: 0, active: 0, ended: 0, closed: 0, cancelled: 0 });
    assert.equal(p.checkInsOverdue, 0);
    assert.deepEqual(p.interestToMatch, { days: undefined, from: 0 });
    assert.deepEqual(p.matchToStart, { days: undefined, from: 0 });
  });

  it("counts every status from hand-built data", () => {
    const p = pipelineOf({
      ...empty,
      interests: [
        interest("t:p1", "submitted"),
        interest("t:p2", "submitted"),
        interest("t:p3", "submitted"),
        interest("t:p4", "submitted"),
        interest("t:p5", "submitted"),
        interest("t:p6", "submitted"),
        interest("t:p7", "withdrawn"),
        interest("t:p8", "withdrawn"),
      ],
      approvals: [
        approval("t:p1", "pending"),
        approval("t:p2", "approved"),
        approval("t:p3", "approved"),
        approval("t:p4", "declined"),
        approval("t:p5", "unreachable"),
        // p6 has no request at all
        approval("t:p7", "cancelled"),
        approval("t:p8", "approved"), // withdrawn: not in the pool, so not counted as released
        approval("t:nobody", "pending"), // a request with no interest: not counted
      ],
      roles: [role("submitted", 2), role("submitted", 1), role("withdrawn", 5), role("submitted", 3)],
      matches: [
        match("m1", "notified"),
        match("m2", "meeting"),
        match("m3", "agreeing"),
        match("m4", "agreeing"),
        match("m5", "closed", { closedBy: "host" }),
        match("m6", "closed", { closedBy: "secondee" }),
        match("m7", "closed", { closedBy: "programme-team" }),
        match("m8", "closed", { closedBy: "programme-team" }),
      ],
      secondments: [
        secondment("agreeing"),
        secondment("confirmed"),
        secondment("confirmed"),
        secondment("active"),
        secondment("active"),
        secondment("ended"),
        secondment("closed"),
        secondment("cancelled"),
      ],
    });
    assert.deepEqual(p.interests, { submitted: 6, withdrawn: 2, waitingForRelease: 1, released: 2, notReleased: 1, managerUnreachable: 1, noRequest: 1 });
    assert.deepEqual(p.roles, { open: 3, openings: 6 });
    assert.deepEqual(p.matches, { proposed: 1, meeting: 1, agreed: 2, underWay: 0, ended: 0, notGoingAhead: 2 }, "the programme team's two rejections are not counted");
    assert.deepEqual(p.secondments, { agreeing: 1, confirmed: 2, active: 2, ended: 1, closed: 1, cancelled: 1 });
  });

  it("counts a match going ahead under its secondment's stage once that has started or ended", () => {
    const p = pipelineOf({
      today: "2026-12-07",
      interests: [],
      approvals: [],
      roles: [],
      matches: [match("m1", "agreeing"), match("m2", "agreeing"), match("m3", "agreeing"), match("m4", "agreeing")],
      secondments: [secondment("confirmed", { matchId: "m1" }), secondment("active", { matchId: "m2" }), secondment("ended", { matchId: "m3" })],
    });
    assert.deepEqual(p.matches, { proposed: 0, meeting: 0, agreed: 2, underWay: 1, ended: 1, notGoingAhead: 0 });
  });

  it("no longer counts an opening once a match for it is going ahead", () => {
    const input = (matches: PipelineInput["matches"]): PipelineInput => ({
      ...empty,
      roles: [{ id: "role-a", status: "submitted", openings: 1 }, { id: "role-b", status: "submitted", openings: 2 }],
      matches,
    });
    const m = (id: string, openingId: string, status: MatchFacts["status"]): MatchFacts => ({ id, openingId, candidateKey: `t:${id}`, status, confirmedAt: "2027-03-01T10:00:00Z" });
    assert.deepEqual(pipelineOf(input([])).roles, { open: 2, openings: 3 });
    // Only going ahead takes an opening: a suggestion, a meeting or a match that closed does not.
    assert.deepEqual(pipelineOf(input([m("m1", "role-a", "notified"), m("m2", "role-a", "meeting"), m("m3", "role-b", "closed")])).roles, { open: 2, openings: 3 });
    // role-a's only opening went ahead: it is no longer open and needs nobody.
    assert.deepEqual(pipelineOf(input([m("m1", "role-a", "agreeing")])).roles, { open: 1, openings: 2 });
    assert.deepEqual(pipelineOf(input([m("m1", "role-a", "agreeing"), m("m2", "role-b", "agreeing")])).roles, { open: 1, openings: 1 });
  });

  it("counts overdue check-ins of active secondments only, with a side still to answer", () => {
    const both = { secondee: true, homeManager: true };
    const p = pipelineOf({
      ...empty,
      today: "2027-03-10",
      secondments: [
        secondment("active", {
          checkIns: [
            sent("2027-02-01T09:00:00.000Z", both), // answered by both: never overdue
            sent("2027-03-01T09:00:00.000Z", { secondee: true }), // due by 8 March: overdue
            sent("2027-03-05T09:00:00.000Z"), // due by 12 March: not yet
          ],
        }),
        secondment("active", { checkIns: [sent("2027-02-15T09:00:00.000Z", { secondee: true, homeManager: false })] }), // overdue
        secondment("ended", { checkIns: [sent("2027-01-04T09:00:00.000Z")] }), // not active: not counted
        secondment("cancelled", { checkIns: [sent("2027-01-04T09:00:00.000Z")] }),
      ],
    });
    assert.equal(p.checkInsOverdue, 2);
  });
});

describe("pipeline: when a check-in is overdue", () => {
  const unanswered = (sentAt: string) => sent(sentAt, { secondee: true });

  it("is not overdue after exactly 5 working days, and is after 6", () => {
    const c = unanswered("2027-03-01T09:00:00.000Z"); // Monday
    assert.equal(isCheckInOverdue(c, "2027-03-05"), false, "4 working days");
    assert.equal(isCheckInOverdue(c, "2027-03-08"), false, "exactly 5 working days: not overdue");
    assert.equal(isCheckInOverdue(c, "2027-03-09"), true, "6 working days: overdue");
    const at = (today: string) => pipelineOf({ ...empty, today, secondments: [secondment("active", { checkIns: [c] })] }).checkInsOverdue;
    assert.equal(at("2027-03-08"), 0);
    assert.equal(at("2027-03-09"), 1);
  });

  it("skips weekends and England and Wales bank holidays (Easter 2027)", () => {
    // Sent Wednesday 24 March 2027. Good Friday 26 March and Easter Monday 29 March are bank holidays,
    // so the 5th working day after is Friday 2 April, not Wednesday 31 March.
    const c = unanswered("2027-03-24T10:00:00.000Z");
    assert.equal(isCheckInOverdue(c, "2027-04-01"), false, "would be the 6th working day without the bank holidays");
    assert.equal(isCheckInOverdue(c, "2027-04-02"), false, "exactly 5 working days");
    assert.equal(isCheckInOverdue(c, "2027-04-03"), true, "any day after the 5th working day, a Saturday too");
    assert.equal(isCheckInOverdue(c, "2027-04-05"), true, "Monday 5 April");
  });

  it("starts from the UK date it was sent, not the UTC date", () => {
    // 23:30 UTC on 30 June 2027 is 00:30 on Thursday 1 July in the UK (BST).
    const c = unanswered("2027-06-30T23:30:00.000Z");
    assert.equal(isCheckInOverdue(c, "2027-07-08"), false, "5 working days after 1 July");
    assert.equal(isCheckInOverdue(c, "2027-07-09"), true);
  });

  it("is never overdue once both sides have answered", () => {
    assert.equal(isCheckInOverdue(sent("2026-01-05T09:00:00.000Z", { secondee: true, homeManager: true }), "2027-03-10"), false);
    assert.equal(isCheckInOverdue(sent("2026-01-05T09:00:00.000Z", { homeManager: true }), "2027-03-10"), true);
    assert.equal(isCheckInOverdue(sent("2026-01-05T09:00:00.000Z"), "2027-03-10"), true);
  });
});

describe("pipeline: medians", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    assert.equal(median([]), undefined);
    assert.equal(median([7]), 7);
    assert.equal(median([3, 1, 2]), 2, "odd count, unsorted");
    assert.equal(median([4, 1, 3, 2]), 2.5, "even count");
    assert.equal(median([10, 2]), 6);
    assert.equal(median([5, 5, 100]), 5, "not the mean");
    const input = [3, 1, 2];
    median(input);
    assert.deepEqual(input, [3, 1, 2], "the input is left as it was");
  });

  it("counts days between UK calendar dates", () => {
    assert.equal(daysBetween("2027-01-14", "2027-03-01"), 46);
    assert.equal(daysBetween("2027-03-01", "2027-03-01"), 0);
    assert.equal(daysBetween("2027-03-27", "2027-03-29"), 2, "across the clocks going forward");
  });

  it("measures interest to match over confirmed matches, leaving out the programme team's rejections", () => {
    const p = pipelineOf({
      ...empty,
      interests: [
        interest("t:a", "submitted", "2027-01-04T10:00:00.000Z"),
        interest("t:b", "submitted", "2027-01-10T23:30:00.000Z"), // 10 January in the UK (GMT)
        interest("t:c", "withdrawn", "2027-02-01T09:00:00.000Z"),
      ],
      matches: [
        match("ma", "agreeing", { candidateKey: "t:a", confirmedAt: "2027-01-14T09:00:00.000Z" }), // 10 days
        match("mb", "notified", { candidateKey: "t:b", confirmedAt: "2027-01-11T00:15:00.000Z" }), // 1 day, though under an hour
        match("ma2", "closed", { candidateKey: "t:a", closedBy: "host", confirmedAt: "2027-02-03T15:00:00.000Z" }), // 30 days
        match("mc", "closed", { candidateKey: "t:c", closedBy: "programme-team", confirmedAt: "2027-02-02T09:00:00.000Z" }), // rejected: left out
        match("mx", "notified", { candidateKey: "t:nobody" }), // no interest found: left out
      ],
    });
    assert.deepEqual(p.interestToMatch, { days: 10, from: 3 }, "median of 1, 10 and 30; with the rejection it would be 5.5");
  });

  it("uses the UK date of a late-night submission in summer, and leaves out an interest sent again after its match", () => {
    const p = pipelineOf({
      ...empty,
      interests: [
        interest("t:a", "submitted", "2027-06-30T23:30:00.000Z"), // 1 July in the UK
        interest("t:b", "submitted", "2027-08-01T09:00:00.000Z"), // withdrawn and sent again after its match
      ],
      matches: [
        match("ma", "meeting", { candidateKey: "t:a", confirmedAt: "2027-07-01T08:00:00.000Z" }),
        match("mb", "closed", { candidateKey: "t:b", closedBy: "secondee", confirmedAt: "2027-07-15T08:00:00.000Z" }),
      ],
    });
    assert.deepEqual(p.interestToMatch, { days: 0, from: 1 });
  });

  it("measures match to start over secondments that have started, from the agreed start date or the day it started", () => {
    const p = pipelineOf({
      ...empty,
      matches: [
        match("ma", "agreeing", { confirmedAt: "2027-01-14T09:00:00.000Z" }),
        match("mb", "agreeing", { confirmedAt: "2027-01-11T09:00:00.000Z" }),
        match("mc", "agreeing", { confirmedAt: "2027-01-01T09:00:00.000Z" }),
        match("md", "agreeing", { confirmedAt: "2027-01-01T09:00:00.000Z" }),
      ],
      secondments: [
        secondment("active", { matchId: "ma", startedAt: "2027-03-01T09:00:00.000Z", startDate: "2027-03-01" }), // 46 days
        secondment("ended", { matchId: "mb", startedAt: "2027-02-10T09:00:00.000Z" }), // no terms: the day it started, 30 days
        secondment("confirmed", { matchId: "mc", startDate: "2027-02-01" }), // not started: left out
        secondment("cancelled", { matchId: "md" }), // never started: left out
      ],
    });
    assert.deepEqual(p.matchToStart, { days: 38, from: 2 });
  });

  it("refuses a today that is not a date", () => {
    assert.throws(() => pipelineOf({ ...empty, today: "10/03/2027" }), RangeError);
  });
});
