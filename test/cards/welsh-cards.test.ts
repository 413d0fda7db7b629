import assert from "node:assert/strict";
import { TEMPLATES, templateKeys, type CardModels, type CardName } from "../../cards";
import { renderCard } from "../../bot/render-card";
import { LANGS } from "../../src/i18n";
import { cardProblems, unexpanded, walk } from "../support/cards";
import { samples } from "./cards.test";

/**
 * Cards with no words at all of their own: every word is in the model, which the handler builds
 * in the reader's language from the catalogue (My roles, My interest, a confirmation). HTTP tests
 * (test/bot/welsh-core.test.ts) show them in Welsh.
 */
const MODEL_WORDS_ONLY: readonly CardName[] = ["confirm", "records"];

/**
 * Every card: its words all come from the message catalogue (or, for MODEL_WORDS_ONLY, from a
 * model built from it), so each is checked in English and Welsh here and in the contrast test.
 */
export const CONVERTED: readonly CardName[] = Object.keys(TEMPLATES) as CardName[];

/** Words a template writes itself, outside ${…} expressions. */
function literalWords(template: object): string[] {
  const out: string[] = [];
  walk(template, (n) => {
    for (const prop of ["text", "title", "label", "placeholder", "errorMessage", "altText"]) {
      const v = n[prop];
      if (typeof v !== "string") continue;
      const bare = v.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, "").replace(/[\s*:.,()!?-]/g, "");
      if (/[A-Za-z]{2,}/.test(bare)) out.push(`${prop}: ${v}`);
    }
  });
  return out;
}

describe("cards in both languages", () => {
  for (const name of CONVERTED) {
    it(`${name}: carries no words of its own, and every sample renders in English and Welsh (valid, under 28 KB)`, () => {
      assert.deepEqual(literalWords(TEMPLATES[name]), [], "words belong in src/i18n/locales");
      const wordless = MODEL_WORDS_ONLY.includes(name);
      assert.equal(templateKeys(TEMPLATES[name]).length > 0, !wordless, wordless ? "has no words of its own" : "takes its words from the catalogue");
      for (const model of samples[name] as CardModels[CardName][]) {
        const rendered = LANGS.map((lang) => renderCard(name, model as never, lang));
        for (const card of rendered) {
          assert.deepEqual(cardProblems(card), []);
          assert.deepEqual(unexpanded(card), []);
        }
        if (wordless) assert.deepEqual(rendered[0], rendered[1], "every word comes from the model, so the language changes nothing");
        else assert.notDeepEqual(rendered[0], rendered[1], "the Welsh card differs from the English one");
      }
    });
  }

  it("the literal-word check can fail", () => {
    assert.deepEqual(literalWords({ type: "TextBlock", text: "Hello ${name}" }), ["text: Hello ${name}"]);
    assert.deepEqual(literalWords({ type: "TextBlock", text: "**${stepLabel}**: ${title}" }), []);
  });
});
