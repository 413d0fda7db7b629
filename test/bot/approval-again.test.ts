import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { action, cardActions, cardText, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import type { SentActivity } from "../support/connector";
import { devSignIn } from "../support/tab";
import { demoPerson, person, personalChat, startTestBot, TENANT, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * Asking a line manager again: after a withdrawal or a decline, and when the person changes manager.
 * Over real HTTP with the connector stand-in and the real Cosmos SDK: what each person is sent, what
 * their clicks show, and what is stored.
 */
describe("asking the line manager again, and closing old managers' cards", function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const key = (p: Person) => personKey({ tenantId: p.tenantId ?? TENANT, aadObjectId: p.aadObjectId });
  const approvalDoc = async (p: Person) => (await bot.app.store.container("people").item("approval", key(p)).read()).resource;
  const interestDoc = async (p: Person) => (await bot.app.store.container("people").item("interest", key(p)).read()).resource;
  const cardOf = (s: SentActivity): Card | undefined => (s.body.attachments?.[0]?.contentType === CARD ? s.body.attachments[0].content : undefined);
  /** The manager's 1:1 chat: the one the bot created, or the one they wrote to the bot in. */
  const chatWith = (manager: Person) => bot.connector.created.find((c) => c.memberId === manager.aadObjectId)?.conversationId ?? personalChat(manager).id;
  /** The card's buttons (not its refresh). */
  const buttons = (c: Card) => cardActions({ ...c, refresh: undefined });
  /** The new request cards (not updates) a manager has been sent so far. */
  const requestsTo = (manager: Person): SentActivity[] => {
    const id = chatWith(manager);
    return bot.connector.to(id).filter((s) => s.method === "POST" && cardOf(s) && /Agree to release|Cytuno i ryddhau/.test(JSON.stringify(cardOf(s))));
  };
  /** The id Teams gave the manager's first request card, as the outbox stored it. */
  const postedId = async (requestId: string) => (await bot.app.store.container("outbox").item(`approval-request:${requestId}`, `approval-request:${requestId}`).read()).resource.activityId as string;
  const updatesOf = (manager: Person, activityId: string) => bot.connector.to(chatWith(manager)!).filter((s) => s.method === "PUT" && s.activityId === activityId);

  async function send(secondee: Person, manager: Person, extra: Record<string, unknown> = {}): Promise<Card> {
    const version = (await interestDoc(secondee).catch(() => undefined))?.version;
    return bot.teams.press(personalChat(secondee), secondee, VERBS.submitInterest, {
      ...interestInput({ fullName: secondee.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "", ...extra }),
      ...(version !== undefined ? { version } : {}),
    });
  }
  async function waitForRequests(manager: Person, n: number): Promise<Card> {
    await bot.connector.waitFor(() => requestsTo(manager).length >= n, 10_000);
    return cardOf(requestsTo(manager)[n - 1]!)!;
  }
  async function withdraw(secondee: Person): Promise<Card> {
    return bot.teams.press(personalChat(secondee), secondee, VERBS.confirmWithdrawInterest, { version: (await interestDoc(secondee)).version });
  }
  const managerChat = (m: Person) => ({ id: chatWith(m)!, type: "personal" as const });

  it("withdrawing closes the manager's card, and sending the interest again asks them afresh", async () => {
    const ana = person("Ana Jones");
    const ben = person("Ben Ade");
    await send(ana, ben);
    const first = await waitForRequests(ben, 1);
    const firstId = (await approvalDoc(ana)).requestId;
    await bot.app.dispatcher.drain(10_000);

    const withdrawn = await withdraw(ana);
    assert.match(cardText(withdrawn), /You have withdrawn your expression of interest/);
    assert.equal((await approvalDoc(ana)).status, "cancelled");
    // Ben's card is replaced through the outbox: withdrawn, nothing to answer, no buttons.
    const activityId = await postedId(firstId);
    await bot.connector.waitFor(() => updatesOf(ben, activityId).length > 0, 10_000);
    const closed = cardOf(updatesOf(ben, activityId).at(-1)!)!;
    assert.match(cardText(closed), /Ana Jones withdrew this request, so it no longer needs an answer from you\./);
    assert.equal(buttons(closed).length, 0, "no buttons");
    assert.doesNotMatch(cardText(closed), /Department for Education|What agreeing means/);
    // A click on the old card shows the same, and decides nothing.
    const agree = action(first, "Agree to release");
    const clicked = await bot.teams.press(managerChat(ben), ben, agree.verb, agree.data);
    assert.match(cardText(clicked), /Ana Jones withdrew this request/);
    assert.equal(buttons(clicked).length, 0);
    assert.equal((await approvalDoc(ana)).status, "cancelled");

    // "You can send it again at any time": and Ben is asked again.
    const again = await send(ana, ben);
    assert.match(cardText(again), /We have asked your line manager to agree to release you/);
    assert.doesNotMatch(cardText(again), /declined/);
    const second = await waitForRequests(ben, 2);
    const stored = await approvalDoc(ana);
    assert.equal(stored.status, "pending");
    assert.notEqual(stored.requestId, firstId);
    assert.deepEqual(stored.ended, [{ requestId: firstId, because: "withdrawn" }]);
    const yes = action(second, "Agree to release");
    assert.match(cardText(await bot.teams.press(managerChat(ben), ben, yes.verb, yes.data)), /Agreed by Ben Ade/);
  });

  it("after a decline, saving changes does not re-ask; withdrawing and sending again does", async () => {
    const cai = person("Cai Lloyd");
    const dot = person("Dot Evans");
    await send(cai, dot);
    const first = await waitForRequests(dot, 1);
    const decline = action(first, "Decline");
    await bot.teams.press(managerChat(dot), dot, decline.verb, decline.data);

    const saved = await send(cai, dot, { town: "York" });
    assert.match(cardText(saved), /Your changes are saved\. Your line manager declined your request\. We have not sent them a new one\./);
    await bot.app.dispatcher.drain(10_000);
    assert.equal(requestsTo(dot).length, 1, "saving other changes does not ask again");
    assert.equal((await approvalDoc(cai)).status, "declined");

    await withdraw(cai);
    const again = await send(cai, dot);
    assert.match(cardText(again), /We have asked your line manager to agree to release you/);
    await waitForRequests(dot, 2);
    assert.equal((await approvalDoc(cai)).status, "pending");
    const mine = await bot.teams.press(personalChat(cai), cai, VERBS.showInterest);
    assert.match(cardText(mine), /Waiting for line manager/);
  });

  it("after a decline, 'Ask my line manager again' sends one new request however often it is pressed", async () => {
    const eve = person("Eve Price");
    const fin = person("Fin Cole");
    await send(eve, fin);
    const first = await waitForRequests(fin, 1);
    const firstId = (await approvalDoc(eve)).requestId;
    const decline = action(first, "Decline");
    await bot.teams.press(managerChat(fin), fin, decline.verb, { ...decline.data, reason: "Not this quarter." });

    // The decline message says why, suggests a word with the manager first, and offers to ask again.
    await bot.connector.waitFor(() => bot.connector.to(personalChat(eve).id).some((s) => cardOf(s) && /did not agree to release you/.test(cardText(cardOf(s)!))), 10_000);
    const message = cardOf(bot.connector.to(personalChat(eve).id).find((s) => cardOf(s) && /did not agree/.test(cardText(cardOf(s)!)))!)!;
    assert.match(cardText(message), /Their reason: Not this quarter\./);
    assert.match(cardText(message), /You may want to talk to your line manager before you ask them again\./);
    const fromMessage = action(message, "Ask my line manager again");
    // "My interest" has the same button and note.
    const mine = await bot.teams.press(personalChat(eve), eve, VERBS.showInterest);
    assert.match(cardText(mine), /Not released/);
    assert.match(JSON.stringify(mine), /"title":"What you can do","value":"You may want to talk to your line manager before you ask them again\."/);
    const fromCard = action(mine, "Ask my line manager again");
    assert.deepEqual(fromCard.data, fromMessage.data);

    // Pressed from both, several times at once: one new request.
    const answers = await Promise.all([...Array.from({ length: 4 }, () => fromMessage), fromCard].map((a) => bot.teams.press(personalChat(eve), eve, a.verb, a.data)));
    for (const a of answers) assert.match(cardText(a), /We have asked your line manager to agree to release you|Waiting for line manager/);
    await bot.app.dispatcher.drain(10_000);
    assert.equal(requestsTo(fin).length, 2, "exactly one new request");
    const stored = await approvalDoc(eve);
    assert.equal(stored.status, "pending");
    assert.deepEqual(stored.ended, [{ requestId: firstId, because: "replaced" }]);
    // Pressed again later: still nothing new.
    await bot.teams.press(personalChat(eve), eve, fromCard.verb, fromCard.data);
    await bot.app.dispatcher.drain(10_000);
    assert.equal(requestsTo(fin).length, 2);
    const mineNow = await bot.teams.press(personalChat(eve), eve, VERBS.showInterest);
    assert.ok(!cardActions(mineNow).some((a) => a.title === "Ask my line manager again"), "no button while waiting");

    // Fin answers the new request.
    const yes = action(cardOf(requestsTo(fin)[1]!)!, "Agree to release");
    assert.match(cardText(await bot.teams.press(managerChat(fin), fin, yes.verb, yes.data)), /Agreed by Fin Cole/);
  });

  it("switching manager closes the earlier manager's card; her click shows it closed, never the new request", async () => {
    const ana = person("Ana Morgan");
    const grace = person("Grace Hall");
    const ben = person("Ben Ross");
    await send(ana, grace);
    const graceCard = await waitForRequests(grace, 1);
    const oldId = (await approvalDoc(ana)).requestId;
    await bot.app.dispatcher.drain(10_000);

    await send(ana, ben);
    await waitForRequests(ben, 1);
    const activityId = await postedId(oldId);
    await bot.connector.waitFor(() => updatesOf(grace, activityId).length > 0, 10_000);
    const closed = cardOf(updatesOf(grace, activityId).at(-1)!)!;
    assert.match(cardText(closed), /Ana Morgan changed this request, so it no longer needs an answer from you\./);
    assert.equal(buttons(closed).length, 0, "no buttons on the update");

    for (const title of ["Agree to release", "Decline"]) {
      const old = action(graceCard, title);
      const clicked = await bot.teams.press(managerChat(grace), grace, old.verb, old.data);
      assert.equal(cardText(clicked), cardText(closed), "her first click gets the same closed card");
      assert.equal(buttons(clicked).length, 0);
      assert.doesNotMatch(JSON.stringify(clicked), /Ben Ross|newer one|Here is the latest|approval\.approve/);
    }
    const refreshed = await bot.teams.press(managerChat(grace), grace, VERBS.refreshApproval, action(graceCard, "Agree to release").data);
    assert.equal(cardText(refreshed), cardText(closed));
    const stored = await approvalDoc(ana);
    assert.equal(stored.status, "pending", "Grace's clicks decided nothing");
    assert.equal(stored.manager.aadObjectId, ben.aadObjectId);
  });

  it("says it in Welsh: the closed card for a Welsh manager, and the way to ask again for a Welsh secondee", async () => {
    const wyn = person("Wyn Parri");
    const mair = person("Mair Huws");
    const ifan = person("Ifan Rhys");
    await bot.teams.press(personalChat(wyn), wyn, VERBS.setLanguage, { lang: "cy" });
    await bot.teams.press(personalChat(mair), mair, VERBS.setLanguage, { lang: "cy" });
    await send(wyn, mair, { language: "cy" });
    await waitForRequests(mair, 1);
    const oldId = (await approvalDoc(wyn)).requestId;
    await bot.app.dispatcher.drain(10_000);
    await send(wyn, ifan, { language: "cy" });
    const activityId = await postedId(oldId);
    await bot.connector.waitFor(() => updatesOf(mair, activityId).length > 0, 10_000);
    const closed = cardText(cardOf(updatesOf(mair, activityId).at(-1)!)!);
    assert.match(closed, /Newidiodd Wyn Parri y cais hwn, felly does dim angen i chi ei ateb mwyach\./);
    assert.doesNotMatch(closed, /no longer needs/);

    const ifanCard = await waitForRequests(ifan, 1);
    const decline = action(ifanCard, /Decline|Gwrthod/);
    await bot.teams.press(managerChat(ifan), ifan, decline.verb, decline.data);
    await bot.connector.waitFor(() => bot.connector.to(personalChat(wyn).id).some((s) => cardOf(s) && /Ni chytunodd/.test(cardText(cardOf(s)!))), 10_000);
    const message = cardOf(bot.connector.to(personalChat(wyn).id).find((s) => cardOf(s) && /Ni chytunodd/.test(cardText(cardOf(s)!)))!)!;
    assert.match(cardText(message), /Efallai yr hoffech chi siarad â'ch rheolwr llinell cyn gofyn iddyn nhw eto\./);
    const again = action(message, "Gofyn i'm rheolwr llinell eto");
    const saved = cardText(await send(wyn, ifan, { language: "cy", town: "Bangor" }));
    assert.match(saved, /Dydyn ni ddim wedi anfon cais newydd atyn nhw/);
    const asked = await bot.teams.press(personalChat(wyn), wyn, again.verb, again.data);
    assert.match(cardText(asked), /Rydyn ni wedi gofyn i'ch rheolwr llinell gytuno i'ch rhyddhau/);
    await waitForRequests(ifan, 2);
  });

  it("asks again from the tab too, through the same verb and checks: one new request for two presses", async () => {
    const ana = demoPerson("secondee");
    const ben = demoPerson("lineManager");
    await send(ana, ben);
    const first = await waitForRequests(ben, 1);
    const decline = action(first, "Decline");
    await bot.teams.press(managerChat(ben), ben, decline.verb, decline.data);
    const token = await devSignIn(bot.app.url, "secondee");
    const tab = async (verb: string, data: Record<string, unknown>) => {
      const res = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb, data }) });
      assert.equal(res.status, 200, `${verb} from the tab`);
      return ((await res.json()) as { reply: { card: Card } }).reply.card;
    };
    const again = action(await tab(VERBS.showInterest, {}), "Ask my line manager again");
    for (let i = 0; i < 2; i++) assert.match(cardText(await tab(again.verb, again.data)), /We have asked your line manager to agree to release you/);
    await bot.app.dispatcher.drain(10_000);
    assert.equal(requestsTo(ben).length, 2, "one new request");
    // Someone else cannot press it for her.
    const priya = await devSignIn(bot.app.url, "vacancyHolder");
    const res = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${priya}`, "content-type": "application/json" }, body: JSON.stringify({ verb: again.verb, data: again.data }) });
    assert.equal(res.status, 404);
  });
});
