import assert from "node:assert/strict";
import { commandFor } from "../../bot/router";
import { VERBS } from "../../cards";
import { CATALOGUES } from "../../src/i18n";

/** Every "type **something**" a message tells a person, in each language. */
function toldToType(lang: "en-GB" | "cy"): { key: string; words: string }[] {
  // Welsh mutates the verb: teipiwch, deipio (drwy deipio), nheipio.
  const re = lang === "cy" ? /(?:[Tt]|[Dd]|[Nn]h)eipi(?:wch|o) \*\*([^*]+)\*\*/g : /[Tt]yp(?:e|ing) \*\*([^*]+)\*\*/g;
  return Object.entries(CATALOGUES[lang]).flatMap(([key, text]) => [...text.matchAll(re)].map((m) => ({ key, words: m[1]! })));
}

describe("commands the messages tell people to type", () => {
  for (const lang of ["en-GB", "cy"] as const) {
    it(`${lang}: each one is a command the bot knows (not sent to the FAQ)`, () => {
      const told = toldToType(lang);
      assert.ok(told.length >= 5, "the messages do tell people what to type");
      const unknown = told.filter((x) => commandFor(x.words).verb === VERBS.askQuestion);
      assert.deepEqual(unknown, [], "messages name a command the router does not know");
    });
  }

  it("the Welsh messages name Welsh commands, and they do what their English twins do", () => {
    for (const [cy, en] of [
      ["rhannu fy addasiadau", "share my adjustments"],
      ["stopio rhannu fy addasiadau", "stop sharing my adjustments"],
      ["fy secondiad", "my secondment"],
      ["preifatrwydd", "privacy"],
      ["cymorth", "help"],
      ["piblinell", "pipeline"],
      ["cronfa wybodaeth", "knowledge base"],
    ]) {
      assert.deepEqual(commandFor(cy!), commandFor(en!), `${cy} = ${en}`);
    }
    const english = new Set(toldToType("en-GB").map((x) => x.words.toLowerCase()));
    const welshTold = toldToType("cy").map((x) => x.words.toLowerCase());
    assert.deepEqual(
      welshTold.filter((w) => english.has(w) && w !== "english"),
      [],
      "a Welsh message tells people to type an English command",
    );
  });

  it("the check can fail: an unknown phrase goes to the FAQ", () => {
    assert.equal(commandFor("frobnicate my widgets").verb, VERBS.askQuestion);
  });
});
