import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { forTab, SWAPS } from "../../bot/tab-wording";
import { LANGS, t } from "../../src/i18n";
import { TAB_BACK } from "../../src/tab/strings";

/** The tab's wording: nothing it shows tells people to type a command, in either language. */
describe("tab wording", () => {
  const TYPING = /\b(type|typing|teipiwch|teipio|deipio)\b/i;

  for (const lang of LANGS) {
    it(`swaps every typed command the chat's cards give for the tab's own words (${lang})`, () => {
      for (const { key, variants } of SWAPS) {
        for (const v of variants ?? [{}]) {
          const chat = t(lang, key, v);
          const card = { type: "AdaptiveCard" as const, version: "1.5", body: [{ type: "TextBlock", text: `Before. ${chat}` }] };
          const shown = (forTab({ kind: "card", card }, lang) as unknown as { card: typeof card }).card.body[0]!.text;
          assert.ok(!shown.includes(chat), `${key} is swapped`);
          assert.doesNotMatch(shown.replace(/write \*\*[^*]+\*\* in your chat|ysgrifennwch \*\*[^*]+\*\* yn eich sgwrs/g, ""), TYPING, `${key} (${lang}): ${shown}`);
          assert.match(shown, /Before\./, "the rest is kept");
        }
      }
    });
  }

  it("leaves out the chat's Menu button and turns a Cancel back to the menu into going back in the tab", () => {
    const card = {
      type: "AdaptiveCard" as const,
      version: "1.5",
      actions: [
        { type: "Action.Execute", title: t("en-GB", "common.menu"), verb: VERBS.showMenu },
        { type: "Action.Execute", title: "Cancel", verb: VERBS.showMenu },
        { type: "Action.Execute", title: "Send", verb: VERBS.submitInterest },
      ],
    };
    const shown = forTab({ kind: "card", card }, "en-GB") as unknown as { card: { actions: { title: string; verb: string }[] } };
    assert.deepEqual(shown.card.actions.map((a) => [a.title, a.verb]), [["Cancel", TAB_BACK], ["Send", VERBS.submitInterest]]);
  });
});
