/**
 * End to end through the Microsoft 365 Agents Playground (a local Teams-like client) in headless
 * Debian Chromium: the real app, its embedded store in a temporary folder, all on 127.0.0.1.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium
 * (scripts/install-chromium.sh). Screenshots go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../../bot/app";
import { parseConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import {
  cardCount,
  clickCardButton,
  lastCardText,
  launchBrowser,
  openPlayground,
  pageText,
  rowText,
  screenshot,
  sendMessage,
  settle,
  startPlayground,
  waitForCard,
  waitForNewCard,
  type BrowserSession,
  type Playground,
} from "./playground";

type App = Awaited<ReturnType<typeof startApp>>;

describe("Teams personal chat in the Agents Playground @e2e", function () {
  this.timeout(60_000);
  this.slow(20_000);

  let dataDir: string | undefined;
  let app: App | undefined;
  let playground: Playground | undefined;
  let session: BrowserSession | undefined;
  const appLog: string[] = [];

  before(async function () {
    this.timeout(45_000);
    dataDir = mkdtempSync(join(tmpdir(), "secondments-e2e-"));
    const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    app = await startApp(config, { log: createLogger("warn", (line) => appLog.push(line)) });
    // The Playground and the browser start side by side; both are kept for clean-up even if one fails.
    const [pg, browser] = await Promise.allSettled([startPlayground({ botEndpoint: `${app.url}/api/messages` }), launchBrowser()]);
    if (pg.status === "fulfilled") playground = pg.value;
    if (browser.status === "fulfilled") session = browser.value;
    if (pg.status === "rejected") throw pg.reason;
    if (browser.status === "rejected") throw browser.reason;
    await openPlayground(session!.page, playground!.url);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== "failed") return;
    const name = `failed-${(this.currentTest.title || "test").slice(0, 40)}`;
    const lines = [`Screenshot: ${session ? await screenshot(session.page, name).catch((e: Error) => `(failed: ${e.message})`) : "(no browser)"}`];
    if (session) {
      lines.push(`Newest card: ${await lastCardText(session.page).catch(() => "(unreadable)")}`);
      lines.push(`Page: ${await pageText(session.page)}`);
      if (session.blocked.length) lines.push(`Blocked non-local requests: ${session.blocked.join(", ")}`);
      if (session.consoleErrors.length) lines.push(`Browser console errors: ${session.consoleErrors.slice(-10).join(" | ")}`);
    }
    if (appLog.length) lines.push(`App log:\n${appLog.slice(-20).join("\n")}`);
    if (playground) lines.push(`Playground output:\n${playground.output().slice(-2_000)}`);
    console.error(lines.join("\n"));
  });

  after(async function () {
    this.timeout(30_000);
    // Each step runs whatever happened before it.
    await session?.close().catch(() => undefined);
    await playground?.stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("says hello, opens the 7-step plan and marks step 1 as done (Action.Execute replaces the card)", async () => {
    const page = session!.page;

    // Installing the app (the Playground does it on load) brings a welcome card of its own; wait for
    // it so that it cannot be mistaken for the answer to "hello".
    await waitForCard(page, "Welcome to Secondments");
    await settle(page);
    const before = await cardCount(page);
    await sendMessage(page, "hello");
    await waitForNewCard(page, before, ["Welcome to Secondments", "My 7-step plan", "Express interest", "Offer a role", "Ask a question"]);

    await clickCardButton(page, "My 7-step plan");
    let card = await waitForCard(page, ["Your 7-step plan", "0 of 7 steps done"]);
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
    const page = session!.page;
    await settle(page);
    const before = await cardCount(page);
    await sendMessage(page, "Can I apply if I'm on a fixed-term contract?");
    const card = await waitForNewCard(page, before, /fixed[- ]term/i);
    assert.match(await card.innerText(), /fixed[- ]term/i);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "playground-faq");
  });
});
