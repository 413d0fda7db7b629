/**
 * The match notification in a team channel, end to end through the Microsoft 365 Agents Playground
 * in headless Chromium:
 *
 *  1. Alex Wilber (signed in to the Playground's UI) is the vacancy holder. In "My Team - General"
 *     he starts a post mentioning the bot, "offer a role", and gets the role form in that thread.
 *     The filled-in form (Action.Execute, verb role.submit) reaches the bot from the same thread
 *     through the Playground's custom-activity API, so the role is bound to that channel.
 *  2. Ana Jones sends her Expression of Interest from her own 1:1 chat, naming Adele Vance as her
 *     line manager; Adele presses "Agree to release" on the card the bot sent her. Both by custom
 *     activity, each in their own 1:1 chat with the bot.
 *  3. Megan Bowen is the programme team (PROGRAMME_TEAM_AAD_IDS): the bot sends her "Suggested
 *     matches"; she presses "Confirm Ana Jones" (custom activity, her own chat).
 *  4. The bot posts "Possible match for Housing data analyst: Ana Jones" in the role's channel
 *     through its outbox. The test sees it in the General channel view, and Alex presses "I'll
 *     arrange the informal chat": the card changes in place to "Alex Wilber is arranging the
 *     informal chat".
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium. Screenshots:
 * test-artifacts/match-notification.png (the card arrived) and match-notification-arranged.png.
 *
 * How the Playground shapes the test (@microsoft/m365agentsplayground 0.2.28):
 * - Only the signed-in user has a browser, and the UI shows only the chats fixed at start-up
 *   (Personal Chat, Group Chat, the team's channels). Everyone else acts through custom activities,
 *   and what the bot sends them is read from its outbox (status "sent" means the Playground took it).
 * - Buttons pressed by custom activity carry the verb and data of the button on the card the bot
 *   really sent (read from the outbox), not values made up by the test.
 * - Megan and Adele first say "hello" to the bot in their own 1:1 chats (as a person who has the app
 *   does), so the bot has a reference to those chats. A person the bot has never talked to would be
 *   reached by createConversation with their AAD object id, which the Playground keys as a new chat
 *   it cannot deliver to (see approval.test.ts).
 * - Opening a channel view for the first time makes the Playground install the app there
 *   (installationUpdate): the bot posts its channel welcome card.
 * - A channel post is a thread, as in Teams: replies in it (the bot's form, a button pressed on it)
 *   have the conversation id "<channel id>;messageid=<post id>". Where each message went, and the id
 *   it got, is read from the Playground's conversation stream (BrowserSession.conversationEvents).
 * - The Playground does not apply the bot's answer to a custom invoke to any card: the role form
 *   stays on screen after the custom "Send". Buttons pressed in the UI do replace their card.
 */
