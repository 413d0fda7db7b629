import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { personKey } from "../../src/domain/person";
import { action, cardActions, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import type { SentActivity } from "../support/connector";
import { person, personalChat, startTestBot, TENANT, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * A request card held in the outbox (Teams answered 429 and it waits for Retry-After) while the
 * request ends: when it finally goes, the manager gets what is true then, never live buttons.
 * Over real HTTP with the connector stand-in and the real Cosmos SDK.
 */
describe("a request card still queued when its request ends", function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const key = (p: Person) => personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId });
  const approvalDoc = async (p: Person) => (await bot.app.store.container("people").item("approval", key(p)).read()).resource;
  const interestDoc = async (p: Person) => (await bot.app.store.container("people").item("interest", key(p)).read()).resource;
  const outboxDoc = async (id: string) => (await bot.app.store.container("outbox").item(id, id).read()).resource;
  const cardOf = (s: SentActivity): Card | undefined => (s.body.attachments?.[0]?.contentType === CARD ? s.body.attachments[0].content : undefined);
  /** How much of each manager's chat was there before the request (the bot's answer to their hello). */
  const seen = new Map<string, number>();
  /** Every card the manager's chat received since (new messages and updates). */
  const cardsTo = (m: Person) =>
    bot.connector
      .to(personalChat(m).id)
      .slice(seen.get(m.aadObjectId) ?? 0)
      .map(cardOf)
      .filter((c): c is Card => c !== undefined);
  const buttons = (c: Card) => cardActions({ ...c, refresh: undefined }).map((a) => a.title);

  async function send(secondee: Person, manager: Person): Promise<void> {
    const version = (await interestDoc(secondee).catch(() => undefined))?.version;
    await bot.teams.press(personalChat(secondee), secondee, VERBS.submitInterest, {
      ...interestInput({ fullName: secondee.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "" }),
      ...(version !== undefined ? { version } : {}),
    });
  }

  /** The manager has a chat with the bot; Teams will answer the next send there with 429. Returns once the request card got it. */
  async function sendHeldBy429(secondee: Person, manager: Person): Promise<string> {
    await bot.teams.say(personalChat(manager), manager, "hello");
    seen.set(manager.aadObjectId, bot.connector.to(personalChat(manager).id).length);
    bot.connector.failNext(personalChat(manager).id, { status: 429, retryAfterSeconds: 3 });
    await send(secondee, manager);
    const requestId = (await approvalDoc(secondee)).requestId as string;
    const id = `approval-request:${requestId}`;
    // Teams answered 429 and that is stored: the card waits in the queue for its retry.
    const held = async () => bot.connector.requests.some((r) => r.messageId === id && r.status === 429) && (await outboxDoc(id))?.status === "queued";
    for (let i = 0; i < 250 && !(await held()); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await outboxDoc(id)).status, "queued", "waiting for its retry");
    assert.equal(cardsTo(manager).length, 0, "nothing delivered yet");
    return requestId;
  }

  it("withdrawn meanwhile: the retry delivers the closed card, with no buttons, and a click decides nothing", async () => {
    const ana = person("Ana Jones");
    const ben = person("Ben Ade");
    const requestId = await sendHeldBy429(ana, ben);

    await bot.teams.press(personalChat(ana), ana, VERBS.confirmWithdrawInterest, { version: (await interestDoc(ana)).version });
    assert.equal((await approvalDoc(ana)).status, "cancelled");
    await bot.app.dispatcher.drain(15_000);

    const cards = cardsTo(ben);
    assert.equal(cards.length, 1, "one card, once");
    assert.match(cardText(cards[0]!), /Ana Jones withdrew this request, so it no longer needs an answer from you\./);
    for (const c of cards) assert.deepEqual(buttons(c), [], "no Agree or Decline on anything Ben received");
    assert.doesNotMatch(JSON.stringify(cards), /Agree to release|What agreeing means/);
    const stored = await outboxDoc(`approval-request:${requestId}`);
    assert.equal(stored.status, "sent");
    assert.equal(stored.attempts, 2, "the 429, then the closed card");

    // Had he seen a button, it would decide nothing: the card he would get is the same closed one.
    const click = await bot.teams.press(personalChat(ben), ben, VERBS.approveRelease, { secondee: key(ana), requestId });
    assert.equal(cardText(click), cardText(cards[0]!));
    assert.equal((await approvalDoc(ana)).status, "cancelled");
  });

  it("replaced by a request to another manager meanwhile: the first manager gets the closed card; the new one a live request", async () => {
    const cara = person("Cara Lowe");
    const dev = person("Dev Shah");
    const eli = person("Eli Ford");
    await sendHeldBy429(cara, dev);

    await send(cara, eli);
    await bot.app.dispatcher.drain(15_000);

    const toDev = cardsTo(dev);
    assert.equal(toDev.length, 1);
    assert.match(cardText(toDev[0]!), /Cara Lowe changed this request, so it no longer needs an answer from you\./);
    assert.deepEqual(buttons(toDev[0]!), []);
    assert.doesNotMatch(JSON.stringify(toDev), /Eli Ford/);
    const toEli = bot.connector.created.find((c) => c.memberId === eli.aadObjectId)!.conversationId;
    const eliCard = bot.connector.to(toEli).map(cardOf).find(Boolean)!;
    const agree = action(eliCard, "Agree to release");
    assert.match(cardText(await bot.teams.press({ id: toEli, type: "personal" }, eli, agree.verb, agree.data)), /Agreed by Eli Ford/);
  });
});

