import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { shareMessageId } from "../../bot/handlers/business-case";
import { personKey } from "../../src/domain/person";
import { action, cardText, fieldError, walk, type Card } from "../support/cards";
import { interestInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";

/** Five answers, each long enough to share. */
const COMPLETE = {
  reason: "I want to learn how a local council uses housing data to plan its services.",
  skillsToGain: "Modelling demand, working with councillors and explaining data to the public.",
  offerToHost: "Five years of policy experience and good links with the department's analysts.",
  benefitOnReturn: "Our team will understand how national housing policy lands in local areas.",
  jobCover: "Sam Lee will act up into my role, and the casework will be shared across the team.",
};
const FIELDS = Object.keys(COMPLETE) as (keyof typeof COMPLETE)[];

/** The value each input on a form card holds, by id. */
function inputs(card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  walk(card, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Input.")) out[n.id] = n.value;
  });
  return out;
}

/** The error message tied to the input with this id (in its label), if any. */
const errorBeside = fieldError;

/** The labels of the inputs on a form card. */
function labels(card: Card): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Input.")) out.push(n.label);
  });
  return out;
}

/** The values of every fact on a card. */
function factValues(card: Card): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === "FactSet") for (const f of n.facts ?? []) out.push(f.value);
  });
  return out;
}

/** The card's buttons with what each sends. */
function buttons(card: Card): { title: string; verb: string; inputs: string | undefined; data: Record<string, unknown> }[] {
  return (card.actions ?? []).map((a: Card) => ({ title: a.title, verb: a.verb, inputs: a.associatedInputs, data: a.data ?? {} }));
}

