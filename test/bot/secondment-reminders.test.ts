import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import sinon from "sinon";
import { VERBS } from "../../cards";
import { PARTIES, type Secondment } from "../../src/domain/secondment";
import { bankHolidays } from "../../src/domain/working-days";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardText, type Card } from "../support/cards";
import { person, personalChat, type Person, type TestBot } from "../support/teams";
import { drainWithFrozenClock, whileTimeFlows } from "../support/drain";
import { AGREEMENT_INPUT, seedSecondment, startSecondmentBot } from "../support/secondments";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * Reminders while an agreement waits for confirmation, and while an extension waits for answers
 * (jobs secondment-confirm-follow-up and secondment-extension-follow-up): as for a line manager's
 * release, up to two reminders three working days apart (09:00 UK time), then the programme team
 * is told. Date is faked by sinon (timers and I/O stay real) and moved on to each job's due time;
 * the tests run one after another on one calendar, so time only moves forward:
 *
 *   agreement, Easter 2027   sent Mon 22 Mar; reminders Thu 25 Mar and Thu 1 Apr (Good Friday and
 *                            Easter Monday skipped; 09:00 BST = 08:00 UTC); programme team Tue 6 Apr
 *   everyone confirms        sent Mon 10 May; reminder Thu 13 May; all confirm; nothing more
 *   a new version            v1 sent Mon 7 Jun, v2 Tue 8 Jun; v1's job (Thu 10 Jun) does nothing
 *   extension                asked Mon 5 Jul; reminders Thu 8 and Tue 13 Jul; programme team Fri 16 Jul
 *   extension declined       asked Mon 19 Jul; reminder Thu 22 Jul; declined; nothing more
 */
