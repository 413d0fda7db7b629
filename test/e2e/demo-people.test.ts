/**
 * The demo people, set up exactly as `npm run dev` sets them up (src/demo/people.ts and
 * startDemoPlaygrounds in scripts/playground.ts): the app with the demo programme team, and one
 * Agents Playground per person, each signed in as that person. Here only two of them are started,
 * the secondee's and her line manager's, each in its own browser tab.
 *
 * Ana Jones fills in her expression of interest and picks Ben Carter with the people picker; Ben,
 * in his own Playground, sees the request in his chat with the bot and agrees; Ana is told.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium. Screenshots of a
 * failure go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startApp } from "../../bot/app";
import { startDemoPlaygrounds, type DemoPlayground } from "../../scripts/playground";
import { parseConfig } from "../../src/config";
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { personKey } from "../../src/domain/person";
import { createLogger } from "../../src/log";
import { inMonths } from "../support/forms";
import {
  cardCount,
  clickCardButton,
  launchBrowser,
  openPlayground,
  pageText,
  screenshot,
  sendMessage,
  settle,
  waitForCard,
  waitForNewCard,
  type BrowserSession,
} from "./playground";
import { chooseOptions, inputLabel, pickDate, setToggle, typeInto } from "./playground-inputs";

const ANA = DEMO_PEOPLE.secondee;
const BEN = DEMO_PEOPLE.lineManager;

/** Pick `name` in the people picker that follows the label `label` in the newest card, as a person would. */
async function pickPerson(page: Page, label: string, name: string): Promise<void> {
  const lab = await inputLabel(page, label);
  // The Playground renders Teams' people picker with Fluent UI's PeoplePicker after the label.
  const box = lab.locator("xpath=following::input[1]");
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.keyboard.type(name.split(" ")[0]!);
  const suggestion = page.locator(".ms-Suggestions-item, [role='option']").filter({ hasText: name });
  try {
    await suggestion.first().waitFor({ state: "visible" });
  } catch (e) {
    throw new Error(`The people picker ${JSON.stringify(label)} did not offer ${JSON.stringify(name)}.\n${await pageText(page)}`, { cause: e });
  }
  await suggestion.first().click();
}

