import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { ConversationRepository } from "../../src/store/conversations";
import { action, cardActions, cardText } from "../support/cards";
import { onlyCard, onlyText, person, personalChat, pressMenu, startTestBot, TENANT, type TestBot } from "../support/teams";

describe("a person chatting with the bot over /api/messages", () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it("welcomes a person who says hello, with the four menu buttons and no promise of a match", async () => {
    const ana = person("Ana Jones");
    const card = onlyCard(await bot.teams.say(personalChat(ana), ana, "hello"));
    const text = cardText(card);
    assert.match(text, /Welcome to Secondments/);
    assert.match(text, /does not guarantee you a match/);
    for (const title of ["My 7-step plan", "Express interest", "Offer a role", "Ask a question"]) action(card, title);
  });

  it("takes a typed 'cancel' (or 'no', or Welsh 'canslo') at a confirmation as cancel: nothing done, nothing kept as a question", async () => {
    const ana = person("Ana Cancels");
    await bot.teams.press(personalChat(ana), ana, VERBS.setStepStatus, { step: 1, status: "done" });
    const ask = onlyCard(await bot.teams.say(personalChat(ana), ana, "delete my data"));
    assert.match(cardText(ask), /delete/i);
    for (const typed of ["cancel", "No.", "canslo"]) {
      const reply = onlyCard(await bot.teams.say(personalChat(ana), ana, typed));
      assert.match(cardText(reply), /Nothing has been changed\. Here is the menu\.|Does dim byd wedi newid\. Dyma'r ddewislen\./, typed);
    }
    const plan = cardText(onlyCard(await bot.teams.say(personalChat(ana), ana, "plan")));
    assert.match(plan, /1 of 7 steps done/, "her data is still there");
    const { resources } = await bot.app.store.container("knowledge").items.query("SELECT * FROM c WHERE c.pk = 'unanswered'").fetchAll();
    assert.ok(!resources.some((r) => /^(cancel|no|canslo)$/i.test(r.text)), "not kept as an unanswered question");
  });

  it("welcomes a person when the app is installed in their personal scope", async () => {
    const ben = person("Ben Ade");
    const chat = personalChat(ben);
    const before = bot.connector.sent.length;
    const res = await bot.teams.post(
      bot.teams.activity(chat, ben, { type: "conversationUpdate", membersAdded: [{ id: "28:secondments-bot" }] }),
    );
    assert.equal(res.status, 200);
    const card = onlyCard(bot.connector.sent.slice(before));
    assert.match(cardText(card), /Welcome to Secondments/);
  });

  it("explains what it posts when added to a team channel", async () => {
    const cara = person("Cara Li");
    const chat = { id: "19:general@thread.tacv2", type: "channel" as const, team: { id: "19:team@thread.tacv2", name: "Digital" }, channel: { id: "19:general@thread.tacv2", name: "General" } };
    const before = bot.connector.sent.length;
    await bot.teams.post(bot.teams.activity(chat, cara, { type: "conversationUpdate", membersAdded: [{ id: "28:secondments-bot" }] }));
    const card = onlyCard(bot.connector.sent.slice(before));
    assert.match(cardText(card), /post possible matches in this channel/);
    // Offering a role works from the channel, and binds it: the card says so and offers the button.
    assert.doesNotMatch(cardText(card), /plan your own secondment or offer a role, open a chat/);
    assert.match(cardText(card), /Offering it from this channel links the role to this channel, so its matches come here/);
    const offer = action(card, "Offer a role");
    const form = await pressMenu(bot.teams, chat, cara, offer.verb, offer.data);
    assert.match(cardText(form), /We will post possible matches in this channel \(Digital: General\)/);
  });

  it("shows the 7-step plan with every step to do", async () => {
    const dev = person("Dev Patel");
    const card = await bot.teams.press(personalChat(dev), dev, VERBS.showPlan);
    const text = cardText(card);
    assert.match(text, /Your 7-step plan/);
    assert.match(text, /0 of 7 steps done/);
    for (let step = 1; step <= 7; step++) assert.match(text, new RegExp(`\\*\\*Step ${step}\\*\\*`));
    assert.equal(text.match(/^To do$/gm)?.length, 7);
  });

  it("opens a step with its guidance and marks it done; the plan then shows it done", async () => {
    const eve = person("Eve Smith");
    const chat = personalChat(eve);
    const step3 = await bot.teams.press(chat, eve, VERBS.openStep, { step: 3 });
    const text = cardText(step3);
    assert.match(text, /Step 3 of 7/);
    assert.match(text, /Estyn/, "step 3 lists the Wales-specific host organisations");
    assert.match(text, /Local authorities/i);

    const done = action(step3, "Mark as done");
    const plan = await bot.teams.press(chat, eve, done.verb, done.data);
    const planText = cardText(plan);
    assert.match(planText, /Step 3 marked as done\./);
    assert.match(planText, /1 of 7 steps done/);

    const stored = await bot.app.store.container("people").item("plan", `${TENANT}:${eve.aadObjectId}`.toLowerCase()).read();
    assert.equal(stored.resource.steps["3"].status, "done");
    assert.equal(stored.resource.steps["1"].status, "todo");
  });

  it("keeps progress per person, not per chat: the same plan appears in another conversation", async () => {
    const fay = person("Fay Ong");
    await bot.teams.press(personalChat(fay), fay, VERBS.setStepStatus, { step: 2, status: "doing" });
    const otherChat = { id: "a:another-chat-for-fay", type: "personal" as const };
    const card = await bot.teams.press(otherChat, fay, VERBS.showPlan);
    assert.match(cardText(card), /In progress/);
    action(card, "Continue with step 2");
  });

  it("answers a paraphrased question from the knowledge base", async () => {
    const gus = person("Gus Hill");
    const card = onlyCard(await bot.teams.say(personalChat(gus), gus, "I'm on a temporary contract, can I still apply?"));
    assert.match(cardText(card), /fixed-term/i);
  });

  it("says plainly when a question is outside what it knows, and gives the programme team's email", async () => {
    const hal = person("Hal Berg");
    const card = onlyCard(await bot.teams.say(personalChat(hal), hal, "What is the weather like in Leeds tomorrow?"));
    const text = cardText(card);
    assert.match(text, /That is outside what I know about/);
    assert.match(text, /secondmentexpertise@cabinetoffice\.gov\.uk/);
  });

  it("declines everyday questions outside the programme as off-topic, with no 'did you mean' buttons", async () => {
    const hal = person("Hal Berg");
    for (const question of [
      "Can you tell me a funny story?",
      "I have forgotten the password for my work laptop",
      "Could you write a covering letter for a job I am applying for?",
      "Will it be sunny in Swansea at the weekend?",
      "How do I book a meeting room for my team?",
    ]) {
      const card = onlyCard(await bot.teams.say(personalChat(hal), hal, question));
      assert.match(cardText(card), /That is outside what I know about/, question);
      assert.doesNotMatch(cardText(card), /Did you mean|closest topics/, question);
      assert.deepEqual(cardActions(card).filter((a) => a.verb === VERBS.openTopic), [], question);
    }
  });

  it("says when the programme material does not cover a question, and who can answer it", async () => {
    const hal = person("Hal Berg");
    const card = onlyCard(await bot.teams.say(personalChat(hal), hal, "What happens to my pension while I'm on secondment?"));
    const text = cardText(card);
    assert.match(text, /I cannot answer that from the programme material/);
    assert.match(text, /The programme material does not cover pensions\./);
    assert.match(text, /Your HR team can tell you/);
    assert.match(text, /secondmentexpertise@cabinetoffice\.gov\.uk/);
  });

  it("offers the closest topics as buttons when a question is unclear", async () => {
    const hal = person("Hal Berg");
    const card = onlyCard(await bot.teams.say(personalChat(hal), hal, "manager"));
    assert.match(cardText(card), /Did you mean one of these\?/);
    const buttons = cardActions(card).filter((a) => a.verb === VERBS.openTopic);
    assert.ok(buttons.length >= 1 && buttons.length <= 3, JSON.stringify(buttons));
    const opened = await bot.teams.press(personalChat(hal), hal, buttons[0]!.verb, buttons[0]!.data);
    assert.equal(opened.body[0].text, buttons[0]!.title);
  });

  it("stores how to reach the person on first contact", async () => {
    const ivy = person("Ivy Cole");
    await bot.teams.say(personalChat(ivy), ivy, "hi");
    const { resources } = await bot.app.store
      .container("conversations")
      .items.query({ query: "SELECT * FROM c WHERE c.pk = @t AND c.user.aadObjectId = @u", parameters: [{ name: "@t", value: TENANT }, { name: "@u", value: ivy.aadObjectId }] })
      .fetchAll();
    assert.equal(resources.length, 1);
    assert.equal(resources[0].serviceUrl, bot.connector.url);
    assert.equal(resources[0].conversationId, personalChat(ivy).id);
    assert.equal(resources[0].tenantId, TENANT);
    // Her Teams user id (the 29:… id Teams sends as from.id), for card refresh lists.
    assert.equal(resources[0].user.teamsUserId, ivy.id);
    // A later save without it (say, the outbox opening the chat again) keeps it.
    await new ConversationRepository(bot.app.store.container("conversations")).save({ ...resources[0], user: { id: ivy.aadObjectId, aadObjectId: ivy.aadObjectId } });
    const ids = await new ConversationRepository(bot.app.store.container("conversations")).teamsUserIds(TENANT, [ivy.aadObjectId, "someone-else"]);
    assert.deepEqual([...ids.entries()], [[ivy.aadObjectId.toLowerCase(), ivy.id]]);
  });

  it("answers questions in a channel but keeps the plan to the 1:1 chat", async () => {
    const jo = person("Jo Hart");
    const chat = { id: "19:general2@thread.tacv2", type: "channel" as const, team: { id: "19:t2@thread.tacv2", name: "Policy" } };
    const answer = onlyCard(await bot.teams.say(chat, jo, "<at>Secondments</at> who pays my salary?", {
      entities: [{ type: "mention", mentioned: { id: "28:secondments-bot", name: "Secondments" }, text: "<at>Secondments</at>" }],
    }));
    assert.match(cardText(answer), /salary/i);
    const reply = onlyText(await bot.teams.say(chat, jo, "plan"));
    assert.match(reply, /only show them in our 1:1 chat/);
  });
});
