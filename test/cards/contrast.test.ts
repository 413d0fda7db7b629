/**
 * Every card template, filled with sample data, rendered by the real `adaptivecards` renderer in
 * Chromium under Teams' default, dark and high-contrast host configs: every text a person can see
 * must reach WCAG 2.2 AA contrast against what is behind it (4.5:1; 3:1 for large text).
 */
import assert from "node:assert/strict";
import { TEMPLATES, VERBS, type CardModels, type CardName } from "../../cards";
import { renderCard } from "../../bot/render-card";
import { DEFAULT_LANG, LANGS } from "../../src/i18n";
import { CONVERTED } from "./welsh-cards.test";
import { measureContrast, measureWithShowCards, openCardBrowser, THEMES, type CardBrowser, type ThemeName } from "../support/card-browser";
import { samples } from "./cards.test";

/**
 * More samples, so that every colour and style a model can ask for is on some card: the samples in
 * cards.test.ts show one status each, and a status in the wrong colour is what people could not read.
 */
const everyColour: { [N in CardName]?: CardModels[N][] } = {
  plan: [
    {
      progressText: "2 of 7 steps done",
      rows: [
        { step: 1, title: "Talk to your line manager", summary: "Ask for their support.", statusLabel: "Done", statusColor: "good", stepLabel: "Step 1", openLabel: "Open step 1" },
        { step: 2, title: "Decide what you want to learn", summary: "Think about skills.", statusLabel: "In progress", statusColor: "accent", stepLabel: "Step 2", openLabel: "Open step 2" },
        { step: 3, title: "Find a host", summary: "Look at the roles on offer.", statusLabel: "To do", statusColor: "default", stepLabel: "Step 3", openLabel: "Open step 3" },
      ],
      next: { step: 2, label: "Continue with step 2" },
      allDone: false,
    },
  ],
  "plan-step": [
    { step: 2, heading: "Step 2 of 7", title: "Decide what you want to learn", statusLabel: "In progress", statusColor: "accent", guidance: [{ text: "Write down three skills." }], lists: [], statusActions: [{ status: "done", title: "Mark as done" }] },
  ],
  records: [
    {
      title: "My interest",
      notice: "Your line manager has not answered yet.",
      noticeStyle: "warning",
      empty: "You have not told us you are interested yet.",
      items: [
        { heading: "Department for Education", statusLabel: "Line manager not reached", statusColor: "warning", facts: [{ title: "Grade", value: "HEO" }], actions: [] },
        { heading: "Leeds City Council", statusLabel: "Not released", statusColor: "attention", facts: [], actions: [] },
        { heading: "HM Revenue and Customs", statusLabel: "Released", statusColor: "good", facts: [], actions: [] },
        { heading: "Cabinet Office", statusLabel: "Checking", statusColor: "accent", facts: [], actions: [] },
        { heading: "Home Office", statusLabel: "Draft", statusColor: "default", facts: [], actions: [] },
      ],
      cardActions: [{ title: "Menu", verb: VERBS.showMenu, data: {} }],
    },
  ],
  pipeline: [
    {
      asOf: "Figures on 12 March 2027.",
      headlines: [
        { label: "Active secondments", value: "4", color: "good" },
        { label: "Waiting for a line manager", value: "3", color: "warning" },
        { label: "Check-ins overdue", value: "2", color: "attention" },
        { label: "Open roles", value: "8", color: "default" },
      ],
      sections: [],
    },
  ],
  secondment: (["default", "emphasis", "good", "attention", "warning", "accent"] as const).map((statusStyle) => ({
    heading: "Secondment: Housing data analyst",
    facts: [{ title: "Dates", value: "1 March 2027 to 29 February 2028" }],
    sections: [],
    statusText: `Status shown in the ${statusStyle} style`,
    statusStyle,
    actions: [],
    refresh: { data: { secondmentId: "s" }, userIds: [] },
  })),
  match: (["default", "emphasis", "good", "attention", "warning"] as const).map((statusStyle) => ({
    view: "host" as const,
    roleTitle: "Housing data analyst",
    candidateName: "Ana Jones",
    organisation: "Leeds City Council",
    facts: [],
    explanation: "- Offers data analysis",
    statusText: `Status shown in the ${statusStyle} style`,
    statusStyle,
    acknowledgement: "Thank you. We have recorded your answer.",
    actions: [],
    refresh: { data: { matchId: "m" }, userIds: [] },
  })),
  "approval-request": (["default", "good", "warning"] as const).map((statusStyle) => ({
    secondeeName: "Ana Jones",
    facts: [],
    pending: false,
    statusText: `Status shown in the ${statusStyle} style`,
    statusStyle,
    ref: { secondee: "t:u", requestId: "r1" },
    refreshUserIds: [],
  })),
};

