/**
 * What a screen reader is told about the cards the bot really sends: the app runs on 127.0.0.1
 * (real HTTP, embedded Cosmos), and its cards are rendered by the `adaptivecards` renderer in
 * Chromium, whose accessibility tree gives the names read out.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { VERBS } from "../../cards";
import { openCardBrowser, type CardBrowser } from "../support/card-browser";
import { interestInput } from "../support/forms";
import { person, personalChat, startTestBot, type TestBot } from "../support/teams";

/** The text of the elements an element's aria-labelledby and aria-describedby point to. */
async function referencedText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) =>
    ["aria-labelledby", "aria-describedby", "aria-errormessage"]
      .flatMap((a) => (el.getAttribute(a) ?? "").split(/\s+/).filter(Boolean))
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .replace(/\s+/g, " "),
  );
}

describe("Screen reader names on the bot's cards, rendered in Chromium @e2e", function () {
  this.timeout(90_000);
  let bot: TestBot;
  let browser: CardBrowser;
  const ana = person("Ana Jones");
  const chat = personalChat(ana);

  before(async () => {
    bot = await startTestBot();
    bot.connector.members.set(ana.id, { id: ana.id, name: "Ana Jones", email: "ana.jones@example.gov.uk", aadObjectId: ana.aadObjectId });
    browser = await openCardBrowser();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it("a form mistake sent back by the server: the label stays the label, the message comes straight after its input, all listed at the top", async () => {
    await bot.teams.press(chat, ana, VERBS.startInterest);
    const form = await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ organisationName: "", workingPattern: "part-time", daysPerWeek: "5" }));
    const page = await browser.render(form, "default");

    // The organisation name box keeps its own name: the renderer ties it to its label alone.
    const name = page.getByRole("textbox", { name: /^Organisation name/ });
    assert.equal(await name.count(), 1, "one organisation name box");
    const orgId = await name.getAttribute("id");
    assert.doesNotMatch(await referencedText(page, `[id="${orgId}"]`), /Error|organisation name\b.*Enter/i, "the label is only the label");

    // Reading on from the box, the next text is its message (before any other field's label).
    const after = await page.locator(`[id="${orgId}"]`).evaluate((box) => {
      const texts = Array.from(document.querySelectorAll(".ac-textBlock, label"));
      const next = texts.find((t) => box.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
      return next?.textContent ?? "";
    });
    assert.match(after, /organisation/i, `the text read after the box is its message: "${after}"`);
    assert.doesNotMatch(after, /\*$/, "and not the next field's label");

    // The days box: the same.
    const days = page.getByRole("spinbutton", { name: /^Days per week/ });
    assert.equal(await days.count(), 1, "the days-per-week box is there, named by its label");
    assert.doesNotMatch(await referencedText(page, `[id="${await days.getAttribute("id")}"]`), /4\.5/);

    // At the top, under "There is a problem", one line per wrong field: what a screen reader reads first.
    const top = await page.locator(".ac-adaptiveCard").first().innerText();
    const problem = top.indexOf("There is a problem");
    assert.ok(problem >= 0 && problem < top.indexOf("Organisation name"), "the summary comes before the fields");
    const summary = top.slice(problem).split("\n").slice(1, 3).map((l) => l.trim());
    assert.match(summary[0]!, /organisation/i);
    assert.match(summary[1]!, /4\.5/);

    // A field without a mistake is announced without one.
    const town = page.getByRole("textbox", { name: /Town or city/ });
    assert.doesNotMatch(await referencedText(page, `[id="${await town.getAttribute("id")}"]`), /Error|must/);
  });

  it("each plan row is announced with the step's title and its status", async () => {
    await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput());
    const plan = await bot.teams.press(chat, ana, VERBS.showPlan);
    const page = await browser.render(plan, "default");
    // Rows are the containers with a selectAction; the card's own buttons are <button>s.
    const rows = page.locator("div.ac-selectable[role=button]");
    assert.equal(await rows.count(), 7, "seven step rows");
    const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    const visible = await rows.allInnerTexts();
    for (const [i, label] of names.entries()) {
      // The row shows "Step n: Title" (markdown bold is left as ** without a markdown processor) and its status.
      const title = /Step \d+\**: ([^\n]+)/.exec(visible[i]!)?.[1]?.trim() ?? "";
      assert.ok(title, `row ${i + 1} shows a title: ${visible[i]}`);
      assert.ok(label.includes(title), `row ${i + 1} name "${label}" includes its title "${title}"`);
      assert.match(label, /Status: (Done|In progress|To do)$/, `row ${i + 1} name says its status`);
    }
    assert.match(names[0]!, /Status: Done$/, "step 1 is done after the interest was sent");
    assert.equal(await page.getByRole("button", { name: /^Open step 2: .+Status: To do$/ }).count(), 1);
  });
});
