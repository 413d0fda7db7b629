import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { cardActions, cardText } from "../support/cards";
import { interestInput } from "../support/forms";
import { demoPerson, onlyCard, personalChat, startTestBot, type TestBot } from "../support/teams";
import { launchBrowser, screenshot, UI_TIMEOUT_MS, type BrowserSession } from "./playground";

/**
 * The "My secondment" personal tab in real Chromium (no Teams here, so the page runs as it does in a
 * plain browser: it says to open it in Teams and, since the app runs without an app id, offers the
 * development sign-in). The chat side is driven over /api/messages with the Teams simulator; what
 * the bot sends to chats is recorded by the connector stand-in.
 *
 * Tagged @e2e. Screenshots: test-artifacts/tab-*.png.
 */
describe("My secondment tab in Chromium @e2e", function () {
  this.timeout(90_000);
  let bot: TestBot;
  let session: BrowserSession;
  let page: Page;

  // The demo people of `npm run dev`: Ana in the tab is Ana in her Playground.
  const ana = demoPerson("secondee");
  const ben = demoPerson("lineManager");

  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { schedulerPollMs: 60_000 });
    session = await launchBrowser();
    page = session.page;
  });
  after(async () => {
    await session?.close();
    await bot?.stop();
  });

  const section = (id: string): Locator => page.locator(`#section-${id}`);
  const pageErrors = () => session.consoleErrors.filter((e) => !/favicon/.test(e));

  async function signInAs(name: string): Promise<void> {
    await page.getByRole("button", { name: new RegExp(`^Continue as ${name}`) }).click();
    await page.locator("#section-plan .ac-adaptiveCard").waitFor({ timeout: UI_TIMEOUT_MS });
    await assert.doesNotReject(page.getByText(`Signed in as ${name}`).waitFor());
  }

  it("outside Teams, says to open it in Teams and offers the development sign-in", async () => {
    await page.goto(`${bot.app.url}/tab/personal`);
    await page.getByRole("heading", { name: "Open this in Microsoft Teams" }).waitFor();
    await page.getByRole("heading", { name: "Development sign-in" }).waitFor();
    assert.match(await page.locator("#dev-sign-in").innerText(), /For local development only/);
    assert.doesNotMatch(await page.locator("body").innerText(), /Loading/, "nothing left saying it is loading");
    for (const name of ["Ana Jones", "Ben Carter", "Priya Shah", "Grace Lee", "Tom Okafor", "Sam Patel"]) {
      assert.equal(await page.getByRole("button", { name: new RegExp(`^Continue as ${name}`) }).count(), 1);
    }
    await screenshot(page, "tab-outside-teams");
    assert.deepEqual(pageErrors(), [], "no uncaught errors");
    assert.deepEqual(session.blocked, [], "nothing loaded from outside this machine");
  });

  it("shows the plan card; marking a step done in the tab shows as done in the chat's plan card", async () => {
    await bot.teams.say(personalChat(ana), ana, "hello");
    await signInAs("Ana Jones");
    const plan = section("plan");
    assert.match(await plan.innerText(), /Your 7-step plan/);
    assert.match(await plan.innerText(), /0 of 7 steps done/);
    // The chat's "Menu" button is left out: the tab has its own sections.
    assert.equal(await plan.getByRole("button", { name: "Menu", exact: true }).count(), 0);
    assert.ok(cardActions(onlyCard(await bot.teams.say(personalChat(ana), ana, "plan"))).some((a) => a.title === "Menu"), "the chat's plan card has one");
    await screenshot(page, "tab-personal-default");

    await plan.locator('[aria-label^="Open step 1:"]').click();
    await plan.getByText("Step 1 of 7").waitFor();
    await plan.getByRole("button", { name: "Mark as done" }).click();
    await plan.getByText("Step 1 marked as done.").waitFor();
    assert.match(await plan.innerText(), /1 of 7 steps done/);

    const chatPlan = onlyCard(await bot.teams.say(personalChat(ana), ana, "plan"));
    assert.match(cardText(chatPlan), /1 of 7 steps done/);
    assert.match(cardText(chatPlan), /Step 1\*\*: [^\n]*\n[^\n]*\nDone/);
    assert.deepEqual(pageErrors(), []);
  });

  it("follows the dark and high-contrast themes", async () => {
    await page.goto(`${bot.app.url}/tab/personal?theme=dark`);
    await page.locator("#section-plan .ac-adaptiveCard").waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(31, 31, 31)");
    const cardBackground = await page.locator("#section-plan .ac-adaptiveCard").evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(cardBackground, "rgb(41, 41, 41)");
    await screenshot(page, "tab-personal-dark");

    await page.goto(`${bot.app.url}/tab/personal?theme=contrast`);
    await page.locator("#section-plan .ac-adaptiveCard").waitFor();
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(0, 0, 0)");
    // Status is shown by the container's style and bold text, never by a text colour (cards/plan.json).
    const done = await page.locator("#section-plan .ac-textBlock", { hasText: /^Done$/ }).first().evaluate((e) => ({ color: getComputedStyle(e).color, weight: Number(getComputedStyle(e).fontWeight) }));
    assert.equal(done.color, "rgb(255, 255, 255)", "the Done label in high-contrast white");
    assert.ok(done.weight >= 600, `the Done label is bold (${done.weight})`);
    await screenshot(page, "tab-personal-contrast");
  });

  it("shows a form's mistakes the GOV.UK way: the summary at the top, each message under its box, what was typed kept", async () => {
    await page.goto(`${bot.app.url}/tab/personal`);
    const interest = section("interest");
    await interest.locator(".ac-adaptiveCard").waitFor({ timeout: UI_TIMEOUT_MS });
    await interest.getByRole("button", { name: "Express interest" }).first().click();
    const box = (label: string) => interest.getByLabel(label, { exact: false }).first();
    await box("Organisation name").waitFor({ timeout: UI_TIMEOUT_MS });
    await box("Type of organisation you work for").selectOption({ label: "Central government department" });
    await box("Organisation name").fill("Department for Education");
    await box("Profession").fill("Policy");
    await box("Grade or band").selectOption({ label: "Higher Executive Officer (HEO)" });
    await box("Region").selectOption({ label: "Yorkshire and the Humber" });
    await box("Town or city").fill("Leeds");
    await interest.getByRole("checkbox", { name: "Policy development" }).first().check();
    await interest.getByRole("checkbox", { name: "Data analysis" }).nth(1).check();
    await interest.getByRole("checkbox", { name: "Part-time" }).check();
    await interest.getByRole("radio", { name: "Part-time" }).check();
    // 4.3 days a week (whole or half days only), and a shortest length above the longest: mistakes only the server sees.
    await box("Days per week, if part-time").fill("4.3");
    await box("Available from").fill("2027-03-01");
    await box("Shortest secondment you would consider, in months").fill("12");
    await box("Longest secondment you would consider, in months").fill("3");
    await interest.getByRole("radio", { name: "Permanent" }).check();
    await box("Security clearance you hold").selectOption({ label: "Baseline Personnel Security Standard (BPSS)" });
    await box("Or enter their work email address").fill("sam.lee@example.gov.uk");
    await interest.getByRole("checkbox", { name: /I have asked my line manager/ }).check();
    await interest.getByRole("button", { name: "Send" }).click();

    await interest.getByText("There is a problem").waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await interest.innerText();
    const top = text.slice(text.indexOf("There is a problem"), text.indexOf("Full name"));
    assert.match(top, /days/i, `the summary names the days: ${top}`);
    assert.match(top, /shortest|longest/i, `and the lengths: ${top}`);
    // Each message is the first text after its box; the box is named by its label alone.
    const days = box("Days per week, if part-time");
    assert.doesNotMatch((await days.getAttribute("aria-label")) ?? "", /must|Enter/);
    const after = await days.evaluate((el) => Array.from(document.querySelectorAll(".ac-textBlock")).find((t) => el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)?.textContent ?? "");
    assert.ok(top.includes(after.trim()) && after.trim() !== "", `the days box is followed by its message: "${after}"`);
    assert.equal(await box("Town or city").inputValue(), "Leeds", "what was typed is kept");
    assert.equal(await box("Longest secondment you would consider, in months").inputValue(), "3");
    assert.equal(await days.inputValue(), "4.3");
    await interest.scrollIntoViewIfNeeded();
    await screenshot(page, "tab-interest-errors", { locator: interest });
    assert.deepEqual(pageErrors(), []);
  });

  it("lets a line manager agree to a waiting request from the tab, and the secondee is told in chat", async () => {
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Development sign-in" }).waitFor();
    await signInAs("Ben Carter");
    const request = page.locator("section", { has: page.getByRole("heading", { name: "Waiting for you: Ana Jones's request" }) });
    await request.getByText("Can Ana Jones go on a secondment?").waitFor();
    await screenshot(page, "tab-manager-waiting");
    await request.getByRole("button", { name: "Agree to release" }).click();
    await request.getByText(/Agreed by Ben Carter on \d{1,2} \w+ \d{4}\./).waitFor();
    await bot.connector.waitFor(() =>
      bot.connector.to(personalChat(ana).id).some((s) => /Good news: Ben Carter agreed to release you/.test(s.body.text ?? "")),
    );
    const stored = (await bot.app.store.container("people").item("approval", `${DEMO_TENANT_ID}:${ana.aadObjectId}`).read()).resource;
    assert.equal(stored.status, "approved");
    await screenshot(page, "tab-manager-agreed");
    assert.deepEqual(pageErrors(), []);
  });
});
