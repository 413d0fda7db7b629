/**
 * A keeping-in-touch check-in, end to end through the Microsoft 365 Agents Playground in headless
 * Chromium: an active secondment's first check-in falls due, the scheduler runs it, the check-in
 * card reaches the secondee's chat through the outbox, the secondee (the person signed in to the
 * Playground, Alex Wilber) answers "Some things to sort out" with an issue and presses
 * "Send check-in", and the card turns into "Check-in 1: thank you" in place. The answer is then
 * read back from the store.
 *
 * Tagged @e2e: `mocha --grep @e2e --invert` skips it. Needs /usr/bin/chromium. Screenshots go to
 * test-artifacts/check-in-card.png (the form, filled in) and test-artifacts/check-in-thank-you.png.
 *
 * How the Playground shapes the test (see approval.test.ts and match-notification.test.ts):
 * - Only the signed-in user has a browser, so Alex Wilber is the secondee: the one who answers in
 *   the UI. Ana Jones is his home line manager, who also gets a check-in card; Megan Bowen is the host.
 * - The secondment is written straight into the store, built only with the domain's pure
 *   transitions (newSecondment, proposeTerms, confirmTerms by all three, start), so the test does
 *   not walk through the agreement forms. Its serviceUrl is the one the app stored for Alex's chat
 *   when the Playground installed the app there (the welcome card).
 * - Check-in 1 is triggered as in production: a job of type SECONDMENT_JOBS.checkIn, with the id,
 *   payload and due time the app's own scheduleAhead gives it, run by the app's scheduler.
 * - Ana first says "hello" in her own 1:1 chat (by custom activity), as a person who has the app
 *   does, so the bot has a reference to it. A person the bot has never talked to would be reached by
 *   createConversation with their AAD object id, which the Playground keys as a new chat it cannot
 *   deliver to. Her card is checked in the app's outbox (the UI never shows her chat).
 */
import assert from "node:assert/strict";
import { addMonths, compareIso, formatUkDate, todayInLondon } from "../../src/domain/dates";
import { personKey } from "../../src/domain/person";
import {
  confirmTerms,
  newSecondment,
  PARTIES,
  proposeTerms,
  start,
  type AgreementTerms,
  type Change,
  type Secondment,
} from "../../src/domain/secondment";
import { addDays, checkInDate, checkInDueAt } from "../../src/domain/secondment-dates";
import { JobStore } from "../../src/scheduler/jobs";
import { SecondmentStore } from "../../src/store/secondments";
import { SECONDMENT_JOBS } from "../../bot/handlers/secondment";
import {
  cardCount,
  clickCardButton,
  customActivityTemplate,
  openPersonalChat,
  playgroundConfigYaml,
  playgroundTenantConfig,
  screenshotCard,
  sendCustomActivity,
  settle,
  usePlaygroundSuite,
  waitForCard,
  waitForNewCard,
  type PlaygroundUser,
  ANA,
  tenantWithAna,
} from "./playground";
import { chooseOptions, inputControl, inputValue, typeInto } from "./playground-inputs";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const TENANT = tenantWithAna();
const ALEX = TENANT.currentUser; // the secondee, in the browser
const MEGAN = TENANT.users[0]!; // the host
// Ana Jones is Alex's home line manager.

const GOING = "How is the secondment going?";
const ISSUES = "Any issues to deal with (optional)";
const ISSUE_TEXT = "My building pass for the host's office has not come through yet.";

type Doc = Record<string, any>;

