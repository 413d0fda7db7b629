import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { VERBS } from "../../cards";
import { todayInLondon } from "../../src/domain/dates";
import { personKey } from "../../src/domain/person";
import { newSecondment, PARTIES, type Secondment } from "../../src/domain/secondment";
import { checkInDate, checkInDueAt } from "../../src/domain/secondment-dates";
import { atUkTime } from "../../src/domain/working-days";
import { exportFor } from "../../src/privacy/export";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardText, walk, type Card } from "../support/cards";
import { person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";
import { ACTIVE_TERMS, AGREEMENT_INPUT, seedSecondment } from "../support/secondments";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * Changes during a secondment (bot/handlers/secondment-changes.ts), through /api/messages, the
 * connector stand-in and the embedded store. Each test sets up its own active secondment straight
 * in the store with the domain's own transitions, rather than driving the whole match flow.
 *
 * The bot's clock starts at Wednesday 10 March 2027, 10:00 UK time, and runs at real speed. The
 * secondments started on Monday 1 February 2027 and end on 30 September 2027, with check-ins every
 * 4 weeks, 4 weeks' notice and a 12-month cap (so the latest end date is 1 February 2028).
 */
describe("changes during a secondment: reports, feedback, extensions and ending early", function () {
  this.timeout(60_000);
  const START = new Date("2027-03-10T10:00:00Z");
  let bot: TestBot;
  let secondments: SecondmentStore;
  const pat = person("Pat Programme");

  before(async () => {
    const offset = START.getTime() - Date.now();
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId }, undefined, { now: () => new Date(Date.now() + offset), schedulerPollMs: 200 });
    secondments = new SecondmentStore(bot.app.store.container("secondments"));
  });
  after(async () => {
    await bot.stop();
  });

  interface Cast {
    ana: Person;
    sam: Person;
    vic: Person;
    sid: string;
  }

  /** A secondment for three new people, confirmed by all three and (unless told otherwise) started. */
  async function secondment(o: { started?: boolean } = {}): Promise<Cast> {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const vic = person("Vic Osei");
    const started = o.started !== false;
    const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: started ? "active" : "confirmed", terms: started ? ACTIVE_TERMS : { ...ACTIVE_TERMS, startDate: "2027-05-04" } });
    return { ana, sam, vic, sid };
  }

  const stored = async (sid: string): Promise<Secondment> => (await secondments.get(sid))!;
  const job = async (id: string) => (await bot.app.store.container("jobs").item(id, id).read()).resource;
  const delivered = (id: string) => bot.connector.deliveries.get(id) ?? 0;
  const arrive = (...ids: string[]) => bot.connector.waitFor(() => ids.every((id) => delivered(id) >= 1), 10_000);
  /** Wait for every queued message to go, and a moment more for any duplicate. */
  async function settle(): Promise<void> {
    await bot.app.dispatcher.drain(10_000);
    await new Promise((r) => setTimeout(r, 200));
  }

  /** Every conversation the bot may use to reach this person. */
  const chatsOf = (p: Person) => [personalChat(p).id, ...bot.connector.created.filter((c) => c.memberId === p.aadObjectId).map((c) => c.conversationId)];
  const textsTo = (p: Person): string[] =>
    bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId)).map((s) => String(s.body.text ?? ""));
  const cardsTo = (p: Person): Card[] =>
    bot.connector.sent
      .filter((s) => chatsOf(p).includes(s.conversationId) && s.body.attachments?.[0]?.contentType === CARD)
      .map((s) => s.body.attachments[0].content);
  const chat = (p: Person): Chat => personalChat(p);

  /** Text, fact titles and fact values: what the person reads. */
  function readable(c: Card): string {
    const values: string[] = [];
    walk(c, (n) => {
      if (n.type === "FactSet") for (const f of n.facts ?? []) values.push(`${f.title}: ${f.value}`);
    });
    return `${cardText(c)}\n${values.join("\n")}`;
  }
  const inputValue = (c: Card, id: string): unknown => {
    let v: unknown;
    walk(c, (n) => {
      if (typeof n.type === "string" && n.type.startsWith("Input.") && n.id === id) v = n.value;
    });
    return v;
  };
  const hasInput = (c: Card, id: string): boolean => inputValue(c, id) !== undefined || JSON.stringify(c).includes(`"id":"${id}"`);

  /** Post an invoke and return the raw answer (for refusals that come back as a message, not a card). */
  async function pressRaw(p: Person, verb: string, data: Record<string, unknown>): Promise<{ type: string; value: unknown }> {
    const res = await bot.teams.post(bot.teams.activity(chat(p), p, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } }));
    assert.equal(res.status, 200);
    return res.body;
  }

  // -------------------------------------------------------------------------------------------

  describe("reporting an absence or a change", () => {
    it("keeps the entries when something is wrong, then tells the home line manager once, however often the card is sent", async () => {
      const { ana, sam, vic, sid } = await secondment();
      const formCard = await bot.teams.press(chat(ana), ana, VERBS.openReport, { secondmentId: sid });
      assert.match(cardText(formCard), /Report an absence or a change/);
      const send = action(formCard, "Send");
      assert.match(String(send.data.reportId), /^[0-9a-f-]{36}$/, "the form carries a fresh report id");

      const wrong = await bot.teams.press(chat(ana), ana, send.verb, { ...send.data, kind: "absence", from: "", to: "", details: "Sick leave, back on Monday." });
      assert.match(cardText(wrong), /There is a problem/);
      assert.match(cardText(wrong), /Enter the first day of the absence/);
      assert.equal(inputValue(wrong, "details"), "Sick leave, back on Monday.", "what was typed is kept");
      assert.equal(action(wrong, "Send").data.reportId, send.data.reportId, "the same report id, so a resend is still one report");
      assert.equal((await stored(sid)).reports.length, 0, "nothing stored");

      const inputs = { kind: "absence", from: "2027-03-11", to: "2027-03-12", details: "Sick leave, back on Monday." };
      const [first, second] = await Promise.all([
        bot.teams.press(chat(ana), ana, send.verb, { ...send.data, ...inputs }),
        bot.teams.press(chat(ana), ana, send.verb, { ...send.data, ...inputs }),
      ]);
      const notices = [cardText(first), cardText(second)];
      assert.equal(notices.filter((t) => /Thank you. We have told your home line manager, Sam Lee\./.test(t)).length, 1);
      assert.equal(notices.filter((t) => /We already have this report/.test(t)).length, 1);
      const s = await stored(sid);
      assert.equal(s.reports.length, 1, "one report stored");
      assert.deepEqual({ ...s.reports[0], at: undefined }, { id: send.data.reportId, kind: "absence", from: "2027-03-11", to: "2027-03-12", details: "Sick leave, back on Monday.", at: undefined });

      const id = `report:${sid}:${send.data.reportId}`;
      await arrive(id);
      await settle();
      assert.equal(delivered(id), 1, "the home line manager is told once");
      const told = textsTo(sam).find((t) => t.includes("has reported an absence"))!;
      assert.match(told, /Ana Jones has reported an absence during their secondment with Homes England\./);
      assert.match(told, /First day: 11 March 2027\./);
      assert.match(told, /Last day: 12 March 2027\./);
      assert.match(told, /Details: Sick leave, back on Monday\./);
      assert.equal(textsTo(vic).length, 0, "the host is not told");
    });

    it("lets only the secondee report", async () => {
      const { vic, sid } = await secondment();
      const answer = await pressRaw(vic, VERBS.openReport, { secondmentId: sid });
      assert.match(String(answer.value), /Only the secondee can report an absence or a change/);
    });
  });

  // -------------------------------------------------------------------------------------------

  describe("feedback between the parties", () => {
    it("asks the host, who answers on the card, and passes the feedback back to the secondee", async () => {
      const { ana, sam, vic, sid } = await secondment();
      const asked = await bot.teams.press(chat(ana), ana, VERBS.askFeedback, { secondmentId: sid, to: "host" });
      assert.match(cardText(asked), /We have asked Vic Osei for feedback\. We will send it to you when they answer\./);
      const again = await bot.teams.press(chat(ana), ana, VERBS.askFeedback, { secondmentId: sid, to: "host" });
      assert.match(cardText(again), /You asked Vic Osei for feedback on 10 March 2027/);
      const request = (await stored(sid)).feedback;
      assert.equal(request.length, 1, "asking again while the first is open adds nothing");
      assert.deepEqual({ from: request[0]!.from, to: request[0]!.to }, { from: "secondee", to: "host" });
      const fid = request[0]!.id;

      await arrive(`feedback-ask:${sid}:${fid}`);
      const formCard = cardsTo(vic).find((c) => /Ana Jones asks for your feedback/.test(cardText(c)))!;
      assert.ok(formCard, "the host has the feedback form");
      const send = action(formCard, "Send feedback");
      assert.equal(send.data.feedbackId, fid);

      const notAsked = await pressRaw(sam, send.verb, { ...send.data, feedback: "Not my place" });
      assert.match(String(notAsked.value), /Only Vic Osei was asked for this feedback\. Nothing has changed\./);
      const empty = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, feedback: "  " });
      assert.match(cardText(empty), /Enter your feedback/);
      assert.equal((await stored(sid)).feedback[0]!.answer, undefined);

      const thanks = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, feedback: "Ana has made the model twice as fast." });
      assert.match(cardText(thanks), /Thank you\. We have sent your feedback to Ana Jones\./);
      const twice = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, feedback: "Something else" });
      assert.match(cardText(twice), /already given this feedback/);
      assert.equal((await stored(sid)).feedback[0]!.answer, "Ana has made the model twice as fast.");

      await arrive(`feedback-given:${sid}:${fid}`);
      await settle();
      assert.equal(delivered(`feedback-given:${sid}:${fid}`), 1);
      assert.ok(textsTo(ana).some((t) => /Vic Osei has sent you feedback on your secondment:/.test(t) && /twice as fast/.test(t)));
    });
  });

  // -------------------------------------------------------------------------------------------

  describe("extensions", () => {
    it("refuses a party a date past the organisations' limit, naming the latest date and the limit", async () => {
      const { vic, sid } = await secondment();
      const formCard = await bot.teams.press(chat(vic), vic, VERBS.openExtension, { secondmentId: sid });
      assert.match(cardText(formCard), /It now ends on 30 September 2027/);
      assert.match(cardText(formCard), /The latest end date is 1 February 2028\. The organisations allow secondments of up to 12 months from the start date\./);
      assert.equal(hasInput(formCard, "overrideReason"), false, "no override for a party");
      const send = action(formCard, "Ask for the extension");
      const refused = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, newEndDate: "2028-02-02", reason: "Second phase", overrideReason: "Please" });
      assert.match(cardText(refused), /New end date must be on or before 1 February 2028\. The organisation limits secondments to 12 months\./);
      assert.equal(inputValue(refused, "reason"), "Second phase");
      assert.deepEqual((await stored(sid)).extensions, [], "nothing stored");
    });

    it("says when the latest end date is the secondee's fixed-term contract, in English and Welsh", async () => {
      const ana = person("Ana Jones");
      const sam = person("Sam Lee");
      const vic = person("Vic Osei");
      const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "active", fixedTermEnd: "2028-01-07" });
      const english = cardText(await bot.teams.press(chat(vic), vic, VERBS.openExtension, { secondmentId: sid }));
      assert.match(english, /The latest end date is 7 January 2028, when the secondee's fixed-term contract ends\./);
      assert.doesNotMatch(english, /organisations allow/);
      const welsh = cardText(await bot.teams.press(chat(ana), ana, VERBS.openExtension, { secondmentId: sid }, { locale: "cy-GB" }));
      assert.match(welsh, /Y dyddiad gorffen diweddaraf yw 7 Ionawr 2028, pan fydd contract cyfnod penodol y secondai yn dod i ben\./);
      // Without a contract, in Welsh: the organisations' limit.
      const other = await secondment();
      const cap = cardText(await bot.teams.press(chat(other.ana), other.ana, VERBS.openExtension, { secondmentId: other.sid }, { locale: "cy-GB" }));
      assert.match(cap, /Y dyddiad gorffen diweddaraf yw 1 Chwefror 2028\. Mae'r sefydliadau'n caniatáu secondiadau o hyd at 12 mis o'r dyddiad dechrau\./);
    });

    it("lets the programme team go past the limit with a reason, recorded, and asks all three parties", async () => {
      const { sid } = await secondment();
      const formCard = await bot.teams.press(chat(pat), pat, VERBS.openExtension, { secondmentId: sid });
      assert.ok(hasInput(formCard, "overrideReason"), "the programme team can give a reason to go past the limit");
      const send = action(formCard, "Ask for the extension");
      const noReason = await bot.teams.press(chat(pat), pat, send.verb, { ...send.data, newEndDate: "2028-02-02", reason: "Second phase", overrideReason: "" });
      assert.match(cardText(noReason), /To allow it anyway, enter the reason/);
      assert.deepEqual((await stored(sid)).extensions, []);

      const asked = await bot.teams.press(chat(pat), pat, send.verb, { ...send.data, newEndDate: "2028-02-02", reason: "Second phase", overrideReason: "Ministerial priority until the spring." });
      assert.match(cardText(asked), /We have asked Ana Jones, Sam Lee and Vic Osei to agree to the new end date\./);
      const ext = (await stored(sid)).extensions[0]!;
      assert.equal(ext.status, "pending");
      assert.equal(ext.requestedBy, "programme-team");
      assert.deepEqual(ext.approvals, {}, "the programme team is not a party: all three must agree");
      assert.deepEqual(ext.override, { by: { aadObjectId: pat.aadObjectId, name: "Pat Programme" }, reason: "Ministerial priority until the spring." });
      assert.match(readable(asked), /Past the limit: Allowed by Pat Programme \(programme team\): Ministerial priority/);
      await arrive(...PARTIES.map((p) => `extension:${sid}:${ext.id}:${p}`));
    });

    it("counts months as people do: 7 March to 7 December (or the 6th) is 9 months, and 10 once extended to 7 January", async () => {
      const cast = async (endDate: string) => {
        const ana = person("Ana Jones");
        const sam = person("Sam Lee");
        const vic = person("Vic Osei");
        const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "confirmed", terms: { ...ACTIVE_TERMS, startDate: "2027-03-07", endDate } });
        return { ana, sam, vic, sid };
      };
      const dates = async (p: Person, sid: string) => /Dates: (.*)/.exec(readable(await bot.teams.press(chat(p), p, VERBS.mySecondment, { secondmentId: sid })))?.[1];
      const nine = await cast("2027-12-07");
      assert.equal(await dates(nine.ana, nine.sid), "7 March 2027 to 7 December 2027 (9 months)");
      const dayBefore = await cast("2027-12-06");
      assert.equal(await dates(dayBefore.vic, dayBefore.sid), "7 March 2027 to 6 December 2027 (9 months)");

      const { ana, sam, vic, sid } = nine;
      await bot.teams.press(chat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2028-01-07", reason: "A second phase." });
      const ext = (await stored(sid)).extensions[0]!;
      await arrive(`extension:${sid}:${ext.id}:secondee`, `extension:${sid}:${ext.id}:homeManager`);
      for (const p of [ana, sam]) {
        const agree = action(cardsTo(p).find((c) => /Extend the secondment/.test(cardText(c)))!, "Agree to the extension");
        await bot.teams.press(chat(p), p, agree.verb, agree.data);
      }
      assert.equal((await stored(sid)).terms!.endDate, "2028-01-07");
      assert.equal(await dates(ana, sid), "7 March 2027 to 7 January 2028 (10 months)");
    });

    it("changes the end date when all three agree, tells everyone and schedules the new end and return reminder", async () => {
      const { ana, sam, vic, sid } = await secondment();
      const asked = await bot.teams.press(chat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-12-31", reason: "The model needs a second phase." });
      assert.match(cardText(asked), /We have asked Ana Jones and Sam Lee to agree to the new end date\./);
      const ext = (await stored(sid)).extensions[0]!;
      assert.deepEqual(Object.keys(ext.approvals), ["host"], "asking counts as agreeing");
      await arrive(`extension:${sid}:${ext.id}:secondee`, `extension:${sid}:${ext.id}:homeManager`);
      assert.equal(delivered(`extension:${sid}:${ext.id}:host`), 0, "the host asked, so needs no card");

      const samCard = cardsTo(sam).find((c) => /Extend the secondment to 31 December 2027\?/.test(cardText(c)))!;
      assert.match(readable(samCard), /Current end date: 30 September 2027/);
      assert.match(readable(samCard), /New end date: 31 December 2027/);
      assert.match(readable(samCard), /Reason: The model needs a second phase\./);
      // The two decisions side by side, then where to go next.
      assert.deepEqual(samCard.actions.map((x: Card) => x.title), ["Agree to the extension", "Decline", "My secondment"]);
      assert.deepEqual(samCard.refresh.action.data, { secondmentId: sid, view: "extension", extensionId: ext.id });
      // Teams user ids (29:…), not Entra ids. Only Vic has written to the bot so far, so Teams has
      // told us only his; the others' would be there once they had (see test/bot/matching.test.ts).
      assert.deepEqual(samCard.refresh.userIds, [vic.id]);
      const refreshed = await bot.teams.press(chat(sam), sam, VERBS.refreshSecondment, samCard.refresh.action.data);
      assert.match(cardText(refreshed), /Agreed so far: Vic Osei \(host\)\. Waiting for Ana Jones \(secondee\) and Sam Lee \(home line manager\)/);
      action(refreshed, "Agree to the extension");
      // Someone outside the secondment who sends its id sees nothing of it.
      const stranger = person("Nosy Parker");
      for (const data of [samCard.refresh.action.data, { secondmentId: sid }]) {
        // The invoke is answered with a plain message (the test client reports it as an error).
        await assert.rejects(bot.teams.press(personalChat(stranger), stranger, VERBS.refreshSecondment, data), (err: Error) => {
          assert.match(err.message, /activity\.message: "I could not find that secondment\."$/);
          return true;
        });
      }

      const anaCard = cardsTo(ana).find((c) => /Extend the secondment/.test(cardText(c)))!;
      const anaAgree = action(anaCard, "Agree to the extension");
      assert.match(cardText(await bot.teams.press(chat(ana), ana, anaAgree.verb, anaAgree.data)), /Thank you\. We are waiting for the others to agree\./);
      assert.equal((await stored(sid)).terms!.endDate, "2027-09-30", "not until all three agree");
      const samAgree = action(samCard, "Agree to the extension");
      const done = await bot.teams.press(chat(sam), sam, samAgree.verb, samAgree.data);
      assert.match(cardText(done), /Everyone has agreed\. The secondment now ends on 31 December 2027\./);
      assert.equal(done.actions.filter((a: Card) => a.title === "Agree to the extension").length, 0, "no Agree button once decided");

      const s = await stored(sid);
      assert.equal(s.terms!.endDate, "2027-12-31");
      assert.equal(s.extensions[0]!.status, "approved");
      const end = await job(`secondment-end:${sid}:2027-12-31`);
      assert.ok(end, "an end job for the new end date");
      assert.equal(end.status, "pending");
      assert.equal(end.dueAt, atUkTime("2027-12-31", "09:00").toISOString());
      assert.deepEqual(end.payload, { secondmentId: sid, endDate: "2027-12-31" });
      const reminder = await job(`secondment-return-reminder:${sid}:2027-12-31`);
      assert.ok(reminder, "a return reminder for the new end date");
      assert.equal(reminder.dueAt, atUkTime("2027-11-30", "09:00").toISOString(), "a month before, on a working day");
      const n = 2;
      const next = checkInDate({ startDate: ACTIVE_TERMS.startDate, everyWeeks: 4, n });
      assert.equal((await job(`secondment-check-in:${sid}:${n}:${next}`)).dueAt, checkInDueAt(next).toISOString(), "the next check-in is scheduled");

      await arrive(...PARTIES.map((p) => `extension-agreed:${sid}:${ext.id}:${p}`));
      assert.ok(textsTo(ana).some((t) => /Everyone has agreed to extend your secondment with Homes England\. It now ends on 31 December 2027\./.test(t)));
      assert.ok(textsTo(vic).some((t) => /extend Ana Jones's secondment .* now ends on 31 December 2027/.test(t)));

      const after = await bot.teams.press(chat(ana), ana, VERBS.refreshSecondment, { secondmentId: sid, view: "extension", extensionId: ext.id });
      assert.match(cardText(after), /Everyone agreed on 10 March 2027\. The secondment now ends on 31 December 2027\./);
      assert.match(readable(after), /Previous end date: 30 September 2027/);
      const late = await bot.teams.press(chat(ana), ana, anaAgree.verb, anaAgree.data);
      assert.match(cardText(late), /already been agreed/);
    });

    it("is declined by one no: the others are told the reason and the end date stays", async () => {
      const { ana, sam, vic, sid } = await secondment();
      await bot.teams.press(chat(ana), ana, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-11-30", reason: "To finish the project." });
      const ext = (await stored(sid)).extensions[0]!;
      await arrive(`extension:${sid}:${ext.id}:homeManager`);
      const samCard = cardsTo(sam).find((c) => /Extend the secondment/.test(cardText(c)))!;
      const decline = action(samCard, "Decline");
      assert.equal(decline.verb, VERBS.declineExtension);
      const blank = await bot.teams.press(chat(sam), sam, decline.verb, { ...decline.data, reason: "  " });
      assert.match(cardText(blank), /Enter why you do not agree to the extension\. Nothing has changed\./);
      assert.equal((await stored(sid)).extensions[0]!.status, "pending");

      const answer = await bot.teams.press(chat(sam), sam, decline.verb, { ...decline.data, reason: "We need Ana back for the spending review." });
      assert.match(cardText(answer), /You declined the extension\. We have told the others\./);
      assert.match(cardText(answer), /Declined by Sam Lee on 10 March 2027\. Reason: We need Ana back for the spending review\. The end date stays 30 September 2027\./);
      const s = await stored(sid);
      assert.equal(s.extensions[0]!.status, "declined");
      assert.deepEqual({ ...s.extensions[0]!.declined, at: undefined }, { by: "homeManager", reason: "We need Ana back for the spending review.", at: undefined });
      assert.equal(s.terms!.endDate, "2027-09-30");

      await arrive(`extension-declined:${sid}:${ext.id}:secondee`, `extension-declined:${sid}:${ext.id}:host`);
      await settle();
      assert.equal(delivered(`extension-declined:${sid}:${ext.id}:homeManager`), 0, "the person who declined is not told about it");
      assert.ok(textsTo(ana).some((t) => /Sam Lee declined the request to extend your secondment to 30 November 2027\. Their reason: We need Ana back for the spending review\. It still ends on 30 September 2027\./.test(t)));
      assert.ok(textsTo(vic).some((t) => /declined the request to extend Ana Jones's secondment/.test(t)));
      const vicAgrees = await bot.teams.press(chat(vic), vic, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id });
      assert.match(cardText(vicAgrees), /already been declined/);
    });

    it("changes nothing when a stranger or the programme team presses Agree", async () => {
      const { vic, sid } = await secondment();
      await bot.teams.press(chat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-12-31", reason: "Second phase" });
      const before = await stored(sid);
      const ext = before.extensions[0]!;
      for (const who of [person("Nosy Parker"), pat]) {
        const answer = await bot.teams.press(chat(who), who, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id });
        assert.match(cardText(answer), /Only Ana Jones, Sam Lee and Vic Osei can answer\. Nothing has changed\./);
        assert.equal(answer.actions.filter((a: Card) => a.title === "Agree to the extension").length, 0, "no buttons for them");
        const no = await bot.teams.press(chat(who), who, VERBS.declineExtension, { secondmentId: sid, extensionId: ext.id, reason: "No" });
        assert.match(cardText(no), /Nothing has changed/);
      }
      const after = await stored(sid);
      assert.deepEqual(after.extensions, before.extensions);
      assert.equal(after.history.length, before.history.length);
    });

    it("makes one approval from 10 clicks at once by the same person", async () => {
      const { ana, sam, sid } = await secondment();
      await bot.teams.press(chat(ana), ana, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-12-31", reason: "Second phase" });
      const ext = (await stored(sid)).extensions[0]!;
      const answers = await Promise.all(Array.from({ length: 10 }, () => bot.teams.press(chat(sam), sam, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id })));
      const texts = answers.map(cardText);
      assert.equal(texts.filter((t) => /Thank you\. We are waiting for the others to agree\./.test(t)).length, 1, "one click counted");
      assert.equal(texts.filter((t) => /You have already agreed to this extension\./.test(t)).length, 9, "nine told it was already done");
      const s = await stored(sid);
      assert.deepEqual(Object.keys(s.extensions[0]!.approvals).sort(), ["homeManager", "secondee"]);
      assert.equal(s.extensions[0]!.status, "pending");
      assert.equal(s.history.filter((h) => h.what === "Agreed to the extension" && h.by === "homeManager").length, 1);
    });
  });

  // -------------------------------------------------------------------------------------------

  describe("ending early", () => {
    it("holds to the agreed notice, tells the others and the programme team, and moves the end", async () => {
      const { ana, sam, vic, sid } = await secondment();
      const formCard = await bot.teams.press(chat(vic), vic, VERBS.openEarlyEnd, { secondmentId: sid });
      assert.match(cardText(formCard), /The agreed notice is 4 weeks, so the earliest last day is 7 April 2027\./);
      const send = action(formCard, "End early");

      const early = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, lastDay: "2027-04-06", reason: "The funding has stopped." });
      assert.match(cardText(early), /Last day must be on or after 7 April 2027, to give the agreed notice of 4 weeks/);
      assert.equal(inputValue(early, "reason"), "The funding has stopped.");
      assert.equal((await stored(sid)).earlyEnd, undefined, "one day short of the notice is refused");

      const ok = await bot.teams.press(chat(vic), vic, send.verb, { ...send.data, lastDay: "2027-04-07", reason: "The funding has stopped." });
      assert.match(cardText(ok), /The secondment now ends on 7 April 2027\. We have told Ana Jones, Sam Lee and the programme team\./);
      const s = await stored(sid);
      assert.equal(s.status, "active");
      assert.equal(s.terms!.endDate, "2027-04-07");
      assert.deepEqual({ ...s.earlyEnd, at: undefined }, { by: "host", reason: "The funding has stopped.", lastDay: "2027-04-07", previousEndDate: "2027-09-30", at: undefined });

      await arrive(`early-end:${sid}:secondee`, `early-end:${sid}:homeManager`, `early-end:${sid}:pt:${pat.aadObjectId}`);
      await settle();
      assert.equal(delivered(`early-end:${sid}:host`), 0, "the host ended it, so is not told");
      assert.ok(textsTo(ana).some((t) => /Vic Osei has ended your secondment with Homes England early\. The last day is 7 April 2027, instead of 30 September 2027\. Reason: The funding has stopped\./.test(t)));
      assert.ok(textsTo(sam).some((t) => /ended Ana Jones's secondment/.test(t)));
      assert.ok(textsTo(pat).some((t) => /ended Ana Jones's secondment/.test(t)));

      const end = await job(`secondment-end:${sid}:2027-04-07`);
      assert.ok(end, "the end job for the new last day");
      assert.equal(end.dueAt, atUkTime("2027-04-07", "09:00").toISOString());
      const again = await bot.teams.press(chat(ana), ana, VERBS.openEarlyEnd, { secondmentId: sid });
      assert.match(cardText(again), /already ending early/);
      const extend = await bot.teams.press(chat(ana), ana, VERBS.openExtension, { secondmentId: sid });
      assert.match(cardText(extend), /ending early, so it cannot be extended/);
    });

    it("a check-in job for a date after the new last day does nothing when it runs (and does run for a secondment not ended early)", async () => {
      const ended = await secondment();
      const control = await secondment();
      await bot.teams.press(chat(ended.ana), ended.ana, VERBS.submitEarlyEnd, { secondmentId: ended.sid, lastDay: "2027-04-07", reason: "Family reasons." });
      assert.equal((await stored(ended.sid)).terms!.endDate, "2027-04-07");
      const n = 3;
      const date = checkInDate({ startDate: ACTIVE_TERMS.startDate, everyWeeks: 4, n });
      assert.ok(date > "2027-04-07", `check-in ${n} (${date}) falls after the new last day`);
      const due = new Date(START.getTime() - 60_000);
      for (const sid of [ended.sid, control.sid]) {
        await bot.app.store.container("jobs").items.create({ id: `secondment-check-in:${sid}:${n}:${date}:test`, pk: `secondment-check-in:${sid}:${n}:${date}:test`, type: "secondment-check-in", payload: { secondmentId: sid, n, date }, dueAt: due.toISOString(), status: "pending", attempts: 0, createdAt: due.toISOString() });
      }
      const deadline = Date.now() + 15_000;
      for (;;) {
        await bot.app.scheduler.runDue();
        const states = await Promise.all([ended.sid, control.sid].map(async (sid) => (await job(`secondment-check-in:${sid}:${n}:${date}:test`)).status));
        if (states.every((x) => x === "done")) break;
        assert.ok(Date.now() < deadline, `jobs still ${states.join(", ")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await arrive(`check-in:${control.sid}:${n}:secondee`);
      await settle();
      assert.equal((await stored(control.sid)).checkIns.some((c) => c.n === n), true, "the control secondment's check-in went out");
      assert.equal((await stored(ended.sid)).checkIns.some((c) => c.n === n), false, "no check-in recorded after the new last day");
      assert.equal(delivered(`check-in:${ended.sid}:${n}:secondee`), 0);
      assert.equal(delivered(`check-in:${ended.sid}:${n}:homeManager`), 0);
    });

    it("calls off a secondment that has not started, tells the others, and puts both sides back in the pool", async () => {
      const { ana, sam, vic, sid } = await secondment({ started: false });
      const { matchId, opening, secondee } = await stored(sid);
      const matches = bot.app.store.container("matches");
      await matches.items.create({
        id: matchId,
        pk: matchId,
        type: "match",
        opening: { id: opening.id, ownerKey: personKey({ tenantId: TENANT, aadObjectId: vic.aadObjectId }), title: opening.title, organisation: opening.organisation, channelConversationId: opening.channelConversationId },
        candidate: { tenantId: TENANT, aadObjectId: ana.aadObjectId, key: secondee.key, name: ana.name },
        status: "agreeing",
        confirmedBy: { aadObjectId: pat.aadObjectId },
        confirmedAt: "2027-01-10T10:00:00.000Z",
        outcomes: { host: { proceed: true, at: "2027-01-12T10:00:00.000Z" }, secondee: { proceed: true, at: "2027-01-12T11:00:00.000Z" } },
        explanation: "",
      });
      // As the match going ahead left her plan: a host found (step 3), agreeing the details (step 5).
      await bot.teams.press(chat(ana), ana, VERBS.setStepStatus, { step: 3, status: "done" });
      await bot.teams.press(chat(ana), ana, VERBS.setStepStatus, { step: 5, status: "doing" });
      const formCard = await bot.teams.press(chat(ana), ana, VERBS.openEarlyEnd, { secondmentId: sid });
      assert.match(cardText(formCard), /Call off the secondment/);
      const send = action(formCard, "Call it off");
      const today = todayInLondon(START);
      const done = await bot.teams.press(chat(ana), ana, send.verb, { ...send.data, lastDay: today, reason: "I have been promoted at home." });
      assert.match(cardText(done), /The secondment is called off\. We have told Sam Lee, Vic Osei and the programme team\./);
      assert.equal((await stored(sid)).status, "cancelled");
      await arrive(`early-end:${sid}:homeManager`, `early-end:${sid}:host`, `early-end:${sid}:pt:${pat.aadObjectId}`);
      assert.ok(textsTo(vic).some((t) => /^Ana Jones has called off their secondment with Homes England\. It will not start\./.test(t)));
      assert.ok(textsTo(sam).some((t) => /It will not start\. Reason: I have been promoted at home\./.test(t)));
      const m = (await matches.item(matchId, matchId).read()).resource;
      assert.equal(m.status, "closed", "the match closes, so neither side counts as placed any more");
      assert.equal(m.closedReason, "I have been promoted at home.");
      assert.equal(m.closedNote, "called-off");
      assert.equal(m.closedBy, "secondee");
      const plan = (await bot.app.store.container("people").item("plan", secondee.key).read()).resource;
      assert.equal(plan.steps["5"].status, "todo", "plan step 5 is open again");
      assert.equal(plan.steps["3"].status, "todo", "and step 3: a host is to be found again");
    });
  });
  describe("the line manager at the host", () => {
    it("is told in their 1:1 chat when the agreement is confirmed and when an extension is agreed, if chosen from Teams; nothing private", async () => {
      const ana = person("Ana Jones");
      const sam = person("Sam Lee");
      const vic = person("Vic Osei");
      const grace = person("Grace Lee");
      const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "agreeing" });
      const form = await bot.teams.press(chat(vic), vic, VERBS.openAgreement, { secondmentId: sid });
      assert.match(JSON.stringify(form), /"label":"Find them in Teams \(optional\)"/, "a people picker for the host line manager");
      assert.match(cardText(form), /we will tell them when the secondment is confirmed and if it is extended/);
      const input = { ...AGREEMENT_INPUT, hostManagerName: "Grace Lee", hostManagerEmail: "grace.lee@host.example.gov.uk" };
      const bad = await bot.teams.press(chat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...input, hostManagerId: "not an id" });
      assert.match(cardText(bad), /Choose the host line manager from the list, or leave it empty/);
      assert.equal((await stored(sid)).termsVersion, 0, "nothing stored");
      await bot.teams.press(chat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...input, hostManagerId: grace.aadObjectId.toUpperCase() });
      assert.equal((await stored(sid)).terms!.hostManagerId, grace.aadObjectId.toLowerCase());
      for (const p of [ana, sam, vic]) await bot.teams.press(chat(p), p, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      assert.equal((await stored(sid)).status, "confirmed");
      await arrive(`agreement-confirmed:${sid}:v1:hostLineManager`);
      const told = textsTo(grace);
      assert.deepEqual(told, [
        "Ana Jones is joining Homes England on secondment from 6 September 2027 to 28 February 2028. You are named as their line manager at Homes England. Vic Osei is the contact at the host for the secondment.",
      ]);

      const asked = await bot.teams.press(chat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2028-03-31", reason: "A second phase." });
      assert.match(cardText(asked), /We have asked/);
      const ext = (await stored(sid)).extensions[0]!;
      await arrive(`extension:${sid}:${ext.id}:secondee`, `extension:${sid}:${ext.id}:homeManager`);
      for (const p of [ana, sam]) {
        const agree = action(cardsTo(p).find((c) => /Extend the secondment/.test(cardText(c)))!, "Agree to the extension");
        await bot.teams.press(chat(p), p, agree.verb, agree.data);
      }
      await arrive(`extension-agreed:${sid}:${ext.id}:hostLineManager`);
      await settle();
      assert.deepEqual(textsTo(grace).slice(1), ["Ana Jones's secondment at Homes England has been extended. It now ends on 31 March 2028. You are named as their line manager there."]);
      assert.equal(cardsTo(grace).length, 0, "no cards: nothing to act on");
      const all = JSON.stringify(bot.connector.sent.filter((x) => chatsOf(grace).includes(x.conversationId)));
      assert.doesNotMatch(all, /hr@|housing demand|A second phase|salary|adjust/i, "nothing else from the agreement");

      // Her own export shows the agreement naming her (and only what it holds about her); the
      // secondee's shows the agreement without her details.
      const hers = await exportFor(bot.app.store, { tenantId: TENANT, aadObjectId: grace.aadObjectId }, new Date());
      assert.equal(hers.secondments.length, 1);
      const named = hers.secondments[0] as { yourPart: string; terms: Record<string, unknown> };
      assert.equal(named.yourPart, "host line manager");
      assert.deepEqual(Object.keys(named.terms).sort(), ["endDate", "hostManagerEmail", "hostManagerId", "hostManagerName", "startDate"]);
      assert.equal(named.terms.hostManagerId, grace.aadObjectId.toLowerCase());
      const anas = await exportFor(bot.app.store, { tenantId: TENANT, aadObjectId: ana.aadObjectId }, new Date());
      assert.doesNotMatch(JSON.stringify(anas.secondments), /hostManager/);
    });

    it("is not messaged when named only by name and email", async () => {
      const ana = person("Ana Jones");
      const sam = person("Sam Lee");
      const vic = person("Vic Osei");
      const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status: "agreeing" });
      await bot.teams.press(chat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT, hostManagerId: "" });
      for (const p of [ana, sam, vic]) await bot.teams.press(chat(p), p, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      await arrive(`agreement-confirmed:${sid}:v1:secondee`);
      await settle();
      assert.equal(delivered(`agreement-confirmed:${sid}:v1:hostLineManager`), 0);
    });
  });

  describe("changing the agreement before the start", () => {
    it("needs everyone to confirm again, and the start job is for the version they confirmed", async () => {
      const ana = person("Ana Jones");
      const sam = person("Sam Lee");
      const vic = person("Vic Osei");
      const key = (p: Person) => personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId });
      const fresh = newSecondment({
        matchId: `match:role-${randomUUID()}:${key(ana)}`,
        tenantId: TENANT,
        serviceUrl: bot.connector.url,
        opening: { id: `role-${randomUUID()}`, title: "Housing analyst", organisation: "Homes England", channelConversationId: "19:housing@thread.tacv2" },
        secondee: { tenantId: TENANT, aadObjectId: ana.aadObjectId, name: ana.name, key: key(ana) },
        homeManager: { aadObjectId: sam.aadObjectId, name: sam.name },
        host: { aadObjectId: vic.aadObjectId, name: vic.name, key: key(vic) },
        homeOrganisation: "Department for Education",
        capMonths: 12,
        now: START,
      });
      await secondments.createOrGet(fresh);
      const sid = fresh.id;
      const form = { ...Object.fromEntries(Object.entries(ACTIVE_TERMS).map(([k, v]) => [k, String(v)])), startDate: "2027-05-04", daysPerWeek: "", hostManagerEmail: "" };
      await bot.teams.press(chat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...form });
      for (const p of [ana, sam, vic]) await bot.teams.press(chat(p), p, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      assert.equal((await stored(sid)).status, "confirmed");
      // Everyone confirmed version 1; the host changes the role specification, same dates.
      const changed = await bot.teams.press(chat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 1, ...form, roleSpecification: "Build the housing supply model, and train the team to run it." });
      assert.match(cardText(changed), /each need to confirm/);
      let s = await stored(sid);
      assert.equal(s.status, "agreeing");
      assert.equal(s.termsVersion, 2);
      assert.deepEqual(s.confirmations, {}, "earlier confirmations no longer count");
      const stale = await bot.teams.press(chat(ana), ana, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      assert.match(cardText(stale), /The agreement has changed since this card was sent/);
      for (const p of [ana, sam, vic]) await bot.teams.press(chat(p), p, VERBS.confirmAgreement, { secondmentId: sid, version: 2 });
      s = await stored(sid);
      assert.equal(s.status, "confirmed");
      const { resources } = await bot.app.store.container("jobs").items.query({ query: "SELECT * FROM c WHERE c.type = 'secondment-start' AND c.payload.secondmentId = @sid", parameters: [{ name: "@sid", value: sid }] }).fetchAll();
      assert.deepEqual(
        resources.map((j: { payload: { version: number; startDate: string } }) => [j.payload.version, j.payload.startDate]).sort(),
        [
          [1, "2027-05-04"],
          [2, "2027-05-04"],
        ],
        "a start job for each confirmed version: the one for version 1 will find the terms changed and do nothing",
      );
    });
  });
});
