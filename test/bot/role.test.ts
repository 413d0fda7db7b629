import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { readSnapshot } from "../../src/programme/pool-index";
import { action, cardText, errorSummary } from "../support/cards";
import { roleInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type Chat, type TestBot } from "../support/teams";

describe("Role Matching form through /api/messages", () => {
  let bot: TestBot;
  const vic = person("Vic Osei");
  const housing: Chat = {
    id: "19:housing-general@thread.tacv2",
    type: "channel",
    team: { id: "19:housing-team@thread.tacv2", name: "Housing" },
    channel: { id: "19:housing-general@thread.tacv2", name: "General" },
  };
  const roles = async (who = vic) => {
    const { resources } = await bot.app.store
      .container("people")
      .items.query({ query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'role'", parameters: [{ name: "@pk", value: personKey({ tenantId: TENANT, aadObjectId: who.aadObjectId }) }] })
      .fetchAll();
    return resources;
  };

  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it("from personal chat with no team yet: says to add the app to a team, and stores nothing", async () => {
    const form = await bot.teams.press(personalChat(vic), vic, VERBS.startRole);
    assert.match(cardText(form), /not in any team channel yet/);
    const again = await bot.teams.press(personalChat(vic), vic, VERBS.submitRole, roleInput());
    assert.match(cardText(again), /Add the Secondments app to the team/);
    // The refusal is in the error summary, not only in a note the eye can miss.
    assert.ok(errorSummary(again).some((l) => /Add the Secondments app to the team/.test(l)), JSON.stringify(errorSummary(again)));
    assert.equal((await roles()).length, 0);
  });

  it("binds a role sent from a team channel to that channel", async () => {
    const form = onlyCard(await bot.teams.say(housing, vic, "<at>Secondments</at> role"));
    assert.match(cardText(form), /We will post possible matches in this channel \(Housing: General\)/);
    // The skills the role needs are required on the card, with "Something else" for unlisted ones.
    let skills: Record<string, unknown> | undefined;
    JSON.stringify(form, (_key, v) => {
      if (v && typeof v === "object" && (v as { id?: string }).id === "requiredSkills") skills = v;
      return v;
    });
    assert.equal(skills?.isRequired, true);
    assert.deepEqual((skills?.choices as unknown[]).at(-1), { title: "Something else (enter it below)", value: "own" });
    const card = await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ notificationChannel: "19:somewhere-else@thread.tacv2" }));
    assert.match(cardText(card), /Thank you. We have your role/);
    const [stored] = await roles();
    assert.equal(stored.status, "submitted");
    assert.equal(stored.details.channel.conversationId, housing.id, "bound to the channel it came from, not what the card claimed");
    assert.equal(stored.details.channel.teamName, "Housing");
    assert.equal(stored.details.form.title, "Housing data analyst");
  });

  it("names a team's General channel, which Teams sends with the team's id and no name: 'Finance: General', in Welsh 'Finance: Cyffredinol'", async () => {
    const finance: Chat = { id: "19:finance-team@thread.tacv2", type: "channel", team: { id: "19:finance-team@thread.tacv2", name: "Finance" }, channel: { id: "19:finance-team@thread.tacv2" } };
    const zoe = person("Zoe Marsh");
    const form = onlyCard(await bot.teams.say(finance, zoe, "<at>Secondments</at> role"));
    assert.match(cardText(form), /We will post possible matches in this channel \(Finance: General\)/);
    const saved = await bot.teams.press(finance, zoe, VERBS.submitRole, roleInput({ title: "Finance analyst" }));
    assert.match(cardText(saved), /We will post possible matches in Finance: General once/);
    const stored = (await roles(zoe))[0].details.channel;
    assert.deepEqual(stored, { conversationId: finance.id, teamName: "Finance", general: true }, "stored as the General channel, with no English word in it");
    const mine = await bot.teams.press(personalChat(zoe), zoe, VERBS.listRoles);
    assert.match(JSON.stringify(mine), /"value":"Finance: General"/, "the role's facts name the channel");
    // The Programme tab's pool reads the same stored flag.
    const store = bot.app.store;
    const pool = await readSnapshot(store.container("people"), store.container("matches"), store.container("secondments"), 1);
    assert.equal(pool.roles.find((r) => r.title === "Finance analyst")?.channel, "Finance: General");

    // A Welsh reader sees the channel's name in Welsh, in the list to choose from.
    const gwyn = person("Gwyn Rees");
    const picker = JSON.stringify(await bot.teams.press(personalChat(gwyn), gwyn, VERBS.startRole, {}, { locale: "cy-GB" }));
    assert.match(picker, /Finance: Cyffredinol/);
    assert.doesNotMatch(picker, /Finance: General/);
  });

  it("from personal chat: offers the channels the app is in, and refuses one it is not in", async () => {
    const wren = person("Wren Alder");
    const form = await bot.teams.press(personalChat(wren), wren, VERBS.startRole);
    const picker = JSON.stringify(form);
    assert.match(picker, /Housing: General/);
    const wrong = await bot.teams.press(personalChat(wren), wren, VERBS.submitRole, roleInput({ notificationChannel: "19:not-a-channel@thread.tacv2" }));
    assert.match(cardText(wrong), /Choose one of the channels in the list/);
    assert.equal((await roles(wren)).length, 0);
    const ok = await bot.teams.press(personalChat(wren), wren, VERBS.submitRole, roleInput({ notificationChannel: housing.id, title: "Policy adviser" }));
    assert.match(cardText(ok), /Thank you/);
    assert.equal((await roles(wren))[0].details.channel.conversationId, housing.id);
  });

  it("returns mistakes with the grade range and the duration cap, values kept", async () => {
    const bad = await bot.teams.press(personalChat(vic), vic, VERBS.submitRole, roleInput({ gradeMin: "cs-g7", gradeMax: "cs-heo", durationMonths: "30", notificationChannel: housing.id }));
    const text = cardText(bad);
    assert.match(text, /The lowest grade must be the same as or below the highest grade/);
    assert.match(text, /24 months/);
    assert.equal((await roles()).length, 1, "only the earlier role is stored");
  });

  it("lets the owner change and withdraw a role; others cannot", async () => {
    const mine = await bot.teams.press(personalChat(vic), vic, VERBS.listRoles);
    const change = action(mine, "Change");
    const form = await bot.teams.press(personalChat(vic), vic, change.verb, change.data);
    const save = action(form, "Save changes");
    const saved = await bot.teams.press(housing, vic, save.verb, { ...roleInput({ openings: "2" }), ...save.data });
    assert.match(cardText(saved), /Your changes are saved/);
    assert.equal((await roles())[0].details.form.openings, 2);
    assert.equal((await roles())[0].version, 2);

    const stranger = person("Xan Pike");
    const refused = await bot.teams.press(housing, stranger, VERBS.editRole, change.data);
    assert.match(cardText(refused), /Only the person who offered a role can change it/);
    const refusedWithdraw = await bot.teams.press(housing, stranger, VERBS.confirmWithdrawRole, change.data);
    assert.match(cardText(refusedWithdraw), /Only the person who offered a role can change it/);
    assert.equal((await roles())[0].status, "submitted");

    const list = await bot.teams.press(personalChat(vic), vic, VERBS.listRoles);
    const ask = action(list, "Withdraw");
    const confirm = await bot.teams.press(personalChat(vic), vic, ask.verb, ask.data);
    const yes = action(confirm, "Yes, withdraw");
    const done = await bot.teams.press(personalChat(vic), vic, yes.verb, yes.data);
    assert.match(cardText(done), /You have withdrawn the role/);
    assert.equal((await roles())[0].status, "withdrawn");
  });

  it("binds a role sent from a reply in a channel thread to the channel itself, so matches start new posts", async () => {
    const yan = person("Yan Tor");
    const thread: Chat = { id: `${housing.id};messageid=1700000000000`, type: "channel", team: housing.team!, channel: housing.channel! };
    const card = await bot.teams.press(thread, yan, VERBS.submitRole, roleInput({ title: "Thread role" }));
    assert.match(cardText(card), /Thank you. We have your role. We will post possible matches in Housing: General/);
    const stored = (await roles(yan))[0];
    assert.equal(stored.details.channel.conversationId, housing.id);
    const { resources } = await bot.app.store.container("conversations").items.query("SELECT c.conversationId FROM c WHERE c.conversationType = 'channel'").fetchAll();
    assert.ok(!resources.some((r: { conversationId: string }) => r.conversationId.includes(";messageid=")), "threads are not listed as channels");
  });

  it("editing a role keeps its stored channel on offer when the app has not seen that channel in this run, and a refusal says why", async () => {
    const priya = person("Priya Shah");
    const vacancies: Chat = { id: "19:housing-vacancies@thread.tacv2", type: "channel", team: { id: "19:housing-team-2@thread.tacv2", name: "Housing Team" }, channel: { id: "19:housing-vacancies@thread.tacv2", name: "Vacancies" } };
    assert.match(cardText(await bot.teams.press(vacancies, priya, VERBS.submitRole, roleInput({ title: "Tenancy officer" }))), /Thank you/);
    // The app forgets the channel (a record lost, or one it cannot list).
    const conversations = bot.app.store.container("conversations");
    const { resources } = await conversations.items.query<{ id: string; pk: string }>({ query: "SELECT c.id, c.pk FROM c WHERE c.conversationId = @id", parameters: [{ name: "@id", value: vacancies.id }] }).fetchAll();
    assert.ok(resources.length > 0);
    for (const r of resources) await conversations.item(r.id, r.pk).delete();

    const change = action(await bot.teams.press(personalChat(priya), priya, VERBS.listRoles), "Change");
    const form = await bot.teams.press(personalChat(priya), priya, change.verb, change.data);
    assert.match(JSON.stringify(form), /Housing Team: Vacancies/, "her role's channel is still a choice");
    assert.doesNotMatch(cardText(form), /not in any team channel yet/);
    const save = action(form, "Save changes");
    const saved = await bot.teams.press(personalChat(priya), priya, save.verb, { ...roleInput({ title: "Senior tenancy officer", notificationChannel: vacancies.id }), ...save.data });
    assert.match(cardText(saved), /Your changes are saved/);
    const stored = (await roles(priya))[0];
    assert.equal(stored.details.form.title, "Senior tenancy officer");
    assert.equal(stored.details.channel.conversationId, vacancies.id);

    // A channel that is neither listed nor hers is refused, in the error summary, with her entries kept.
    const again = action(await bot.teams.press(personalChat(priya), priya, VERBS.listRoles), "Change");
    const form2 = await bot.teams.press(personalChat(priya), priya, again.verb, again.data);
    const save2 = action(form2, "Save changes");
    const refused = await bot.teams.press(personalChat(priya), priya, save2.verb, { ...roleInput({ title: "Lead tenancy officer", notificationChannel: "19:elsewhere@thread.tacv2" }), ...save2.data });
    assert.ok(errorSummary(refused).some((l) => /Choose one of the channels in the list/.test(l)), JSON.stringify(errorSummary(refused)));
    assert.match(JSON.stringify(refused), /Lead tenancy officer/, "her entries are kept");
    assert.equal((await roles(priya))[0].details.form.title, "Senior tenancy officer", "nothing saved");
  });
});
