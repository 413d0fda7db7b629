import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { personKey } from "../../src/domain/person";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { seedSecondment } from "../support/secondments";
import { demoPerson, person, personalChat, startTestBot, type TestBot } from "../support/teams";
import { SecondmentStore } from "../../src/store/secondments";
import { launchBrowser, screenshot, UI_TIMEOUT_MS, type BrowserSession } from "./playground";

/**
 * Forms in the "My secondment" tab, in real Chromium: the interest form sent from the tab is the
 * chat's form, checked by the app (not by the browser's card renderer), and its line-manager
 * picker finds people the app knows in the tenant.
 *
 * Tagged @e2e. Screenshots: test-artifacts/tab-form-*.png.
 */
describe("Forms in the My secondment tab @e2e", function () {
  this.timeout(90_000);
  let bot: TestBot;
  let session: BrowserSession;
  let page: Page;
  const ana = demoPerson("secondee");
  const ben = demoPerson("lineManager");
  const grace = demoPerson("hostLineManager");


  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { schedulerPollMs: 60_000 });
    session = await launchBrowser();
    page = session.page;
  });
  after(async () => {
    await session?.close();
    await bot?.stop();
  });

  const pageErrors = () => session.consoleErrors.filter((e) => !/favicon/.test(e));
  const interestDoc = async (who = ana) =>
    (await bot.app.store.container("people").item("interest", personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: who.aadObjectId })).read()).resource;

  /** What `read` gives once it gives something (bounded: UI_TIMEOUT_MS). */
  async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
    const until = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      const v = await read().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > until) throw new Error("nothing stored in time");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Ana's interest form in the tab, filled in for a full-time secondment, line manager not yet given. */
  async function fullTimeForm(who = ana): Promise<Locator> {
    await page.goto(`${bot.app.url}/tab/personal`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: new RegExp(`^Continue as ${who.name}`) }).click();
    const interest = page.locator("#section-interest");
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
    await interest.getByRole("radio", { name: "Full-time" }).check();
    await box("Available from").fill("2027-03-01");
    await box("Shortest secondment you would consider, in months").fill("3");
    await box("Longest secondment you would consider, in months").fill("12");
    await interest.getByRole("radio", { name: "Permanent" }).check();
    await box("Security clearance you hold").selectOption({ label: "Baseline Personnel Security Standard (BPSS)" });
    await interest.getByRole("checkbox", { name: /I have asked my line manager/ }).check();
    return interest;
  }

  it("shows a required box left empty the way the chat card does: the summary at the top, the message in a tinted box, not bare red text", async () => {
    const interest = await fullTimeForm();
    await interest.getByLabel("Town or city").first().fill("");
    await interest.getByLabel("Or enter their work email address").first().fill("ben.carter@example.gov.uk");
    await interest.getByRole("button", { name: "Send" }).click();
    await interest.getByText("There is a problem").waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await interest.innerText();
    const top = text.slice(text.indexOf("There is a problem"), text.indexOf("Full name"));
    assert.match(top, /town or city/i, `the summary names the town: ${top}`);
    assert.match(text, /To see how we use your information, read the privacy notice on this page\./, "no command to type in the tab");
    assert.doesNotMatch(text, /\b(type|typing) (?!of )\w/i, `nor anywhere else on the form: ${text.match(/.{0,40}\b(type|typing) (?!of )\w.{0,40}/i)?.[0]}`);
    assert.equal(await interest.locator(".ac-input-validation-failed").count(), 0, "no renderer-only red boxes");
    assert.equal(await interest.getByLabel("Organisation name").first().inputValue(), "Department for Education", "what was typed is kept");
    await screenshot(page, "tab-form-required-empty", { locator: interest });
    assert.deepEqual(pageErrors(), []);
  });

  it("sends a full-time interest with the optional days per week left empty, and it is stored", async () => {
    const interest = await fullTimeForm();
    assert.equal(await interest.getByLabel("Days per week, if part-time").first().inputValue(), "");
    await interest.getByLabel("Or enter their work email address").first().fill("ben.carter@example.gov.uk");
    await interest.getByRole("button", { name: "Send" }).click();
    const stored = await eventually(interestDoc);
    assert.equal(stored.details.workingPattern, "full-time");
    assert.equal(stored.details.daysPerWeek, undefined);
    assert.equal(stored.details.lineManagerEmail, "ben.carter@example.gov.uk");
    assert.doesNotMatch(await interest.innerText(), /Enter days per week/);
    await screenshot(page, "tab-form-full-time-sent", { locator: interest });
    assert.deepEqual(pageErrors(), []);
  });

  it("the line-manager picker offers people the app knows by name; picking one sends their id, as in Teams", async () => {
    await bot.teams.say(personalChat(ben), ben, "hello");
    const interest = await fullTimeForm(grace);
    const picker = interest.getByRole("combobox", { name: "Find your line manager" });
    await picker.pressSequentially("Ben", { delay: 30 });
    await interest.locator("datalist option[value='Ben Carter']").waitFor({ state: "attached", timeout: UI_TIMEOUT_MS });
    await screenshot(page, "tab-form-picker", { locator: interest });
    await picker.fill("Ben Carter");
    await interest.getByRole("button", { name: "Send" }).click();
    const stored = await eventually(() => interestDoc(grace));
    assert.equal(stored.details.lineManagerId, ben.aadObjectId);
    assert.deepEqual(pageErrors(), []);
  });

  it("Ana, an EO wanting a long-term secondment, picks Ben from the list and Send sends it", async () => {
    await bot.teams.say(personalChat(ben), ben, "hello");
    // Ana has not expressed interest yet (an earlier case stored one for her).
    await bot.app.store.container("people").item("interest", personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: ana.aadObjectId })).delete().catch(() => undefined);
    await page.goto(`${bot.app.url}/tab/personal`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: /^Continue as Ana Jones/ }).click();
    const interest = page.locator("#section-interest");
    await interest.getByRole("button", { name: "Express interest" }).first().click();
    const box = (label: string) => interest.getByLabel(label, { exact: false }).first();
    await box("Organisation name").waitFor({ timeout: UI_TIMEOUT_MS });
    await box("Type of organisation you work for").selectOption({ label: "Central government department" });
    await box("Organisation name").fill("HM Revenue and Customs");
    await box("Profession").fill("Operational delivery");
    await box("Grade or band").selectOption({ label: "Executive Officer (EO)" });
    await box("Region").selectOption({ label: "North West" });
    await box("Town or city").fill("Liverpool");
    await interest.getByRole("checkbox", { name: "Project management" }).first().check();
    await interest.getByRole("checkbox", { name: "Data analysis" }).nth(1).check();
    await interest.getByRole("checkbox", { name: "Long-term" }).check();
    await interest.getByRole("radio", { name: "Full-time" }).check();
    await box("Available from").fill("2027-04-01");
    await box("Shortest secondment you would consider, in months").fill("6");
    await box("Longest secondment you would consider, in months").fill("18");
    await interest.getByRole("radio", { name: "Permanent" }).check();
    await box("Security clearance you hold").selectOption({ label: "Baseline Personnel Security Standard (BPSS)" });
    await interest.getByRole("checkbox", { name: /I have asked my line manager/ }).check();
    // The permission label wraps: all of it shows, not "… permission to ta…".
    const label = interest.getByText(/^I have asked my line manager for permission/).first();
    const cut = await label.evaluate((el) => ({ nowrap: getComputedStyle(el).whiteSpace === "nowrap", over: el.scrollWidth > el.clientWidth + 1 }));
    assert.deepEqual(cut, { nowrap: false, over: false }, "the permission label is not cut off");
    const picker = interest.getByRole("combobox", { name: "Find your line manager" });
    await picker.pressSequentially("Ben", { delay: 30 });
    await interest.locator("datalist option[value='Ben Carter']").waitFor({ state: "attached", timeout: UI_TIMEOUT_MS });
    // Picking from the list: the browser puts the option's value in the box (an input event with no key).
    await picker.evaluate((el: HTMLInputElement) => {
      el.value = "Ben Carter";
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const posted = page.waitForRequest((r) => r.url().includes("/api/tab/action"), { timeout: UI_TIMEOUT_MS });
    await interest.getByRole("button", { name: "Send" }).click();
    await posted;
    const stored = await eventually(async () => {
      const doc = await interestDoc(ana);
      return doc?.details.lineManagerId === ben.aadObjectId ? doc : undefined;
    });
    assert.equal(stored.details.grade, "cs-eo");
    assert.deepEqual(stored.details.secondmentTypes, ["long-term"]);
    await screenshot(page, "tab-form-picker-ana", { locator: interest });
    assert.deepEqual(pageErrors(), []);
  });

  it("a name typed but not picked is kept, and the message names the box in plain words", async () => {
    const interest = await fullTimeForm(demoPerson("colleague"));
    const picker = interest.getByRole("combobox", { name: "Find your line manager" });
    await picker.fill("Zed Nobody");
    await interest.getByRole("button", { name: "Send" }).click();
    await interest.getByText("There is a problem").waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await interest.innerText();
    assert.match(text.slice(text.indexOf("There is a problem"), text.indexOf("Full name")), /line manager/i);
    assert.doesNotMatch(text, /Enter find your line manager/);
    assert.equal(await interest.getByRole("combobox", { name: "Find your line manager" }).inputValue(), "Zed Nobody", "what was typed is kept");
    assert.deepEqual(pageErrors(), []);
  });

  it("a check-in waiting for Ana's answer is its form in the tab; sending it there stores her answer", async () => {
    const secondments = new SecondmentStore(bot.app.store.container("secondments"));
    const host = { ...person("Host Person"), tenantId: DEMO_TENANT_ID };
    const id = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam: ben, vic: host, status: "active", checkInSent: true });
    await page.goto(`${bot.app.url}/tab/personal`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: /^Continue as Ana Jones/ }).click();
    const checkIn = page.locator(`[id="section-check-in-${id}-1"]`);
    await checkIn.getByText("Keeping in touch: check-in 1").waitFor({ timeout: UI_TIMEOUT_MS });
    await checkIn.getByRole("radio").first().check();
    await screenshot(page, "tab-form-check-in", { locator: checkIn });
    await checkIn.getByRole("button", { name: "Send check-in" }).click();
    await checkIn.getByText("Check-in 1: thank you").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.ok((await secondments.get(id))?.checkIns[0]?.answers.secondee, "her answer is stored");
    assert.deepEqual(pageErrors(), []);
  });
});
