import assert from "node:assert/strict";
import sinon from "sinon";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { personKey } from "../../src/domain/person";
import type { Secondment } from "../../src/domain/secondment";
import { silentLogger } from "../../src/log";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";
import { drainWithFrozenClock, whileTimeFlows } from "../support/drain";
import { AGREEMENT_INPUT } from "../support/secondments";

const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * A secondment from "both sides want to go ahead" to "closed", through /api/messages and the
 * connector stand-in, with Date faked by sinon (timers and I/O stay real) and moved to each job's
 * due time. Run with one instance, and with two and three instances sharing one store whose
 * schedulers race for every job and whose outbox dispatchers contend for the leader lease: every
 * message must still arrive exactly once.
 *
 * The calendar: agreed on Monday 23 November 2026; starts Monday 4 January 2027; check-ins every
 * 4 weeks. The third falls on Easter Monday (29 March 2027) and moves to Tuesday 30 March, after
 * the clocks go forward (09:00 BST = 08:00 UTC). The fourth is missed: reminded after 5 working
 * days (Tuesday 4 May, after the Early May bank holiday) and escalated 5 working days later
 * (Tuesday 11 May). The secondment is extended from 30 June to 30 September 2027; the return
 * reminder a month before the new end would fall on the Summer bank holiday (Monday 30 August),
 * so it comes on Friday 27 August. It ends on 30 September, and the review closes it.
 */
