import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { createLogger } from "../../src/log";
import { personKey } from "../../src/domain/person";
import { action, cardText, fieldError, walk, type Card } from "../support/cards";
import { interestInput, inMonths } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

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

describe("Expression of Interest through /api/messages", () => {
  let bot: TestBot;
  const logs: string[] = [];
  const ana = person("Ana Jones");
  const chat = personalChat(ana);
  const interestDoc = async () => (await bot.app.store.container("people").item("interest", personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId })).read()).resource;

  before(async () => {
    bot = await startTestBot({}, createLogger("debug", (l) => logs.push(l)));
    bot.connector.members.set(ana.id, { id: ana.id, name: "Ana Jones", email: "ana.jones@example.gov.uk", aadObjectId: ana.aadObjectId });
  });
  after(async () => {
    await bot.stop();
  });

  it("opens the form filled in from Teams", async () => {
    const form = await bot.teams.press(chat, ana, VERBS.startInterest);
    assert.match(cardText(form), /Express interest in a secondment/);
    const values = inputs(form);
    assert.equal(values.fullName, "Ana Jones");
    assert.equal(values.email, "ana.jones@example.gov.uk");
  });

  it("marks both skills lists required on the card, with 'Something else' for skills not in the list", async () => {
    const form = await bot.teams.press(chat, ana, VERBS.startInterest);
    const byId: Record<string, Card> = {};
    walk(form, (n) => {
      if (typeof n.type === "string" && n.type.startsWith("Input.")) byId[n.id] = n;
    });
    for (const [id, words] of [["skillsOffered", "can offer"], ["skillsToDevelop", "want to develop"]] as const) {
      const list = byId[id]!;
      assert.equal(list.isRequired, true, `${id}: Teams shows it as required and checks it before sending`);
      assert.match(list.errorMessage, new RegExp(`Select at least one skill you ${words}\\. If yours are not in the list, select 'Something else'`));
      assert.deepEqual(list.choices.at(-1), { title: "Something else (enter it below)", value: "own" });
    }
    assert.equal(byId.skillsOfferedOther!.isRequired, false, "own words stay optional: 'Something else' is checked by the server");
    // 'Something else' ticked and nothing typed: a message beside the words box, nothing stored.
    const sent = await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ skillsOffered: "own", skillsOfferedOther: "" }));
    assert.equal(errorBeside(sent, "skillsOfferedOther"), "Enter the skills you can offer that are not in the list");
    assert.equal(inputs(sent).skillsOffered, "own", "the tick is kept");
    assert.equal(await interestDoc(), undefined, "nothing stored");
  });

  it("returns three mistakes beside their fields, keeps everything typed, and stores nothing", async () => {
    const sent = interestInput({
      organisationName: "",
      workingPattern: "part-time",
      daysPerWeek: "5",
      contractType: "fixed-term",
      fixedTermEnd: inMonths(4),
      availableFrom: inMonths(2),
      shortestDurationMonths: "6",
      adjustments: "I use a screen reader",
    });
    const form = await bot.teams.press(chat, ana, VERBS.submitInterest, sent);
    const text = cardText(form);
    assert.match(text, /There is a problem/);
    assert.ok(errorBeside(form, "organisationName"), "organisation name has a message beside it");
    assert.match(errorBeside(form, "daysPerWeek") ?? "", /4\.5/);
    assert.match(text, /Your contract ends on .*, so a secondment must end by then/);
    const values = inputs(form);
    assert.equal(values.town, "Leeds");
    assert.equal(values.skillsOffered, "policy-development,stakeholder-engagement");
    assert.equal(values.adjustments, "I use a screen reader");
    assert.equal(values.permissionConfirmed, "true");
    assert.equal(await interestDoc(), undefined, "nothing stored");
  });

  it("stores the interest once it is right, marks plan step 1 done and shows it", async () => {
    const card = await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ adjustments: "I use a screen reader" }));
    assert.match(cardText(card), /Thank you. We have your expression of interest/);
    assert.match(cardText(card), /Department for Education/);
    // One name per thing, no brackets inside brackets: each fact on its own line.
    const facts: Record<string, string> = {};
    walk(card, (n) => {
      if (n.type === "FactSet") for (const f of n.facts ?? []) facts[f.title] = f.value;
    });
    assert.equal(facts["Location"], "Leeds, Yorkshire and the Humber");
    assert.equal(facts["Ways of working"], "Hybrid (some time in the office, some at home), Willing to travel");
    assert.equal(facts["Organisation"], "Department for Education");
    assert.equal(facts["Type of organisation"], "Central government department");
    // Who sees adjustments: the same as the form says, and as the code does (the host only once shared).
    assert.equal(facts["Adjustments"], "Recorded. The programme team can see them. A host sees them only if you choose to share them after you both agree to go ahead.");
    assert.equal(facts["Line manager"], "sam.lee@example.gov.uk", "a manager given by email is shown by it");
    for (const [title, value] of Object.entries(facts)) assert.doesNotMatch(value, /\([^)]*\(/, `${title}: no nested brackets`);
    const doc = await interestDoc();
    assert.equal(doc.status, "submitted");
    assert.equal(doc.version, 1);
    assert.equal(doc.details.grade, "cs-heo");
    assert.deepEqual(doc.details.secondmentTypes, ["short-term", "part-time"]);
    assert.ok(doc.createdAt && doc.updatedAt && doc.submittedAt);
    const plan = await bot.teams.press(chat, ana, VERBS.showPlan);
    assert.match(cardText(plan), /1 of 7 steps done/);
  });

  it("reopens the form filled in for editing, and saves the change as a new version", async () => {
    const form = await bot.teams.press(chat, ana, VERBS.startInterest);
    assert.match(cardText(form), /Change your expression of interest/);
    assert.equal(inputs(form).organisationName, "Department for Education");
    const save = action(form, "Save changes");
    assert.equal(save.data.version, 1);
    const card = await bot.teams.press(chat, ana, VERBS.submitInterest, { ...interestInput({ town: "Bradford", skillsOffered: "policy-development,own", skillsOfferedOther: "Negotiation" }), ...save.data });
    assert.match(cardText(card), /Your changes are saved/);
    const doc = await interestDoc();
    assert.equal(doc.version, 2);
    assert.equal(doc.details.town, "Bradford");
    assert.deepEqual(doc.details.skillsOffered, { ids: ["policy-development"], other: ["Negotiation"] }, "'Something else' itself is not stored");
    const again = inputs(await bot.teams.press(chat, ana, VERBS.startInterest));
    assert.equal(again.skillsOffered, "policy-development,own", "own words saved: 'Something else' is ticked again");
    assert.equal(again.skillsOfferedOther, "Negotiation");
  });

  it("refuses to save a form opened before the latest change (stale version)", async () => {
    const card = await bot.teams.press(chat, ana, VERBS.submitInterest, { ...interestInput({ town: "York" }), version: 1 });
    assert.match(cardText(card), /changed after you opened that form/);
    assert.equal((await interestDoc()).details.town, "Bradford");
  });

  it("withdraws after confirmation and keeps the record, marked withdrawn", async () => {
    const mine = await bot.teams.press(chat, ana, VERBS.showInterest);
    const ask = action(mine, "Withdraw");
    const confirm = await bot.teams.press(chat, ana, ask.verb, ask.data);
    assert.match(cardText(confirm), /Withdraw your expression of interest\?/);
    const yes = action(confirm, "Yes, withdraw");
    const done = await bot.teams.press(chat, ana, yes.verb, yes.data);
    assert.match(cardText(done), /You have withdrawn your expression of interest/);
    assert.match(cardText(done), /Withdrawn/);
    const doc = await interestDoc();
    assert.equal(doc.status, "withdrawn");
    assert.ok(doc.withdrawnAt);
    assert.equal(doc.details.organisationName, "Department for Education", "the record is kept");
  });

  it("never writes reasonable adjustments to the logs", () => {
    assert.ok(logs.length > 0, "the bot logged something at debug level");
    assert.ok(!logs.some((l) => l.includes("screen reader")), "adjustments text appears in a log line");
  });
});
