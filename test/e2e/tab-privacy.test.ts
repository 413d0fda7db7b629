import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { interestInput } from "../support/forms";
import { demoPerson, personalChat, startTestBot, type TestBot } from "../support/teams";
import { launchBrowser, screenshot, UI_TIMEOUT_MS, type BrowserSession } from "./playground";

/**
 * People's data in the "My secondment" tab, in real Chromium: the privacy notice, and deleting
 * one's data with the chat's confirmation step (same verbs through the tab API). No text in the tab
 * tells people to type a command, in English or Welsh.
 *
 * Tagged @e2e. Screenshots: test-artifacts/tab-privacy-*.png.
 */
describe("Privacy in the My secondment tab @e2e", function () {
  this.timeout(90_000);
  let bot: TestBot;
  let session: BrowserSession;
  let page: Page;
  const ana = demoPerson("secondee");
  const ben = demoPerson("lineManager");

  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { schedulerPollMs: 60_000 });
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    session = await launchBrowser();
    page = session.page;
  });
  after(async () => {
    await session?.close();
    await bot?.stop();
  });

  const pageErrors = () => session.consoleErrors.filter((e) => !/favicon/.test(e));
  const interestDoc = async () =>
    (await bot.app.store.container("people").item("interest", personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: ana.aadObjectId })).read()).resource;

  it("never tells people to type a command, in English or in Welsh", async () => {
    await page.goto(`${bot.app.url}/tab/personal`);
    await page.getByRole("button", { name: /^Continue as Ana Jones/ }).click();
    const privacy = page.locator("#section-privacy");
    await privacy.getByText("Your rights").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await privacy.innerText(), /Select Get a copy of my data/);
    assert.doesNotMatch(await page.locator("main").innerText(), /\btype\s+(a question|help|privacy|my |export|delete|share|stop|menu|cymraeg)/i);
    await page.locator("#language").click();
    await page.locator("html[lang='cy']").waitFor({ timeout: UI_TIMEOUT_MS });
    await privacy.getByText("Eich hawliau").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await privacy.innerText(), /Dewiswch Cael copi o fy nata/);
    assert.doesNotMatch(await page.locator("main").innerText(), /teipiwch/i);
    await screenshot(page, "tab-privacy-cy", { locator: privacy });
    await page.locator("#language").click();
    await page.locator("html[lang='en-GB']").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(pageErrors(), []);
  });

  it("'Get a copy of my data' on the notice downloads the person's own file in the tab", async () => {
    const privacy = page.locator("#section-privacy");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: UI_TIMEOUT_MS }), privacy.getByRole("button", { name: "Get a copy of my data" }).click()]);
    assert.equal(download.suggestedFilename(), "my-secondment-data.json");
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    assert.match(readFileSync(path, "utf8"), /Ana Jones/);
    // Nothing is offered in the chat meanwhile: the file came straight to the tab.
    assert.equal(bot.connector.to(personalChat(ana).id).filter((x) => JSON.stringify(x.body).includes("file.consent")).length, 0);
  });

  it("deletes one's data from the tab after the same confirmation step as the chat; Cancel goes back", async () => {
    const privacy = page.locator("#section-privacy");
    await privacy.getByText("Your rights").waitFor({ timeout: UI_TIMEOUT_MS });
    await privacy.getByRole("button", { name: "Delete my data" }).click();
    await privacy.getByText("Delete your data").waitFor({ timeout: UI_TIMEOUT_MS });
    await privacy.getByRole("button", { name: "Cancel" }).click();
    await privacy.getByText("Your rights").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.ok(await interestDoc(), "nothing deleted on Cancel");

    await privacy.getByRole("button", { name: "Delete my data" }).click();
    await screenshot(page, "tab-privacy-confirm", { locator: privacy });
    await privacy.getByRole("button", { name: "Yes, delete my data" }).click();
    await privacy.getByText("Your data has been deleted").waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await interestDoc(), undefined, "her interest is gone");
    assert.deepEqual(pageErrors(), []);
  });
});