interface Failure {
  card: string;
  theme: ThemeName;
  text: string;
  ratio: number;
  needed: number;
  colours: string;
}

describe("Contrast of every card in Teams' default, dark and high-contrast themes @e2e", function () {
  this.timeout(120_000);
  let browser: CardBrowser;

  before(async () => {
    browser = await openCardBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const theme of Object.keys(THEMES) as ThemeName[]) {
    it(`${theme}: every text on every card reaches 4.5:1 (3:1 if large)`, async () => {
      const failures: Failure[] = [];
      let measured = 0;
      for (const name of Object.keys(TEMPLATES) as CardName[]) {
        const models = [...(samples[name] as object[]), ...((everyColour[name] as object[] | undefined) ?? [])];
        // Converted cards in Welsh too: longer words, same colours.
        const langs = CONVERTED.includes(name) ? LANGS : ([DEFAULT_LANG] as const);
        for (const [i, model] of langs.flatMap((lang) => models.map((m) => [lang, m] as const)).entries()) {
          const page = await browser.render(renderCard(name, model[1] as never, model[0]), theme);
          const texts = await measureWithShowCards(page);
          assert.ok(texts.length > 0, `${name} #${i + 1} shows some text`);
          measured += texts.length;
          for (const t of texts) {
            if (t.requiredMark) continue;
            const needed = t.large ? 3 : 4.5;
            if (t.ratio < needed) failures.push({ card: `${name} #${i + 1}`, theme, text: t.text.slice(0, 60), ratio: t.ratio, needed, colours: `${t.colour} on ${t.background}` });
          }
        }
      }
      assert.ok(measured > 100, `measured ${measured} texts`);
      assert.deepEqual(
        failures.map((f) => `${f.card} [${f.theme}] "${f.text}": ${f.ratio}:1, needs ${f.needed}:1 (${f.colours})`),
        [],
        "texts below WCAG AA contrast",
      );
    });
  }

  it("the measurement itself fails light text (so the checks above can fail)", async () => {
    const card = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "TextBlock", text: "Line manager not reached", color: "Warning", weight: "Bolder" },
        { type: "TextBlock", text: "Done", color: "Good" },
        { type: "TextBlock", text: "Plain text" },
      ],
    };
    const texts = await measureContrast(await browser.render(card, "default"));
    const ratio = (s: string) => texts.find((t) => t.text === s)?.ratio;
    assert.ok(ratio("Line manager not reached")! < 1.6, `yellow: ${ratio("Line manager not reached")}`);
    assert.ok(ratio("Done")! < 2.2, `green: ${ratio("Done")}`);
    assert.ok(ratio("Plain text")! > 10, `plain: ${ratio("Plain text")}`);
    const dark = await measureContrast(await browser.render(card, "dark"));
    assert.ok(dark.find((t) => t.text === "Plain text")!.ratio > 10, "white on #292929");
    // Text inside an Action.ShowCard is measured once the button is opened.
    const withShowCard = { type: "AdaptiveCard", version: "1.5", body: [], actions: [{ type: "Action.ShowCard", title: "Decline", card: { type: "AdaptiveCard", body: [{ type: "TextBlock", text: "Hidden until opened", color: "Good" }] } }] };
    const hidden = await measureWithShowCards(await browser.render(withShowCard, "default"));
    assert.ok(hidden.find((t) => t.text === "Hidden until opened")!.ratio < 2.2, "the show card's text was measured");
  });
});
