import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { demoPerson, onlyCard, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";
import { launchBrowser, screenshot, UI_TIMEOUT_MS, type BrowserSession } from "./playground";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * The Programme tab in real Chromium, signed in with the development sign-in. A programme-team
 * member filters the pool, opens a person, confirms a suggestion (the role's channel gets the card,
 * as from the chat), is blocked on a manual match that breaks a rule, overrides it with a reason and
 * downloads a CSV; someone else sees the polite 403 page. Screenshots: test-artifacts/programme-*.png.
 */
describe("Programme tab in Chromium @e2e", function () {
  this.timeout(120_000);
  let bot: TestBot;
  let session: BrowserSession;
  let page: Page;
  // Tom Okafor, the programme team of `npm run dev`, on the programme team the way `npm run dev` puts him there.
  const tom = demoPerson("programmeTeam");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const VAGUE = "how does the matching meeting thing work with expenses";
  const vic = demo("Vic Osei");
  const housing: Chat = { id: "19:housing-e2e@thread.tacv2", type: "channel", team: { id: "19:housing-team-e2e@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-e2e@thread.tacv2", name: "General" } };
  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;

  async function released(who: Person, overrides: Record<string, unknown> = {}): Promise<void> {
    const manager = demo(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "", adjustments: "ZQX private adjustment", ...overrides }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
  }

  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { schedulerPollMs: 60_000 });
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    // Ana Jones is the demo secondee: the same person as in her Playground and her My secondment tab.
    await released(demoPerson("secondee"));
    await released(demo("Bea Ŵyn-Tŷ"), { grade: "cs-eo", organisationType: "local-authority", organisationName: "Cyngor Gwynedd", town: "Caernarfon", region: "wales" });
    // A question the bot cannot answer yet, for the knowledge base part of the tab.
    await bot.teams.say(personalChat(demo("Kim Varga")), demo("Kim Varga"), "who signs my timesheets on secondment?");
    // A vague one: Kim takes one of the topics offered, which the team then sees picked for it.
    const offered = await bot.teams.say(personalChat(demo("Kim Varga")), demo("Kim Varga"), VAGUE);
    const choice = action(onlyCard(offered), "The informal discussion");
    await bot.teams.press(personalChat(demo("Kim Varga")), demo("Kim Varga"), choice.verb, choice.data);
    session = await launchBrowser();
    page = session.page;
  });
  after(async () => {
    await session?.close();
    await bot?.stop();
  });
  const pageErrors = () => session.consoleErrors.filter((e) => !/favicon|status of 40[39]/.test(e));

  async function signInAs(name: string): Promise<void> {
    await page.goto(`${bot.app.url}/tab/programme`);
    await page.getByRole("button", { name: `Continue as ${name}` }).click();
  }

  it("shows someone outside the programme team a polite page and none of the data", async () => {
    await signInAs("Sam Patel");
    await page.getByRole("heading", { name: "This tab is for the programme team" }).waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await page.locator("body").innerText();
    assert.match(text, /If you need access, ask the programme team to add you/);
    assert.doesNotMatch(text, /Ana Jones|Housing data analyst/);
    await screenshot(page, "programme-not-allowed");
    await page.getByRole("button", { name: "Sign out" }).click();
  });

  it("lets a programme-team member filter the pool, open a person, confirm a suggestion, override a manual match and download a CSV", async () => {
    await signInAs("Tom Okafor");
    const people = page.locator("#people");
    await people.getByRole("cell", { name: "Ana Jones" }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Labels, not ids: grade, region, types, release and status as people read them.
    const ana = people.getByRole("row", { name: /Ana Jones/ });
    assert.match(await ana.innerText(), /Higher Executive Officer \(HEO\)[\s\S]*Yorkshire and the Humber[\s\S]*Short-term \(around 12 weeks\), Part-time[\s\S]*Released[\s\S]*Available/);
    assert.doesNotMatch(await page.locator("#people table, #roles table").allInnerTexts().then((t) => t.join("\n")), /cs-heo|yorkshire-and-the-humber|short-term|\bavailable\b/);
    // The grade filter is a list of grades.
    assert.ok((await people.locator('select[name="grade"] option').allInnerTexts()).includes("Executive Officer (EO)"));
    // Three people: every stage has fewer than 5, so a message stands in for the chart.
    await page.locator("#outcomes-suppressed").waitFor();
    assert.match(await page.locator("#outcomes-suppressed").innerText(), /every stage has fewer than 5 people/);
    assert.equal(await page.locator("#outcomes canvas").count(), 0);
    assert.doesNotMatch(await page.locator("#funnel").innerText(), /\t[1-4]\b/, "no small count in the table");
    await screenshot(page, "programme-workspace");

    // Filter: people in Wales at Executive Officer grade.
    await people.locator('select[name="region"]').selectOption("wales");
    await people.locator('select[name="grade"]').selectOption("cs-eo");
    await people.getByRole("button", { name: "Apply filters" }).click();
    await people.getByText("1 in all. Page 1.").waitFor();
    assert.equal(await people.getByRole("cell", { name: "Ana Jones" }).count(), 0);
    assert.doesNotMatch(await page.locator("body").innerText(), /ZQX/, "no adjustments in any list");
    // Open Bea: her card, and her adjustments beside it (only here; the view is audited).
    await people.getByRole("cell", { name: "Bea Ŵyn-Tŷ" }).click();
    const personCard = page.locator("#people-detail .ac-adaptiveCard");
    await personCard.waitFor();
    assert.match(await personCard.innerText(), /Cyngor Gwynedd/);
    assert.doesNotMatch(await personCard.innerText(), /ZQX/, "not on the card");
    assert.match(await page.locator("#person-adjustments").innerText(), /Reasonable adjustments\s+ZQX private adjustment\s+Only the programme team sees this/);
    await screenshot(page, "programme-person-card", { locator: page.locator("#people-detail") });

    // Open the role, confirm Ana from its suggestions card.
    const roles = page.locator("#roles");
    await roles.getByRole("cell", { name: "Housing data analyst" }).click();
    const suggestions = page.locator("#suggestions");
    await suggestions.getByRole("button", { name: "Confirm Ana Jones" }).click();
    await suggestions.getByText(/Confirmed Ana Jones/).waitFor();
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match for Housing data analyst: Ana Jones/.test(cardText(c))), 10_000);
    await screenshot(page, "programme-confirmed", { locator: page.locator("#roles-detail") });

    // Manual match: Bea breaks the grade rule, so it is blocked until overridden with a reason.
    const manual = page.locator("#roles-detail .manual");
    await manual.getByRole("searchbox").fill("Bea");
    await manual.getByRole("button", { name: "Find people" }).click();
    await manual.getByRole("button", { name: "Propose Bea Ŵyn-Tŷ" }).click();
    await manual.getByText(/This match breaks a rule/).waitFor();
    assert.match(await manual.locator("li.fail").first().innerText(), /Not met: Grade within the role's range/);
    assert.equal(await manual.locator(".rules li").count(), 13);
    await screenshot(page, "programme-manual-blocked", { locator: manual });
    assert.equal(cardsIn(housing.id).filter((c) => /Bea/.test(cardText(c))).length, 0, "nothing sent while blocked");
    await manual.locator('textarea[name="override-reason"]').fill("Acting up at HEO since May; the host agreed.");
    await manual.getByRole("button", { name: "Override and match" }).click();
    await manual.getByText(/Matched Bea Ŵyn-Tŷ with Housing data analyst/).waitFor();
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match for Housing data analyst: Bea/.test(cardText(c))), 10_000);
    await screenshot(page, "programme-manual-overridden", { locator: manual });

    // Download the matches CSV and read it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download matches (CSV)" }).click()]);
    assert.match(download.suggestedFilename(), /^secondments-matches-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows: string[][] = parse(readFileSync((await download.path())!, "utf8"), { bom: true });
    assert.deepEqual(rows[0]!.slice(0, 4), ["Person", "Role", "Organisation", "Status"]);
    assert.deepEqual(rows.slice(1).map((r) => r[0]).sort(), ["Ana Jones", "Bea Ŵyn-Tŷ"]);

    // The knowledge base: add the unanswered question to an entry, as from the chat's card.
    const kb = page.locator("#knowledge");
    const question = kb.locator("#kb-questions tr", { hasText: "who signs my timesheets on secondment?" });
    await question.locator('select[name="entryId"]').selectOption("performance-management");
    await screenshot(page, "programme-knowledge", { locator: kb });
    await question.getByRole("button", { name: "Add to this entry" }).click();
    await page.getByText("Added. “who signs my timesheets on secondment?” is now answered with “Your performance while on secondment”.").waitFor();
    assert.equal(await kb.locator("#kb-questions").getByText("who signs my timesheets").count(), 0, "the question has left the list");
    assert.match(await kb.locator("#kb-changes").innerText(), /“who signs my timesheets on secondment\?” added to “Your performance while on secondment” \(version 1\)\s+Tom Okafor/);
    await screenshot(page, "programme-knowledge-added", { locator: kb });

    // A new entry with two mistakes: both are reported at once, each beside its field, what was typed kept.
    const vague = kb.locator("#kb-questions tr", { hasText: VAGUE });
    await vague.getByRole("button", { name: "Write a new entry" }).click();
    const entryForm = vague.locator(".kb-new");
    await entryForm.locator('input[name="topic"]').fill("Ex");
    await entryForm.locator('textarea[name="answer"]').fill("Ask HR.");
    await entryForm.getByRole("button", { name: "Add the entry" }).click();
    const problem = entryForm.locator(".error-summary");
    await problem.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(
      (await problem.innerText()).split("\n").map((l) => l.trim()).filter(Boolean),
      ["There is a problem", "The short title must be 3 to 80 characters.", "The answer must be 20 to 1,500 characters."],
      "every mistake listed at the top",
    );
    for (const [name, message] of [["topic", "The short title must be 3 to 80 characters."], ["answer", "The answer must be 20 to 1,500 characters."]] as const) {
      const control = entryForm.locator(`[name="${name}"]`);
      assert.equal(await control.getAttribute("aria-invalid"), "true", `${name} is marked wrong`);
      const described = await control.getAttribute("aria-describedby");
      assert.equal(await entryForm.locator(`[id="${described}"]`).innerText(), message, `${name}'s message is tied to it`);
      // Between its label and the box, as GOV.UK shows it.
      const before = await control.evaluate((c) => c.previousElementSibling?.textContent ?? "");
      assert.equal(before, message, `${name}'s message sits just above its box`);
    }
    assert.equal(await entryForm.locator('[name="question"]').getAttribute("aria-invalid"), null, "no mark on a right answer");
    assert.equal(await entryForm.locator('input[name="topic"]').inputValue(), "Ex", "what was typed is kept");
    await screenshot(page, "programme-knowledge-errors", { locator: vague });
    // The browser logs the refused request (400) as a console error: that one was meant.
    const refused = session.consoleErrors.findIndex((e) => /status of 400/.test(e));
    assert.ok(refused >= 0, "the entry was refused by the server");
    session.consoleErrors.splice(refused, 1);

    // The vague question says which topic people chose, and the list has it picked: one click adds it there.
    assert.match(await vague.innerText(), /People who asked this then chose: The informal discussion \(once\)/);
    assert.equal(await vague.locator('select[name="entryId"]').inputValue(), "informal-discussion");
    await vague.getByRole("button", { name: "Add to this entry" }).click();
    await page.getByText(`Added. “${VAGUE}” is now answered with “The informal discussion”.`).waitFor();

    await page.reload();
    const audit = page.locator("#audit");
    await audit.getByText("Override", { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await audit.innerText(), /Acting up at HEO since May/);
    assert.match(await audit.innerText(), /Export\s+matches\.csv/);
    assert.match(await audit.innerText(), /Tom Okafor\s+Viewed reasonable adjustments\s+Bea Ŵyn-Tŷ/);
    assert.doesNotMatch(await audit.innerText(), /ZQX/);
    await audit.scrollIntoViewIfNeeded();
    await screenshot(page, "programme-audit", { locator: audit });
    assert.deepEqual(pageErrors(), [], "no uncaught errors");
    assert.deepEqual(session.blocked, [], "nothing loaded from outside this machine");
  });

  it("shows the whole workspace in Welsh to a team member whose stored language is Welsh", async () => {
    await bot.teams.press(personalChat(tom), tom, VERBS.setLanguage, { lang: "cy" });
    try {
      await page.reload();
      const people = page.locator("#people");
      await people.getByRole("heading", { name: "Pobl" }).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await page.locator("html").getAttribute("lang"), "cy");
      await people.getByRole("cell", { name: "Bea Ŵyn-Tŷ" }).waitFor();
      const bea = people.getByRole("row", { name: /Bea Ŵyn-Tŷ/ });
      assert.match(await bea.innerText(), /Caernarfon \(Cymru\)/);
      assert.doesNotMatch(await page.locator("#people table, #audit table").allInnerTexts().then((t) => t.join("\n")), /January|February|March|April|June|July|August|September|October|November|December| at \d/, "dates in Welsh too");
      assert.match(await page.locator("#outcomes-suppressed").innerText(), /mae llai na 5 o bobl ym mhob cam/);
      await page.getByRole("button", { name: "Lawrlwytho parau (CSV)" }).waitFor();
      await screenshot(page, "programme-workspace-cy");
      assert.deepEqual(pageErrors(), [], "no uncaught errors");
    } finally {
      await bot.teams.press(personalChat(tom), tom, VERBS.setLanguage, { lang: "en-GB" });
    }
  });

  it("fits a 400 px wide tab: wide tables scroll in their own box, never the whole page", async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      await page.goto(`${bot.app.url}/tab/programme`);
      await page.evaluate(() => sessionStorage.clear());
      await signInAs("Tom Okafor");
      const people = page.locator("#people");
      await people.getByRole("cell", { name: "Ana Jones" }).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.waitForLoadState("networkidle");
      const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, window: window.innerWidth }));
      assert.ok(widths.page <= widths.window, `the page is ${widths.page} px wide in a ${widths.window} px window`);
      // The tables are all there, each scrollable sideways within its box and reachable by keyboard.
      const boxes = await page.locator(".table-scroll").evaluateAll((els) => els.map((e) => ({ tab: e.getAttribute("tabindex"), fits: e.clientWidth <= window.innerWidth })));
      assert.ok(boxes.length >= 3 && boxes.every((b) => b.tab === "0" && b.fits), JSON.stringify(boxes));
      await screenshot(page, "programme-400px");
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
