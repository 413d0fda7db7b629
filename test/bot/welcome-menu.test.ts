import assert from "node:assert/strict";
import { KEEP_CARD, VERBS } from "../../cards";
import { action, assertValidCard, cardActions, cardText, type Card } from "../support/cards";
import { onlyCard, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";

/**
 * A menu stays put. Pressing a button on the welcome card (or a channel's welcome) leaves that card
 * as it is and the answer arrives as a new message below it, over real HTTP with the connector
 * stand-in: the invoke is answered with a line of text (no card, so Teams does not replace the
 * menu), one new activity carries the answer, and no update of an existing message is sent.
 * Cards whose own state changes (the language switch, a plan step) are still answered in place.
 */
describe("welcome menu: its buttons answer below it, and the menu stays", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const ana = person("Ana Menu");
  const vic = person("Vic Channel");
  const housing: Chat = { id: "19:housing-menu@thread.tacv2", type: "channel", team: { id: "19:housing-team-menu@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-menu@thread.tacv2", name: "General" } };

  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot?.stop();
  });

  /** Press a button as Teams does (Action.Execute invoke), replying to `replyToId`; what came back and what was sent. */
  async function press(chat: Chat, who: Person, button: { verb: string; data: Record<string, unknown> }, replyToId = "welcome-1") {
    const before = bot.connector.sent.length;
    const requestsBefore = bot.connector.requests.length;
    const res = await bot.teams.post(bot.teams.activity(chat, who, { type: "invoke", name: "adaptiveCard/action", replyToId, value: { action: { type: "Action.Execute", verb: button.verb, data: button.data }, trigger: "manual" } }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return {
      answer: res.body as { type: string; value: any },
      sent: bot.connector.sent.slice(before).filter((s) => s.conversationId === chat.id),
      updates: bot.connector.requests.slice(requestsBefore).filter((r) => r.method === "PUT" || r.method === "DELETE"),
    };
  }
  const cardOf = (sent: { body: Record<string, any> }[]): Card => {
    const cards = sent.flatMap((s) => (s.body.attachments ?? []).filter((a: any) => a.contentType === CARD).map((a: any) => a.content));
    assert.equal(cards.length, 1, `one new card expected, got ${cards.length}`);
    assertValidCard(cards[0], "new message");
    return cards[0];
  };

  it("marks every welcome button that opens something as a menu button; the language switch is not", async () => {
    const welcome = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    const buttons = cardActions(welcome);
    assert.deepEqual(
      buttons.filter((b) => b.data[KEEP_CARD] === true).map((b) => b.verb).sort(),
      [VERBS.askPrompt, VERBS.showPlan, VERBS.showPrivacy, VERBS.startInterest, VERBS.startRole].sort(),
    );
    assert.equal(buttons.find((b) => b.verb === VERBS.setLanguage)?.data[KEEP_CARD], undefined);
  });

  it("'My 7-step plan' on the welcome card: the plan arrives as a new message; the welcome is not replaced or updated", async () => {
    const welcome = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    const { answer, sent, updates } = await press(personalChat(ana), ana, action(welcome, "My 7-step plan"));
    assert.equal(answer.type, MESSAGE, "the invoke answer carries no card, so the welcome stays");
    assert.equal(answer.value, "See the new message below.");
    assert.equal(sent.length, 1, "one new message");
    assert.equal(sent[0]!.method, "POST");
    assert.match(cardText(cardOf(sent)), /7-step plan|Step 1/i);
    assert.deepEqual(updates, [], "no update of the welcome message");
  });

  it("'Express interest' and 'Ask a question' answer below too, each in one new message", async () => {
    const welcome = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    for (const title of ["Express interest", "Ask a question"]) {
      const { answer, sent, updates } = await press(personalChat(ana), ana, action(welcome, title));
      assert.equal(answer.type, MESSAGE, title);
      assert.equal(sent.length, 1, title);
      assert.ok(cardActions(cardOf(sent)).length > 0, `${title}: the new card has its buttons`);
      assert.deepEqual(updates, [], title);
    }
  });

  it("the channel's welcome stays too: 'Offer a role' sends the form as a new message", async () => {
    const welcome = onlyCard(await bot.teams.say(housing, vic, "<at>Secondments</at> help"));
    const { answer, sent, updates } = await press(housing, vic, action(welcome, "Offer a role"));
    assert.equal(answer.type, MESSAGE);
    const form = cardOf(sent);
    assert.ok(cardActions(form).some((a) => a.verb === VERBS.submitRole), "the role form, with its submit button");
    assert.deepEqual(updates, []);
  });

  it("cards whose state changes are still answered in place: the language switch, and a step opened from the plan", async () => {
    const welcome = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    const switched = await press(personalChat(ana), ana, action(welcome, /Cymraeg/));
    assert.equal(switched.answer.type, CARD, "the welcome itself changes language, in place");
    assert.deepEqual(switched.sent, [], "no new message");
    await press(personalChat(ana), ana, { verb: VERBS.setLanguage, data: { lang: "en-GB" } });

    const plan = onlyCard(await bot.teams.say(personalChat(ana), ana, "plan"));
    const step = cardActions(plan).find((a) => a.verb === VERBS.openStep)!;
    const opened = await press(personalChat(ana), ana, step, "plan-1");
    assert.equal(opened.answer.type, CARD, "the plan card moves to the step, in place");
    assert.deepEqual(opened.sent, []);
  });
});
