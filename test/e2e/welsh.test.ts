/**
 * Cymraeg end to end: Ana Jones (the demo secondee of `npm run dev`) in the Agents Playground types
 * "Cymraeg" and gets the Welsh welcome, the Welsh 7-step plan and a Welsh step; then, in the
 * "My secondment" tab in the same Chromium, she sees the tab in Welsh, switches it to English there,
 * and the chat answers her in English; switching back gives Welsh in both.
 *
 * Tagged @e2e. Screenshots (looked at for Welsh text cut off or overflowing): test-artifacts/welsh-*.png.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { demoAppEnv, demoTenantFor, playgroundConfigYaml } from "../../src/demo/people";
import {
  cardCount,
  clickCardButton,
  rowText,
  screenshot,
  screenshotCard,
  sendMessage,
  settle,
  UI_TIMEOUT_MS,
  usePlaygroundSuite,
  waitForCard,
  waitForNewCard,
} from "./playground";

describe("Cymraeg in the Agents Playground and the My secondment tab @e2e", function () {
  this.timeout(90_000);
  this.slow(30_000);

  // Signed in to the Playground as Ana, the demo secondee, so the tab's development sign-in as Ana is the same person.
  const suite = usePlaygroundSuite({ playgroundConfigYaml: playgroundConfigYaml(demoTenantFor("secondee")), appEnv: demoAppEnv() });

  it("a new person who types Cymraeg gets the Welsh welcome, the Welsh plan and a Welsh step", async () => {
    const page = suite.page;
    await waitForCard(page, "Welcome to Secondments");
    await settle(page);
    let before = await cardCount(page);
    await sendMessage(page, "Cymraeg");
    await waitForNewCard(page, before, ["Byddwch nawr yn gweld yr ap hwn yn Gymraeg", "Croeso i Secondiadau", "Fy nghynllun 7 cam", "Mynegi diddordeb", "Cynnig rôl", "Gofyn cwestiwn", "English"]);
    await screenshotCard(page, "welsh-welcome");

    await clickCardButton(page, "Fy nghynllun 7 cam");
    let card = await waitForCard(page, ["Eich cynllun 7 cam", "0 o 7 cam wedi'u cwblhau"]);
    for (let step = 1; step <= 7; step++) assert.match(await rowText(card, new RegExp(`Cam ${step}\\b`)), /I'w wneud/, `step ${step} shows its status in Welsh`);
    assert.doesNotMatch(await card.innerText(), /Your 7-step plan|To do|steps done/);
    await screenshotCard(page, "welsh-plan");

    await clickCardButton(page, "Cam 1");
    await waitForCard(page, ["Cam 1 o 7", "Dewis y sgiliau rydych chi am eu datblygu", "Nodi ei fod wedi'i wneud", "Yn ôl i'm cynllun"]);
    await screenshotCard(page, "welsh-step-1");
    await clickCardButton(page, "Nodi ei fod wedi'i wneud");
    card = await waitForCard(page, ["Rydyn ni wedi nodi bod cam 1 wedi'i wneud.", "1 o 7 cam wedi'u cwblhau"]);
    assert.match(await rowText(card, /Cam 1\b/), /Wedi'i wneud/);
    await screenshotCard(page, "welsh-plan-step-done");

    // People's data, the longest Welsh cards of the chat.
    before = await cardCount(page);
    await sendMessage(page, "preifatrwydd");
    await waitForNewCard(page, before, ["Sut rydyn ni'n defnyddio eich gwybodaeth", "Eich hawliau", "Cael copi o fy nata", "Dileu fy nata", "Cwestiynau cydraddoldeb (dewisol)"]);
    await screenshotCard(page, "welsh-privacy");
    await settle(page);
    before = await cardCount(page);
    await sendMessage(page, "dileu fy nata");
    await waitForNewCard(page, before, ["Dileu eich data", "Does dim modd dadwneud hyn", "Ydw, dilëwch fy nata", "Canslo"]);
    await screenshotCard(page, "welsh-delete");
  });

  it("the tab shows Ana's Welsh; switching to English there changes the chat too, and back", async () => {
    const chat = suite.page;
    const tab: Page = await suite.session!.context.newPage();
    const requested: string[] = [];
    tab.on("request", (r) => requested.push(r.url()));
    try {
      await tab.goto(`${suite.app!.url}/tab/personal`);
      await tab.getByRole("button", { name: /^Continue as Ana Jones/ }).click();
      await tab.locator("#section-plan .ac-adaptiveCard").waitFor({ timeout: UI_TIMEOUT_MS });
      // Her choice in the chat is the tab's language: every word of the page is Welsh.
      await tab.getByRole("heading", { name: "Fy secondiad" }).waitFor();
      await tab.getByText("Wedi mewngofnodi fel Ana Jones").waitFor();
      assert.equal(await tab.evaluate(() => document.documentElement.lang), "cy");
      assert.match(await tab.locator("#section-plan").innerText(), /1 o 7 cam wedi'u cwblhau/);
      assert.equal(await tab.title(), "Fy secondiad");
      for (const name of ["Ail-lwytho", "Lawrlwytho fy nata", "Allgofnodi", "Defnyddio'r ap hwn yn Saesneg, yma ac yn y sgwrs"]) assert.equal(await tab.getByRole("button", { name, exact: true }).count(), 1, name);
      // The switch says "English", in English.
      assert.equal((await tab.locator("#language").innerText()).trim(), "English");
      assert.equal(await tab.locator("#language").getAttribute("lang"), "en-GB");
      assert.doesNotMatch(await tab.locator("header").innerText(), /My secondment|Signed in|Reload|Download/);
      await screenshot(tab, "welsh-tab");
      // On a narrow screen (Teams on a phone) the longer Welsh words wrap: nothing runs off the side.
      await tab.setViewportSize({ width: 380, height: 900 });
      assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling at 380 px");
      await screenshot(tab, "welsh-tab-narrow");
      await tab.setViewportSize({ width: 1400, height: 1300 });

      // Switch to English in the tab: the tab and the chat follow.
      await tab.locator("#language").click();
      await tab.getByRole("heading", { name: "My secondment" }).waitFor();
      await tab.getByText("You will now see this app in English, here and in the chat.").waitFor();
      assert.match(await tab.locator("#section-plan").innerText(), /1 of 7 steps done/);
      assert.equal((await tab.locator("#language").innerText()).trim(), "Cymraeg");
      await screenshot(tab, "welsh-tab-switched-to-english");
      await settle(chat);
      let before = await cardCount(chat);
      await sendMessage(chat, "helo");
      await waitForNewCard(chat, before, ["Welcome to Secondments", "My 7-step plan"]);

      // And back to Welsh from the tab.
      await tab.locator("#language").click();
      await tab.getByRole("heading", { name: "Fy secondiad" }).waitFor();
      await tab.getByText("Byddwch nawr yn gweld yr ap hwn yn Gymraeg, yma ac yn y sgwrs.").waitFor();
      await screenshot(tab, "welsh-tab-switched-back");
      await settle(chat);
      before = await cardCount(chat);
      await sendMessage(chat, "hello");
      await waitForNewCard(chat, before, ["Croeso i Secondiadau", "Fy nghynllun 7 cam"]);
      assert.deepEqual(requested.filter((u) => !u.startsWith(suite.app!.url) && !/^(data|blob):/.test(u)), [], "the tab loads nothing from outside the app");
    } finally {
      await tab.close();
    }
  });
});
