import assert from "node:assert/strict";
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGUES } from "../../src/i18n";

/**
 * Error and validation messages end as the English style has them: a short field message ("Enter
 * your full name") has no full stop, as GOV.UK's do; a message of two or more sentences ends with
 * one, like every other sentence in it; and the Welsh message ends as the English one does. Every
 * ending a message can have is checked: each branch of a select or plural that closes it.
 */

/** The catalogue keys of error and validation messages: the areas' `error(s)`, `required`, `invalid`, `rule` and `refused` keys. */
const ERROR_KEY = /(^|\.)(errors?|required|invalid|rule|refused)(\.|$)/;

// Element types of an ICU message's syntax tree (@formatjs/icu-messageformat-parser's TYPE).
const LITERAL = 0;
const SELECT = 5;
const PLURAL = 6;
type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };

/** How each way through the message ends: ".", "?", "!" or ":", or "" for none (a word, a quote, a placeholder). */
function endings(elements: Element[]): string[] {
  let i = elements.length - 1;
  while (i >= 0 && elements[i]!.type === LITERAL && String(elements[i]!.value).trim() === "") i--;
  const last = elements[i];
  if (!last) return [""];
  if (last.type === LITERAL) return [/[.?!:]$/.exec(String(last.value).trimEnd())?.[0] ?? ""];
  if (last.type === SELECT || last.type === PLURAL) return Object.values(last.options!).flatMap((o) => endings(o.value));
  return [""];
}

const endingsOf = (lang: "en-GB" | "cy", key: string): string[] => endings(new IntlMessageFormat(CATALOGUES[lang][key]!, lang, undefined, { ignoreTag: true }).getAst() as Element[]);

/** More than one sentence: a full stop, question or exclamation mark followed by a capital (placeholders left out). */
const sentences = (text: string): boolean => /[.?!]\s+[\p{Lu}“'"]/u.test(text.replace(/\{[^{}]*\}/g, "x"));

describe("i18n: error messages end with a full stop where the English style has one", () => {
  const keys = Object.keys(CATALOGUES["en-GB"]).filter((k) => ERROR_KEY.test(k));

  it("finds the error messages to check", () => {
    assert.ok(keys.length > 150, `only ${keys.length} error keys found: has the key pattern changed?`);
    for (const k of ["form.error.text", "interest.required.fullName", "role.rule.gradeOrder", "secondment.refused.noChange", "errors.tab.badRequest", "knowledge.error.min"]) {
      assert.ok(keys.includes(k), k);
    }
  });

  it("ends each Welsh message as its English one ends", () => {
    const wrong = keys.filter((k) => {
      const en = new Set(endingsOf("en-GB", k).map((e) => e === "."));
      const cy = new Set(endingsOf("cy", k).map((e) => e === "."));
      return en.size !== cy.size || [...en].some((e) => !cy.has(e));
    });
    assert.deepEqual(wrong.map((k) => `${k}: "${CATALOGUES["en-GB"][k]}" / "${CATALOGUES.cy[k]}"`), []);
  });

  it("ends every message of more than one sentence with a full stop, in both languages", () => {
    const wrong: string[] = [];
    for (const lang of ["en-GB", "cy"] as const) {
      for (const k of keys) {
        const text = CATALOGUES[lang][k]!;
        if (sentences(text) && endingsOf(lang, k).some((e) => e !== "." && e !== "?")) wrong.push(`${lang} ${k}: "${text}"`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
