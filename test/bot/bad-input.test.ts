import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { createLogger } from "../../src/log";
import { action, cardText, errorSummary, fieldError, walk } from "../support/cards";
import { onlyCard, onlyText, person, personalChat, startTestBot, type TestBot } from "../support/teams";

async function everything(bot: TestBot): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const name of ["people", "conversations"] as const) {
    const { resources } = await bot.app.store.container(name).items.readAll().fetchAll();
    out.push(...resources.map((r) => ({ ...r, _ts: undefined })).sort((a, b) => String(a.id).localeCompare(String(b.id))));
  }
  return out;
}

describe("bad input to /api/messages", () => {
  let bot: TestBot;
  const kim = person("Kim Rae");
  const chat = personalChat(kim);
  let stored: unknown[];

  before(async () => {
    bot = await startTestBot();
    // First contact and one step done, so there is something that must not change.
    await bot.teams.say(chat, kim, "hello");
    await bot.teams.press(chat, kim, VERBS.setStepStatus, { step: 1, status: "done" });
    stored = await everything(bot);
  });
  afterEach(async () => {
    assert.deepEqual(await everything(bot), stored, "nothing stored may change");
  });
  after(async () => {
    await bot.stop();
  });

  it("answers a message with no text", async () => {
    assert.match(onlyText(await bot.teams.say(chat, kim, "")), /I can only read text/);
    assert.match(onlyText(await bot.teams.say(chat, kim, "   ", { attachments: [{ contentType: "image/png", contentUrl: "http://127.0.0.1/x.png" }] })), /I can only read text/);
  });

  it("answers an unknown card action with the menu and a note", async () => {
    const card = await bot.teams.press(chat, kim, "plan.explode", { step: 1 });
    assert.match(cardText(card), /That button is no longer available/);
    action(card, "My 7-step plan");
  });

  it("refuses a card action with bad data, naming the field", async () => {
    const card = await bot.teams.press(chat, kim, VERBS.setStepStatus, { step: 9, status: "done" });
    assert.match(cardText(card), /step must be between 1 and 7/);
    const card2 = await bot.teams.press(chat, kim, VERBS.setStepStatus, { step: 2, status: "finished" });
    assert.match(cardText(card2), /status must be one of todo, doing, done/);
  });

  it("names the problem with a plan step in Welsh for a Welsh message", async () => {
    const card = await bot.teams.press(chat, kim, VERBS.setStepStatus, { step: 9, status: "done" }, { locale: "cy-GB" });
    assert.match(cardText(card), /step: rhaid iddo fod rhwng 1 a 7/);
    assert.doesNotMatch(cardText(card), /must be/);
  });

  it("answers an invoke whose value is not an Action.Execute", async () => {
    const res = await bot.teams.post(bot.teams.activity(chat, kim, { type: "invoke", name: "adaptiveCard/action", value: { nonsense: true } }));
    assert.equal(res.status, 200);
    assert.match(cardText(res.body.value), /I could not read that button press/);
  });

  it("keeps what was typed when a question sent from the card is empty or too long", async () => {
    const empty = await bot.teams.press(chat, kim, VERBS.askQuestion, { question: "  " });
    assert.match(cardText(empty), /Enter your question/);
    const long = "Can I go on secondment? ".repeat(30);
    const tooLong = await bot.teams.press(chat, kim, VERBS.askQuestion, { question: long });
    assert.match(fieldError(tooLong, "question") ?? "", /must be 500 characters or fewer/, "the message is under the question box");
    assert.deepEqual(errorSummary(tooLong), [fieldError(tooLong, "question")], "and under 'There is a problem' at the top");
    let input: any;
    walk(tooLong, (n) => {
      if (n.type === "Input.Text" && n.id === "question") input = n;
    });
    assert.equal(input.value, long.trim(), "the question typed is still in the box");
  });

  it("answers an enormous message politely and refuses absurd ones at the door", async () => {
    assert.match(onlyText(await bot.teams.say(chat, kim, "why ".repeat(2500))), /too long for me/);
    const huge = await bot.teams.post(bot.teams.activity(chat, kim, { type: "message", text: "x".repeat(60_000) }));
    assert.equal(huge.status, 400);
    assert.match(huge.body.problem, /text/);
    const tooBig = await bot.teams.post(bot.teams.activity(chat, kim, { type: "message", text: "y".repeat(40_000), attachments: [{ contentType: "text/plain", content: "z".repeat(300_000) }] }));
    assert.equal(tooBig.status, 413);
  });

  it("returns 400 for a body that is not JSON or not an activity", async () => {
    assert.equal((await bot.teams.post("{not json")).status, 400);
    const noConversation = { ...bot.teams.activity(chat, kim, { type: "message", text: "hi" }), conversation: undefined };
    const res = await bot.teams.post(noConversation);
    assert.equal(res.status, 400);
    assert.match(res.body.problem, /conversation/);
    assert.equal((await bot.teams.post([1, 2, 3])).status, 400);
  });

  it("will not reply to a service URL off this machine when it runs without authentication", async () => {
    const res = await bot.teams.post({ ...bot.teams.activity(chat, kim, { type: "message", text: "hi" }), serviceUrl: "https://smba.trafficmanager.net/uk/" });
    assert.equal(res.status, 400);
    assert.match(res.body.problem, /serviceUrl/);
  });
});

describe("authentication and failures", () => {
  it("rejects unauthenticated activities when an app id is set", async () => {
    const bot = await startTestBot({
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TYPE: "MultiTenant",
      ALLOW_EMBEDDED_STORE_IN_PRODUCTION: "true",
    });
    try {
      const lee = person("Lee Fox");
      const res = await bot.teams.post(bot.teams.activity(personalChat(lee), lee, { type: "message", text: "hello" }));
      assert.equal(res.status, 401);
      assert.equal(bot.connector.sent.length, 0);
    } finally {
      await bot.stop();
    }
  });

  it("apologises with a reference, and logs the error with the same reference, when a turn fails", async () => {
    const lines: string[] = [];
    const bot = await startTestBot({}, createLogger("error", (l) => lines.push(l)));
    try {
      const max = person("Max Lund");
      await bot.app.store.close(); // the store stops answering mid-run
      const card = onlyCard(await bot.teams.say(personalChat(max), max, "plan"));
      const text = cardText(card);
      // A closed store is a store outage: the user is told to try again later.
      assert.match(text, /Sorry, there is a problem with the service/);
      assert.match(text, /try again in a few minutes/);
      assert.doesNotMatch(text, /at .*\.js:\d+/, "no stack trace reaches the user");
      const reference = /reference ([0-9A-F]{8})/.exec(text)?.[1];
      assert.ok(reference, "the card quotes a reference");
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "turn failed");
      assert.equal(logged?.reference, reference);
    } finally {
      await bot.stop();
    }
  });
});