/** Poll `read` until `ok` holds, for at most `ms`; returns the last value read. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await sleep(150);
  }
}

const describeOutbox = (docs: Doc[]) =>
  docs.map((d) => `  ${d.id}: ${d.status}${d.conversationId ? ` to ${d.conversationId}` : ""}${d.lastError ? ` (${d.lastError})` : ""}`).join("\n") || "  (empty)";

function must(c: Change): Secondment {
  if (c.kind !== "changed") throw new Error(`the domain refused a step of the set-up: ${c.why.key}`);
  return c.secondment;
}

describe("Keeping-in-touch check-in in the Agents Playground @e2e", function () {
  this.timeout(60_000);
  this.slow(30_000);

  // Starts the app, the Playground (with TENANT as its config) and Chromium; stops them all after.
  const suite = usePlaygroundSuite({ playgroundConfigYaml: playgroundConfigYaml(TENANT) });

  const store = () => suite.app!.store;
  const outbox = async (): Promise<Doc[]> =>
    (await store().container("outbox").items.query<Doc>("SELECT * FROM c WHERE IS_DEFINED(c.purpose)").fetchAll()).resources;
  /** The outbox message that `pick` finds, once it has left (sent, or given up). */
  async function delivered(pick: (d: Doc) => boolean, what: string, ms = 15_000): Promise<Doc> {
    const docs = await until(outbox, (all) => all.some((d) => pick(d) && d.status !== "queued" && d.status !== "sending"), ms);
    const doc = docs.find(pick);
    assert.equal(doc?.status, "sent", `the Playground took ${what}. The app's outbox:\n${describeOutbox(docs)}`);
    return doc!;
  }
  const personalChatOf = async (who: PlaygroundUser): Promise<Doc | undefined> =>
    (
      await store()
        .container("conversations")
        .items.query<Doc>({ query: "SELECT * FROM c WHERE c.conversationType = 'personal' AND c.user.aadObjectId = @id", parameters: [{ name: "@id", value: who.aadObjectId }] })
        .fetchAll()
    ).resources[0];

  /** Open `who`'s 1:1 chat with the bot and say hello there (custom activity), so the bot can reach them later. */
  async function sayHello(who: PlaygroundUser): Promise<string> {
    const pg = suite.playground!;
    const chat = await openPersonalChat(pg, TENANT, who.id);
    const template = await customActivityTemplate(pg, chat);
    await sendCustomActivity(pg, {
      ...template,
      type: "message",
      text: "hello",
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
      locale: "en-GB",
      channelData: { tenant: { id: TENANT.tenantId } },
    });
    const known = await until(() => personalChatOf(who), (r) => r !== undefined, 10_000);
    assert.equal(known?.conversationId, chat, `the bot remembered ${who.name}'s chat`);
    return chat;
  }

  it("sends check-in 1 when its job runs; the secondee answers in the card, which turns into the thank-you card, and the answer is stored", async () => {
    const page = suite.page;
    const app = suite.app!;

    // The Playground installs the app in Alex's personal chat: the welcome card shows it, and the
    // app now has a reference to that chat, with the Playground's service URL.
    await waitForCard(page, "Welcome to Secondments");
    await settle(page);
    const config = await playgroundTenantConfig(suite.playground!);
    assert.equal(config.currentUser.aadObjectId, ALEX.aadObjectId, "the Playground took our config file");
    const alexChat = await until(() => personalChatOf(ALEX), (r) => r !== undefined, 10_000);
    assert.equal(alexChat?.conversationId, config.personalChat.id, "the app knows the chat the UI shows");
    const serviceUrl = String(alexChat?.serviceUrl);
    assert.match(serviceUrl, /^http:\/\/127\.0\.0\.1:\d+\//, "the Playground's connector, on 127.0.0.1");
    const anaChat = await sayHello(ANA);

    // Dates: check-ins every 4 weeks from five weeks ago, so check-in 1 (moved off weekends and bank
    // holidays) fell due before today and check-in 2, which running check-in 1 schedules, is weeks away.
    const now = new Date();
    const today = todayInLondon(now);
    const startDate = addDays(today, -35);
    const everyWeeks = 4;
    const endDate = addDays(addMonths(startDate, 6), -1);
    const date = checkInDate({ startDate, everyWeeks, n: 1 });
    assert.ok(compareIso(date, today) < 0 && checkInDueAt(date).getTime() <= now.getTime(), `check-in 1 (${date}) is already due`);
    assert.ok(compareIso(date, endDate) <= 0, `check-in 1 (${date}) is on or before the end date (${endDate})`);
    assert.ok(compareIso(checkInDate({ startDate, everyWeeks, n: 2 }), today) > 0, "check-in 2 is not due yet");

    // An active secondment, built with the same pure transitions the bot uses.
    const terms: AgreementTerms = {
      startDate,
      endDate,
      hostManagerName: MEGAN.name,
      hostManagerEmail: MEGAN.email,
      roleSpecification: "Build the housing need model with the analysis team.",
      workingPattern: "full-time",
      salary: "host-reimburses-home",
      expenses: "host",
      homeHrContact: "hr@education.example.gov.uk",
      hostHrContact: "hr@housing.example.gov.uk",
      checkInEveryWeeks: everyWeeks,
      noticeWeeks: 4,
    };
    const agreedAt = new Date(now.getTime() - 60 * 24 * 3600 * 1000);
    let sec = newSecondment({
      matchId: `match:e2e-check-in-role:${personKey({ tenantId: TENANT.tenantId, aadObjectId: ALEX.aadObjectId })}`,
      tenantId: TENANT.tenantId,
      serviceUrl,
      opening: { id: "e2e-check-in-role", title: "Housing data analyst", organisation: "Ministry of Housing", channelConversationId: TENANT.team.channels[0]!.id },
      secondee: { tenantId: TENANT.tenantId, aadObjectId: ALEX.aadObjectId, name: ALEX.name, key: personKey({ tenantId: TENANT.tenantId, aadObjectId: ALEX.aadObjectId }) },
      homeManager: { aadObjectId: ANA.aadObjectId, name: ANA.name },
      host: { aadObjectId: MEGAN.aadObjectId, name: MEGAN.name, key: personKey({ tenantId: TENANT.tenantId, aadObjectId: MEGAN.aadObjectId }) },
      homeOrganisation: "Department for Education",
      capMonths: 24,
      now: agreedAt,
    });
    sec = must(proposeTerms(sec, "host", terms, agreedAt));
    for (const party of PARTIES) sec = must(confirmTerms(sec, party, sec.termsVersion, agreedAt));
    sec = must(start(sec, startDate, new Date(`${startDate}T09:00:00Z`)));
    assert.equal(sec.status, "active");
    const secondments = new SecondmentStore(store().container("secondments"));
    await secondments.createOrGet(sec);

    // Check-in 1 falls due: the job the app's scheduleAhead would have made, run by the app's scheduler.
    const jobs = new JobStore(store().container("jobs"));
    const jobId = `${SECONDMENT_JOBS.checkIn}:${sec.id}:1:${date}`;
    assert.equal(
      await jobs.schedule({ id: jobId, type: SECONDMENT_JOBS.checkIn, payload: { secondmentId: sec.id, n: 1, date }, dueAt: checkInDueAt(date) }),
      "scheduled",
    );
    const before = await cardCount(page);
    // The scheduler also polls by itself every second; runDue joins a poll in progress, which may
    // have started before the job was there, so ask until the job has run.
    const job = await until(
      async () => {
        await app.scheduler.runDue();
        return jobs.get(jobId);
      },
      (j) => j?.status === "done" || j?.status === "failed",
      10_000,
    );
    assert.equal(job?.status, "done", `the check-in job ran (${job?.status}${job?.lastError ? `: ${job.lastError}` : ""})`);
    const sent = await secondments.get(sec.id);
    assert.equal(sent?.checkIns.length, 1, "check-in 1 is recorded as sent");
    assert.equal(sent?.checkIns[0]?.date, date);

    // The outbox took both cards: Alex's to the chat the UI shows, Ana's to her own chat.
    const toAlex = await delivered((d) => d.id === `check-in:${sec.id}:1:secondee`, "the check-in card to Alex");
    assert.equal(toAlex.conversationId, config.personalChat.id, "Alex's card went to the chat the UI shows");
    const toAna = await delivered((d) => d.id === `check-in:${sec.id}:1:homeManager`, "the check-in card to Ana");
    assert.equal(toAna.conversationId, anaChat, "Ana's card went to her own chat");
    assert.match(JSON.stringify(toAna.activity), /It is time to check in with Alex Wilber/, "Ana gets the line manager's version");

    // The card arrives in Alex's chat.
    await waitForNewCard(page, before, ["Keeping in touch: check-in 1", GOING, "Send check-in"], 15_000);
    await settle(page);
    const card = await waitForCard(page, "Keeping in touch: check-in 1");
    assert.ok((await card.innerText()).includes(`(due ${formatUkDate(date)})`), "the card says when the check-in was due");

    // Alex answers, as a person would.
    await chooseOptions(page, GOING, "Some things to sort out");
    await typeInto(page, ISSUES, ISSUE_TEXT);
    const going = (await inputControl(page, GOING)).first();
    assert.equal(await going.getByRole("radio", { name: "Some things to sort out", exact: true }).isChecked(), true, "the choice is made");
    assert.equal(await inputValue(page, ISSUES), ISSUE_TEXT);
    await screenshotCard(page, "check-in-card");

    // One press: the bot's answer replaces the form in place.
    const cards = await cardCount(page);
    await clickCardButton(page, "Send check-in");
    const thanks = await waitForCard(page, ["Check-in 1: thank you", "Some things to sort out", ISSUE_TEXT], 15_000);
    await settle(page);
    assert.equal(await cardCount(page), cards, "the form was replaced in place, not added");
    assert.equal(await thanks.getByRole("button", { name: "Send check-in" }).count(), 0, "no Send button once answered");
    const shown = await thanks.innerText();
    assert.match(shown, /Answered on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    const screenshotPath = await screenshotCard(page, "check-in-thank-you");
    assert.match(screenshotPath, /test-artifacts[\\/]check-in-thank-you\.png$/);

    // What was stored.
    const answered = await secondments.get(sec.id);
    const checkIn = answered?.checkIns[0];
    assert.equal(checkIn?.n, 1);
    assert.equal(checkIn?.answers.secondee?.going, "mixed");
    assert.equal(checkIn?.answers.secondee?.issues, ISSUE_TEXT);
    assert.equal(checkIn?.answers.secondee?.changes, undefined, "an empty optional field is not stored");
    assert.equal(checkIn?.answers.homeManager, undefined, "Ana has not answered yet");
  });
});