/** The programme team's reminder to a line manager is the request card too: held the same way, it goes closed. */
describe("the programme team's release reminder still queued when the request ends", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const fay = demo("Fay Lund");
  const gus = demo("Gus Hart");
  let token = "";
  const call = async (method: "GET" | "POST", path: string, body?: unknown) =>
    (await apiCall(bot.app.url, token, method, path, body)).json as { items?: { id: string; kind: string }[]; sent?: boolean };
  const doc = async (container: string, id: string, pk: string) => (await bot.app.store.container(container as "people").item(id, pk).read()).resource;
  const faysKey = personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: fay.aadObjectId });

  before(async () => {
    bot = await startTestBot(demoAppEnv());
    token = await devSignIn(bot.app.url, "programmeTeam");
  });
  after(async () => {
    await bot?.stop();
  });

  it("withdrawn while the reminder waits for its retry: the manager gets it closed, with no buttons", async () => {
    await bot.teams.say(personalChat(gus), gus, "hello");
    await bot.teams.press(personalChat(fay), fay, VERBS.submitInterest, interestInput({ fullName: fay.name, lineManagerId: gus.aadObjectId, lineManagerEmail: "" }));
    await bot.app.dispatcher.drain(15_000);
    const requestId = (await doc("people", "approval", faysKey)).requestId as string;
    const before = bot.connector.to(personalChat(gus).id).length;

    bot.connector.failNext(personalChat(gus).id, { status: 429, retryAfterSeconds: 3 });
    const release = (await call("GET", "/api/programme/stuck")).items!.find((i) => i.kind === "release")!;
    assert.equal((await call("POST", "/api/programme/stuck/remind", { id: release.id })).sent, true);
    const held = async () => bot.connector.requests.some((r) => r.conversationId === personalChat(gus).id && r.status === 429);
    for (let i = 0; i < 250 && !(await held()); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(await held(), "Teams answered the reminder with 429");

    await bot.teams.press(personalChat(fay), fay, VERBS.confirmWithdrawInterest, { version: (await doc("people", "interest", faysKey)).version });
    await bot.app.dispatcher.drain(15_000);

    const cards = bot.connector
      .to(personalChat(gus).id)
      .slice(before)
      .map((s) => (s.body.attachments?.[0]?.contentType === CARD ? (s.body.attachments[0].content as Card) : undefined))
      .filter((c): c is Card => c !== undefined);
    assert.ok(cards.length >= 1, "the reminder went in the end");
    for (const c of cards) assert.deepEqual(cardActions({ ...c, refresh: undefined }).map((a) => a.title), [], "no Agree or Decline on anything Gus received");
    assert.match(cardText(cards.at(-1)!), /Fay Lund withdrew this request, so it no longer needs an answer from you\./);
    assert.equal((await doc("people", "approval", faysKey)).requestId, requestId);
  });
});
