import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { cardText, walk, type Card } from "../support/cards";
import { roleInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type Chat, type TestBot } from "../support/teams";

/**
 * The Role Matching form sent from a personal chat offers the team channels the app is in, each
 * named "Team: Channel" so that two channels of one team can be told apart. Teams names the team
 * when the app is added to it, and a channel other than General by the conversation's name on its
 * messages (their channel data carry only ids); the General channel has no name and is called
 * "General" ("Cyffredinol" in Welsh).
 */
describe("Role Matching form: the channel choice names the team and the channel", () => {
  let bot: TestBot;
  const team = { id: "19:finance-team@thread.tacv2", name: "Finance" };
  const general: Chat = { id: team.id, type: "channel", team, channel: { id: team.id } };
  // Messages in other channels, as Teams sends them: the team and channel by id, the channel's name as the conversation's.
  const budgets: Chat = { id: "19:finance-budgets@thread.tacv2", type: "channel", team: { id: team.id }, channel: { id: "19:finance-budgets@thread.tacv2" }, name: "Budgets" };
  const payroll: Chat = { id: "19:finance-payroll@thread.tacv2;messageid=1700000000000", type: "channel", team: { id: team.id }, channel: { id: "19:finance-payroll@thread.tacv2" }, name: "Payroll" };
  const zoe = person("Zoe Hart");

  /** The choices of the channel list on a form card, as title → value. */
  const channelChoices = (card: Card): Record<string, string> => {
    const out: Record<string, string> = {};
    walk(card, (n) => {
      if (n.type === "Input.ChoiceSet" && n.id === "notificationChannel") for (const c of n.choices as { title: string; value: string }[]) out[c.title] = c.value;
    });
    return out;
  };

  before(async () => {
    bot = await startTestBot();
    const kim = person("Kim Lane");
    for (const chat of [general, budgets, payroll]) await bot.teams.say(chat, kim, "<at>Secondments</at> help");
  });
  after(async () => {
    await bot.stop();
  });

  it("lists each channel as 'Team: Channel', and stores the one chosen with both names", async () => {
    const form = await bot.teams.press(personalChat(zoe), zoe, VERBS.startRole);
    assert.deepEqual(channelChoices(form), { "Finance: General": general.id, "Finance: Budgets": budgets.channel!.id, "Finance: Payroll": payroll.channel!.id });

    const sent = await bot.teams.press(personalChat(zoe), zoe, VERBS.submitRole, roleInput({ notificationChannel: budgets.channel!.id }));
    assert.match(cardText(sent), /We will post possible matches in Finance: Budgets/);
    const { resources } = await bot.app.store
      .container("people")
      .items.query({ query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role'", parameters: [{ name: "@pk", value: personKey({ tenantId: TENANT, aadObjectId: zoe.aadObjectId }) }] })
      .fetchAll();
    assert.deepEqual(resources[0].details.channel, { conversationId: budgets.channel!.id, teamName: "Finance", channelName: "Budgets" });
  });

  it("sent from a channel other than General, says which: 'Finance: Payroll'", async () => {
    const form = await bot.teams.press(payroll, zoe, VERBS.startRole);
    assert.match(cardText(form), /We will post possible matches in this channel \(Finance: Payroll\)/);
  });

  it("names the General channel in Welsh for a Welsh reader, and the others as Teams names them", async () => {
    const gwyn = person("Gwyn Rees");
    const form = await bot.teams.press(personalChat(gwyn), gwyn, VERBS.startRole, {}, { locale: "cy-GB" });
    assert.deepEqual(Object.keys(channelChoices(form)).sort(), ["Finance: Budgets", "Finance: Cyffredinol", "Finance: Payroll"]);
  });
});
