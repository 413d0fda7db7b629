import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { personKey } from "../../src/domain/person";
import { exportFor } from "../../src/privacy/export";
import { action, cardActions, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { apiCall, devSignIn } from "../support/tab";
import { demoPerson, onlyCard, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
const ADJUSTMENTS = "AUDIT-ADJ-5190 a screen reader";
const ROLE = "Housing data analyst";

/**
 * The programme team's audit trail over real HTTP: each entry about a person carries their key, so
 * their export lists it and their erasure replaces their name in it; a confirm or "not suitable"
 * is recorded once, whether pressed in chat or in the Programme tab.
 */
describe("audit trail: about a person by their key (export, erasure); chat and tab presses alike", function () {
  this.timeout(90_000);
  let bot: TestBot;
  const tom = demoPerson("programmeTeam");
  const ana = demoPerson("secondee");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const bea = demo("Bea Price");
  const dai = demo("Dai Hughes");
  const cai = demo("Cai Rees");
  const caiManager = demo("Busy Manager");
  const vic = demo("Vic Osei");
  const housing: Chat = { id: "19:housing-audit@thread.tacv2", type: "channel", team: { id: "19:housing-team-audit@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-audit@thread.tacv2", name: "General" } };
  let team = "";
  let roleId = "";

  const keyOf = (p: Person) => personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: p.aadObjectId });
  const call = (token: string | undefined, method: "GET" | "POST", path: string, body?: unknown) => apiCall(bot.app.url, token, method, path, body);
  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person): string => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId ?? personalChat(p).id;
  /** Every entry the tab's audit API lists (newest first), following its pages. */
  async function trail(): Promise<any[]> {
    const out: any[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await call(team, "GET", `/api/programme/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
      assert.equal(page.status, 200, page.raw);
      out.push(...page.json.entries);
      cursor = page.json.next;
      if (!cursor) break;
    }
    return out;
  }
  const entries = async (act: string, subject: string | RegExp) => (await trail()).filter((e) => e.action === act && (typeof subject === "string" ? e.subject === subject : subject.test(e.subject)));
  /** The suggestions card in Tom's chat with a button for this person, once the outbox has sent it. */
  async function buttonFor(verb: string, p: Person) {
    const find = () => cardsIn(chatOf(tom)).flatMap(cardActions).find((a) => a.verb === verb && a.data.candidateKey === keyOf(p));
    await bot.connector.waitFor(() => Boolean(find()), 15_000);
    return find()!;
  }

  async function released(who: Person, adjustments = ""): Promise<void> {
    const manager = demo(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "", adjustments }));
    await bot.connector.waitFor(() => cardsIn(chatOf(manager)).length > 0, 15_000);
    const agree = action(cardsIn(chatOf(manager))[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager), type: "personal" }, manager, agree.verb, agree.data);
  }

  before(async () => {
    bot = await startTestBot(demoAppEnv());
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    await released(ana, ADJUSTMENTS);
    await released(bea);
    await released(dai);
    // Cai is still waiting on his line manager: a "what is stuck" item the team can send a reminder about.
    await bot.teams.press(personalChat(cai), cai, VERBS.submitInterest, interestInput({ fullName: cai.name, lineManagerId: caiManager.aadObjectId, lineManagerEmail: "" }));
    const roles = await bot.app.store.container("people").items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'role'").fetchAll();
    roleId = roles.resources[0]!.id;
    team = await devSignIn(bot.app.url, "programmeTeam");
  });
  after(async () => {
    await bot?.stop();
  });

  it("audits a view of someone's adjustments under their key, and their export from the tab lists it", async () => {
    const opened = await call(team, "GET", `/api/programme/person?key=${encodeURIComponent(keyOf(ana))}`);
    assert.equal(opened.status, 200, opened.raw);
    assert.equal(opened.json.adjustments, ADJUSTMENTS);
    const views = await entries("adjustments-view", "Ana Jones");
    assert.equal(views.length, 1);
    assert.equal(views[0].who.name, "Tom Okafor");
    assert.equal(views[0].about, undefined, "the tab's list shows words, not person keys");
    const stored = (await bot.app.store.container("audit").items.query("SELECT * FROM c WHERE c.action = 'adjustments-view'").fetchAll()).resources;
    assert.deepEqual(stored.map((d) => d.about), [[keyOf(ana)]], "stored with the key of the person it is about");

    const anaToken = await devSignIn(bot.app.url, "secondee");
    const mine = await call(anaToken, "GET", "/api/tab/my-data");
    assert.equal(mine.status, 200, mine.raw);
    assert.deepEqual(
      mine.json.audit.map((e: any) => [e.action, e.subject, e.yourPart]),
      [["adjustments-view", "Ana Jones", "about-you"]],
      "Ana's own export lists the entry about her",
    );
    assert.doesNotMatch(JSON.stringify(mine.json.audit), /Tom Okafor|Okafor/, "never who on the team did it");
    const summary = onlyCard(await bot.teams.say(personalChat(ana), ana, "export my data"));
    const facts: { title: string; value: string }[] = [];
    JSON.stringify(summary, (_k, v) => (v && typeof v.title === "string" && typeof v.value === "string" && facts.push(v), v));
    assert.equal(facts.find((f) => f.title === "Audit entries about you")?.value, "1", "the summary card counts it");

    // Tom's own export: he did it; the words naming Ana stay out of his file.
    const tomExport = await exportFor(bot.app.store, { tenantId: DEMO_TENANT_ID, aadObjectId: tom.aadObjectId }, new Date());
    assert.deepEqual(tomExport.audit.map((e) => [e.action, e.yourPart, e.subject]), [["adjustments-view", "done-by-you", undefined]]);
  });

  it("records a confirm pressed in chat once, and a repeat press not at all", async () => {
    const confirm = await buttonFor(VERBS.confirmMatch, ana);
    assert.equal(confirm.title, "Confirm Ana Jones");
    const reply = await bot.teams.press({ id: chatOf(tom), type: "personal" }, tom, confirm.verb, confirm.data);
    assert.match(cardText(reply), /Confirmed Ana Jones/);
    await bot.teams.press({ id: chatOf(tom), type: "personal" }, tom, confirm.verb, confirm.data);
    const confirmed = await entries("confirm", `Ana Jones for ${ROLE}`);
    assert.equal(confirmed.length, 1, JSON.stringify(confirmed));
    assert.equal(confirmed[0].who.name, "Tom Okafor");
  });

  it("records 'Not suitable' pressed in chat once", async () => {
    const reject = await buttonFor(VERBS.rejectSuggestion, dai);
    await bot.teams.press({ id: chatOf(tom), type: "personal" }, tom, reject.verb, reject.data);
    await bot.teams.press({ id: chatOf(tom), type: "personal" }, tom, reject.verb, reject.data);
    assert.equal((await entries("not-suitable", `Dai Hughes for ${ROLE}`)).length, 1);
  });

  it("records a confirm pressed in the Programme tab once (the verb audits it; the tab adds nothing)", async () => {
    const role = await call(team, "GET", `/api/programme/roles/${roleId}`);
    assert.equal(role.status, 200, role.raw);
    const confirm = action(role.json.suggestions.card, "Confirm Bea Price");
    const done = await call(team, "POST", "/api/programme/decide", { verb: confirm.verb, data: confirm.data });
    assert.equal(done.status, 200, done.raw);
    assert.equal((await entries("confirm", `Bea Price for ${ROLE}`)).length, 1);
    const again = await call(team, "POST", "/api/programme/decide", { verb: confirm.verb, data: confirm.data });
    assert.equal(again.status, 200);
    assert.equal((await entries("confirm", `Bea Price for ${ROLE}`)).length, 1, "pressed again: still one");
  });

  it("keys a reminder to everyone it names: the secondee and the line manager it went to", async () => {
    const stuck = await call(team, "GET", "/api/programme/stuck");
    const item = stuck.json.items.find((i: any) => i.kind === "release" && /Cai Rees/.test(i.title));
    assert.ok(item, stuck.raw);
    assert.equal(item.about, undefined, "the page gets no person keys");
    const sent = await call(team, "POST", "/api/programme/stuck/remind", { id: item.id });
    assert.equal(sent.json.sent, true, sent.raw);
    const [reminder] = await entries("reminder", /Cai Rees/);
    assert.ok(reminder);
    for (const p of [cai, caiManager]) {
      const theirs = await exportFor(bot.app.store, { tenantId: DEMO_TENANT_ID, aadObjectId: p.aadObjectId }, new Date());
      assert.deepEqual(theirs.audit.map((e) => [e.action, e.yourPart]), [["reminder", "about-you"]], p.name);
    }
  });

  it("after Ana erases her data, the audit keeps every entry about her without her name or id", async () => {
    // An entry written before entries carried keys: her name only, no id.
    await bot.app.store.container("audit").items.create({ id: "audit-legacy-1", pk: "audit-legacy-1", type: "audit", at: "2026-01-05T10:00:00.000Z", who: { aadObjectId: tom.aadObjectId, name: tom.name }, action: "reminder", subject: "Ana Jones's release request" });
    const anaToken = await devSignIn(bot.app.url, "secondee");
    const before = (await call(anaToken, "GET", "/api/tab/my-data")).json.audit;
    assert.deepEqual(before.map((e: any) => e.action).sort(), ["adjustments-view", "confirm"], "the old entry, tied by a name alone, is not in her export (it may be a namesake's)");
    const counted = (await trail()).length;

    const ask = onlyCard(await bot.teams.say(personalChat(ana), ana, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    assert.match(cardText(await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data)), /Your data has been deleted/);

    const after = await trail();
    assert.equal(after.length, counted, "no entry is removed: the trail is the team's record");
    assert.doesNotMatch(JSON.stringify(after), /Ana Jones/, "her name is gone from the trail, the old entry too");
    assert.equal((await entries("adjustments-view", "A person who has left the programme")).length, 1);
    assert.equal((await entries("confirm", `A person who has left the programme for ${ROLE}`)).length, 1);
    assert.equal((await entries("reminder", "A person who has left the programme's release request")).length, 1);
    assert.equal((await entries("confirm", `Bea Price for ${ROLE}`)).length, 1, "other people's entries are untouched");

    const stored = (await bot.app.store.container("audit").items.query("SELECT * FROM c").fetchAll()).resources;
    assert.doesNotMatch(JSON.stringify(stored).toLowerCase(), new RegExp(ana.aadObjectId.toLowerCase()), "her id is nowhere in the stored trail");
    const views = stored.filter((d) => d.action === "adjustments-view");
    assert.match(views[0].about[0], /^[^:]+:left-[0-9a-f]{24}$/, "her key is pseudonymised like the rest of her erased records");
    assert.equal(views[0].who.name, "Tom Okafor", "who did it stays");
  });
});