describe("reminders to confirm an agreement or answer an extension, then the programme team", function () {
  this.timeout(180_000);
  let clock: sinon.SinonFakeTimers;
  let bot: TestBot;
  let secondments: SecondmentStore;
  const pat = person("Pat Programme");

  before(async () => {
    ({ clock, bot, secondments } = await startSecondmentBot("2027-03-22T10:00:00Z", pat));
  });
  after(async () => {
    await bot.stop();
    clock.restore();
  });

  interface Cast {
    ana: Person;
    sam: Person;
    vic: Person;
    sid: string;
  }

  /** A secondment for three new people, straight into the store: still agreeing (no terms yet), or confirmed and started. */
  async function secondment(status: "agreeing" | "active"): Promise<Cast> {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const vic = person("Vic Osei");
    const sid = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana, sam, vic, status });
    return { ana, sam, vic, sid };
  }

  const stored = async (sid: string): Promise<Secondment> => (await secondments.get(sid))!;
  const delivered = (id: string) => bot.connector.deliveries.get(id) ?? 0;
  const arrive = (...ids: string[]) => bot.connector.waitFor(() => ids.every((id) => delivered(id) >= 1), 10_000);
  const chatsOf = (p: Person) => [personalChat(p).id, ...bot.connector.created.filter((c) => c.memberId === p.aadObjectId).map((c) => c.conversationId)];
  const textsTo = (p: Person): string[] => bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId)).map((s) => String(s.body.text ?? ""));
  const cardsTo = (p: Person): Card[] =>
    bot.connector.sent.filter((s) => chatsOf(p).includes(s.conversationId) && s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);

  /** Set the time, let the scheduler run what is due (twice: a job may schedule one already due), and wait for the messages. */
  async function at(iso: string, expected: string[] = []): Promise<void> {
    clock.setSystemTime(new Date(iso));
    for (let round = 0; round < 2; round++) await bot.app.scheduler.runDue();
    await whileTimeFlows(clock, () => bot.connector.waitFor(() => expected.every((id) => delivered(id) >= 1), 15_000));
    await drainWithFrozenClock([bot.app], clock);
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate or a stray message to arrive
  }

  /** The follow-up messages (reminders and escalations) about this secondment, each with how often it arrived. */
  const followUps = (sid: string) =>
    [...bot.connector.deliveries.entries()].filter(([id]) => new RegExp(`^(agreement|extension)-(reminder|escalation):${sid}:`).test(id)).sort(([a], [b]) => a.localeCompare(b));
  const once = (ids: string[]) => ids.map((id) => [id, 1] as [string, number]).sort(([a], [b]) => a.localeCompare(b));

  /** The follow-up jobs of this secondment, as id, status and due time. */
  async function jobsOf(type: string, sid: string): Promise<{ id: string; status: string; dueAt: string }[]> {
    const { resources } = await bot.app.store
      .container("jobs")
      .items.query({ query: "SELECT c.id, c.status, c.dueAt FROM c WHERE c.type = @type AND c.payload.secondmentId = @sid", parameters: [{ name: "@type", value: type }, { name: "@sid", value: sid }] })
      .fetchAll();
    return (resources as { id: string; status: string; dueAt: string }[]).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Run a job of this type and payload once more, as a copy due now, as if it had run twice. */
  async function runAgain(type: string, payload: Record<string, unknown>): Promise<void> {
    const id = `${type}:again:${randomUUID()}`;
    const now = new Date().toISOString();
    await bot.app.store.container("jobs").items.create({ id, pk: id, type, payload, dueAt: now, status: "pending", attempts: 0, createdAt: now });
    for (let tries = 0; ; tries++) {
      await bot.app.scheduler.runDue();
      if ((await bot.app.store.container("jobs").item(id, id).read()).resource.status === "done") break;
      assert.ok(tries < 300, "the copy of the job ran");
      await new Promise((r) => setTimeout(r, 50));
    }
    await bot.app.store.container("jobs").item(id, id).delete();
    await drainWithFrozenClock([bot.app], clock);
    await new Promise((r) => setTimeout(r, 200));
  }

  async function confirm(p: Person, sid: string, version: number): Promise<Card> {
    return bot.teams.press(personalChat(p), p, VERBS.confirmAgreement, { secondmentId: sid, version });
  }

  // -------------------------------------------------------------------------------------------

  describe("an agreement waiting for confirmation", () => {
    it("reminds only those still to confirm, twice, three working days apart (skipping Easter), then tells the programme team once", async () => {
      assert.ok(bankHolidays(2027).has("2027-03-26"), "Good Friday 2027 is a bank holiday");
      assert.ok(bankHolidays(2027).has("2027-03-29"), "Easter Monday 2027 is a bank holiday");
      const { ana, sam, vic, sid } = await secondment("agreeing");
      const p = `agreement-reminder:${sid}:v1`;

      // Monday 22 March 2027: the host sends the agreement; the secondee confirms the next day.
      clock.setSystemTime(new Date("2027-03-22T10:00:00Z"));
      const sent = await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT });
      assert.match(cardText(sent), /each need to confirm/);
      await arrive(`agreement:${sid}:v1:secondee`, `agreement:${sid}:v1:homeManager`);
      clock.setSystemTime(new Date("2027-03-23T10:00:00Z"));
      assert.match(cardText(await confirm(ana, sid, 1)), /waiting for the others to confirm/);

      // Nothing before Thursday 25 March, 09:00 (GMT).
      await at("2027-03-24T23:59:00Z");
      await at("2027-03-25T08:59:00Z");
      assert.deepEqual(followUps(sid), [], "no reminder before 3 working days");
      await at("2027-03-25T09:00:30Z", [`${p}:1:homeManager`, `${p}:1:host`]);
      assert.equal(delivered(`${p}:1:secondee`), 0, "the secondee has confirmed, so is not reminded");
      const vicReminder = cardsTo(vic).find((c) => /Reminder: please check and confirm the agreement for Ana Jones's secondment/.test(cardText(c)));
      assert.ok(vicReminder, "the host gets the agreement card with a reminder");
      assert.deepEqual(action(vicReminder, "Confirm the agreement").data, { secondmentId: sid, version: 1 }, "and can confirm it from there");
      // The same job running again (say after a crash before it was marked done) sends nothing twice.
      await runAgain("secondment-confirm-follow-up", { secondmentId: sid, version: 1, step: 1 });
      assert.equal(delivered(`${p}:1:host`), 1);
      assert.equal(delivered(`${p}:1:homeManager`), 1);

      // The home line manager confirms. Thursday + 3 working days, without Good Friday and Easter
      // Monday, is Thursday 1 April, at 09:00 BST (08:00 UTC): not Tuesday 30 March.
      clock.setSystemTime(new Date("2027-03-25T12:00:00Z"));
      await confirm(sam, sid, 1);
      await at("2027-03-30T08:00:30Z");
      await at("2027-04-01T07:59:00Z");
      assert.equal(delivered(`${p}:2:host`), 0, "the bank holidays are not working days");
      await at("2027-04-01T08:00:30Z", [`${p}:2:host`]);
      assert.equal(delivered(`${p}:2:homeManager`), 0, "the home line manager confirmed in between, so is not reminded again");

      // Thursday 1 April + 3 working days = Tuesday 6 April: the programme team is told.
      await at("2027-04-05T08:00:30Z");
      assert.equal(delivered(`agreement-escalation:${sid}:v1:pt:${pat.aadObjectId}`), 0, "not on the third day");
      await at("2027-04-06T08:00:30Z", [`agreement-escalation:${sid}:v1:pt:${pat.aadObjectId}`]);
      assert.ok(
        textsTo(pat).some((t) => /The agreement for Ana Jones's secondment with Homes England has not been confirmed by Vic Osei \(host\), after two reminders\./.test(t)),
        "the programme team hears who has not confirmed",
      );
      await runAgain("secondment-confirm-follow-up", { secondmentId: sid, version: 1, step: 3 });
      assert.equal(delivered(`agreement-escalation:${sid}:v1:pt:${pat.aadObjectId}`), 1, "told once, however often the job runs");
      // Nothing more, however long we wait.
      await at("2027-04-30T08:00:30Z");

      assert.deepEqual(
        followUps(sid),
        once([`${p}:1:homeManager`, `${p}:1:host`, `${p}:2:host`, `agreement-escalation:${sid}:v1:pt:${pat.aadObjectId}`]),
        "each reminder and the escalation exactly once, to exactly those still to confirm",
      );
      assert.equal(cardsTo(ana).filter((c) => /Reminder:/.test(cardText(c))).length, 0, "nothing to the secondee");
      assert.equal(textsTo(vic).filter((t) => /after two reminders/.test(t)).length, 0, "the escalation goes to the programme team only");

      const s = await stored(sid);
      assert.equal(s.status, "agreeing");
      assert.deepEqual(Object.keys(s.confirmations).sort(), ["homeManager", "secondee"]);
      assert.deepEqual(await jobsOf("secondment-confirm-follow-up", sid), [
        { id: `secondment-confirm-follow-up:${sid}:v1:1`, status: "done", dueAt: "2027-03-25T09:00:00.000Z" },
        { id: `secondment-confirm-follow-up:${sid}:v1:2`, status: "done", dueAt: "2027-04-01T08:00:00.000Z" },
        { id: `secondment-confirm-follow-up:${sid}:v1:3`, status: "done", dueAt: "2027-04-06T08:00:00.000Z" },
      ]);
      assert.deepEqual(bot.connector.duplicates(), []);
    });

    it("stops reminding once everyone has confirmed", async () => {
      const { ana, sam, vic, sid } = await secondment("agreeing");
      const p = `agreement-reminder:${sid}:v1`;
      clock.setSystemTime(new Date("2027-05-10T09:00:00Z"));
      await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT });
      // Monday 10 May + 3 working days = Thursday 13 May: nobody has confirmed, so all three are reminded.
      await at("2027-05-13T08:00:30Z", [`${p}:1:secondee`, `${p}:1:homeManager`, `${p}:1:host`]);

      clock.setSystemTime(new Date("2027-05-14T10:00:00Z"));
      for (const who of [ana, sam, vic]) await confirm(who, sid, 1);
      assert.equal((await stored(sid)).status, "confirmed");
      await arrive(`agreement-confirmed:${sid}:v1:secondee`);

      await at("2027-05-18T08:00:30Z"); // the second reminder would have been today
      await at("2027-05-21T08:00:30Z"); // and the programme team told today
      await at("2027-06-04T08:00:30Z");
      assert.deepEqual(followUps(sid), once([`${p}:1:secondee`, `${p}:1:homeManager`, `${p}:1:host`]), "the first reminders only");
      assert.deepEqual(
        (await jobsOf("secondment-confirm-follow-up", sid)).map((j) => [j.id, j.status]),
        [
          [`secondment-confirm-follow-up:${sid}:v1:1`, "done"],
          [`secondment-confirm-follow-up:${sid}:v1:2`, "done"],
        ],
        "the second job ran, found everyone had confirmed, and scheduled nothing more",
      );
    });

    it("leaves a changed agreement's old version alone: its jobs do nothing, and the new version is followed up", async () => {
      const { ana, sam, vic, sid } = await secondment("agreeing");
      clock.setSystemTime(new Date("2027-06-07T09:00:00Z"));
      await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...AGREEMENT_INPUT });
      // Tuesday 8 June: the secondee changes the role specification, so everyone confirms again.
      clock.setSystemTime(new Date("2027-06-08T09:00:00Z"));
      const changed = await bot.teams.press(personalChat(ana), ana, VERBS.submitAgreement, { secondmentId: sid, version: 1, ...AGREEMENT_INPUT, roleSpecification: "Build a model of housing demand and supply." });
      assert.match(cardText(changed), /each need to confirm/);
      assert.equal((await stored(sid)).termsVersion, 2);

      await at("2027-06-10T08:00:30Z"); // version 1's first job is due
      assert.deepEqual(followUps(sid), [], "nothing about version 1");
      await at("2027-06-11T08:00:30Z", PARTIES.map((party) => `agreement-reminder:${sid}:v2:1:${party}`));
      clock.setSystemTime(new Date("2027-06-11T10:00:00Z"));
      for (const who of [ana, sam, vic]) await confirm(who, sid, 2);
      await at("2027-06-16T08:00:30Z"); // version 2's second job is due: everyone has confirmed
      await at("2027-07-02T08:00:30Z");

      assert.deepEqual(followUps(sid), once(PARTIES.map((party) => `agreement-reminder:${sid}:v2:1:${party}`)), "version 2's first reminders only");
      assert.deepEqual(
        (await jobsOf("secondment-confirm-follow-up", sid)).map((j) => [j.id, j.status]),
        [
          [`secondment-confirm-follow-up:${sid}:v1:1`, "done"],
          [`secondment-confirm-follow-up:${sid}:v2:1`, "done"],
          [`secondment-confirm-follow-up:${sid}:v2:2`, "done"],
        ],
        "version 1's job found the agreement changed and scheduled nothing more",
      );
    });
  });

  // -------------------------------------------------------------------------------------------

  describe("an extension waiting for answers", () => {
    it("reminds those who have not answered, twice, then tells the programme team once", async () => {
      const { ana, sam, vic, sid } = await secondment("active");
      clock.setSystemTime(new Date("2027-07-05T09:00:00Z"));
      await bot.teams.press(personalChat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-12-31", reason: "The model needs a second phase." });
      const ext = (await stored(sid)).extensions[0]!;
      assert.equal(ext.status, "pending");
      const p = `extension-reminder:${sid}:${ext.id}`;
      await arrive(`extension:${sid}:${ext.id}:secondee`, `extension:${sid}:${ext.id}:homeManager`);

      await at("2027-07-07T23:59:00Z");
      assert.deepEqual(followUps(sid), [], "no reminder before 3 working days");
      // Monday 5 July + 3 working days = Thursday 8 July, 09:00 BST. The host asked, so has answered.
      await at("2027-07-08T08:00:30Z", [`${p}:1:secondee`, `${p}:1:homeManager`]);
      assert.equal(delivered(`${p}:1:host`), 0, "the host asked for it, so is not reminded");
      const samReminder = cardsTo(sam).find((c) => /Reminder: please say whether you agree to extend Ana Jones's secondment/.test(cardText(c)));
      assert.ok(samReminder, "the home line manager gets the extension card with a reminder");
      assert.deepEqual(action(samReminder, "Agree to the extension").data, { secondmentId: sid, extensionId: ext.id });
      assert.ok(cardsTo(ana).some((c) => /Reminder: please say whether you agree to extend your secondment/.test(cardText(c))));
      await runAgain("secondment-extension-follow-up", { secondmentId: sid, extensionId: ext.id, step: 1 });
      assert.equal(delivered(`${p}:1:secondee`), 1);
      assert.equal(delivered(`${p}:1:homeManager`), 1);

      clock.setSystemTime(new Date("2027-07-09T10:00:00Z"));
      await bot.teams.press(personalChat(ana), ana, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id });
      await at("2027-07-13T08:00:30Z", [`${p}:2:homeManager`]);
      assert.equal(delivered(`${p}:2:secondee`), 0, "the secondee agreed in between, so is not reminded again");
      await at("2027-07-16T08:00:30Z", [`extension-escalation:${sid}:${ext.id}:pt:${pat.aadObjectId}`]);
      assert.ok(
        textsTo(pat).some((t) => /Vic Osei asked on 5 July 2027 to extend Ana Jones's secondment with Homes England to 31 December 2027\. It has not been answered by Sam Lee \(home line manager\), after two reminders\./.test(t)),
        "the programme team hears who has not answered",
      );
      await at("2027-07-31T08:00:30Z");

      assert.deepEqual(followUps(sid), once([`${p}:1:secondee`, `${p}:1:homeManager`, `${p}:2:homeManager`, `extension-escalation:${sid}:${ext.id}:pt:${pat.aadObjectId}`]));
      const s = await stored(sid);
      assert.equal(s.extensions[0]!.status, "pending");
      assert.deepEqual(Object.keys(s.extensions[0]!.approvals).sort(), ["host", "secondee"]);
      assert.deepEqual(await jobsOf("secondment-extension-follow-up", sid), [
        { id: `secondment-extension-follow-up:${sid}:${ext.id}:1`, status: "done", dueAt: "2027-07-08T08:00:00.000Z" },
        { id: `secondment-extension-follow-up:${sid}:${ext.id}:2`, status: "done", dueAt: "2027-07-13T08:00:00.000Z" },
        { id: `secondment-extension-follow-up:${sid}:${ext.id}:3`, status: "done", dueAt: "2027-07-16T08:00:00.000Z" },
      ]);
      assert.deepEqual(bot.connector.duplicates(), []);
    });

    it("stops reminding once someone declines", async () => {
      const { sam, vic, sid } = await secondment("active");
      clock.setSystemTime(new Date("2027-07-19T09:00:00Z"));
      await bot.teams.press(personalChat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-11-30", reason: "To finish the project." });
      const ext = (await stored(sid)).extensions[0]!;
      const p = `extension-reminder:${sid}:${ext.id}`;
      await at("2027-07-22T08:00:30Z", [`${p}:1:secondee`, `${p}:1:homeManager`]);

      clock.setSystemTime(new Date("2027-07-23T10:00:00Z"));
      const declined = await bot.teams.press(personalChat(sam), sam, VERBS.declineExtension, { secondmentId: sid, extensionId: ext.id, reason: "We need Ana back for the spending review." });
      assert.match(cardText(declined), /You declined the extension/);
      await at("2027-07-27T08:00:30Z"); // the second reminder would have been today
      await at("2027-07-30T08:00:30Z"); // and the programme team told today
      await at("2027-08-13T08:00:30Z");

      assert.deepEqual(followUps(sid), once([`${p}:1:secondee`, `${p}:1:homeManager`]), "the first reminders only");
      assert.equal((await stored(sid)).extensions[0]!.status, "declined");
      assert.deepEqual(
        (await jobsOf("secondment-extension-follow-up", sid)).map((j) => [j.id, j.status]),
        [
          [`secondment-extension-follow-up:${sid}:${ext.id}:1`, "done"],
          [`secondment-extension-follow-up:${sid}:${ext.id}:2`, "done"],
        ],
        "the second job ran, found it declined, and scheduled nothing more",
      );
    });
  });
});