describe("business case (plan step 4) through /api/messages", function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const key = (p: Person) => personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId });
  const people = () => bot.app.store.container("people");
  const caseDoc = async (p: Person) => (await people().item("business-case", key(p)).read()).resource;
  const step4 = async (p: Person) => (await people().item("plan", key(p)).read()).resource?.steps["4"]?.status ?? "todo";
  /** The 1:1 chat the bot opened with this person, if any. */
  const chatWith = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const businessCaseCards = (p: Person) => {
    const id = chatWith(p);
    if (!id) return [];
    return bot.connector
      .to(id)
      .flatMap((s) => (s.body.attachments ?? []).filter((a: Card) => a.contentType === CARD).map((a: Card) => a.content as Card))
      .filter((c) => /^Business case from /.test(cardText(c)));
  };
  const textsTo = (p: Person) => bot.connector.to(personalChat(p).id).map((s) => s.body.text).filter(Boolean) as string[];

  /** The secondee sends their interest naming the manager, and the manager agrees (so their name is known). */
  async function releasedBy(secondee: Person, manager: Person): Promise<void> {
    await bot.teams.press(personalChat(secondee), secondee, VERBS.submitInterest, interestInput({ fullName: secondee.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => chatWith(manager) !== undefined && bot.connector.to(chatWith(manager)!).some((s) => s.body.attachments?.[0]?.contentType === CARD));
    const request = bot.connector.to(chatWith(manager)!).find((s) => s.body.attachments?.[0]?.contentType === CARD)!.body.attachments[0].content;
    const agree = action(request, "Agree to release");
    await bot.teams.press({ id: chatWith(manager)!, type: "personal" }, manager, agree.verb, agree.data);
  }

  describe("a secondee writes, saves and shares their business case", () => {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    const chat = personalChat(ana);

    it("opens an empty form when they type 'business case', with Share, Save draft and Menu", async () => {
      const form = onlyCard(await bot.teams.say(chat, ana, "business case"));
      const text = cardText(form);
      assert.match(text, /Your business case/);
      assert.match(text, /Save a draft|save a draft/);
      assert.deepEqual(labels(form), [
        "Why do you want to go on a secondment?",
        "What skills and experience will you gain?",
        "What can you offer the host organisation?",
        "How will your department benefit when you come back?",
        "How will your job be covered while you are away?",
      ]);
      assert.deepEqual(Object.keys(inputs(form)), FIELDS);
      for (const v of Object.values(inputs(form))) assert.equal(v, "");
      walk(form, (n) => {
        if (n.type === "Input.Text") assert.equal(n.isRequired, false, "a draft may leave answers out, so Teams must not block it");
      });
      assert.deepEqual(
        buttons(form).map((b) => [b.title, b.verb, b.inputs]),
        [
          ["Share with my line manager", VERBS.shareBusinessCase, "auto"],
          ["Save draft", VERBS.saveBusinessCase, "auto"],
          ["Menu", VERBS.showMenu, "none"],
        ],
      );
      assert.equal(await caseDoc(ana), undefined, "opening stores nothing");
    });

    it("saves a draft with one answer, and marks step 4 in progress", async () => {
      const saved = await bot.teams.press(chat, ana, VERBS.saveBusinessCase, { reason: `  ${COMPLETE.reason}  `, skillsToGain: "" });
      assert.match(cardText(saved), /Your draft is saved\. Step 4 of your plan is in progress\./);
      // A banner above the title, as on other cards, not text run into the introduction.
      assert.equal(saved.body[0].type, "Container");
      assert.equal(saved.body[0].style, "good");
      assert.match(saved.body[0].items[0].text, /^Your draft is saved\./);
      assert.doesNotMatch(JSON.stringify(saved.body.slice(1)), /Your draft is saved/);
      assert.equal(inputs(saved).reason, COMPLETE.reason);

      const doc = await caseDoc(ana);
      assert.equal(doc.id, "business-case");
      assert.equal(doc.pk, key(ana));
      assert.equal(doc.type, "business-case");
      assert.equal(doc.status, "draft");
      assert.equal(doc.version, 1);
      assert.deepEqual(doc.fields, { reason: COMPLETE.reason, skillsToGain: "", offerToHost: "", benefitOnReturn: "", jobCover: "" });
      assert.ok(!Number.isNaN(Date.parse(doc.savedAt)));
      assert.equal(doc.sharedAt, undefined);
      assert.equal(await step4(ana), "doing");
      assert.equal(action(saved, "Save draft").data.version, 1, "the form now carries the stored version");
    });

    it("shows the draft again when they type 'my business case'", async () => {
      const form = onlyCard(await bot.teams.say(chat, ana, "My business case"));
      assert.equal(inputs(form).reason, COMPLETE.reason);
      assert.equal(inputs(form).jobCover, "");
      assert.equal(action(form, "Share with my line manager").data.version, 1);
    });

    it("refuses to share with an answer too short, keeping every entry and changing nothing", async () => {
      const before = await caseDoc(ana);
      const sentBefore = bot.connector.sent.length;
      const form = await bot.teams.press(chat, ana, VERBS.shareBusinessCase, { ...COMPLETE, jobCover: "Sam covers", version: 1 });
      assert.match(cardText(form), /There is a problem/);
      assert.equal(errorBeside(form, "jobCover"), "How your job will be covered must be 20 characters or more. Say a little more.");
      assert.equal(errorBeside(form, "reason"), undefined);
      assert.deepEqual(inputs(form), { ...COMPLETE, jobCover: "Sam covers" });
      const after = await caseDoc(ana);
      assert.equal(after._etag, before._etag, "nothing stored");
      assert.equal(after.status, "draft");
      await bot.app.dispatcher.drain(10_000);
      assert.ok(!bot.connector.sent.slice(sentBefore).some((s) => JSON.stringify(s.body).includes("Business case from")), "nothing sent");
      assert.equal(await step4(ana), "doing");
    });

    it("re-shows a draft with a bad answer beside its field, storing nothing", async () => {
      const before = await caseDoc(ana);
      const form = await bot.teams.press(chat, ana, VERBS.saveBusinessCase, { reason: COMPLETE.reason, offerToHost: "x".repeat(2001), version: 1 });
      assert.equal(errorBeside(form, "offerToHost"), "What you can offer the host must be 2,000 characters or less");
      assert.equal(inputs(form).reason, COMPLETE.reason);
      assert.equal((inputs(form).offerToHost as string).length, 2000, "what was typed is kept, up to what the field can hold");
      assert.equal((await caseDoc(ana))._etag, before._etag);
    });

    it("sends the line manager a read-only card with the five answers, tells the secondee and marks step 4 done", async () => {
      await releasedBy(ana, sam);
      const confirmation = await bot.teams.press(chat, ana, VERBS.shareBusinessCase, { ...COMPLETE, version: 1 });
      const text = cardText(confirmation);
      assert.match(text, /We have sent your business case to Sam Lee\. Step 4 of your plan is now done\./);
      assert.ok(factValues(confirmation).includes("Sam Lee"));
      for (const answer of Object.values(COMPLETE)) assert.ok(factValues(confirmation).includes(answer), `the secondee sees: ${answer}`);

      const doc = await caseDoc(ana);
      assert.equal(doc.status, "shared");
      assert.equal(doc.version, 2);
      assert.deepEqual(doc.fields, COMPLETE);
      assert.deepEqual(doc.sharedWith, { aadObjectId: sam.aadObjectId, name: "Sam Lee" });
      assert.equal(doc.sharedAt, doc.savedAt);
      assert.equal(await step4(ana), "done");

      await bot.connector.waitFor(() => businessCaseCards(sam).length === 1, 10_000);
      const card = businessCaseCards(sam)[0]!;
      const managerText = cardText(card);
      assert.match(managerText, /Business case from Ana Jones/);
      assert.match(managerText, /Why they want a secondment/);
      assert.match(managerText, /How their job will be covered while they are away/);
      for (const answer of Object.values(COMPLETE)) assert.ok(managerText.includes(answer), `the manager sees: ${answer}`);
      assert.match(managerText, /This is for your information\. .*reply to Ana Jones directly\./);
      assert.equal((card.actions ?? []).length, 0, "read-only: no buttons");
      walk(card, (n) => assert.ok(!(typeof n.type === "string" && n.type.startsWith("Input.")), "read-only: no inputs"));
      assert.equal(bot.connector.deliveries.get(shareMessageId({ tenantId: TENANT, aadObjectId: ana.aadObjectId }, 2)), 1);
    });

    it("sends once when the same version is shared again, one press after another or many at once", async () => {
      const again = await bot.teams.press(chat, ana, VERBS.shareBusinessCase, { ...COMPLETE, version: 1 });
      assert.match(cardText(again), /You already shared these answers with Sam Lee on .*, so we have not sent them again\./);
      const reopened = await bot.teams.press(chat, ana, VERBS.openBusinessCase);
      assert.match(cardText(reopened), /You shared this with Sam Lee on /);
      await bot.teams.press(chat, ana, VERBS.shareBusinessCase, { ...COMPLETE, version: 2 });
      assert.equal((await caseDoc(ana)).version, 2, "nothing changed");

      const changed = { ...COMPLETE, reason: `${COMPLETE.reason} I also want to see how budgets are set.` };
      const presses = await Promise.all(Array.from({ length: 6 }, () => bot.teams.press(chat, ana, VERBS.shareBusinessCase, { ...changed, version: 2 })));
      assert.equal(presses.filter((c) => /We have sent your business case/.test(cardText(c))).length, 1, "one press shared it");
      for (const c of presses) assert.match(cardText(c), /Sam Lee/);
      const doc = await caseDoc(ana);
      assert.equal(doc.version, 3);
      assert.equal(doc.fields.reason, changed.reason);

      await bot.app.dispatcher.drain(10_000);
      const cards = businessCaseCards(sam);
      assert.equal(cards.length, 2, "one card for version 2 and one for version 3");
      assert.ok(cardText(cards[1]!).includes(changed.reason));
      assert.deepEqual(bot.connector.duplicates(), []);
    });

    it("keeps step 4 done when a draft is saved after sharing, and says it has changed since", async () => {
      const form = await bot.teams.press(chat, ana, VERBS.saveBusinessCase, { ...COMPLETE, jobCover: "Still agreeing this with Sam.", version: 3 });
      assert.match(cardText(form), /You last shared your business case with Sam Lee on .*\. You have changed it since then\./);
      const doc = await caseDoc(ana);
      assert.equal(doc.status, "draft");
      assert.equal(doc.version, 4);
      assert.equal(doc.sharedWith.name, "Sam Lee");
      assert.equal(await step4(ana), "done");
    });

    it("refuses a save from an out-of-date form, keeping what was typed", async () => {
      const form = await bot.teams.press(chat, ana, VERBS.saveBusinessCase, { ...COMPLETE, reason: "An old card's answer, typed again today.", version: 2 });
      assert.match(cardText(form), /changed somewhere else after you opened this form, so we have not saved this/);
      assert.equal(inputs(form).reason, "An old card's answer, typed again today.");
      assert.equal(action(form, "Save draft").data.version, 4, "saving again replaces the newer version on purpose");
      assert.equal((await caseDoc(ana)).version, 4);
    });
  });

  it("tells a person with no line manager plainly, and keeps their answers as a draft", async () => {
    const ben = person("Ben Ade");
    const sentBefore = bot.connector.sent.length;
    const form = await bot.teams.press(personalChat(ben), ben, VERBS.shareBusinessCase, COMPLETE);
    assert.match(cardText(form), /We have not shared your business case, because we do not know who your line manager is\./);
    assert.equal(form.body[0].style, "warning", "what did not happen is a warning banner");
    assert.match(form.body[0].items[0].text, /^We have not shared your business case/);
    assert.match(cardText(form), /We have saved your answers as a draft\./);
    assert.deepEqual(inputs(form), COMPLETE);
    const doc = await caseDoc(ben);
    assert.equal(doc.status, "draft");
    assert.deepEqual(doc.fields, COMPLETE);
    assert.equal(doc.sharedAt, undefined);
    assert.equal(await step4(ben), "doing");
    await bot.app.dispatcher.drain(10_000);
    assert.ok(!bot.connector.sent.slice(sentBefore).some((s) => JSON.stringify(s.body).includes("Business case from")), "no business case sent to anyone");
  });

  it("tells a person whose line manager is known only by email that they cannot be reached in Teams", async () => {
    const cal = person("Cal Dunn");
    await bot.teams.press(personalChat(cal), cal, VERBS.submitInterest, interestInput({ fullName: cal.name, lineManagerId: "", lineManagerEmail: "boss@example.gov.uk" }));
    const form = await bot.teams.press(personalChat(cal), cal, VERBS.shareBusinessCase, COMPLETE);
    assert.match(cardText(form), /cannot find your line manager in Teams from their email address\. Send it to them by email instead, or ask the programme team for help\./);
    assert.doesNotMatch(cardText(form), /'Find your line manager' box/, "not sent back to the people picker");
    assert.equal((await caseDoc(cal)).status, "draft");
  });

  it("tells the person when the manager's card cannot be delivered, and makes it a draft again", async () => {
    const dee = person("Dee Hart");
    const max = person("Max Roe");
    bot.connector.unreachableUsers.add(max.aadObjectId);
    await bot.teams.press(personalChat(dee), dee, VERBS.submitInterest, interestInput({ fullName: dee.name, lineManagerId: max.aadObjectId, lineManagerEmail: "" }));
    const confirmation = await bot.teams.press(personalChat(dee), dee, VERBS.shareBusinessCase, COMPLETE);
    assert.match(cardText(confirmation), /We have sent your business case to your line manager\./);
    await bot.connector.waitFor(() => textsTo(dee).some((t) => /could not send your business case to your line manager in Teams, because they do not have the Secondments app/.test(t)), 15_000);
    const doc = await caseDoc(dee);
    assert.equal(doc.status, "draft", "not delivered, so not shared");
    assert.equal(doc.version, 1);

    bot.connector.unreachableUsers.delete(max.aadObjectId);
    const retry = await bot.teams.press(personalChat(dee), dee, VERBS.shareBusinessCase, { ...COMPLETE, version: 1 });
    assert.match(cardText(retry), /We have sent your business case/);
    await bot.connector.waitFor(() => businessCaseCards(max).length === 1, 10_000);
  });

  it("answers hostile input with a form Teams can show, a message beside every field, and stores nothing", async () => {
    const gus = person("Gus Vale");
    const hostile = {
      reason: "\u0001".repeat(2000), // 12,000 bytes as JSON
      skillsToGain: "😀".repeat(1900),
      offerToHost: { nested: ["object"] },
      benefitOnReturn: ["an", "array"],
      jobCover: `${"\u0007".repeat(1999)}x`,
    };
    for (const verb of [VERBS.saveBusinessCase, VERBS.shareBusinessCase]) {
      const form = await bot.teams.press(personalChat(gus), gus, verb, hostile); // press() checks the card is valid and under 28 KB
      for (const f of FIELDS) assert.ok(errorBeside(form, f), `${verb}: ${f} has a message`);
      assert.match(errorBeside(form, "skillsToGain") ?? "", /too long to send in Teams/);
    }
    const bad = await bot.teams.press(personalChat(gus), gus, VERBS.saveBusinessCase, { reason: "fine", version: "not a number" });
    assert.match(cardText(bad), /That button sent something I cannot use \(version must be a number\)/);
    assert.equal(await caseDoc(gus), undefined);
  });

  it("opens the form from step 4 of the plan", async () => {
    const eve = person("Eve Ito");
    const step = await bot.teams.press(personalChat(eve), eve, VERBS.openStep, { step: 4 });
    assert.doesNotMatch(cardText(step), /Coming next/);
    const open = action(step, "Write my business case");
    assert.equal(open.verb, VERBS.openBusinessCase);
    assert.match(cardText(await bot.teams.press(personalChat(eve), eve, open.verb, open.data)), /Your business case/);
  });

  it("keeps the business case to the 1:1 chat", async () => {
    const fay = person("Fay Hope");
    const group = { id: "19:group-chat@thread.v2", type: "groupChat" as const };
    const reply = await bot.teams.say(group, fay, "business case");
    assert.match(reply[0]?.body.text ?? "", /only show them in our 1:1 chat/);
    assert.equal(await caseDoc(fay), undefined);
  });
});
