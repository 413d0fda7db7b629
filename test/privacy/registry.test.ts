import assert from "node:assert/strict";
import { anonymiseDoc, identityOf, LEFT_MARKER, mentions, REMOVED_MARKER } from "../../src/privacy/identity";
import { equalityReport } from "../../src/privacy/equality";
import { REGISTRY, withoutWords } from "../../src/privacy/registry";
import { CONTAINERS } from "../../src/store/store";

describe("the registry of people's data", () => {
  it("has one entry for every container, so export and erasure reach them all", () => {
    assert.deepEqual(REGISTRY.map((r) => r.container).sort(), Object.keys(CONTAINERS).sort(), "add the new container to src/privacy/registry.ts");
    for (const r of REGISTRY) assert.ok(r.holds.length > 0 && r.kept.length > 0, `${r.container} says what it holds and what is kept`);
  });

  it("anonymises ids inside other strings, whole names only, and emails, the same way every time", () => {
    const who = identityOf({ tenantId: "T1", aadObjectId: "AAAA-1111-bbbb" }, { names: ["Ana Jones"], emails: ["ana@example.gov.uk"] });
    const doc = { id: "match:role-1:t1:aaaa-1111-bbbb", note: "Ana Jones met Ana Joneses; write to ana@example.gov.uk", _etag: "x" };
    const out = anonymiseDoc(doc, who);
    assert.equal(out.id, `match:role-1:t1:${who.pseudonym}`);
    assert.equal(out.note, `${LEFT_MARKER} met Ana Joneses; write to (email removed)`);
    assert.ok(!("_etag" in out));
    assert.deepEqual(anonymiseDoc(out, who), out, "a second pass changes nothing");
    assert.equal(mentions(out, who), false);
  });

  it("reports equality answers only as totals, hiding counts from 1 to 4, and nothing at all under 5 people", () => {
    assert.deepEqual(equalityReport([{ age: "25-to-34" }]).questions, []);
    const five = Array.from({ length: 5 }, (_, i) => ({ age: i === 0 ? "65-or-over" : "25-to-34" }));
    const age = equalityReport(five).questions.find((q) => q.label === "Age")!;
    assert.equal(age.rows.find((r) => r.label === "25 to 34")!.count, "fewer than 5");
    assert.equal(age.rows.find((r) => r.label === "65 or over")!.count, "fewer than 5");
    assert.equal(age.rows.find((r) => r.label === "16 to 24")!.count, "0");
  });

  it("removes a person's own words from kept messages: long ones anywhere, short ones only where they stand alone", () => {
    const card = { body: [{ text: "Not going ahead: Too far from home for me" }, { text: "No: Not going ahead" }], note: 'Ana said: "No" Both are available.', state: "Not going ahead: No" };
    const out = withoutWords(card, ["Too far from home for me", "No"]);
    assert.equal(out.body[0]!.text, `Not going ahead: ${REMOVED_MARKER}`);
    assert.equal(out.body[1]!.text, "No: Not going ahead", "a short word elsewhere is left");
    assert.equal(out.note, `Ana said: "${REMOVED_MARKER}" Both are available.`);
    assert.equal(out.state, `Not going ahead: ${REMOVED_MARKER}`);
    assert.deepEqual(withoutWords(card, []), card);
  });
});
