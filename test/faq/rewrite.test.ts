import assert from "node:assert/strict";
import { WELSH_PHRASES } from "../../src/faq/analyse-cy";
import { normalise } from "../../src/faq/analyse";
import { FAQ_ENTRIES } from "../../src/faq/knowledge";
import { PHRASES } from "../../src/faq/phrases";
import { phraseRewriter, type PhraseRule } from "../../src/faq/rewrite";
import { FAQ_SETS } from "./sets";

/** The plain way: every rule's replace, one after another. */
const oneByOne = (rules: ReadonlyArray<PhraseRule>) => (text: string) => rules.reduce((t, [p, r]) => t.replace(p, r), text);

describe("phrase rules applied in groups", () => {
  it("gives exactly what applying every rule in turn gives, on every question in every set and every entry's text", () => {
    const texts = [
      ...FAQ_SETS.flatMap((s) => [...(s.inDomain ?? []).map(([q]) => q), ...(s.offTopic ?? []), ...(s.notCovered ?? []), ...(s.inDomainCy ?? []).map(([q]) => q), ...(s.offTopicCy ?? [])]),
      ...FAQ_ENTRIES.flatMap((e) => [e.question, e.topic, ...(e.alternates ?? []), ...e.keywords, ...e.answer]),
    ].map(normalise);
    assert.ok(texts.length > 2000, String(texts.length));
    for (const rules of [PHRASES, WELSH_PHRASES]) {
      const grouped = phraseRewriter(rules);
      const plain = oneByOne(rules);
      let changed = 0;
      for (const text of texts) {
        const want = plain(text);
        assert.equal(grouped(text), want, text);
        if (want !== text) changed++;
      }
      assert.ok(changed > 100, `the rules do change many texts (${changed})`);
    }
  });

  it("still applies a rule that only matches what an earlier rule in its group wrote", () => {
    const rules: PhraseRule[] = [
      [/\bline manager\b/g, " manager "],
      [/\bmy\s+manager\b/g, " boss "],
    ];
    const out = phraseRewriter(rules)("ask my line manager");
    assert.equal(out, oneByOne(rules)("ask my line manager"));
    assert.match(out, /boss/);
  });

  it("refuses patterns it cannot join safely", () => {
    assert.throws(() => phraseRewriter([[/(a)\1/g, "x"]]), /backreferences/);
    assert.throws(() => phraseRewriter([[/a/gi, "x"]]), /g flag only/);
    assert.throws(() => phraseRewriter([[/(?<n>a)/g, "x"]]), /named groups/);
    assert.doesNotThrow(() => phraseRewriter([[/(?<=x)a(?!b)/g, "$&"]]));
  });
});
