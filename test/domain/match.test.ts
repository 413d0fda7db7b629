import assert from "node:assert/strict";
import { arrange, endForWithdrawnRole, recordOutcome, type Match } from "../../src/domain/match";

const now = new Date("2026-12-07T10:00:00Z");
const base: Match = {
  type: "match",
  opening: { id: "role-1", ownerKey: "t:priya", title: "Data analyst", organisation: "Leeds", channelConversationId: "19:c" },
  candidate: { tenantId: "t", aadObjectId: "ana", key: "t:ana", name: "Ana Jones" },
  status: "meeting",
  confirmedBy: { aadObjectId: "tom" },
  confirmedAt: now.toISOString(),
  outcomes: { secondee: { proceed: true, at: now.toISOString() } },
  explanation: "",
};

describe("a match whose role is withdrawn", () => {
  it("refuses the answer that would begin a secondment, and the meeting", () => {
    const out = recordOutcome(base, "host", { proceed: true }, now, "withdrawn");
    assert.deepEqual([out.kind, out.kind === "refused" && out.why], ["refused", "roleWithdrawn"]);
    const arranged = arrange({ ...base, status: "notified", outcomes: {} }, { aadObjectId: "priya" }, now, "withdrawn");
    assert.equal(arranged.kind, "refused");
    // With the role open, the same answer goes ahead.
    assert.equal(recordOutcome(base, "host", { proceed: true }, now, "open").match.status, "agreeing");
  });

  it("ends a match before both said yes, with a note; leaves one going ahead or closed as it is", () => {
    const ended = endForWithdrawnRole(base, now);
    assert.equal(ended.kind, "changed");
    assert.equal(ended.match.status, "closed");
    assert.equal(ended.match.closedNote, "role-withdrawn");
    assert.equal(endForWithdrawnRole({ ...base, status: "notified" }, now).kind, "changed");
    assert.equal(endForWithdrawnRole({ ...base, status: "agreeing" }, now).kind, "refused");
    assert.equal(endForWithdrawnRole({ ...base, status: "closed" }, now).kind, "refused");
  });
});
