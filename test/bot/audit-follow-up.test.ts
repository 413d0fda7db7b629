import assert from "node:assert/strict";
import { CosmosClient, PluginOn, type PluginConfig } from "@azure/cosmos";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { personKey } from "../../src/domain/person";
import { silentLogger } from "../../src/log";
import { action, cardActions, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { apiCall, devSignIn } from "../support/tab";
import { demoPerson, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
const ROLE = "Housing data analyst";

/**
 * The store fails just after a match is saved: every request to it refuses (a stopped store), or
 * only the audit container does. Whoever pressed Confirm or "Not suitable" is told the match is
 * saved (never "something went wrong"), the match is stored with what it still owes, and once the
 * store answers again the follow-up job writes the audit entry (once) and tells the people.
 */
describe("a saved match whose audit entry cannot be written yet", function () {
  this.timeout(90_000);
  let bot: TestBot;
  /** "off"; "audit": the audit container refuses; "after-match": everything refuses once a match is created. */
  let fault: "off" | "audit" | "after-match" | "all" = "off";
  let later = 0;
  const refusing: PluginConfig = {
    on: PluginOn.operation,
    plugin: async (context, _diagnostics, next) => {
      const path = context.path ?? "";
      if (fault === "all" || (fault === "audit" && /\/colls\/audit(\/|$)/.test(path))) {
        throw Object.assign(new Error("the store is not answering (test)"), { code: 503 });
      }
      const answer = await next(context);
      if (fault === "after-match" && /\/colls\/matches(\/|$)/.test(path) && context.operationType === "create") fault = "all";
      return answer;
    },
  };
  const tom = demoPerson("programmeTeam");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const [ana, bea, dai, eve] = ["Ana Jones", "Bea Price", "Dai Hughes", "Eve Lloyd"].map(demo) as [Person, Person, Person, Person];
  const vic = demo("Vic Osei");
  const cai = demo("Cai Rees");
  const housing: Chat = { id: "19:housing-fu@thread.tacv2", type: "channel", team: { id: "19:housing-team-fu@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-fu@thread.tacv2", name: "General" } };
  let team = "";
  let roleId = "";

  const keyOf = (p: Person) => personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: p.aadObjectId });
  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person): string => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId ?? personalChat(p).id;
  const stored = async (container: "audit" | "matches" | "outbox", where: string): Promise<any[]> =>
    (await bot.app.store.container(container).items.query(`SELECT * FROM c WHERE ${where}`).fetchAll()).resources;
  const auditOf = (act: string, p: Person) => stored("audit", `c.action = '${act}' AND c.subject = '${p.name} for ${ROLE}'`);
  const matchOf = async (p: Person) => (await stored("matches", `c.candidate.key = '${keyOf(p).toLowerCase()}' OR c.candidate.key = '${keyOf(p)}'`))[0];
  const secondeeCards = (p: Person) => cardsIn(chatOf(p)).filter((c) => /Housing data analyst/.test(cardText(c)));
  async function buttonFor(verb: string, p: Person) {
    const find = () => cardsIn(chatOf(tom)).flatMap(cardActions).find((a) => a.verb === verb && a.data.candidateKey === keyOf(p));
    await bot.connector.waitFor(() => Boolean(find()), 15_000);
    return find()!;
  }
  /** Press a button in Tom's chat and give back what the invoke answered (a card or a message). */
  async function pressRaw(verb: string, data: Record<string, unknown>) {
    const res = await bot.teams.post(bot.teams.activity({ id: chatOf(tom), type: "personal" }, tom, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { type: string; value: any };
  }
  /** The store answers again; the follow-up job's time comes and the scheduler runs what is due. */
  async function storeBack(): Promise<void> {
    fault = "off";
    later += 3 * 60_000;
    await bot.app.scheduler.runDue();
  }

  async function released(who: Person): Promise<void> {
    const manager = demo(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => cardsIn(chatOf(manager)).length > 0, 15_000);
    const agree = action(cardsIn(chatOf(manager))[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager), type: "personal" }, manager, agree.verb, agree.data);
  }

  before(async () => {
    bot = await startTestBot(demoAppEnv(), silentLogger, {
      now: () => new Date(Date.now() + later),
      storeDeps: { client: (options) => new CosmosClient({ ...options, plugins: [...((options as { plugins?: PluginConfig[] }).plugins ?? []), refusing] } as never) },
    });
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    for (const p of [ana, bea, dai, eve]) await released(p);
    // Cai is still waiting on his line manager: an item the team can send a reminder about.
    await bot.teams.press(personalChat(cai), cai, VERBS.submitInterest, interestInput({ fullName: cai.name, lineManagerId: demo("Slow Manager").aadObjectId, lineManagerEmail: "" }));
    const roles = (await bot.app.store.container("people").items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'role'").fetchAll()).resources;
    roleId = roles[0].id;
    team = await devSignIn(bot.app.url, "programmeTeam");
  });
  after(async () => {
    await bot?.stop();
  });

  it("the audit container refuses: Tom sees the match confirmed, and the entry is written once it answers", async () => {
    const confirm = await buttonFor(VERBS.confirmMatch, ana);
    fault = "audit";
    const reply = await pressRaw(confirm.verb, confirm.data);
    assert.equal(reply.type, "application/vnd.microsoft.activity.message", JSON.stringify(reply));
    assert.equal(reply.value, "Confirmed Ana Jones. We have told the role's channel and Ana Jones.", "people were told: the audit entry is the team's, and follows");
    fault = "off";
    const match = await matchOf(ana);
    assert.equal(match?.status, "notified", "the match is stored");
    assert.deepEqual(match.owed.audit.map((a: any) => a.action), ["confirm"], "with the audit entry it owes, in the same document");
    assert.equal((await auditOf("confirm", ana)).length, 0, "not in the trail yet");
    await bot.connector.waitFor(() => secondeeCards(ana).length > 0, 15_000);

    await storeBack();
    const entries = await auditOf("confirm", ana);
    assert.equal(entries.length, 1, "written once the store answers");
    assert.equal(entries[0].who.name, "Tom Okafor");
    assert.deepEqual(entries[0].about, [keyOf(ana).toLowerCase()]);
    assert.equal((await matchOf(ana)).owed, undefined, "nothing owed any more");
    await bot.app.scheduler.runDue();
    assert.equal((await auditOf("confirm", ana)).length, 1, "still one");
    assert.equal(secondeeCards(ana).length, 1, "Ana was told once");
  });

  it("the store stops just after a confirm in chat is saved: Tom is told it is saved, and the rest follows", async () => {
    const confirm = await buttonFor(VERBS.confirmMatch, bea);
    fault = "after-match";
    const reply = await pressRaw(confirm.verb, confirm.data);
    assert.equal(reply.type, "application/vnd.microsoft.activity.message", "words, not a list the store may not have caught up with");
    const said = String(reply.value);
    assert.match(said, /Confirmed Bea Price for Housing data analyst\. This is saved\./, said);
    assert.match(said, /You do not need to confirm again/);
    assert.doesNotMatch(said, /Sorry|problem|went wrong/);
    assert.equal(fault, "all", "the store did stop after the match was written");

    fault = "off";
    const match = await matchOf(bea);
    assert.equal(match?.status, "notified", "the match is stored");
    assert.deepEqual(match.owed.audit.map((a: any) => a.action), ["confirm"]);
    assert.ok(match.owed.notify, "telling people is owed too");
    assert.equal((await auditOf("confirm", bea)).length, 0);
    assert.equal((await stored("outbox", `c.id = 'match-secondee:${match.id}'`)).length, 0, "nobody told yet");

    await storeBack();
    assert.equal((await auditOf("confirm", bea)).length, 1, "the audit entry exists once the store is back");
    assert.equal((await matchOf(bea)).owed, undefined);
    await bot.connector.waitFor(() => secondeeCards(bea).length > 0, 15_000);
    assert.equal(secondeeCards(bea).length, 1, "Bea is told, once");
  });

  it("the store stops just after 'Not suitable' is saved: the answer says so, and the entry follows", async () => {
    const reject = await buttonFor(VERBS.rejectSuggestion, dai);
    fault = "after-match";
    const reply = await pressRaw(reject.verb, reject.data);
    const said = String(reply.value);
    assert.match(said, /We will not suggest Dai Hughes for this role again/, said);
    fault = "off";
    assert.equal((await matchOf(dai))?.closedNote, "not-suitable");
    assert.equal((await auditOf("not-suitable", dai)).length, 0);
    await storeBack();
    assert.equal((await auditOf("not-suitable", dai)).length, 1);
  });

  it("a reminder whose audit entry cannot be written: the tab says it was sent, and pressing again adds the entry, once", async () => {
    const stuck = await apiCall(bot.app.url, team, "GET", "/api/programme/stuck");
    const item = stuck.json.items.find((i: any) => i.kind === "release" && /Cai Rees/.test(i.title));
    assert.ok(item, stuck.raw);
    const reminders = () => stored("audit", "c.action = 'reminder'");
    fault = "audit";
    const sent = await apiCall(bot.app.url, team, "POST", "/api/programme/stuck/remind", { id: item.id });
    fault = "off";
    assert.equal(sent.status, 200, sent.raw);
    assert.equal(sent.json.sent, true);
    assert.match(sent.json.message, /^Reminder sent\. We could not add it to the audit record just now\. Select Send a reminder again/);
    assert.equal((await reminders()).length, 0);
    const queued = (await stored("outbox", "STARTSWITH(c.id, 'programme-reminder:')")).length;
    assert.ok(queued >= 1, "the reminder is on its way");
    for (let i = 0; i < 2; i++) {
      const again = await apiCall(bot.app.url, team, "POST", "/api/programme/stuck/remind", { id: item.id });
      assert.equal(again.json.sent, false, "not sent twice");
      assert.equal((await reminders()).length, 1, "the entry is written, once");
    }
    assert.equal((await stored("outbox", "STARTSWITH(c.id, 'programme-reminder:')")).length, queued, "nothing sent again");
  });

  it("in the Programme tab: the store stops just after a confirm is saved; the tab says it is saved", async () => {
    const role = await apiCall(bot.app.url, team, "GET", `/api/programme/roles/${roleId}`);
    assert.equal(role.status, 200, role.raw);
    const confirm = action(role.json.suggestions.card, "Confirm Eve Lloyd");
    fault = "after-match";
    const done = await apiCall(bot.app.url, team, "POST", "/api/programme/decide", { verb: confirm.verb, data: confirm.data });
    fault = "off";
    assert.equal(done.status, 200, done.raw);
    assert.equal(done.json.reply.kind, "text", done.raw);
    assert.match(done.json.reply.text, /Confirmed Eve Lloyd for Housing data analyst\. This is saved\./);
    assert.equal((await matchOf(eve))?.status, "notified");
    assert.equal((await auditOf("confirm", eve)).length, 0);
    await storeBack();
    assert.equal((await auditOf("confirm", eve)).length, 1, "the audit entry exists once the store is back");
  });
});
