import assert from "node:assert/strict";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { action, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TeamsSimulator, TENANT, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * Erasure deletes the stored reference to the person's 1:1 chat. The instance remembers which
 * references it has stored (to spare a store call per turn), so it must forget hers: her next turn
 * stores the chat again, and a later proactive message (her line manager's decision) reaches that
 * chat rather than a new conversation the bot opens.
 */
describe("after an erasure, the person's chat is stored again at their next turn", function () {
  this.timeout(60_000);
  let bot: TestBot;
  let other: RunningApp;
  before(async () => {
    bot = await startTestBot();
    // A second instance on the same store, as when the app runs on two machines.
    other = await startApp(parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local" }), { background: false });
    await other.matching.current(); // its matching is running, as on any instance that has served a turn that matches
  });
  after(async () => {
    await other?.stop();
    await bot?.stop();
  });

  const stored = async (conversationId: string) =>
    (await bot.app.store.container("conversations").items.query({ query: "SELECT * FROM c WHERE c.conversationId = @id", parameters: [{ name: "@id", value: conversationId }] }).fetchAll()).resources;

  it("the line manager's decision after erasure reaches her existing chat", async () => {
    const ana = person("Ana Startsagain");
    const ben = person("Ben Manager");
    const chat = personalChat(ana);
    await bot.teams.say(chat, ana, "help");
    assert.equal((await stored(chat.id)).length, 1, "her chat is stored");

    const ask = onlyCard(await bot.teams.say(chat, ana, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(chat, ana, yes.verb, yes.data)), /Your data has been deleted/);
    assert.equal((await stored(chat.id)).length, 0, "erasure deleted her chat's reference");

    // She starts again: a new interest naming Ben as her line manager.
    await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    const [again] = await stored(chat.id);
    assert.ok(again, "her next turn stored her chat again");
    assert.equal(again.user.aadObjectId, ana.aadObjectId);
    assert.equal(again.pk, TENANT);

    await bot.connector.waitFor(() => bot.connector.created.some((c) => c.memberId === ben.aadObjectId), 10_000);
    const benChat = bot.connector.created.find((c) => c.memberId === ben.aadObjectId)!.conversationId;
    const cardsToBen = (): Card[] => bot.connector.to(benChat).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
    await bot.connector.waitFor(() => cardsToBen().length > 0, 10_000);
    const decline = action(cardsToBen()[0]!, "Decline");
    await bot.teams.press({ id: benChat, type: "personal" }, ben, decline.verb, { ...decline.data, reason: "Not this year." });

    // The decline comes as a card (with the way to ask again).
    await bot.connector.waitFor(() => bot.connector.to(chat.id).some((s) => s.body.attachments?.[0]?.contentType === CARD && /did not agree to release you/.test(cardText(s.body.attachments[0].content))), 10_000);
    assert.equal(bot.connector.created.filter((c) => c.memberId === ana.aadObjectId || c.memberId === ana.id).length, 0, "no new conversation was opened for her");
  });

  it("another instance forgets her chat once its matching has met the erasure's marker", async () => {
    const cy = person("Cy Twoinstances");
    const chat = personalChat(cy);
    const viaOther = new TeamsSimulator(other.url, bot.connector);
    await viaOther.say(chat, cy, "help");
    assert.equal((await stored(chat.id)).length, 1, "the other instance stored her chat and remembers it");

    const ask = onlyCard(await bot.teams.say(chat, cy, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    await bot.teams.press(chat, cy, yes.verb, yes.data);
    assert.equal((await stored(chat.id)).length, 0);

    // Any matching decision on the other instance catches up with the erasure's marker first.
    await other.matching.current();
    await viaOther.say(chat, cy, "help");
    assert.equal((await stored(chat.id)).length, 1, "her next turn there stored her chat again");
  });
});
