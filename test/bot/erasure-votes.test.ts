import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { action, cardText } from "../support/cards";
import { onlyCard, person, personalChat, startTestBot, type TestBot } from "../support/teams";

/**
 * 👍/👎 on answers are kept under a one-way digest of entry and person. Erasing a person removes
 * their votes (and takes them out of the counts); everyone else's stay.
 */
describe("erasure removes the person's votes on answers", function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(() => bot?.stop());

  const feedback = async () =>
    (await bot.app.store.container("knowledge").items.query<{ entryId: string; helpful: number; notHelpful: number; votes?: Record<string, boolean> }>("SELECT * FROM c WHERE c.pk = 'feedback'").fetchAll()).resources
      .map((f) => ({ entryId: f.entryId, helpful: f.helpful, notHelpful: f.notHelpful, votes: Object.keys(f.votes ?? {}).length }))
      .sort((a, b) => a.entryId.localeCompare(b.entryId));

  it("takes Eve's 👍 and 👎 out of every entry and keeps Fay's", async () => {
    const eve = person("Eve Votes");
    const fay = person("Fay Votes");
    const vote = (who: typeof eve, id: string, helpful: boolean) => bot.teams.press(personalChat(who), who, VERBS.faqFeedback, { id, helpful });
    assert.match(cardText(await vote(eve, "performance-management", true)), /Thank you/);
    await vote(eve, "benefits", false);
    await vote(fay, "performance-management", true);
    const before = await feedback();
    assert.deepEqual(before.find((f) => f.entryId === "performance-management"), { entryId: "performance-management", helpful: 2, notHelpful: 0, votes: 2 });

    const ask = onlyCard(await bot.teams.say(personalChat(eve), eve, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(personalChat(eve), eve, yes.verb, yes.data)), /Your data has been deleted/);

    const after = await feedback();
    assert.deepEqual(after.find((f) => f.entryId === "performance-management"), { entryId: "performance-management", helpful: 1, notHelpful: 0, votes: 1 }, "Fay's vote stays");
    for (const f of after.filter((x) => x.entryId !== "performance-management")) assert.deepEqual(f, { entryId: f.entryId, helpful: 0, notHelpful: 0, votes: 0 }, "Eve's 👎 is gone");

    // Eve, starting again, is a new voter: her 👍 counts once more.
    await vote(eve, "performance-management", true);
    assert.equal((await feedback()).find((f) => f.entryId === "performance-management")!.helpful, 2);
  });
});
