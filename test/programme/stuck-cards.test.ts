import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { demoAppEnv } from "../../src/demo/people";
import { recordCheckInSent, type Secondment } from "../../src/domain/secondment";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardActions, cardText, type Card } from "../support/cards";
import { AGREEMENT_INPUT, must, seedSecondment } from "../support/secondments";
import { demoPerson, person, personalChat, startTestBot, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * "Send a reminder" in the Programme tab for an agreement waiting for a confirmation and an overdue
 * check-in: each party who still owes it gets the card they act on, in their language, with the
 * reminder on it; pressing its button changes the stored secondment; a party who has already acted
 * gets nothing. Over real HTTP: the tab's API, the outbox, the connector stand-in and the card's
 * own button. The app's clock runs from Wednesday 10 March 2027, 10:00.
 */
describe("programme: an agreement or check-in reminder is the card to act on", function () {
  this.timeout(60_000);
  const base = Date.parse("2027-03-10T10:00:00Z");
  const started = Date.now();
  let bot: TestBot;
  let secondments: SecondmentStore;
  let token = "";
  const tom = demoPerson("programmeTeam");

  /** The reminder cards that reached this person, in any chat the bot has with them. */
  const remindersTo = (p: Person): Card[] => {
    const chats = [personalChat(p).id, ...bot.connector.created.filter((c) => c.memberId === p.aadObjectId).map((c) => c.conversationId)];
    return bot.connector.sent
      .filter((s) => chats.includes(s.conversationId) && s.body.attachments?.[0]?.contentType === CARD)
      .map((s) => s.body.attachments[0].content as Card)
      .filter((c) => /A reminder from the secondment programme team|Nodyn atgoffa gan dîm y rhaglen secondiadau/.test(cardText(c)));
  };
  const reminded = () => [...bot.connector.deliveries.keys()].filter((id) => id.startsWith("programme-reminder:")).length;

  /** The team member sends a reminder about the stuck item of this kind and secondment; waits until it is delivered. */
  async function remind(kind: "agreement" | "check-in", sid: string, expected: number): Promise<void> {
    const items = (await apiCall(bot.app.url, token, "GET", "/api/programme/stuck")).json.items as { id: string; kind: string }[];
    const item = items.find((i) => i.kind === kind && i.id.includes(sid));
    assert.ok(item, `the ${kind} is listed as stuck`);
    const before = reminded();
    const r = await apiCall(bot.app.url, token, "POST", "/api/programme/stuck/remind", { id: item.id });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.json.sent, true);
    await bot.connector.waitFor(() => reminded() >= before + expected, 10_000);
    await bot.app.dispatcher.drain(10_000);
    await new Promise((done) => setTimeout(done, 200)); // room for a stray message to arrive
    assert.equal(reminded(), before + expected, "one reminder for each party who still owes it");
  }

  before(async () => {
    bot = await startTestBot(demoAppEnv(), undefined, { now: () => new Date(base + (Date.now() - started)) });
    secondments = new SecondmentStore(bot.app.store.container("secondments"));
    token = await devSignIn(bot.app.url, "programmeTeam");
    await bot.teams.say(personalChat(tom), tom, "hello");
  });
  after(async () => {
    await bot?.stop();
  });

  it("sends the agreement card only to those who have not confirmed, each in their language; its button confirms it", async () => {
    const [ana, sam, vic] = [person("Ana Jones"), person("Sam Lee"), person("Vic Osei")];
    const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "agreeing" });
    await bot.teams.press(personalChat(sam), sam, VERBS.setLanguage, { lang: "cy" });
    // The host sends the details; the secondee confirms them.
    await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT });
    await bot.teams.press(personalChat(ana), ana, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });

    await remind("agreement", sid, 2);
    assert.deepEqual(remindersTo(ana), [], "the secondee has confirmed: no reminder");
    const [samCard, ...samMore] = remindersTo(sam);
    assert.ok(samCard, "the home line manager gets a reminder");
    assert.equal(samMore.length, 0);
    assert.match(cardText(samCard), /Nodyn atgoffa gan dîm y rhaglen secondiadau: mae'r cytundeb ar gyfer y rôl Housing analyst yn aros i chi ei gadarnhau\. Gallwch ei wirio a'i gadarnhau ar y cerdyn hwn\./, "in Welsh, which they chose");
    const samConfirm = action(samCard, "Cadarnhau'r cytundeb");
    assert.deepEqual(samConfirm.data, { secondmentId: sid, version: 1 });
    const [vicCard, ...vicMore] = remindersTo(vic);
    assert.ok(vicCard, "the host gets a reminder");
    assert.equal(vicMore.length, 0);
    assert.match(cardText(vicCard), /A reminder from the secondment programme team: the agreement for Housing analyst is waiting for your confirmation\. You can check and confirm it on this card\./);
    const vicConfirm = action(vicCard, "Confirm the agreement");

    const samAnswer = await bot.teams.press(personalChat(sam), sam, samConfirm.verb, samConfirm.data);
    assert.ok(!cardActions(samAnswer).some((a) => a.verb === VERBS.confirmAgreement), "no Confirm button once confirmed");
    assert.equal((await secondments.get(sid))!.confirmations.homeManager?.version, 1, "the home line manager's confirmation is stored");
    await bot.teams.press(personalChat(vic), vic, vicConfirm.verb, vicConfirm.data);
    assert.equal((await secondments.get(sid))!.status, "confirmed", "everyone has confirmed");
  });

  it("sends the check-in form only to the home line manager who has not answered; sending it stores the answer", async () => {
    const [ana, sam, vic] = [person("Ana Jones"), person("Sam Lee"), person("Vic Osei")];
    const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "active" });
    // Check-in 1 went out on Monday 1 March; the secondee answered it; 5 working days on, the home line manager has not.
    await secondments.update(sid, (current) => ({ next: must(recordCheckInSent(current!, 1, "2027-03-01", new Date("2027-03-01T09:00:00Z"))), result: undefined }));
    await bot.teams.press(personalChat(ana), ana, VERBS.answerCheckIn, { secondmentId: sid, n: 1, going: "well", issues: "", changes: "", forReturn: "" });

    await remind("check-in", sid, 1);
    assert.deepEqual(remindersTo(ana), [], "the secondee has answered: no reminder");
    assert.deepEqual(remindersTo(vic), [], "the host is not asked to check in");
    const [reminder, ...more] = remindersTo(sam);
    assert.ok(reminder, "the home line manager gets a reminder");
    assert.equal(more.length, 0);
    assert.match(cardText(reminder), /A reminder from the secondment programme team: check-in 1 for the secondment to Housing analyst is waiting for your answer\. You can answer it on this card\./);
    const send = action(reminder, "Send check-in");
    assert.deepEqual(send.data, { secondmentId: sid, n: 1 });

    const thanks = await bot.teams.press(personalChat(sam), sam, send.verb, { ...send.data, going: "mixed", issues: "", changes: "A week of leave in the summer.", forReturn: "" });
    assert.match(cardText(thanks), /Check-in 1: thank you/);
    const stored: Secondment = (await secondments.get(sid))!;
    assert.equal(stored.checkIns[0]!.answers.homeManager?.going, "mixed", "the home line manager's answer is stored");
    assert.equal(stored.checkIns[0]!.answers.homeManager?.changes, "A week of leave in the summer.");

    // Answered by both: it is no longer stuck, and a second press sends nothing.
    const items = (await apiCall(bot.app.url, token, "GET", "/api/programme/stuck")).json.items as { id: string }[];
    assert.equal(items.filter((i) => i.id.includes(sid)).length, 0, "no longer stuck");
  });
});
