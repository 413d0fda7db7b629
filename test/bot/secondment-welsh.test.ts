import assert from "node:assert/strict";
import sinon from "sinon";
import { VERBS } from "../../cards";
import { checkInDate } from "../../src/domain/secondment-dates";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardText, fieldError, type Card } from "../support/cards";
import { person, personalChat, type Person, type TestBot } from "../support/teams";
import { drainWithFrozenClock, whileTimeFlows } from "../support/drain";
import { ACTIVE_TERMS, AGREEMENT_INPUT, seedSecondment, startSecondmentBot } from "../support/secondments";

const CARD = "application/vnd.microsoft.card.adaptive";
/** The error shown under an input on a Welsh form (the same place as in English). */
const gwall = (card: Card, id: string): string | undefined => fieldError(card, id);
/** Every label, choice title, button title, text and fact on a card. */
const words = (card: unknown): string => [...JSON.stringify(card).matchAll(/"(?:label|title|placeholder|errorMessage|text|value)":"([^"]*)"/g)].map((m) => m[1]).join("\n");

/**
 * The secondment lifecycle in Welsh, over HTTP: each person reads their own stored language
 * ("Cymraeg / English" switch), in replies and in messages the bot sends on its own (agreement to
 * confirm, check-ins, reminders, the programme team's escalation). Date is faked by sinon; timers
 * and I/O stay real.
 */
