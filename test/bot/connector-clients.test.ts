import assert from "node:assert/strict";
import { cardText } from "../support/cards";
import { ConnectorStandIn } from "../support/connector";
import { onlyCard, person, personalChat, startTestBot, TeamsSimulator, type TestBot } from "../support/teams";

/**
 * The app keeps one Bot Connector client per service URL (bot/connector-clients.ts) instead of
 * building one per turn. Teams serves people from several regions, each with its own service URL:
 * every reply must still go to the service URL of the turn it answers.
 */
describe("replies through kept connector clients", () => {
  let bot: TestBot;
  let other: ConnectorStandIn;
  before(async () => {
    bot = await startTestBot();
    other = await new ConnectorStandIn().start();
  });
  after(async () => {
    await bot.stop();
    await other.stop();
  });

  it("answers each turn at the service URL it came from, turn after turn", async () => {
    const inEurope = bot.teams;
    const inAmerica = new TeamsSimulator(bot.app.url, other);
    const ana = person("Ana Europe");
    const ben = person("Ben America");
    const anaChat = personalChat(ana);
    const benChat = personalChat(ben);

    for (let round = 0; round < 3; round++) {
      assert.match(cardText(onlyCard(await inEurope.say(anaChat, ana, "plan"))), /of 7 steps done/);
      assert.match(cardText(onlyCard(await inAmerica.say(benChat, ben, "plan"))), /of 7 steps done/);
    }
    assert.equal(bot.connector.to(anaChat.id).length, 3);
    assert.equal(other.to(benChat.id).length, 3);
    assert.equal(bot.connector.to(benChat.id).length, 0, "nothing for Ben went to Ana's region");
    assert.equal(other.to(anaChat.id).length, 0, "nothing for Ana went to Ben's region");
  });
});
