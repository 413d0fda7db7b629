import assert from "node:assert/strict";
import { checkPair } from "../../src/matching/rules";
import { overrideDetail, ruleViews } from "../../src/programme/manual-match";
import { candidate, context, opening } from "../matching/fixtures";

describe("manual match rules in the Programme tab's language", () => {
  const rules = checkPair(candidate("c1", {}, { released: false }), opening("r1"), context());

  it("names every rule and its reason in Welsh for a Welsh team member", () => {
    const cy = ruleViews(rules, "cy");
    assert.equal(cy.length, rules.length);
    const released = cy.find((r) => r.id === "released")!;
    assert.equal(released.pass, false);
    assert.equal(released.label, "Wedi cael eu rhyddhau gan eu rheolwr llinell");
    assert.equal(released.reason, "Nid yw eu rheolwr llinell wedi cytuno i'w rhyddhau eto.");
    assert.doesNotMatch(JSON.stringify(cy.map((r) => [r.label, r.reason])), /\b(the|their|your|role|line manager)\b/i, "no English left");
  });

  it("and in English for an English one", () => {
    const released = ruleViews(rules, "en-GB").find((r) => r.id === "released")!;
    assert.equal(released.label, "Released by their line manager");
    assert.equal(released.reason, "Their line manager has not agreed to release them yet.");
  });

  it("keeps the override in the audit trail's one language, from the catalogue", () => {
    assert.equal(
      overrideDetail(rules.filter((r) => r.id === "released"), "Host agreed."),
      "Rules not met: Released by their line manager. Reason: Host agreed.",
    );
  });
});