describe("the secondment lifecycle in each person's language (over HTTP)", function () {
  this.timeout(120_000);
  let clock: sinon.SinonFakeTimers;
  let bot: TestBot;
  let secondments: SecondmentStore;
  const pat = person("Pat Programme");

  before(async () => {
    ({ clock, bot, secondments } = await startSecondmentBot("2027-02-22T10:00:00Z", pat));
  });
  after(async () => {
    await bot.stop();
    clock.restore();
  });

  /** Choose a language with the "Cymraeg / English" button, as the person would. */
  async function choose(p: Person, lang: "cy" | "en-GB"): Promise<void> {
    await bot.teams.press(personalChat(p), p, VERBS.setLanguage, { lang });
  }

  /** A secondment for three people, straight into the store: still agreeing, or confirmed and started on 1 February 2027. */
  function secondment(status: "agreeing" | "active", ana: Person, sam: Person, vic: Person): Promise<string> {
    return seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status, hostOrganisation: "Cyngor Caerdydd", homeOrganisation: "Welsh Government" });
  }

  const delivered = (id: string) => bot.connector.deliveries.get(id) ?? 0;
  const arrive = (...ids: string[]) => whileTimeFlows(clock, () => bot.connector.waitFor(() => ids.every((id) => delivered(id) >= 1), 15_000));
  const chatsOf = (p: Person) => [personalChat(p).id, ...bot.connector.created.filter((c) => c.memberId === p.aadObjectId).map((c) => c.conversationId)];
  const textsTo = (p: Person): string[] => bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId)).map((s) => String(s.body.text ?? ""));
  const cardsTo = (p: Person): Card[] =>
    bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId) && s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);

  /** Set the time, let the scheduler run what is due (twice: a job may schedule one already due), and wait for the messages. */
  async function at(iso: string, expected: string[] = []): Promise<void> {
    clock.setSystemTime(new Date(iso));
    for (let round = 0; round < 2; round++) await bot.app.scheduler.runDue();
    await arrive(...expected);
    await drainWithFrozenClock([bot.app], clock);
  }

  it("a Welsh secondee gets the agreement to confirm, the form and its errors in Welsh; the English host keeps English", async () => {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const vic = person("Vic Osei");
    await choose(ana, "cy");
    await choose(vic, "en-GB");
    const sid = await secondment("agreeing", ana, sam, vic);

    // The host (English) sends the details: his reply is English; the card sent to Ana is Welsh.
    const sent = await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT });
    assert.match(cardText(sent), /Sent\. The secondee, the home line manager and the host each need to confirm/);
    await arrive(`agreement:${sid}:v1:secondee`, `agreement:${sid}:v1:homeManager`);
    const anaCard = cardsTo(ana).find((c) => JSON.stringify(c).includes(sid))!;
    const anaText = words(anaCard);
    assert.match(anaText, /Gwiriwch a chadarnhewch y cytundeb ar gyfer secondiad Ana Jones\./);
    assert.match(anaText, /Secondiad: Housing analyst/);
    assert.match(anaText, /6 Medi 2027 i 28 Chwefror 2028 \(6 mis\)/, "dates and months in Welsh");
    assert.match(anaText, /Y sefydliad cartref sy'n talu'r cyflog, ac mae'r sefydliad lletyol yn ei ad-dalu/);
    assert.match(anaText, /Yn aros i'r canlynol gadarnhau'r cytundeb: Ana Jones \(fel secondai\), Sam Lee \(fel rheolwr llinell cartref\)/);
    assert.doesNotMatch(words(anaCard), /Confirm the agreement|Waiting for|Salary|Refresh/);
    assert.deepEqual(action(anaCard, "Cadarnhau'r cytundeb").data, { secondmentId: sid, version: 1 });
    // Sam has no stored choice: English.
    const samCard = cardsTo(sam).find((c) => JSON.stringify(c).includes(sid))!;
    assert.match(cardText(samCard), /Please check and confirm the agreement for Ana Jones's secondment\./);

    // Ana opens the form: Welsh labels, hints, choices and buttons.
    const form = await bot.teams.press(personalChat(ana), ana, VERBS.openAgreement, { secondmentId: sid });
    const formText = words(form);
    assert.match(formText, /Newid y cytundeb: Housing analyst/);
    assert.match(formText, /Dyddiad dechrau/);
    assert.match(formText, /Cyswllt AD yn y sefydliad cartref \(e-bost\)/);
    assert.match(formText, /Gwiriad cadw mewn cysylltiad bob \(wythnosau\)/);
    assert.match(formText, /Y sefydliad lletyol sy'n talu'r cyflog \(fel arfer\)/);
    assert.match(formText, /Anfon i'w gadarnhau/);
    assert.match(formText, /Yn ôl i fy secondiad/);
    assert.doesNotMatch(formText, /Start date|Who pays|Send for confirmation|Enter the/);

    // She sends it with an end date past the 12-month cap and no home HR contact: the errors are Welsh, her entries kept.
    const wrong = await bot.teams.press(personalChat(ana), ana, VERBS.submitAgreement, { secondmentId: sid, version: 1, ...AGREEMENT_INPUT, endDate: "2028-12-31", homeHrContact: "" });
    assert.equal(gwall(wrong, "homeHrContact"), "Rhowch gyfeiriad e-bost cyswllt AD yn y sefydliad cartref");
    assert.equal(gwall(wrong, "endDate"), "Dyddiad gorffen: rhaid iddo fod ar 6 Medi 2028 neu cyn hynny. Mae'r sefydliad yn cyfyngu secondiadau i 12 mis.");
    assert.match(cardText(wrong), /Gyda dyddiad dechrau o 6 Medi 2027, y dyddiad gorffen diweddaraf yw 6 Medi 2028\./);
    assert.ok(JSON.stringify(wrong).includes("Build a model of housing demand with the strategy team."), "her entries are kept");
    assert.equal((await secondments.get(sid))!.termsVersion, 1, "nothing was stored");

    // She confirms: the reply is Welsh.
    const confirmed = await bot.teams.press(personalChat(ana), ana, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
    assert.match(cardText(confirmed), /Diolch\. Rydyn ni'n aros i'r lleill gadarnhau\./);
  });

  it("check-ins, their reminders and the escalation each go in the reader's language", async () => {
    // One secondment with a Welsh home line manager, one with an English one; the programme team reads Welsh.
    const gwen = person("Gwen Morgan");
    const rhys = person("Rhys Davies");
    const host1 = person("Vic Osei");
    const tom = person("Tom Baker");
    const kate = person("Kate Hill");
    const host2 = person("Jo Bloggs");
    await choose(gwen, "cy");
    await choose(rhys, "cy");
    await choose(tom, "en-GB");
    await choose(kate, "en-GB");
    await choose(pat, "cy");
    const welsh = await secondment("active", gwen, rhys, host1);
    const english = await secondment("active", tom, kate, host2);
    const date = checkInDate({ startDate: ACTIVE_TERMS.startDate, everyWeeks: ACTIVE_TERMS.checkInEveryWeeks, n: 1 });
    assert.equal(date, "2027-03-01");
    clock.setSystemTime(new Date("2027-02-28T12:00:00Z"));
    for (const sid of [welsh, english]) {
      const id = `secondment-check-in:${sid}:1:${date}`;
      const now = new Date().toISOString();
      await bot.app.store.container("jobs").items.create({ id, pk: id, type: "secondment-check-in", payload: { secondmentId: sid, n: 1, date }, dueAt: "2027-03-01T09:00:00.000Z", status: "pending", attempts: 0, createdAt: now });
    }

    await at("2027-03-01T09:00:30Z", [`check-in:${welsh}:1:homeManager`, `check-in:${welsh}:1:secondee`, `check-in:${english}:1:homeManager`]);
    const rhysCard = cardsTo(rhys).find((c) => JSON.stringify(c).includes(welsh))!;
    const rhysWords = words(rhysCard);
    assert.match(rhysWords, /Cadw mewn cysylltiad: gwiriad 1/);
    assert.match(rhysWords, /Mae'n bryd cael gwiriad gyda'r secondai, Gwen Morgan \(erbyn 1 Mawrth 2027\)/);
    assert.match(rhysWords, /Sut mae'r secondiad yn mynd\?/);
    assert.match(rhysWords, /Mae gen i bryderon/);
    assert.match(rhysWords, /Anfon y gwiriad/);
    assert.doesNotMatch(rhysWords, /Keeping in touch|How is the secondment going|Send check-in/);
    assert.match(words(cardsTo(gwen).find((c) => JSON.stringify(c).includes(welsh))!), /Mae'n bryd cael eich gwiriad cadw mewn cysylltiad gyda'ch rheolwr llinell cartref/);
    const kateWords = words(cardsTo(kate).find((c) => JSON.stringify(c).includes(english))!);
    assert.match(kateWords, /Keeping in touch: check-in 1/);
    assert.match(kateWords, /It is time to check in with Tom Baker \(due 1 March 2027\)/);
    assert.doesNotMatch(kateWords, /gwiriad|Cadw mewn cysylltiad/);

    // Rhys answers "concerns" without saying what they are: the error is Welsh.
    const wrong = await bot.teams.press(personalChat(rhys), rhys, VERBS.answerCheckIn, { secondmentId: welsh, n: 1, going: "concerns", issues: "" });
    assert.equal(gwall(wrong, "issues"), "Dywedwch wrthon ni beth yw'r pryderon, er mwyn i rywun fynd i'r afael â nhw");
    // Kate answers: her thanks are English. Nobody else answers.
    const thanks = await bot.teams.press(personalChat(kate), kate, VERBS.answerCheckIn, { secondmentId: english, n: 1, going: "well" });
    assert.match(cardText(thanks), /Check-in 1: thank you/);

    // Five working days on: a reminder, in each reader's language.
    await at("2027-03-08T09:00:30Z", [`check-in-reminder:${welsh}:1:homeManager`, `check-in-reminder:${english}:1:secondee`]);
    const reminder = cardsTo(rhys).filter((c) => JSON.stringify(c).includes(welsh)).at(-1)!;
    assert.match(cardText(reminder), /Nodyn atgoffa: dydyn ni ddim wedi cael eich ateb i'r gwiriad hwn eto\./);
    const tomReminder = cardsTo(tom).filter((c) => JSON.stringify(c).includes(english)).at(-1)!;
    assert.match(cardText(tomReminder), /Reminder: we have not had your answer to this check-in yet\./);

    // Five more: the programme team hears, in Welsh (Pat's choice), naming who has not answered.
    await at("2027-03-15T09:00:30Z", [`check-in-escalation:${welsh}:1:pt:${pat.aadObjectId}`, `check-in-escalation:${english}:1:pt:${pat.aadObjectId}`]);
    const told = textsTo(pat).filter((t) => t.includes("Gwen Morgan"));
    assert.equal(told.length, 1);
    assert.match(told[0]!, /^Dydy gwiriad 1 secondiad Gwen Morgan \(sefydliad lletyol: Cyngor Caerdydd\), a oedd i fod erbyn 1 Mawrth 2027, ddim wedi'i ateb gan y canlynol, ar ôl nodyn atgoffa: Gwen Morgan a Rhys Davies \(fel rheolwr llinell cartref\)\./);
    assert.ok(textsTo(pat).some((t) => /Dydy gwiriad 1 secondiad Tom Baker .* ar ôl nodyn atgoffa: Tom Baker\./.test(t)), "only the one who did not answer is named");
  });

  it("an extension: each party's card, the decline error and the notes are in their own language", async () => {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const vic = person("Vic Osei");
    await choose(ana, "cy");
    await choose(sam, "cy");
    await choose(vic, "en-GB");
    const sid = await secondment("active", ana, sam, vic);
    clock.setSystemTime(new Date("2027-03-16T10:00:00Z"));

    // The host (English) asks: his reply is English; Ana's and Sam's cards are Welsh.
    const asked = await bot.teams.press(personalChat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-12-31", reason: "The model needs a second phase." });
    assert.match(cardText(asked), /We have asked Ana Jones and Sam Lee to agree to the new end date\./);
    const sentTo = (party: string) => [...bot.connector.deliveries.keys()].some((id) => id.startsWith(`extension:${sid}:`) && id.endsWith(`:${party}`));
    await whileTimeFlows(clock, () => bot.connector.waitFor(() => sentTo("secondee") && sentTo("homeManager"), 15_000));
    const anaCard = cardsTo(ana).find((c) => JSON.stringify(c).includes(sid))!;
    assert.match(words(anaCard), /Ymestyn y secondiad i 31 Rhagfyr 2027\?/);
    assert.match(cardText(anaCard), /Dywedwch a ydych chi'n cytuno i ymestyn eich secondiad\./);
    assert.match(words(anaCard), /Dyddiad gorffen presennol\n30 Medi 2027/);
    assert.ok(action(anaCard, "Cytuno i'r estyniad"));
    assert.deepEqual(anaCard.actions.map((x: { title: string }) => x.title), ["Cytuno i'r estyniad", "Gwrthod", "Fy secondiad"], "decisions together, then where to go next");
    const samCard = cardsTo(sam).find((c) => JSON.stringify(c).includes(sid))!;
    assert.match(cardText(samCard), /Dywedwch a ydych chi'n cytuno i ymestyn secondiad Ana Jones\./);
    assert.doesNotMatch(words(samCard), /Agree to the extension|Current end date|Decline/);

    // Sam declines without a reason: told in Welsh; nothing changes. Then with a reason.
    const decline = action(samCard, "Gwrthod");
    const blank = await bot.teams.press(personalChat(sam), sam, decline.verb, { ...decline.data, reason: "" });
    assert.match(cardText(blank), /Rhowch y rheswm pam nad ydych chi'n cytuno i'r estyniad\. Does dim wedi newid\./);
    const declined = await bot.teams.press(personalChat(sam), sam, decline.verb, { ...decline.data, reason: "Mae angen Ana yn ôl ym mis Hydref." });
    assert.match(cardText(declined), /Rydych chi wedi gwrthod yr estyniad\. Rydyn ni wedi rhoi gwybod i'r lleill\./);
    await whileTimeFlows(clock, () => bot.connector.waitFor(() => [...bot.connector.deliveries.keys()].filter((id) => id.startsWith(`extension-declined:${sid}:`)).length >= 2, 15_000));
    assert.ok(
      textsTo(ana).some((x) => x === "Mae Sam Lee wedi gwrthod y cais i ymestyn eich secondiad i 31 Rhagfyr 2027. Eu rheswm: Mae angen Ana yn ôl ym mis Hydref. Mae'n dal i orffen ar 30 Medi 2027."),
      "Ana is told in Welsh",
    );
    assert.ok(textsTo(vic).some((x) => /^Sam Lee declined the request to extend Ana Jones's secondment to 31 December 2027\. Their reason: .* It still ends on 30 September 2027\.$/.test(x)), "the host is told in English");
  });
});
