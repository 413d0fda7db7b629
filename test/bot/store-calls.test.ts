import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { cardText } from "../support/cards";
import { startBareCosmos, StoreCallCounter } from "../support/store-calls";
import { ConversationRepository } from "../../src/store/conversations";
import { onlyCard, person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

/**
 * How many store round trips a turn costs, counted at the HTTP level (every request the Cosmos
 * SDK sends to the store). A count is deterministic, so it is asserted; time is left to the bench.
 */
describe("store calls per turn", () => {
  let bot: TestBot;
  let counter: StoreCallCounter;
  let cosmos: Awaited<ReturnType<typeof startBareCosmos>>;
  before(async () => {
    cosmos = await startBareCosmos();
    bot = await startTestBot(cosmos.env, undefined, { background: false });
    counter = new StoreCallCounter(cosmos.endpoint);
  });
  after(async () => {
    counter.stop();
    await bot.stop();
    await cosmos.stop();
  });

  it("stores the conversation on first contact, then a typed command costs at most 2 store calls", async () => {
    const kim = person("Kim Ode");
    const chat = personalChat(kim);
    counter.reset();
    onlyCard(await bot.teams.say(chat, kim, "hello"));
    const first = counter.count;
    assert.ok(first >= 2, `first contact reads and writes the conversation reference (saw ${counter.calls.join(", ")})`);

    counter.reset();
    const plan = onlyCard(await bot.teams.say(chat, kim, "plan"));
    assert.match(cardText(plan), /0 of 7 steps done/);
    assert.ok(counter.count <= 2, `a typed "plan" made ${counter.count} store calls: ${counter.calls.join(", ")}`);

    counter.reset();
    await bot.teams.say(chat, kim, "hello");
    assert.equal(counter.count, 0, `"hello" needs nothing from the store once the conversation is known: ${counter.calls.join(", ")}`);
  });

  it("writes the reference again when it changes (a new service URL), and not when it does not", async () => {
    const lee = person("Lee Moss");
    const chat = personalChat(lee);
    await bot.teams.say(chat, lee, "hello");
    // The same connector, written differently: enough for the stored reference to differ.
    const moved = `${bot.connector.url}/`;
    counter.reset();
    await bot.teams.post(bot.teams.activity(chat, lee, { type: "message", text: "hello", serviceUrl: moved }));
    assert.ok(counter.calls.some((c) => c.startsWith("POST") || c.startsWith("PUT")), `the changed reference is written: ${counter.calls.join(", ")}`);
    const stored = await new ConversationRepository(bot.app.store.container("conversations")).get(TENANT, chat.id);
    assert.equal(stored?.serviceUrl, moved);
    counter.reset();
    await bot.teams.post(bot.teams.activity(chat, lee, { type: "message", text: "hello", serviceUrl: moved }));
    assert.equal(counter.count, 0, `nothing to write the second time: ${counter.calls.join(", ")}`);
  });

  it("a card click reads only what the step needs", async () => {
    const mo = person("Mo Reid");
    const chat = personalChat(mo);
    await bot.teams.say(chat, mo, "hello");
    counter.reset();
    const step = await bot.teams.press(chat, mo, VERBS.openStep, { step: 2 });
    assert.match(cardText(step), /Step 2 of 7/);
    assert.ok(counter.count <= 1, `opening a step made ${counter.count} store calls: ${counter.calls.join(", ")}`);
  });
});
