/**
 * Line-manager approval, end to end through the Microsoft 365 Agents Playground in headless
 * Chromium: Ana Jones sends her Expression of Interest naming her line manager; the line manager
 * is the person signed in to the Playground (Alex Wilber), who sees the approval card arrive in
 * their chat with the bot, clicks "Agree to release", and sees the card change in place to
 * "Agreed by Alex Wilber on …". Ana is told in her own chat.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium. Screenshots go to
 * test-artifacts/approval-card.png and test-artifacts/approval-agreed.png.
 *
 * How the Playground shapes the test (measured with @microsoft/m365agentsplayground 0.2.28):
 * - Its UI has one person, the signed-in user, and a chat list fixed at start-up (Personal Chat,
 *   Group Chat, the team's channels). A browser can only act as that person, so they are the
 *   manager, and the card must reach the chat the UI shows.
 * - The bot reaches the manager through the reference it stored when the Playground installed the
 *   app in their personal chat (the welcome card), as it would in Teams, so no 1:1 chat is created.
 *   Had it called createConversation (POST /v3/conversations) with the manager's AAD object id, as
 *   the app does for people it has never talked to, the Playground would key a *new* chat by that
 *   id (it only knows channel ids such as "29:…"), never show it, and answer every message posted
 *   there with 500 UserNotFound.
 * - Its built-in people have AAD object ids that are not GUIDs (00000000-…-0000000000020, 13 digits
 *   at the end), which the app rightly refuses as a line manager's id. So the Playground gets a
 *   config file (.m365agentsplayground.yml) with the same people and Teams-shaped ids, and Ana
 *   Jones in place of one of them.
 * - Ana has no browser: her Expression of Interest (the form's Action.Execute, verb interest.submit)
 *   reaches the bot through the Playground's custom-activity API, in her own 1:1 chat, which the
 *   Playground opens through its connector as it would for a bot. The UI never shows that chat: what
 *   Ana is told is checked in the Playground's log panel (which lists every message the bot posts)
 *   and in the app's outbox (sent, to her chat).
 */
import assert from "node:assert/strict";
import { personKey } from "../../src/domain/person";
import { interestInput } from "../support/forms";
import {
  cardCount,
  clickCardButton,
  customActivityTemplate,
  openPersonalChat,
  playgroundConfigYaml,
  playgroundTenantConfig,
  screenshotCard,
  sendCustomActivity,
  settle,
  usePlaygroundSuite,
  waitForCard,
  waitForNewCard,
  type PlaygroundSuite,
  ANA,
  tenantWithAna,
} from "./playground";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const TENANT = tenantWithAna();

type Doc = Record<string, any>;

/** What the app's outbox holds: id, status, conversation and last error of every message. */
async function outbox(suite: PlaygroundSuite): Promise<Doc[]> {
  const { resources } = await suite.app!.store.container("outbox").items.query<Doc>("SELECT * FROM c WHERE IS_DEFINED(c.purpose)").fetchAll();
  return resources;
}

const describeOutbox = (docs: Doc[]) =>
  docs.map((d) => `  ${d.id}: ${d.status}${d.conversationId ? ` to ${d.conversationId}` : ""}${d.lastError ? ` (${d.lastError})` : ""}`).join("\n") || "  (empty)";

async function approvalOf(suite: PlaygroundSuite, person: { aadObjectId: string }): Promise<Doc | undefined> {
  const key = personKey({ tenantId: TENANT.tenantId, aadObjectId: person.aadObjectId });
  return (await suite.app!.store.container("people").item("approval", key).read<Doc>()).resource;
}