for (const instances of [1, 2, 3]) {
  describe(`a whole secondment, with ${instances === 1 ? "one bot instance" : `${instances === 2 ? "two" : "three"} bot instances sharing one store`}`, function () {
    this.timeout(180_000);
    let clock: sinon.SinonFakeTimers;
    let bot: TestBot;
    const others: RunningApp[] = [];
    const pat = person("Pat Programme");
    const vic = person("Vic Osei");
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const housing: Chat = { id: "19:housing-life@thread.tacv2", type: "channel", team: { id: "19:housing-team-life@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-life@thread.tacv2", name: "General" } };
    let sid = "";

    before(async () => {
      clock = sinon.useFakeTimers({ now: new Date("2026-11-23T10:00:00Z"), toFake: ["Date"] });
      const env = { PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId };
      bot = await startTestBot(env, silentLogger, { schedulerPollMs: 50 });
      for (let i = 1; i < instances; i++) {
        const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local", ...env });
        others.push(await startApp(config, { log: silentLogger, schedulerPollMs: 50 }));
      }
    });
    after(async () => {
      for (const app of others) await app.stop();
      await bot.stop();
      clock.restore();
    });

    const all = () => [bot.app, ...others];
    const delivered = (id: string) => bot.connector.deliveries.get(id) ?? 0;
    const cardsIn = (conversationId: string): Card[] =>
      bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
    const textsIn = (conversationId: string): string[] => bot.connector.to(conversationId).map((s) => String(s.body.text ?? ""));
    const chatOf = (p: Person): string => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId ?? personalChat(p).id;
    const stored = async (): Promise<Secondment> => (await bot.app.store.container("secondments").item(sid, sid).read()).resource;
    const planOf = async (p: Person) => (await bot.app.store.container("people").item("plan", personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId })).read()).resource;

    /** What the outbox and the connector stand-in hold, for a failure message. */
    async function diagnose(expected: string[]): Promise<string> {
      const docs = (await bot.app.store.container("outbox").items.query("SELECT * FROM c").fetchAll()).resources as Record<string, unknown>[];
      const open = docs.filter((d) => d.status !== "sent").map((d) => ({ id: d.id, status: d.status, notBefore: d.notBefore, attempts: d.attempts, leaseOwner: d.leaseOwner, leaseUntil: d.leaseUntil, lastError: d.lastError, owner: d.owner, until: d.until }));
      const lines = [
        `now (app clock): ${new Date().toISOString()}`,
        `expected: ${expected.map((id) => `${id}=${delivered(id)}`).join(", ")}`,
        ...all().map((a, i) => `instance ${i}: ${JSON.stringify(a.dispatcher.state())}`),
        `not sent: ${JSON.stringify(open)}`,
        `last requests: ${JSON.stringify(bot.connector.requests.slice(-8))}`,
      ];
      return lines.join("\n");
    }

    /** Move time on, let every instance run what is due (twice: a job may schedule one that is already due), and wait for the messages. */
    async function at(iso: string, expected: string[]): Promise<void> {
      assert.ok(Date.parse(iso) >= Date.now(), `time only moves forward in this story (${iso} is before ${new Date().toISOString()})`);
      clock.setSystemTime(new Date(iso));
      for (let round = 0; round < 2; round++) await Promise.all(all().map((app) => app.scheduler.runDue()));
      try {
        await whileTimeFlows(clock, () => bot.connector.waitFor(() => expected.every((id) => delivered(id) >= 1), 15_000));
        await drainWithFrozenClock(all(), clock);
      } catch (err) {
        throw new Error(`${(err as Error).message.slice(0, 300)}\n${await diagnose(expected)}`);
      }
      await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to arrive, if there were one
    }

    async function answerCheckIn(n: number): Promise<void> {
      const anaCard = cardsIn(chatOf(ana)).find((c) => cardText(c).includes(`check-in ${n}`))!;
      assert.ok(anaCard, `Ana has check-in ${n}`);
      const send = action(anaCard, "Send check-in");
      const thanks = await bot.teams.press(personalChat(ana), ana, send.verb, { ...send.data, going: "well", issues: "", changes: "", forReturn: "" });
      assert.match(cardText(thanks), new RegExp(`Check-in ${n}: thank you`));
      const samCard = cardsIn(chatOf(sam)).find((c) => cardText(c).includes(`check-in ${n}`))!;
      assert.ok(samCard, `Sam has check-in ${n}`);
      const samSend = action(samCard, "Send check-in");
      await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, samSend.verb, { ...samSend.data, going: "mixed", issues: "", changes: "A week of leave in the summer.", forReturn: "The team is moving floors." });
    }

    it("starts when both sides of a match want to go ahead", async () => {
      await bot.teams.say(housing, vic, "<at>Secondments</at> help");
      await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
      await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, skillsOffered: "data-analysis,statistics", lineManagerId: sam.aadObjectId, lineManagerEmail: "" }));
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => cardsIn(chatOf(sam)).length > 0, 15_000));
      const release = action(cardsIn(chatOf(sam))[0]!, "Agree to release");
      await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, release.verb, release.data);
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => cardsIn(chatOf(pat)).some((c) => JSON.stringify(c).includes("Confirm Ana Jones")), 15_000));
      const confirm = action(cardsIn(chatOf(pat)).find((c) => JSON.stringify(c).includes("Confirm Ana Jones"))!, "Confirm Ana Jones");
      await bot.teams.press({ id: chatOf(pat), type: "personal" }, pat, confirm.verb, confirm.data);
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match/.test(cardText(c))), 15_000));
      const arrange = action(cardsIn(housing.id).find((c) => /Possible match/.test(cardText(c)))!, "I'll arrange the informal chat");
      const arranged = await bot.teams.press(housing, vic, arrange.verb, arrange.data);
      const hostYes = action(arranged, "We want to go ahead");
      await bot.teams.press(housing, vic, hostYes.verb, hostYes.data);
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => cardsIn(chatOf(ana)).some((c) => /possible match/.test(cardText(c))), 15_000));
      const go = action(cardsIn(chatOf(ana)).find((c) => /possible match/.test(cardText(c)))!, "I want to go ahead");
      await bot.teams.press(personalChat(ana), ana, go.verb, go.data);

      const { resources } = await bot.app.store.container("secondments").items.query("SELECT * FROM c WHERE c.type = 'secondment'").fetchAll();
      assert.equal(resources.length, 1, "one secondment for the match");
      sid = resources[0].id;
      const s = await stored();
      assert.equal(s.status, "agreeing");
      assert.equal(s.homeManager?.aadObjectId, sam.aadObjectId, "the home line manager is the one who released Ana");
      assert.equal(s.host.aadObjectId, vic.aadObjectId, "the host is the vacancy holder");
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => [`secondment-invite:${sid}:secondee`, `secondment-invite:${sid}:homeManager`, `secondment-invite:${sid}:host`].every((id) => delivered(id) === 1), 15_000));
      // Who does what: the host fills in the details; the secondee is told so and checks them later.
      const vicInvite = cardsIn(chatOf(vic)).find((c) => /Secondment:/.test(cardText(c)))!;
      assert.match(cardText(vicInvite), /Next, you fill in the details/);
      action(vicInvite, "Fill in the details");
      const anaInvite = cardsIn(chatOf(ana)).find((c) => /Secondment:/.test(cardText(c)))!;
      assert.match(cardText(anaInvite), /Vic Osei \(host\) fills in the details with you/);
      assert.doesNotMatch(JSON.stringify(anaInvite), /Fill in the details"|Agree the details"/, "the secondee has no button to draft the details");
      const anaTries = await bot.teams.press(personalChat(ana), ana, VERBS.openAgreement, { secondmentId: sid });
      assert.match(cardText(anaTries), /The host fills in the details first/);
      const form = await bot.teams.press(personalChat(vic), vic, VERBS.openAgreement, { secondmentId: sid });
      assert.match(cardText(form), /As the host, you fill in these details after talking them through with Ana Jones/);
      // The latest end date says what it depends on.
      assert.match(cardText(form), /The end date must be no more than 24 months after the start date \(the most the two organisations allow\)/);
      assert.match(cardText(form), /If the secondment started today, the latest end date would be .*It moves with the start date/);
      // The usual salary arrangement is the one the programme's facts call usual: the host pays.
      assert.match(cardText(form), /The host pays the salary \(usual\)/);
      assert.doesNotMatch(cardText(form), /pays it back \(usual\)/);
    });

    it("becomes confirmed only when the secondee, the home line manager and the host have all confirmed", async () => {
      const terms = { ...AGREEMENT_INPUT, startDate: "2027-01-04", endDate: "2027-06-30" };
      // Past the fixed limit: the message names the field, the date and why; nothing is stored.
      const tooLong = await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...terms, endDate: "2029-01-05" });
      assert.match(cardText(tooLong), /End date must be on or before 4 January 2029\. The organisation limits secondments to 24 months/);
      assert.match(cardText(tooLong), /With a start date of 4 January 2027, the latest end date is 4 January 2029\./);
      assert.match(JSON.stringify(tooLong), /Kim Patel/, "entries are kept");
      assert.equal((await stored()).termsVersion, 0);

      const sent = await bot.teams.press(personalChat(vic), vic, VERBS.submitAgreement, { secondmentId: sid, version: 0, ...terms });
      assert.match(cardText(sent), /each need to confirm/);
      assert.match(cardText(sent), /Waiting for Ana Jones \(secondee\), Sam Lee \(home line manager\) and Vic Osei \(host\) to confirm/);
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => delivered(`agreement:${sid}:v1:secondee`) === 1 && delivered(`agreement:${sid}:v1:homeManager`) === 1, 15_000));
      const stranger = person("Stan Ger");
      const refused = await bot.teams.press(personalChat(stranger), stranger, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      assert.match(cardText(refused), /Only the secondee, their home line manager and the host can confirm/);

      const anaCard = cardsIn(chatOf(ana)).filter((c) => JSON.stringify(c).includes("Confirm the agreement")).at(-1)!;
      const confirmAna = action(anaCard, "Confirm the agreement");
      await Promise.all(Array.from({ length: 5 }, () => bot.teams.press(personalChat(ana), ana, confirmAna.verb, confirmAna.data)));
      let s = await stored();
      assert.deepEqual(Object.keys(s.confirmations), ["secondee"], "five clicks, one confirmation");
      assert.equal(s.status, "agreeing");
      const samCard = cardsIn(chatOf(sam)).filter((c) => JSON.stringify(c).includes("Confirm the agreement")).at(-1)!;
      const confirmSam = action(samCard, "Confirm the agreement");
      await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, confirmSam.verb, confirmSam.data);
      assert.equal((await stored()).status, "agreeing", "still waiting for the host");
      const done = await bot.teams.press(personalChat(vic), vic, VERBS.confirmAgreement, { secondmentId: sid, version: 1 });
      assert.match(cardText(done), /Everyone has confirmed/);
      s = await stored();
      assert.equal(s.status, "confirmed");
      assert.equal((await planOf(ana)).steps["5"].status, "done");
      await whileTimeFlows(clock, () => bot.connector.waitFor(() => delivered(`agreement-confirmed:${sid}:v1:secondee`) === 1 && delivered(`agreement-confirmed:${sid}:v1:host`) === 1, 15_000));
      // Each is told in their own words: Ana about her own secondment, the others about Ana's.
      assert.ok(textsIn(chatOf(ana)).some((t) => /Everyone has confirmed the agreement for your secondment to /.test(t)));
      assert.ok(textsIn(chatOf(vic)).some((t) => /Everyone has confirmed the agreement for Ana Jones's secondment to /.test(t)));
    });

    it("becomes active on its start date at 09:00 UK time, not before", async () => {
      await at("2027-01-04T08:59:00Z", []);
      assert.equal((await stored()).status, "confirmed");
      await at("2027-01-04T09:00:30Z", [`secondment-started:${sid}:secondee`, `secondment-started:${sid}:homeManager`, `secondment-started:${sid}:host`]);
      const s = await stored();
      assert.equal(s.status, "active");
      assert.equal((await planOf(ana)).steps["6"].status, "doing");
      assert.ok(textsIn(chatOf(ana)).some((t) => /starts today/.test(t)));
    });

    it("sends three check-ins at the right times, moving one off Easter Monday, and stores the answers", async () => {
      await at("2027-02-01T08:59:00Z", []);
      assert.equal(delivered(`check-in:${sid}:1:secondee`), 0, "not before 09:00");
      await at("2027-02-01T09:00:30Z", [`check-in:${sid}:1:secondee`, `check-in:${sid}:1:homeManager`]);
      await answerCheckIn(1);
      await at("2027-03-01T09:00:30Z", [`check-in:${sid}:2:secondee`, `check-in:${sid}:2:homeManager`]);
      await answerCheckIn(2);
      await at("2027-03-29T09:00:30Z", []);
      assert.equal(delivered(`check-in:${sid}:3:secondee`), 0, "not on Easter Monday");
      await at("2027-03-30T08:00:30Z", [`check-in:${sid}:3:secondee`, `check-in:${sid}:3:homeManager`]);
      await answerCheckIn(3);
      const s = await stored();
      assert.deepEqual(
        s.checkIns.map((c) => [c.n, c.date, c.sentAt.slice(0, 16)]),
        [
          [1, "2027-02-01", "2027-02-01T09:00"],
          [2, "2027-03-01", "2027-03-01T09:00"],
          [3, "2027-03-30", "2027-03-30T08:00"],
        ],
      );
      for (const c of s.checkIns) {
        assert.equal(c.answers.secondee?.going, "well");
        assert.equal(c.answers.homeManager?.going, "mixed");
        assert.equal(c.answers.homeManager?.changes, "A week of leave in the summer.");
      }
      // Answering the same card again changes nothing.
      const again = await bot.teams.press(personalChat(ana), ana, VERBS.answerCheckIn, { secondmentId: sid, n: 1, going: "concerns", issues: "Changed my mind" });
      assert.match(cardText(again), /already answered/);
      assert.equal((await stored()).checkIns[0]!.answers.secondee?.going, "well");
    });

    it("reminds a missed check-in once after 5 working days, then tells the programme team", async () => {
      await at("2027-04-26T08:00:30Z", [`check-in:${sid}:4:secondee`, `check-in:${sid}:4:homeManager`]);
      await at("2027-05-03T08:00:30Z", []);
      assert.equal(delivered(`check-in-reminder:${sid}:4:secondee`), 0, "the Early May bank holiday is not a working day");
      await at("2027-05-04T08:00:30Z", [`check-in-reminder:${sid}:4:secondee`, `check-in-reminder:${sid}:4:homeManager`]);
      await at("2027-05-11T08:00:30Z", [`check-in-escalation:${sid}:4:pt:${pat.aadObjectId}`]);
      assert.ok(textsIn(chatOf(pat)).some((t) => /Check-in 4 of Ana Jones's secondment .* has not been answered by Ana Jones and .*home line manager/.test(t)));
      const c4 = (await stored()).checkIns.find((c) => c.n === 4)!;
      assert.equal(c4.remindedAt?.slice(0, 10), "2027-05-04");
      assert.equal(c4.escalatedAt?.slice(0, 10), "2027-05-11");
      for (const n of [1, 2, 3]) assert.equal(delivered(`check-in-reminder:${sid}:${n}:secondee`), 0, `answered check-in ${n} is never reminded`);
    });

    it("extends to 30 September when all three agree, and the schedule follows the new date", async () => {
      clock.setSystemTime(new Date("2027-05-12T10:00:00Z"));
      const asked = await bot.teams.press(personalChat(vic), vic, VERBS.submitExtension, { secondmentId: sid, newEndDate: "2027-09-30", reason: "The model needs a second phase." });
      assert.doesNotMatch(cardText(asked), /There is a problem/);
      const ext = (await stored()).extensions[0]!;
      assert.equal(ext.status, "pending");
      await bot.teams.press(personalChat(ana), ana, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id });
      assert.equal((await stored()).terms!.endDate, "2027-06-30", "not until all three agree");
      await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, VERBS.approveExtension, { secondmentId: sid, extensionId: ext.id });
      const s = await stored();
      assert.equal(s.extensions[0]!.status, "approved");
      assert.equal(s.terms!.endDate, "2027-09-30");
    });

    it("keeps sending check-ins to the new end date, and the old end date's jobs do nothing", async () => {
      const due: [number, string][] = [
        [5, "2027-05-24T08:00:30Z"],
        [6, "2027-06-21T08:00:30Z"],
        [7, "2027-07-19T08:00:30Z"],
        [8, "2027-08-16T08:00:30Z"],
      ];
      for (const [n, when] of due) {
        if (n === 6) {
          await at("2027-05-28T08:00:30Z", []); // the old return reminder (a month before 30 June)
          assert.equal(delivered(`return-reminder:${sid}:2027-06-30:secondee`), 0, "no reminder for the old end date");
        }
        if (n === 7) {
          await at("2027-06-30T08:00:30Z", []); // the old end date
          assert.equal((await stored()).status, "active", "the old end date does not end it");
        }
        await at(when, [`check-in:${sid}:${n}:secondee`, `check-in:${sid}:${n}:homeManager`]);
        await answerCheckIn(n);
      }
      assert.equal(delivered(`return-reminder:${sid}:2027-06-30:secondee`), 0);
    });

    it("reminds everyone a month before the end, on the working day before the Summer bank holiday", async () => {
      await at("2027-08-27T08:00:30Z", [`return-reminder:${sid}:2027-09-30:secondee`, `return-reminder:${sid}:2027-09-30:homeManager`, `return-reminder:${sid}:2027-09-30:host`]);
      assert.ok(textsIn(chatOf(ana)).some((t) => /ends on 30 September 2027, in about a month/.test(t)));
      await at("2027-09-13T08:00:30Z", [`check-in:${sid}:9:secondee`, `check-in:${sid}:9:homeManager`]);
      await answerCheckIn(9);
    });

    it("ends on the last day with a review for the secondee and feedback cards for both managers; the review closes it", async () => {
      await at("2027-09-30T08:00:30Z", [`review:${sid}`, `end-feedback:${sid}:homeManager`, `end-feedback:${sid}:host`]);
      assert.equal((await stored()).status, "ended");
      const reviewCard = cardsIn(chatOf(ana)).find((c) => /Review your secondment/.test(cardText(c)))!;
      const send = action(reviewCard, "Send review");
      const missing = await bot.teams.press(personalChat(ana), ana, send.verb, { ...send.data, wentWell: "The team", couldImprove: "", skillsGained: "Modelling", recommend: "yes", mayShare: "false" });
      assert.match(cardText(missing), /Tell us what could have been better/);
      assert.equal((await stored()).status, "ended", "nothing stored from a form with a mistake");
      const closed = await bot.teams.press(personalChat(ana), ana, send.verb, { ...send.data, wentWell: "The team", couldImprove: "A clearer start", skillsGained: "Modelling", recommend: "yes", mayShare: "true", summary: "Ana built a housing demand model." });
      assert.match(cardText(closed), /all seven steps of your plan are done/);
      const s = await stored();
      assert.equal(s.status, "closed");
      assert.equal(s.review?.summary, "Ana built a housing demand model.");
      const plan = await planOf(ana);
      for (const step of ["1", "2", "3", "4", "5", "6", "7"]) assert.equal(plan.steps[step].status, "done", `step ${step}`);

      const fb = action(cardsIn(chatOf(sam)).find((c) => /Feedback at the end/.test(cardText(c)))!, "Send feedback");
      await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, fb.verb, { ...fb.data, feedback: "Ana came back with new skills." });
      assert.equal((await stored()).managerFeedback.homeManager?.text, "Ana came back with new skills.");
    });

    it("closes an unanswered check-in after the end, saying only that, with no date or answer", async () => {
      const form = cardsIn(chatOf(ana)).find((c) => cardText(c).includes("check-in 4"))!;
      const send = action(form, "Send check-in");
      const late = await bot.teams.press(personalChat(ana), ana, send.verb, { ...send.data, going: "well", issues: "", changes: "", forReturn: "" });
      const words = cardText(late);
      assert.match(words, /This secondment has ended, so this check-in is closed\./);
      assert.doesNotMatch(words, /already answered|Answered on|has finished/);
      assert.equal((await stored()).checkIns.find((c) => c.n === 4)!.answers.secondee, undefined, "nothing stored");
    });

    it("sent every message exactly once, and nothing after the end", async () => {
      await at("2027-12-31T10:00:00Z", []);
      assert.deepEqual(bot.connector.duplicates(), [], "no message was delivered twice");
      const checkIns = [...bot.connector.deliveries.keys()].filter((id) => id.startsWith(`check-in:${sid}:`)).sort();
      const expected = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`check-in:${sid}:${n}:homeManager`, `check-in:${sid}:${n}:secondee`]).sort();
      assert.deepEqual(checkIns, expected, "nine check-ins, to both of them, each once; none after the end");
      const jobs = (await bot.app.store.container("jobs").items.query("SELECT c.id, c.status, c.attempts FROM c").fetchAll()).resources as { id: string; status: string; attempts: number }[];
      assert.deepEqual(jobs.filter((j) => j.status !== "done").map((j) => j.id), [], "no job is left waiting");
      assert.deepEqual(jobs.filter((j) => j.attempts !== 1).map((j) => `${j.id}: ${j.attempts}`), [], "every job was run exactly once, by one instance");
    });
  });
}