describe("The demo people of npm run dev in the Agents Playground @e2e", function () {
  this.timeout(180_000);
  this.slow(60_000);

  let dataDir: string | undefined;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let playgrounds: DemoPlayground[] = [];
  let session: BrowserSession | undefined;
  let anaPage: Page;
  let benPage: Page;
  const appLog: string[] = [];

  before(async function () {
    this.timeout(90_000);
    dataDir = mkdtempSync(join(tmpdir(), "secondments-demo-e2e-"));
    // As scripts/dev.ts: the demo programme-team member is the programme team.
    const config = parseConfig({ ...demoAppEnv(), PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    app = await startApp(config, { log: createLogger("warn", (line) => appLog.push(line)) });
    const [pgs, browser] = await Promise.allSettled([
      startDemoPlaygrounds({ botEndpoint: `${app.url}/api/messages`, roles: ["secondee", "lineManager"] }),
      launchBrowser(),
    ]);
    if (pgs.status === "fulfilled") playgrounds = pgs.value;
    if (browser.status === "fulfilled") session = browser.value;
    if (pgs.status === "rejected") throw pgs.reason;
    if (browser.status === "rejected") throw browser.reason;
    anaPage = session!.page;
    benPage = await session!.context.newPage();
    await openPlayground(anaPage, playgrounds.find((p) => p.role === "secondee")!.playground.url);
    await openPlayground(benPage, playgrounds.find((p) => p.role === "lineManager")!.playground.url);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== "failed" || !session) return;
    const lines: string[] = [];
    for (const [who, page] of [["ana", anaPage], ["ben", benPage]] as const) {
      if (!page) continue;
      lines.push(`Screenshot: ${await screenshot(page, `failed-demo-${who}`).catch((e: Error) => `(failed: ${e.message})`)}`);
      lines.push(`${who}'s page: ${await pageText(page)}`);
    }
    if (appLog.length) lines.push(`App log:\n${appLog.slice(-20).join("\n")}`);
    for (const p of playgrounds) lines.push(`${p.person.name}'s Playground output:\n${p.playground.output().slice(-1_000)}`);
    console.error(lines.join("\n"));
  });

  after(async function () {
    this.timeout(30_000);
    await session?.close().catch(() => undefined);
    await Promise.all(playgrounds.map((p) => p.playground.stop().catch(() => undefined)));
    await app?.stop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("Ana picks Ben Carter as her line manager with the people picker; Ben agrees from his own chat", async () => {
    // Each is signed in as themselves, and the app is installed for both (the welcome card).
    await waitForCard(anaPage, "Welcome to Secondments");
    await waitForCard(benPage, "Welcome to Secondments");
    assert.match(await anaPage.locator("body").innerText(), new RegExp(ANA.name));
    await settle(anaPage);

    const before = await cardCount(anaPage);
    await sendMessage(anaPage, "interest");
    await waitForNewCard(anaPage, before, ["Express interest in a secondment", "Your line manager"]);
    const page = anaPage;
    await chooseOptions(page, "Type of organisation you work for", "Central government department");
    await typeInto(page, "Organisation name", "Department for Demonstrations");
    await typeInto(page, "Profession", "Policy");
    await chooseOptions(page, "Grade or band", "Higher Executive Officer (HEO)");
    await chooseOptions(page, "Region", "Yorkshire and the Humber");
    await typeInto(page, "Town or city", "Leeds");
    await chooseOptions(page, "Skills you can offer", ["Policy development"]);
    await chooseOptions(page, "Skills you want to develop", "Data analysis");
    await chooseOptions(page, "Types of secondment", ["Short-term (around 12 weeks)"]);
    await chooseOptions(page, "Working pattern", "Full-time");
    await pickDate(page, "Available from", inMonths(2));
    await typeInto(page, "Shortest secondment you would consider, in months", "3");
    await typeInto(page, "Longest secondment you would consider, in months", "12");
    await chooseOptions(page, "Contract type", "Permanent");
    await chooseOptions(page, "Security clearance you hold", "Baseline Personnel Security Standard (BPSS)");
    // The people picker, as in Teams: type the start of the name and pick the person.
    await pickPerson(page, "Find your line manager", BEN.name);
    await setToggle(page, "Permission");

    await clickCardButton(page, "Send");
    const done = await waitForCard(page, ["My expression of interest", "Thank you. We have your expression of interest."], 15_000);
    const confirmation = await done.innerText();
    assert.doesNotMatch(confirmation, /Choose your line manager from the list/, "the picked manager was accepted");
    assert.match(confirmation, /We have asked (Ben Carter|your line manager) to agree to release you\./);
    const { resource: asked } = await app!.store.container("people").item("approval", personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: ANA.aadObjectId })).read();
    assert.equal(asked?.manager?.aadObjectId, BEN.aadObjectId, "the picker sent Ben's Entra object id, as Teams does");

    // Ben, in his own Playground, gets the request in his chat with the bot.
    const benBefore = await cardCount(benPage);
    await waitForNewCard(benPage, benBefore - 1, [`Can ${ANA.name} go on a secondment?`, "Agree to release"], 20_000);
    await settle(benPage);
    const benCards = await cardCount(benPage);
    await clickCardButton(benPage, "Agree to release");
    const agreed = await waitForCard(benPage, new RegExp(`Agreed by ${BEN.name} on \\d{1,2} [A-Z][a-z]+ \\d{4}\\.`), 15_000);
    await settle(benPage);
    assert.equal(await cardCount(benPage), benCards, "the card was replaced in place");
    assert.equal(await agreed.getByRole("button", { name: "Agree to release" }).count(), 0, "no Agree button once answered");

    // Ana is told in her own chat.
    const deadline = Date.now() + 15_000;
    let anaSees = "";
    while (Date.now() < deadline) {
      anaSees = await anaPage.locator("body").innerText();
      if (anaSees.includes(`Good news: ${BEN.name} agreed to release you`)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(anaSees.includes(`Good news: ${BEN.name} agreed to release you`), `Ana is told. Her page shows:\n${anaSees.slice(-1_500)}`);
  });
});
