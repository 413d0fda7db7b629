import assert from "node:assert/strict";
import { FAQ_ENTRIES } from "../../src/faq/knowledge";
import { WELSH_FAQ } from "../../src/faq/knowledge-cy";
import { CATALOGUES } from "../../src/i18n";
import glossary from "../../src/i18n/glossary.json";

/** Texts in both languages: every catalogue key, and the Welsh FAQ entries against their English. */
function pairs(): { where: string; en: string; cy: string }[] {
  // Placeholders ({secondeeName}) and email addresses (secondmentexpertise@...) are not words of the message.
  const words = (m: string) => m.replace(/\{[A-Za-z_]+\}/g, "").replace(/[^\s@]+@[^\s@]+/g, "");
  const out = Object.keys(CATALOGUES["en-GB"]).map((k) => ({ where: k, en: words(CATALOGUES["en-GB"][k]!), cy: CATALOGUES.cy[k]! }));
  for (const w of WELSH_FAQ) {
    const e = FAQ_ENTRIES.find((f) => f.id === w.id)!;
    out.push({ where: `faq ${w.id} topic`, en: e.topic, cy: w.topic });
    e.answer.forEach((p, i) => out.push({ where: `faq ${w.id} answer ${i + 1}`, en: words(p), cy: w.answer[i] ?? "" }));
  }
  return out;
}

/** Where `term` appears in `english` as a word or phrase (any case; plurals and -ing forms count). */
const has = (english: string, term: string) => new RegExp(`\\b${term.replace(/[-]/g, "\\-")}`, "i").test(english);

describe("Welsh glossary", () => {
  it("uses the glossary's Welsh term wherever the English has the term", () => {
    const misses: string[] = [];
    for (const p of pairs()) {
      for (const term of glossary.terms) {
        if (!has(p.en, term.en)) continue;
        if (!term.cy.some((form) => p.cy.toLowerCase().includes(form.toLowerCase()))) misses.push(`${p.where}: "${term.en}" should be "${term.cy[0]}" in: ${p.cy}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  it("the check can fail: a Welsh text without the term is caught", () => {
    const term = glossary.terms.find((x) => x.en === "line manager")!;
    assert.ok(has("Ask your line manager", term.en));
    assert.ok(!term.cy.some((form) => "Gofynnwch i'ch pennaeth".includes(form)));
  });

  it("every Welsh FAQ entry has as many paragraphs as its English", () => {
    for (const w of WELSH_FAQ) assert.equal(w.answer.length, FAQ_ENTRIES.find((f) => f.id === w.id)!.answer.length, w.id);
  });
});
