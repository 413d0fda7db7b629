import assert from "node:assert/strict";
import { startApp, type RunningApp } from "../../bot/app";
import { notTeamMessage } from "../../bot/handlers/knowledge";
const NOT_TEAM_MESSAGE = notTeamMessage("en-GB");
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import { KB_DOC, type KbDoc } from "../../src/store/knowledge";
import { action, cardText, errorSummary, fieldError, walk, type Card } from "../support/cards";
import { onlyCard, onlyText, person, personalChat, startTestBot, TeamsSimulator, type TestBot } from "../support/teams";

/**
 * The knowledge base the programme team keeps, through /api/messages on two bot instances that
 * share one embedded store: an unanswered question is kept without personal data, a team member
 * adds it as an alternate on instance 1, and both instances then answer it. Undo takes it back.
 */
describe("the knowledge base the programme team keeps, on two instances", function () {
  this.timeout(60_000);
  const REFRESH_MS = 150;
  let bot: TestBot;
  let second: RunningApp;
  let teams2: TeamsSimulator;
  const pat = person("Pat Programme");
  const kim = person("Kim Varga");
  const QUESTION = "who signs my timesheets on secondment?";
  const kb = () => bot.app.store.container("knowledge");
  const kbDoc = async () => (await kb().item(KB_DOC, KB_DOC).read<KbDoc>()).resource;
  const settle = () => new Promise((r) => setTimeout(r, REFRESH_MS + 100));
  /** Pat fills in the "new entry" form the bot showed and adds it. */
  const writeEntry = (form: Card, fields: { question: string; topic: string; answer: string }) => {
    const add = action(form, "Add entry");
    return bot.teams.press(personalChat(pat), pat, add.verb, { ...add.data, ...fields });
  };

  before(async () => {
    const env = { PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId };
    bot = await startTestBot(env, silentLogger, { knowledgeRefreshMs: REFRESH_MS });
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local", ...env });
    second = await startApp(config, { log: silentLogger, knowledgeRefreshMs: REFRESH_MS });
    teams2 = new TeamsSimulator(second.url, bot.connector);
  });
  after(async () => {
    await second?.stop();
    await bot?.stop();
  });

  it("keeps an unanswered question without personal data, and a team member's alternate answers it on both instances", async () => {
    // Kim asks on instance 1, with her name, email and phone in the question.
    const asked = onlyCard(
      await bot.teams.say(personalChat(kim), kim, `Kim Varga here (kim.varga@example.gov.uk, 07700 900123): ${QUESTION}`),
    );
    assert.doesNotMatch(cardText(asked), /Your performance while on secondment/);
    // And on instance 2, in plain words: not answered there either.
    const before2 = onlyCard(await teams2.say(personalChat(kim), kim, QUESTION));
    assert.notEqual(before2.body[0].text, "Your performance while on secondment");

    // What was stored: text only, no email, phone, name or person id.
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const stored = JSON.stringify(resources);
    assert.equal(resources.length, 2);
    assert.doesNotMatch(stored, /kim|varga|example\.gov\.uk|07700|900123/i);
    assert.ok(!stored.includes(kim.aadObjectId), "no person id");
    assert.ok(resources.some((r) => r.text === `[name] [name] here ([email], [phone]): ${QUESTION}`));

    // Pat sees the questions, most asked first, and adds the plain one to "Your performance".
    const list = onlyCard(await bot.teams.say(personalChat(pat), pat, "unanswered questions"));
    assert.match(cardText(list), /Questions I could not answer/);
    assert.match(cardText(list), /who signs my timesheets on secondment\?/);
    const plain = resources.find((r) => r.text === QUESTION)!;
    const open = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAlternate, { questionId: plain.id });
    assert.match(cardText(open), /Add the question to an entry/);
    const add = action(open, "Add");
    const done = await bot.teams.press(personalChat(pat), pat, add.verb, { ...add.data, text: QUESTION, entryId: "performance-management" });
    assert.match(cardText(done), /Added\. "who signs my timesheets on secondment\?" is now answered with "Your performance while on secondment"/);
    assert.match(cardText(done), /By Pat Programme, .* \(version 1\)/);

    // Stored in Cosmos with who and when, as version 1.
    const doc = (await kbDoc())!;
    assert.equal(doc.version, 1);
    assert.equal(doc.changes[0]!.kind, "alternate");
    assert.equal(doc.changes[0]!.by.aadObjectId, pat.aadObjectId);
    assert.ok(!Number.isNaN(Date.parse(doc.changes[0]!.at)));

    // Answered now on instance 1 (at once) and on instance 2 (after its refresh interval).
    const now1 = onlyCard(await bot.teams.say(personalChat(kim), kim, QUESTION));
    assert.equal(now1.body[0].text, "Your performance while on secondment");
    await settle();
    const now2 = onlyCard(await teams2.say(personalChat(kim), kim, QUESTION));
    assert.equal(now2.body[0].text, "Your performance while on secondment");

    // The question has left the team's list.
    const after = onlyCard(await bot.teams.say(personalChat(pat), pat, "unanswered questions"));
    assert.doesNotMatch(cardText(after), /^"who signs my timesheets on secondment\?"$/m);

    // Kim says it helped, with a double-click (two presses at once, on two instances); the team sees one.
    const [thanks, again] = await Promise.all([
      bot.teams.press(personalChat(kim), kim, VERBS.faqFeedback, action(now1, /This helped/).data),
      teams2.press(personalChat(kim), kim, VERBS.faqFeedback, action(now1, /This helped/).data),
    ]);
    assert.match(cardText(thanks), /Thank you\. Your feedback helps/);
    assert.match(cardText(again), /Thank you\. Your feedback helps/);
    const counts = onlyCard(await teams2.say(personalChat(pat), pat, "unanswered questions"));
    assert.match(cardText(counts), /Your performance while on secondment/);
    assert.match(JSON.stringify(counts), /👍 1  👎 0/);

    // Pat undoes the change on instance 2: the question is back in the list and no longer answered.
    const undone = await teams2.press(personalChat(pat), pat, VERBS.kbUndo, action(counts, "Undo").data);
    assert.match(cardText(undone), /Undone:/);
    assert.match(cardText(undone), /^"who signs my timesheets on secondment\?"$/m);
    // The undo is in "Recent changes", with who and when; the change it undid has no Undo button any more.
    const lines = cardText(undone).split("\n");
    const at = lines.findIndex((l) => /^Undone: "who signs my timesheets on secondment\?" added to "Your performance while on secondment"$/.test(l));
    assert.ok(at >= 0, "the undo is listed");
    assert.match(lines[at + 1]!, /^By Pat Programme, \d{1,2} [A-Z][a-z]+ \d{4} \(version 2\)$/);
    assert.doesNotMatch(cardText(undone), /No changes yet/);
    assert.equal(JSON.stringify(undone).match(/"verb":"kb\.undo"/g)?.length ?? 0, 0, "nothing left to undo");
    const docAfter = (await kbDoc())!;
    assert.equal(docAfter.version, 2);
    assert.equal(docAfter.changes[0]!.undone?.by.aadObjectId, pat.aadObjectId);
    await settle();
    const gone = onlyCard(await bot.teams.say(personalChat(kim), kim, QUESTION));
    assert.notEqual(gone.body[0].text, "Your performance while on secondment");
  });

  it("lets a team member write a new answer, shown on both instances", async () => {
    onlyCard(await bot.teams.say(personalChat(kim), kim, "Can I bring my dog to the host's office?"));
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const q = resources.find((r) => /dog/.test(r.text))!;
    const form = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAnswer, { questionId: q.id });
    const bad = await bot.teams.press(personalChat(pat), pat, VERBS.kbAddAnswer, { questionId: q.id, question: q.text, topic: "Do", answer: "Ask." });
    assert.equal(fieldError(bad, "answer"), "Answer must be at least 20 characters.", "the message is under the answer box");
    assert.equal(fieldError(bad, "topic"), "Short title must be at least 3 characters.", "and the short title's under its own box, at the same time");
    assert.equal(fieldError(bad, "question"), undefined, "no message under a right answer");
    assert.deepEqual(errorSummary(bad), ["Short title must be at least 3 characters.", "Answer must be at least 20 characters."], "one line each under 'There is a problem', in the card's order");
    const kept: Record<string, unknown> = {};
    walk(bad, (n) => {
      if (typeof n.type === "string" && n.type.startsWith("Input.")) kept[n.id] = n.value;
    });
    assert.deepEqual(kept, { question: q.text, topic: "Do", answer: "Ask." }, "what was typed is still there");
    assert.equal((await kbDoc())!.version, 2, "nothing written");
    const done = await writeEntry(form, {
      question: "Can I bring my dog to the host's office?",
      topic: "Pets at the host's office",
      answer: "Ask the host organisation. Each host has its own rules about pets at work.",
    });
    assert.match(cardText(done), /Added the entry "Pets at the host's office"/);
    await settle();
    const answered = onlyCard(await teams2.say(personalChat(kim), kim, "can i bring my dog to the host office"));
    assert.equal(answered.body[0].text, "Pets at the host's office");
  });

  it("a Welsh alternate a team member adds answers the Welsh question, in Welsh, on both instances", async () => {
    const WELSH_QUESTION = "Pwy sy'n llofnodi fy nhaflenni amser ar secondiad?";
    const before = onlyCard(await bot.teams.say(personalChat(kim), kim, WELSH_QUESTION));
    assert.doesNotMatch(cardText(before), /Eich perfformiad tra byddwch ar secondiad/);
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const q = resources.find((r) => r.text === WELSH_QUESTION)!;
    assert.ok(q, "the Welsh question is kept for the team");
    // Pat works in English and adds the Welsh question to "Your performance".
    const open = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAlternate, { questionId: q.id });
    const add = action(open, "Add");
    const done = await bot.teams.press(personalChat(pat), pat, add.verb, { ...add.data, text: WELSH_QUESTION, entryId: "performance-management" });
    assert.match(cardText(done), /is now answered with "Your performance while on secondment"/);
    const change = (await kbDoc())!.changes.at(-1)!;
    assert.deepEqual(change.kind === "alternate" ? [change.text, change.lang] : [], [WELSH_QUESTION, "cy"], "stored as a Welsh alternate");

    const now1 = onlyCard(await bot.teams.say(personalChat(kim), kim, WELSH_QUESTION));
    assert.equal(now1.body[0].text, "Eich perfformiad tra byddwch ar secondiad");
    await settle();
    const now2 = onlyCard(await teams2.say(personalChat(kim), kim, WELSH_QUESTION));
    assert.equal(now2.body[0].text, "Eich perfformiad tra byddwch ar secondiad");
    assert.match(cardText(now2), /Eich sefydliad lletyol sy'n rheoli eich perfformiad/);
  });

  it("a new entry a team member writes in Welsh answers Welsh questions, in Welsh, on both instances, and not English ones", async () => {
    const WELSH_QUESTION = "A gaf i barcio fy nghar ym maes parcio'r sefydliad lletyol?";
    onlyCard(await bot.teams.say(personalChat(kim), kim, WELSH_QUESTION));
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const q = resources.find((r) => r.text === WELSH_QUESTION)!;
    assert.ok(q, "the Welsh question is kept for the team");
    // Pat works in English and writes the new entry in Welsh.
    const form = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAnswer, { questionId: q.id });
    const done = await writeEntry(form, {
      question: "A gaf i barcio ym maes parcio'r sefydliad lletyol?",
      topic: "Parcio yn y sefydliad lletyol",
      answer: "Gofynnwch i'r sefydliad lletyol. Mae gan bob sefydliad ei reolau ei hun am barcio.",
    });
    assert.match(cardText(done), /Added the entry "Parcio yn y sefydliad lletyol"/);
    assert.match(cardText(done), /New entry "Parcio yn y sefydliad lletyol" for "A gaf i barcio ym maes parcio'r sefydliad lletyol\?" \(in Welsh\)/, "the team sees the language it is in");
    assert.doesNotMatch(cardText(done), /"Pets at the host's office" for "[^"]+" \(in Welsh\)/);
    const change = (await kbDoc())!.changes.at(-1)!;
    assert.deepEqual([change.kind, change.lang], ["entry", "cy"], "stored as a Welsh entry");

    await settle();
    const welsh = onlyCard(await teams2.say(personalChat(kim), kim, "ga i barcio yn y maes parcio yn y sefydliad lletyol"));
    assert.equal(welsh.body[0].text, "Parcio yn y sefydliad lletyol");
    assert.match(cardText(welsh), /Mae gan bob sefydliad ei reolau ei hun am barcio/);
    assert.match(cardText(welsh), /Ddim yr hyn roeddech chi'n ei ofyn/, "the card around it is in Welsh too");
    const english = onlyCard(await teams2.say(personalChat(kim), kim, "can I park my car in the host organisation's car park?"));
    assert.notEqual(english.body[0].text, "Parcio yn y sefydliad lletyol", "an English question is not answered in Welsh");
    // The team can choose it when adding a question as an alternate.
    const LANYARDS = "what colour lanyard do hosts give secondees";
    await bot.teams.say(personalChat(kim), kim, LANYARDS);
    const kept = (await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll()).resources.find((r) => r.text === LANYARDS)!;
    const choose = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAlternate, { questionId: kept.id });
    assert.match(JSON.stringify(choose), /Parcio yn y sefydliad lletyol/);
  });

  it("counts which suggested topic people chose, shows it to the team, and picks it in the 'add to an entry' form", async () => {
    const VAGUE = "how does the matching meeting thing work with expenses";
    // Kim asks on instance 2 and is offered the closest topics; she chooses the second one.
    const offered = onlyCard(await teams2.say(personalChat(kim), kim, VAGUE));
    assert.match(cardText(offered), /Did you mean/i);
    const choice = action(offered, "The informal discussion");
    assert.match(String(choice.data.q), /^q-[0-9a-f]{32}$/, "the button names the kept question");
    const answer = await bot.teams.press(personalChat(kim), kim, choice.verb, choice.data);
    assert.equal(answer.body[0].text, "The informal discussion", "she gets the topic she chose");

    // Stored with the question: the entry and a count, no person id.
    const stored = (await kb().item(String(choice.data.q), "unanswered").read()).resource;
    assert.deepEqual(stored.chosen, { "informal-discussion": 1 });
    assert.ok(!JSON.stringify(stored).includes(kim.aadObjectId));
    // Asked again: still counted, and the choice is kept.
    onlyCard(await bot.teams.say(personalChat(kim), kim, VAGUE));
    const again = (await kb().item(String(choice.data.q), "unanswered").read()).resource;
    assert.equal(again.count, 2);
    assert.deepEqual(again.chosen, { "informal-discussion": 1 });

    // A made-up question id is refused with a message, and nothing is counted for it.
    const forged = await bot.teams.press(personalChat(kim), kim, choice.verb, { ...choice.data, q: "q-not-a-question" });
    assert.doesNotMatch(cardText(forged), /The informal discussion/);

    // Pat sees what people chose, and the form to add the question to an entry has it picked.
    const list = onlyCard(await bot.teams.say(personalChat(pat), pat, "unanswered questions"));
    assert.match(cardText(list), /People who asked this then chose: The informal discussion \(once\)/);
    const form = await bot.teams.press(personalChat(pat), pat, VERBS.kbOpenAlternate, { questionId: choice.data.q });
    let picked: unknown;
    JSON.stringify(form, (_key, v) => {
      if (v && typeof v === "object" && (v as { id?: string }).id === "entryId") picked = (v as { value?: unknown }).value;
      return v;
    });
    assert.equal(picked, "informal-discussion");
  });

  it("adding a question to an entry twice in chat stores it once and says nothing changed", async () => {
    const VAGUE = "how does the matching meeting thing work with expenses";
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const q = resources.find((r) => r.text === VAGUE)!;
    const before = (await kbDoc())!.version;
    const data = { questionId: q.id, text: VAGUE, entryId: "informal-discussion" };
    const first = await bot.teams.press(personalChat(pat), pat, VERBS.kbAddAlternate, data);
    assert.match(cardText(first), /is now answered with "The informal discussion"/);
    const second = await teams2.press(personalChat(pat), pat, VERBS.kbAddAlternate, { ...data, text: VAGUE.toUpperCase() });
    assert.match(cardText(second), /"HOW DOES THE MATCHING MEETING THING WORK WITH EXPENSES" is already a question in "The informal discussion"\. Nothing was changed\./);
    assert.equal((await kbDoc())!.version, before + 1, "one version");
  });

  it("does not let someone outside the programme team see or change the knowledge base", async () => {
    const versionBefore = (await kbDoc())!.version;
    assert.equal(onlyText(await bot.teams.say(personalChat(kim), kim, "unanswered questions")), NOT_TEAM_MESSAGE);
    assert.equal(onlyText(await teams2.say(personalChat(kim), kim, "knowledge base")), NOT_TEAM_MESSAGE);
    const { resources } = await kb().items.query({ query: "SELECT * FROM c WHERE c.pk = 'unanswered'" }).fetchAll();
    const questionId = resources[0].id as string;
    for (const [verb, data] of [
      [VERBS.kbShow, {}],
      [VERBS.kbOpenAlternate, { questionId }],
      [VERBS.kbAddAlternate, { questionId, text: "who signs my timesheets", entryId: "pay-and-expenses" }],
      [VERBS.kbOpenAnswer, { questionId }],
      [VERBS.kbAddAnswer, { questionId, question: "who signs my timesheets", topic: "Timesheets", answer: "Your host organisation does, every week." }],
      [VERBS.kbUndo, { n: 3 }],
    ] as const) {
      const res = await bot.teams.post(bot.teams.activity(personalChat(kim), kim, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } }));
      assert.equal(res.status, 200);
      assert.equal(res.body.value, NOT_TEAM_MESSAGE, verb);
    }
    const doc = (await kbDoc())!;
    assert.equal(doc.version, versionBefore, "nothing changed");
    assert.ok(doc.changes.every((c) => !c.undone || c.n === 1), "nothing undone by Kim");
  });

  it("recognises greetings, thanks and near-miss commands instead of searching the FAQ", async () => {
    const hello = onlyCard(await bot.teams.say(personalChat(kim), kim, "helo"));
    assert.doesNotMatch(cardText(hello), /You asked:/);
    const plan = onlyCard(await bot.teams.say(personalChat(kim), kim, "my pln"));
    assert.match(cardText(plan), /step/i);
    assert.match(onlyText(await bot.teams.say(personalChat(kim), kim, "thanks!")), /You are welcome/);
  });
});