import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { matchId } from "../../src/domain/match";
import { personKey } from "../../src/domain/person";
import { action, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import {
  cardCount,
  customActivityTemplate,
  openChat,
  openPersonalChat,
  playgroundConfigYaml,
  playgroundTenantConfig,
  postMentioningBot,
  screenshot,
  sendCustomActivity,
  settle,
  usePlaygroundSuite,
  waitForCardWith,
  waitForConversationEvent,
  type PlaygroundSuite,
  type PlaygroundUser,
  ANA,
  tenantWithAna,
} from "./playground";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const TENANT = tenantWithAna();
const ALEX = TENANT.currentUser; // vacancy holder, in the browser
const MEGAN = TENANT.users[0]!; // programme team
const ADELE = TENANT.users[1]!; // Ana's line manager
const GENERAL = { id: TENANT.team.id, view: `${TENANT.team.name} - General` };
const ROLE_TITLE = "Housing data analyst";

type Doc = Record<string, any>;

/** Poll `read` until `ok` holds, for at most `ms`; returns the last value read. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await sleep(150);
  }
}

const describeOutbox = (docs: Doc[]) =>
  docs.map((d) => `  ${d.id}: ${d.status}${d.conversationId ? ` to ${d.conversationId}` : ""}${d.lastError ? ` (${d.lastError})` : ""}`).join("\n") || "  (empty)";

describe("Match notification in a team channel in the Agents Playground @e2e", function () {
  this.timeout(90_000);
  this.slow(40_000);

  // Starts the app (Megan as the programme team), the Playground (TENANT) and Chromium; stops them all after.
  const suite: PlaygroundSuite = usePlaygroundSuite({
    playgroundConfigYaml: playgroundConfigYaml(TENANT),
    appEnv: { PROGRAMME_TEAM_AAD_IDS: MEGAN.aadObjectId },
  });

  const store = () => suite.app!.store;
  const outbox = async (): Promise<Doc[]> =>
    (await store().container("outbox").items.query<Doc>("SELECT * FROM c WHERE IS_DEFINED(c.purpose)").fetchAll()).resources;
  /** The outbox message `id` once it has left (sent, or given up), or whatever it is after `ms`. */
  async function delivered(pick: (d: Doc) => boolean, what: string, ms = 15_000): Promise<Doc> {
    const docs = await until(outbox, (all) => all.some((d) => pick(d) && d.status !== "queued" && d.status !== "sending"), ms);
    const doc = docs.find(pick);
    assert.equal(doc?.status, "sent", `the Playground took ${what}. The app's outbox:\n${describeOutbox(docs)}`);
    return doc!;
  }
  const cardOf = (doc: Doc): Card => {
    const content = doc.activity?.attachments?.[0]?.content as Card | undefined;
    assert.ok(content, `outbox message ${doc.id} holds a card`);
    return content;
  };
  const personalChatOf = async (who: PlaygroundUser): Promise<Doc | undefined> =>
    (
      await store()
        .container("conversations")
        .items.query<Doc>({ query: "SELECT * FROM c WHERE c.conversationType = 'personal' AND c.user.aadObjectId = @id", parameters: [{ name: "@id", value: who.aadObjectId }] })
        .fetchAll()
    ).resources[0];

  /** Have `who` post an activity in `conversationId` through the Playground, as its "Mock an Activity" does. */
  async function as(who: PlaygroundUser, conversationId: string, activity: Record<string, unknown>): Promise<void> {
    const pg = suite.playground!;
    const template = await customActivityTemplate(pg, conversationId);
    await sendCustomActivity(pg, {
      ...template,
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
      locale: "en-GB",
      ...activity,
      channelData: { tenant: { id: TENANT.tenantId }, ...(activity.channelData as object | undefined) },
    });
  }
  /** `who` presses a button (Action.Execute) on a card in `conversationId`. */
  const press = (who: PlaygroundUser, conversationId: string, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    as(who, conversationId, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" }, ...extra });

  /** Open `who`'s 1:1 chat with the bot and say hello there, so the bot can reach them later. */
  async function sayHello(who: PlaygroundUser): Promise<string> {
    const chat = await openPersonalChat(suite.playground!, TENANT, who.id);
    await as(who, chat, { type: "message", text: "hello" });
    const known = await until(() => personalChatOf(who), (r) => r !== undefined, 10_000);
    assert.equal(known?.conversationId, chat, `the bot remembered ${who.name}'s chat`);
    return chat;
  }

  let matchRef = "";

  it("a role offered in General, a released person and the programme team's Confirm bring the notification card into the channel", async () => {
    const page = suite.page;
    await waitForCardWith(page, "Welcome to Secondments");
    const config = await playgroundTenantConfig(suite.playground!);
    assert.equal(config.currentUser.aadObjectId, ALEX.aadObjectId, "the Playground took our config file");

    // --- 1. Alex offers a role from the General channel.
    await openChat(page, GENERAL.view);
    await waitForCardWith(page, "Secondments is now in this team");
    await postMentioningBot(page, "offer a role", TENANT.bot.name);
    await waitForCardWith(page, [/We will post possible matches in this channel/, "Role title"], 15_000);
    // The post is a thread: the bot's form is a reply in "<channel id>;messageid=<post id>". The
    // Playground's conversation stream says where it went and the id the form got there.
    const form = await waitForConversationEvent(
      suite.session!,
      (e) => e.action === "createMessage" && e.fromId === TENANT.bot.id && e.text.includes("Offer a role for a secondee"),
      "the role form in General",
    );
    assert.ok(form.conversationId.startsWith(`${GENERAL.id};messageid=`), `the form is a reply in Alex's post in General, not in ${form.conversationId}`);
    // Alex fills it in and presses Send: the button's Action.Execute, from that reply.
    await press(ALEX, form.conversationId, VERBS.submitRole, roleInput({ title: ROLE_TITLE }), {
      replyToId: form.messageId,
      channelData: { team: { id: TENANT.team.id }, channel: { id: GENERAL.id } },
    });
    const roles = await until(
      async () => (await store().container("people").items.query<Doc>("SELECT * FROM c WHERE c.type = 'role'").fetchAll()).resources,
      (rs) => rs.length > 0,
      10_000,
    );
    const role = roles[0];
    assert.ok(role, "the app saved Alex's role (none saved: was the form refused?)");
    assert.equal(role.pk, personKey({ tenantId: TENANT.tenantId, aadObjectId: ALEX.aadObjectId }), "the role is Alex's");
    assert.equal(role.details.channel.conversationId.split(";")[0], GENERAL.id, "the role is bound to General");

    // --- 2. The programme team and Ana's manager have the app; Ana sends her interest; Adele agrees.
    const meganChat = await sayHello(MEGAN);
    const adeleChat = await sayHello(ADELE);
    const anaChat = await openPersonalChat(suite.playground!, TENANT, ANA.id);
    await press(ANA, anaChat, VERBS.submitInterest, interestInput({
      fullName: ANA.name,
      email: ANA.email,
      skillsOffered: "data-analysis,statistics",
      lineManagerId: ADELE.aadObjectId,
      lineManagerEmail: "",
      adjustments: "I use a screen reader",
    }));
    const approvalCard = await delivered((d) => /^approval-request:/.test(d.id), "the approval card to Adele");
    assert.equal(approvalCard.conversationId, adeleChat, "the approval card went to Adele's chat");
    const agree = action(cardOf(approvalCard), "Agree to release");
    await press(ADELE, adeleChat, agree.verb, agree.data);

    // --- 3. Megan gets the suggestions and confirms Ana.
    const suggestions = await delivered((d) => /^match-suggestions:/.test(d.id) && JSON.stringify(d.activity).includes(`Confirm ${ANA.name}`), "the suggested matches to Megan");
    assert.equal(suggestions.conversationId, meganChat, "the suggestions went to Megan's chat");
    const confirm = action(cardOf(suggestions), `Confirm ${ANA.name}`);
    await press(MEGAN, meganChat, confirm.verb, confirm.data);
    matchRef = matchId(String(confirm.data.openingId), String(confirm.data.candidateKey));

    // --- 4. The notification goes to the role's channel through the outbox: to General itself (a
    // new post) or to the post the role was offered in (a reply there).
    const notification = await delivered((d) => d.id === `match-notification:${matchRef}`, "the match notification");
    assert.equal(String(notification.conversationId).split(";")[0], GENERAL.id, `the notification went to General, not ${notification.conversationId}`);
    const shownAt = await waitForConversationEvent(
      suite.session!,
      (e) => e.action === "createMessage" && e.text.includes(`Possible match for ${ROLE_TITLE}: ${ANA.name}`),
      "the match notification",
    );
    assert.equal(shownAt.conversationId, notification.conversationId, "the Playground shows it where the app sent it");

    // …and shows in the General channel view.
    const card = await waitForCardWith(page, [`Possible match for ${ROLE_TITLE}: ${ANA.name}`, "I'll arrange the informal chat"], 15_000);
    const shown = await card.innerText();
    assert.match(shown, new RegExp(`Next: the vacancy holder arranges an informal chat with ${ANA.name}`));
    assert.doesNotMatch(shown, /screen reader|adjustment/i, "never adjustments in a channel");
    await card.scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, "match-notification");
  });

  it("the vacancy holder presses \"I'll arrange the informal chat\" in the channel and the card changes in place", async () => {
    assert.ok(matchRef, "the previous test got as far as the notification");
    const page = suite.page;
    const card = await waitForCardWith(page, [`Possible match for ${ROLE_TITLE}: ${ANA.name}`, "I'll arrange the informal chat"]);
    const before = await cardCount(page);
    await card.getByRole("button", { name: "I'll arrange the informal chat" }).click();
    const updated = await waitForCardWith(page, [`Possible match for ${ROLE_TITLE}: ${ANA.name}`, "Alex Wilber is arranging the informal chat"], 15_000);
    await settle(page);
    assert.equal(await cardCount(page), before, "the card was replaced in place, not added");
    assert.equal(await updated.getByRole("button", { name: "I'll arrange the informal chat" }).count(), 0, "no arrange button once arranged");
    assert.equal(await updated.getByRole("button", { name: "We want to go ahead" }).count(), 1, "the vacancy holder can now say whether to go ahead");
    const m = (await store().container("matches").item(matchRef, matchRef).read<Doc>()).resource;
    assert.equal(m?.status, "meeting");
    assert.equal(m?.arrangedBy?.aadObjectId, ALEX.aadObjectId);
    await updated.scrollIntoViewIfNeeded();
    await screenshot(page, "match-notification-arranged");
  });
});