/** Poll `read` until `ok` holds, for at most `ms`; returns the last value read. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await sleep(150);
  }
}

describe("Line manager approval in the Agents Playground @e2e", function () {
  this.timeout(60_000);
  this.slow(30_000);

  // Starts the app, the Playground (with TENANT as its config) and Chromium; stops them all after.
  const suite = usePlaygroundSuite({ playgroundConfigYaml: playgroundConfigYaml(TENANT) });

  it("asks the signed-in manager to release Ana; one click on Agree updates the card in place and Ana is told", async () => {
    const page = suite.page;
    const pg = suite.playground!;

    // The Playground installs the app in the signed-in user's personal chat: the welcome card shows
    // it, and the app now has a reference to that chat.
    await waitForCard(page, "Welcome to Secondments");
    await settle(page);

    // Who the UI is signed in as: that person is Ana's line manager.
    const config = await playgroundTenantConfig(pg);
    const manager = config.currentUser;
    assert.equal(manager.name, "Alex Wilber");
    assert.equal(manager.aadObjectId, TENANT.currentUser.aadObjectId, "the Playground took our config file");
    assert.notEqual(manager.aadObjectId, ANA.aadObjectId, "the manager is not the secondee");

    // Ana sends her Expression of Interest from her own 1:1 chat with the bot, naming Alex.
    const anaChat = await openPersonalChat(pg, config, ANA.id);
    assert.notEqual(anaChat, config.personalChat.id, "Ana's chat is not the one the UI shows");
    const before = await cardCount(page);
    const template = await customActivityTemplate(pg, anaChat);
    await sendCustomActivity(pg, {
      ...template,
      type: "invoke",
      name: "adaptiveCard/action",
      from: { id: ANA.id, aadObjectId: ANA.aadObjectId, name: ANA.name },
      locale: "en-GB",
      channelData: { tenant: { id: config.tenantId } },
      value: {
        action: {
          type: "Action.Execute",
          verb: "interest.submit",
          data: interestInput({ fullName: ANA.name, email: ANA.email, lineManagerId: manager.aadObjectId, lineManagerEmail: "" }),
        },
        trigger: "manual",
      },
    });
    const asked = await until(() => approvalOf(suite, ANA), (a) => a !== undefined, 10_000);
    assert.ok(asked, "the app saved Ana's interest and asked for her release (no approval record: was the form refused?)");
    assert.equal(asked.status, "pending");
    assert.equal(asked.manager.aadObjectId, manager.aadObjectId);

    // The approval card arrives in the signed-in manager's chat.
    const sent = await until(
      () => outbox(suite),
      (docs) => docs.some((d) => d.id === `approval-request:${asked.requestId}` && d.status !== "queued" && d.status !== "sending"),
      15_000,
    );
    const request = sent.find((d) => d.id === `approval-request:${asked.requestId}`);
    assert.equal(
      request?.status,
      "sent",
      `the Playground took the approval card. The app's outbox:\n${describeOutbox(sent)}` +
        (/400 BadArgument/.test(request?.lastError ?? "")
          ? "\n(The Playground answers 400 BadArgument \"Invalid input\" to a message whose conversation.conversationType is anything" +
            " but personal, groupChat or channel, such as the empty string that bot/proactive/connector-port.ts sends.)"
          : ""),
    );
    assert.equal(request?.conversationId, config.personalChat.id, "the card went to the chat the UI shows");
    let card = await waitForNewCard(page, before, ["Can Ana Jones go on a secondment?", "Waiting for an answer from the line manager.", "Agree to release"]);
    const shown = await card.innerText();
    for (const fact of ["Department for Education", "Higher Executive Officer (HEO)", "What agreeing means"]) {
      assert.ok(shown.includes(fact), `the card shows ${JSON.stringify(fact)}:\n${shown}`);
    }
    await settle(page);
    const cards = await cardCount(page);
    await screenshotCard(page, "approval-card");

    // One click, as the manager.
    await clickCardButton(page, "Agree to release");
    card = await waitForCard(page, /Agreed by Alex Wilber on \d{1,2} [A-Z][a-z]+ \d{4}\./, 15_000);
    await settle(page);
    assert.equal(await cardCount(page), cards, "the card was replaced in place, not added");
    assert.equal(await card.getByRole("button", { name: "Agree to release" }).count(), 0, "no Agree button once answered");
    assert.ok((await card.innerText()).includes("Can Ana Jones go on a secondment?"));
    await screenshotCard(page, "approval-agreed");

    const decided = await approvalOf(suite, ANA);
    assert.equal(decided?.status, "approved");
    assert.equal(decided?.decidedBy?.aadObjectId, manager.aadObjectId);

    // Ana is told, in her chat. The UI never shows that chat, but its log panel lists what the bot
    // posted anywhere, and the app's outbox says where it went.
    const logPanel = async () => {
      const text = await page.locator("body").innerText();
      return text.slice(text.lastIndexOf("Log Panel"));
    };
    const log = await until(logPanel, (t) => /message 201 Good news: Alex Wilber agreed to release you/.test(t), 10_000);
    assert.match(log, /message 201 Good news: Alex Wilber agreed to release you/, "the Playground took the message to Ana");
    const told = await until(
      () => outbox(suite),
      (docs) => docs.some((d) => d.id === `approval-outcome:${asked.requestId}` && d.status === "sent"),
      10_000,
    );
    const outcome = told.find((d) => d.id === `approval-outcome:${asked.requestId}`);
    assert.equal(outcome?.status, "sent", `Ana was told. The app's outbox:\n${describeOutbox(told)}`);
    assert.equal(outcome?.conversationId, anaChat, "in Ana's own chat");
    assert.match(outcome?.activity?.text ?? "", /Good news: Alex Wilber agreed to release you/);
  });
});
