/**
 * End to end through the Microsoft 365 Agents Playground (a local Teams-like client) in headless
 * Debian Chromium: the real app, its embedded store in a temporary folder, all on 127.0.0.1.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium
 * (scripts/install-chromium.sh). Screenshots go to test-artifacts/.
 */
import assert from "node:assert/strict";
import {
  cardCount,
  cards,
  normalise,
  clickCardButton,
  rowText,
  screenshot,
  sendMessage,
  settle,
  usePlaygroundSuite,
  waitForCard,
  waitForNewCard,
} from "./playground";

describe("Teams personal chat in the Agents Playground @e2e", function () {
  this.timeout(60_000);
  this.slow(20_000);

  // Starts the app, the Playground and Chromium; prints diagnostics on failure; stops them all.
  const suite = usePlaygroundSuite();

  it("says hello, opens the 7-step plan below the welcome (which stays) and marks step 1 as done (a plan step is answered in place)", async () => {
    const page = suite.page;

    // Installing the app (the Playground does it on load) brings a welcome card of its own; wait for
    // it so that it cannot be mistaken for the answer to "hello".
    await waitForCard(page, "Welcome to Secondments");
    await settle(page);
    const before = await cardCount(page);
    await sendMessage(page, "hello");
    await waitForNewCard(page, before, ["Welcome to Secondments", "My 7-step plan", "Express interest", "Offer a role", "Ask a question"]);

    // The welcome is a menu: its button answers with a new message below it, and it stays.
    const withWelcome = await cardCount(page);
    await clickCardButton(page, "My 7-step plan");
    let card = await waitForNewCard(page, withWelcome, ["Your 7-step plan", "0 of 7 steps done"]);
    await settle(page);
    assert.equal(await cardCount(page), withWelcome + 1, "the plan is one new card; none was replaced");
    const welcome = cards(page).nth(withWelcome - 1);
    assert.match(normalise(await welcome.innerText()), /Welcome to Secondments[\s\S]*My 7-step plan[\s\S]*Express interest/, "the welcome above it is unchanged, buttons and all");
    await welcome.scrollIntoViewIfNeeded();
    await screenshot(page, "playground-welcome-stays");
    for (let step = 1; step <= 7; step++) {
      const row = await rowText(card, new RegExp(`Step ${step}\\b`));
      assert.match(row, /To do|In progress|Done/, `step ${step} row shows a status: ${row}`);
    }

    // The whole row is clickable (selectAction); click on its "Step 1" text, as a user would.
    await clickCardButton(page, "Step 1");
    await waitForCard(page, ["Step 1 of 7", "Mark as in progress", "Mark as done", "Back to my plan"]);

    await clickCardButton(page, "Mark as done");
    card = await waitForCard(page, ["Step 1 marked as done.", "1 of 7 steps done"]);
    assert.match(await rowText(card, /Step 1\b/), /\bDone\b/, "step 1 shows Done");
    assert.match(await rowText(card, /Step 2\b/), /\bTo do\b/, "step 2 still shows To do");

    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "playground-plan");
  });

  it("answers a free-text question about fixed-term contracts", async () => {
    const page = suite.page;
    await settle(page);
    const before = await cardCount(page);
    await sendMessage(page, "Can I apply if I'm on a fixed-term contract?");
    const card = await waitForNewCard(page, before, /fixed[- ]term/i);
    assert.match(await card.innerText(), /fixed[- ]term/i);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "playground-faq");
  });
});
