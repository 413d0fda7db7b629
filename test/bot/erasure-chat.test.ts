import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { action, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

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
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
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

    await bot.connector.waitFor(() => bot.connector.to(chat.id).some((s) => typeof s.body.text === "string" && /did not agree to release you/.test(s.body.text)), 10_000);
    assert.equal(bot.connector.created.filter((c) => c.memberId === ana.aadObjectId || c.memberId === ana.id).length, 0, "no new conversation was opened for her");
  });
});
