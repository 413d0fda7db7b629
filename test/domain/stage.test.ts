import assert from "node:assert/strict";
import { matchesByPerson, matchStage, matchStageLabel, MATCH_STAGES, personStage, personStageLabel, roleStage, roleStageLabel, takenByRole } from "../../src/domain/stage";

describe("stages: where a match and a person stand, worked out in one place", () => {
  it("gives each stored match status its stage, telling a pair the programme team turned down from one that closed later", () => {
    assert.equal(matchStage({ status: "notified" }), "confirmed");
    assert.equal(matchStage({ status: "meeting" }), "meeting");
    assert.equal(matchStage({ status: "agreeing" }), "agreeing");
    assert.equal(matchStage({ status: "closed", closedBy: "host" }), "closed");
    assert.equal(matchStage({ status: "closed", closedBy: "programme-team", closedNote: "called-off" }), "closed", "called off by the programme team is not 'not suitable'");
    assert.equal(matchStage({ status: "closed", closedBy: "programme-team", closedNote: "not-suitable" }), "notSuitable");
    assert.equal(matchStage({ status: "closed", closedBy: "programme-team" }), "notSuitable", "turned down before closedNote existed");
  });

  it("reads a match left open on a withdrawn role as not going ahead, but not one already going ahead", () => {
    assert.equal(matchStage({ status: "notified", role: "withdrawn" }), "closed");
    assert.equal(matchStage({ status: "meeting", role: "withdrawn" }), "closed");
    assert.equal(matchStage({ status: "meeting", role: "submitted" }), "meeting");
    assert.equal(matchStage({ status: "agreeing", role: "withdrawn", secondment: "active" }), "underWay");
    assert.equal(personStage("submitted", [{ status: "notified", role: "withdrawn" }]), "available");
    assert.equal(personStage("submitted", [{ status: "notified", role: "submitted" }]), "matched");
  });

  it("reads a match going ahead as its secondment stands, and a role with every opening taken as filled", () => {
    assert.equal(matchStage({ status: "agreeing", secondment: "agreeing" }), "agreeing");
    assert.equal(matchStage({ status: "agreeing", secondment: "confirmed" }), "agreeing");
    assert.equal(matchStage({ status: "agreeing", secondment: "active" }), "underWay");
    assert.equal(matchStage({ status: "agreeing", secondment: "ended" }), "ended");
    assert.equal(matchStage({ status: "agreeing", secondment: "closed" }), "ended", "reviewed after it ended");
    assert.equal(matchStageLabel("en-GB", "underWay"), "Secondment under way");
    assert.equal(matchStageLabel("cy", "ended"), "Secondiad wedi dod i ben");
    assert.equal(roleStage("submitted", 2, 1), "open");
    assert.equal(roleStage("submitted", 2, 2), "filled");
    assert.equal(roleStage("withdrawn", 1, 1), "withdrawn");
    // Openings are taken by secondments confirmed, under way or over: not while agreeing, nor once cancelled.
    const taken = takenByRole([
      { openingId: "r1", status: "agreeing", secondment: "agreeing" },
      { openingId: "r1", status: "agreeing" },
      { openingId: "r2", status: "agreeing", secondment: "confirmed" },
      { openingId: "r2", status: "agreeing", secondment: "cancelled" },
      { openingId: "r3", status: "agreeing", secondment: "active" },
      { openingId: "r3", status: "meeting" },
    ]);
    assert.deepEqual([...taken.entries()].sort(), [["r2", 1], ["r3", 1]]);
    assert.equal(roleStageLabel("cy", "filled"), "Wedi'i llenwi");
  });

  it("words every stage in both languages, never 'Suggested' for a confirmed match", () => {
    for (const stage of MATCH_STAGES) assert.notEqual(matchStageLabel("en-GB", stage), matchStageLabel("cy", stage));
    assert.equal(matchStageLabel("en-GB", "confirmed"), "Confirmed: informal chat to arrange");
    assert.equal(matchStageLabel("cy", "confirmed"), "Wedi'i gadarnhau: angen trefnu sgwrs anffurfiol");
  });

  it("puts a person in the pool stage their matches say", () => {
    assert.equal(personStage("submitted", []), "available");
    assert.equal(personStage("submitted", [{ status: "closed" }, { status: "notified" }]), "matched");
    assert.equal(personStage("submitted", [{ status: "meeting" }, { status: "agreeing" }]), "placed");
    assert.equal(personStage("withdrawn", [{ status: "agreeing" }]), "withdrawn");
    assert.equal(personStage("submitted", [{ status: "agreeing", secondment: "active" }]), "seconded");
    assert.equal(personStage("submitted", [{ status: "agreeing", secondment: "ended" }]), "available", "back in the pool once it ended");
    assert.equal(personStage("submitted", [{ status: "agreeing", secondment: "ended" }, { status: "agreeing", secondment: "confirmed" }]), "placed");
    assert.equal(personStageLabel("cy", "seconded"), "Ar secondiad");
    assert.equal(personStageLabel("en-GB", "matched"), "Matched");
    const byPerson = matchesByPerson([{ candidateKey: "t:a", status: "closed" as const }, { candidateKey: "t:a", status: "meeting" as const }, { candidateKey: "t:b", status: "closed" as const }]);
    assert.equal(personStage("submitted", byPerson.get("t:a") ?? []), "matched");
    assert.equal(personStage("submitted", byPerson.get("t:b") ?? []), "available");
  });
});
