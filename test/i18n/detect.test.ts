import assert from "node:assert/strict";
import { answerInWelsh, WELSH_FAQ } from "../../src/faq/knowledge-cy";
import { FAQ_ENTRIES } from "../../src/faq/knowledge";
import { detectLanguage } from "../../src/i18n/detect";
import { IN_DOMAIN, NOT_COVERED_SET, OFF_TOPIC } from "../faq/eval-set";

describe("Welsh questions: detection and the Welsh FAQ", () => {
  it("never takes one of the English evaluation questions for Welsh", () => {
    const english = [...IN_DOMAIN.map(([q]) => q), ...OFF_TOPIC, ...NOT_COVERED_SET];
    assert.deepEqual(
      english.filter((q) => detectLanguage(q) === "cy"),
      [],
    );
  });

  it("recognises Welsh questions, short ones included", () => {
    for (const q of ["Oes angen caniatâd fy rheolwr llinell arnaf?", "Pwy sy'n talu fy nghyflog?", "Alla i ymestyn fy secondiad?", "Sut mae paru yn gweithio?"]) {
      assert.equal(detectLanguage(q), "cy", q);
    }
    assert.notEqual(detectLanguage("Who pays my salary while I am away?"), "cy");
    assert.equal(detectLanguage("How long does a secondment usually last?"), "en-GB");
  });

  it("every Welsh entry is a shipped FAQ entry, and each is found by its own question and alternates", () => {
    for (const e of WELSH_FAQ) {
      assert.ok(FAQ_ENTRIES.some((f) => f.id === e.id), `${e.id} is not an FAQ entry`);
      assert.equal(answerInWelsh(e.question)?.id, e.id, e.question);
      for (const a of e.alternates.filter((x) => x.includes(" ") && x.endsWith("?"))) assert.equal(answerInWelsh(a)?.id, e.id, a);
    }
  });

  it("does not answer a Welsh question it has no entry for", () => {
    assert.equal(answerInWelsh("Beth yw'r tywydd yng Nghaerdydd yfory?"), undefined);
  });
});
