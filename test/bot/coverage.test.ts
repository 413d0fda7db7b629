import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { FAQ_ENTRIES } from "../../src/faq/knowledge";
import { safeId } from "../../src/store/conversations";
import { cardText } from "../support/cards";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

describe("every card the bot can show, through the bot", () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  it("opens all seven steps as valid cards with their guidance and the feature for each", async () => {
    const pat = person("Pat Quinn");
    for (let step = 1; step <= 7; step++) {
      const card = await bot.teams.press(personalChat(pat), pat, VERBS.openStep, { step }); // press() validates the card
      const text = cardText(card);
      assert.match(text, new RegExp(`Step ${step} of 7`));
      assert.doesNotMatch(text, /Coming next/, `step ${step} promises nothing for later`);
      if (step >= 5) assert.ok(JSON.stringify(card).includes(VERBS.mySecondment), `step ${step} opens the secondment`);
      if (step === 4) assert.match(text, /Write your business case here in Teams/);
      if (step === 1 || step === 3) assert.match(text, /expression of interest/);
    }
  });

  it(`opens every one of the ${FAQ_ENTRIES.length} FAQ topics as a valid card`, async () => {
    const pat = person("Pat Quinn");
    for (const entry of FAQ_ENTRIES) {
      const card = await bot.teams.press(personalChat(pat), pat, VERBS.openTopic, { id: entry.id });
      assert.match(cardText(card), new RegExp(entry.topic.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    }
  });

  it("shows the interest and role forms, the empty record cards and the question prompt", async () => {
    const pat = person("Pat Quinn");
    assert.match(cardText(await bot.teams.press(personalChat(pat), pat, VERBS.startInterest)), /Express interest in a secondment/);
    assert.match(cardText(await bot.teams.press(personalChat(pat), pat, VERBS.startRole)), /Offer a role for a secondee/);
    assert.match(cardText(await bot.teams.press(personalChat(pat), pat, VERBS.showInterest)), /You have not sent an expression of interest yet/);
    assert.match(cardText(await bot.teams.press(personalChat(pat), pat, VERBS.listRoles)), /You have not offered any roles yet/);
    assert.match(cardText(await bot.teams.press(personalChat(pat), pat, VERBS.askPrompt)), /Ask a question/);
  });

  it("stores the conversation reference when the app is installed in a team, with the team and channel", async () => {
    const sam = person("Sam Ito");
    const chat = { id: "19:install@thread.tacv2", type: "channel" as const, team: { id: "19:install@thread.tacv2", name: "Housing" }, channel: { id: "19:install@thread.tacv2", name: "General" } };
    const res = await bot.teams.post(bot.teams.activity(chat, sam, { type: "installationUpdate", action: "add" }));
    assert.equal(res.status, 200);
    const record = await bot.app.store.container("conversations").item(safeId(chat.id), TENANT).read();
    assert.equal(record.resource.conversationType, "channel");
    assert.equal(record.resource.team.name, "Housing");
    assert.equal(record.resource.installed, true);

    await bot.teams.post(bot.teams.activity(chat, sam, { type: "installationUpdate", action: "remove" }));
    const after = await bot.app.store.container("conversations").item(record.resource.id, TENANT).read();
    assert.equal(after.resource.installed, false);
  });

  it("answers /healthz (alive) and /readyz (store answers, leader lease checked)", async () => {
    const ok = await fetch(`${bot.app.url}/healthz`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { status: "ok" });
    const ready = await fetch(`${bot.app.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: "ready", store: "ok", leaderLease: "ok" });
  });
});

describe("/readyz when the store is down", () => {
  it("answers 503 naming the store, while /healthz still says the process is alive", async () => {
    const bot = await startTestBot();
    try {
      await bot.app.store.close();
      const res = await fetch(`${bot.app.url}/readyz`);
      assert.equal(res.status, 503);
      assert.equal((await res.json()).store, "not answering");
      assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
    } finally {
      await bot.stop();
    }
  });
});
