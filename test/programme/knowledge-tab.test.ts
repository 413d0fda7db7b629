import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { silentLogger } from "../../src/log";
import { KB_DOC, type KbDoc } from "../../src/store/knowledge";
import { action, cardText } from "../support/cards";
import { onlyCard, person, personalChat, startTestBot, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

/**
 * The knowledge base in the Programme tab, over real HTTP with the tab's verified sign-in: the
 * questions the bot could not answer and the 👍/👎 counts per entry, and the chat's actions (add as
 * an alternate, add a new entry, undo) through the same change log. Someone outside the programme
 * team can neither see nor change it.
 */
describe("programme tab: the knowledge base", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const kim: Person = { ...person("Kim Varga"), tenantId: DEMO_TENANT_ID };
  const QUESTION = "who signs my timesheets on secondment?";
  const OTHER = "can my cat come to the host office?";
  const kbDoc = async () => (await bot.app.store.container("knowledge").item(KB_DOC, KB_DOC).read<KbDoc>()).resource;

  const signIn = (id: string): Promise<string> => devSignIn(bot.app.url, id);
  const call = (token: string | undefined, method: "GET" | "POST", path: string, body?: unknown) => apiCall(bot.app.url, token, method, path, body);

  before(async () => {
    bot = await startTestBot(demoAppEnv(), silentLogger, { knowledgeRefreshMs: 100, schedulerPollMs: 60_000 });
    await bot.teams.say(personalChat(kim), kim, QUESTION);
    await bot.teams.say(personalChat(kim), kim, QUESTION);
    await bot.teams.say(personalChat(kim), kim, OTHER);
  });
  after(async () => {
    await bot?.stop();
  });

  it("refuses anyone not on the programme team, and anyone not signed in", async () => {
    const sam = await signIn("colleague");
    for (const [method, path, body] of [
      ["GET", "/api/programme/knowledge", undefined],
      ["POST", "/api/programme/knowledge/alternate", { questionId: "q-" + "0".repeat(32), text: QUESTION, entryId: "performance-management" }],
      ["POST", "/api/programme/knowledge/undo", { n: 1 }],
    ] as const) {
      const r = await call(sam, method, path, body);
      assert.equal(r.status, 403, path);
      assert.doesNotMatch(r.raw, /timesheets/);
      assert.equal((await call(undefined, method, path, body)).status, 401, path);
    }
    assert.equal((await kbDoc())?.version ?? 0, 0, "nothing changed");
  });

  it("lists unanswered questions; adds one as an alternate, which the bot then answers; shows 👍/👎 counts; undoes", async () => {
    const t = await signIn("programmeTeam");
    const kb = (await call(t, "GET", "/api/programme/knowledge")).json;
    assert.deepEqual(kb.questions.map((q: any) => [q.text, q.count]), [[QUESTION, 2], [OTHER, 1]], "most asked first, with how often");
    assert.ok(kb.entries.some((e: any) => e.id === "performance-management" && e.topic === "Your performance while on secondment"));
    assert.doesNotMatch(JSON.stringify(kb), new RegExp(kim.aadObjectId), "no person id");
    const q = kb.questions[0];

    const blank = await call(t, "POST", "/api/programme/knowledge/alternate", { questionId: q.id, text: QUESTION, entryId: "" });
    assert.equal(blank.status, 400);
    assert.equal(blank.json.error, "Choose the entry that answers the question.");

    const added = await call(t, "POST", "/api/programme/knowledge/alternate", { questionId: q.id, text: QUESTION, entryId: "performance-management" });
    assert.equal(added.status, 200, added.raw);
    assert.equal(added.json.message, "Added. “who signs my timesheets on secondment?” is now answered with “Your performance while on secondment”.");
    const doc = (await kbDoc())!;
    assert.equal(doc.changes.at(-1)!.kind, "alternate");
    assert.equal(doc.changes.at(-1)!.by.name, "Tom Okafor", "who, in the same change log as the chat");

    // The bot now answers it; Kim says it helped; the tab shows the count.
    const answer = onlyCard(await bot.teams.say(personalChat(kim), kim, QUESTION));
    assert.equal(answer.body[0].text, "Your performance while on secondment");
    await bot.teams.press(personalChat(kim), kim, VERBS.faqFeedback, action(answer, /This helped/).data);
    const after = (await call(t, "GET", "/api/programme/knowledge")).json;
    assert.deepEqual(after.questions.map((x: any) => x.text), [OTHER], "the question has left the list");
    assert.deepEqual(after.feedback, [{ entryId: "performance-management", topic: "Your performance while on secondment", helpful: 1, notHelpful: 0 }]);
    const change = after.changes[0];
    assert.deepEqual({ kind: change.kind, text: change.text, topic: change.topic, by: change.by }, { kind: "alternate", text: QUESTION, topic: "Your performance while on secondment", by: "Tom Okafor" });

    // A new entry for the other question, with a too-short answer first.
    const other = after.questions[0];
    const short = await call(t, "POST", "/api/programme/knowledge/answer", { questionId: other.id, question: OTHER, topic: "Pets at work", answer: "No." });
    assert.equal(short.status, 400);
    assert.equal(short.json.error, "The answer must be 20 to 1,500 characters.");
    assert.deepEqual(short.json.errors, { answer: "The answer must be 20 to 1,500 characters." });
    // Every wrong field at once, each under its own name, in the form's order.
    const several = await call(t, "POST", "/api/programme/knowledge/answer", { questionId: other.id, question: "ca", topic: "", answer: "No." });
    assert.equal(several.status, 400);
    assert.deepEqual(several.json.errors, {
      question: "The question must be 3 to 300 characters.",
      topic: "The short title must be 3 to 80 characters.",
      answer: "The answer must be 20 to 1,500 characters.",
    });
    assert.equal((await kbDoc())!.changes.length, 1, "nothing written");
    const entry = await call(t, "POST", "/api/programme/knowledge/answer", { questionId: other.id, question: OTHER, topic: "Pets at work", answer: "Ask the host organisation. Each office has its own rules about animals." });
    assert.equal(entry.status, 200, entry.raw);
    const pets = onlyCard(await bot.teams.say(personalChat(kim), kim, OTHER));
    assert.equal(pets.body[0].text, "Pets at work");

    // Undo the alternate: the question is back and the bot no longer answers it with that entry.
    const undo = await call(t, "POST", "/api/programme/knowledge/undo", { n: change.n });
    assert.equal(undo.status, 200, undo.raw);
    assert.equal((await call(t, "POST", "/api/programme/knowledge/undo", { n: change.n })).status, 409, "not twice");
    assert.equal((await call(t, "POST", "/api/programme/knowledge/undo", { n: 999 })).status, 404);
    const bad = await call(t, "POST", "/api/programme/knowledge/undo", { n: "1; drop" });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.field, "n", "the message names the field");
    const final = (await call(t, "GET", "/api/programme/knowledge")).json;
    assert.deepEqual(final.questions.map((x: any) => x.text), [QUESTION]);
    // The undo is in the history, newest first, with who and when; the undone change stays, with no Undo.
    assert.deepEqual(final.changes.map((c: any) => c.kind), ["undo", "entry", "alternate"], "the history keeps the undo and the change it undid");
    const [undoRow, entryRow, alternateRow] = final.changes;
    assert.equal(undoRow.of, "alternate");
    assert.equal(undoRow.n, change.n);
    assert.equal(undoRow.by, "Tom Okafor");
    assert.match(undoRow.atText, /\d{4}/);
    assert.equal(typeof undoRow.version, "number");
    assert.equal(alternateRow.undone, true);
    assert.equal(entryRow.undone, false);
    assert.deepEqual(final.changes.map((c: any) => c.written), ["en", "en", "en"], "each change says which language's questions it helps");
    const again = onlyCard(await bot.teams.say(personalChat(kim), kim, QUESTION));
    assert.notEqual(again.body[0].text, "Your performance while on secondment");
    assert.match(cardText(again), /./);
  });

  it("says which suggested topic people chose after asking, and has it first for the tab to pick", async () => {
    const VAGUE = "how does the matching meeting thing work with expenses";
    const offered = onlyCard(await bot.teams.say(personalChat(kim), kim, VAGUE));
    const choice = action(offered, "The informal discussion");
    await bot.teams.press(personalChat(kim), kim, choice.verb, choice.data);
    const t = await signIn("programmeTeam");
    const kb = (await call(t, "GET", "/api/programme/knowledge")).json;
    const q = kb.questions.find((x: any) => x.text === VAGUE);
    assert.ok(q, "the question is listed");
    assert.deepEqual(q.chosen.map((c: any) => [c.entryId, c.count]), [["informal-discussion", 1]]);
    assert.equal(q.chosenText, "People who asked this then chose: The informal discussion (once)");
    const other = kb.questions.find((x: any) => x.text === QUESTION);
    assert.deepEqual(other.chosen, [], "nothing chosen for a question with no suggestions taken");
    assert.equal(other.chosenText, undefined);
  });

  it("adding a question an entry already asks changes nothing and says so: a double click, other case and spaces, the entry's own question", async () => {
    const VAGUE = "how does the matching meeting thing work with expenses";
    const t = await signIn("programmeTeam");
    const q = (await call(t, "GET", "/api/programme/knowledge")).json.questions.find((x: any) => x.text === VAGUE);
    const before = (await kbDoc())!.version;
    // "Add to this entry" clicked twice: both requests arrive together.
    const body = { questionId: q.id, text: VAGUE, entryId: "informal-discussion" };
    const both = await Promise.all([call(t, "POST", "/api/programme/knowledge/alternate", body), call(t, "POST", "/api/programme/knowledge/alternate", body)]);
    assert.deepEqual(both.map((r) => r.status), [200, 200]);
    const doc = (await kbDoc())!;
    assert.equal(doc.version, before + 1, "one version");
    assert.equal(doc.changes.filter((c) => c.kind === "alternate" && c.text === VAGUE).length, 1, "stored once");
    const messages = both.map((r) => r.json.message).sort();
    assert.deepEqual(messages, [
      `Added. “${VAGUE}” is now answered with “The informal discussion”.`,
      `“${VAGUE}” is already a question in “The informal discussion”. Nothing was changed.`,
    ]);
    // The same words with other capitals and spaces, and the entry's own question: nothing written either.
    const shouty = await call(t, "POST", "/api/programme/knowledge/alternate", { ...body, text: "  How does the MATCHING   meeting thing work with expenses " });
    assert.equal(shouty.status, 200);
    assert.equal(shouty.json.changed, false);
    assert.match(shouty.json.message, /is already a question in “The informal discussion”\. Nothing was changed\./);
    const own = await call(t, "POST", "/api/programme/knowledge/alternate", { ...body, text: "what happens in the informal discussion?" });
    assert.equal(own.json.changed, false);
    assert.equal((await kbDoc())!.version, before + 1, "still one version");
    // Once the alternate is undone, it can be added again.
    const n = doc.changes.find((c) => c.kind === "alternate" && c.text === VAGUE)!.n;
    assert.equal((await call(t, "POST", "/api/programme/knowledge/undo", { n })).status, 200);
    const readd = await call(t, "POST", "/api/programme/knowledge/alternate", body);
    assert.equal(readd.json.changed, true, readd.raw);
  });
});
