import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import type { Match } from "../../src/domain/match";
import { ChangeLog } from "../../src/store/changes";
import { MatchStore } from "../../src/store/matches";
import { matchStageLabel, MATCH_STAGES, personStageLabel, type MatchStage, type PersonStage } from "../../src/domain/stage";
import { action, cardActions, cardText, walk, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { demoPerson, onlyCard, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

const CARD = "application/vnd.microsoft.card.adaptive";

/** The facts of a card (FactSet rows), as title: value. */
function facts(card: Card): Record<string, string> {
  const out: Record<string, string> = {};
  walk(card, (n) => {
    if (n.type === "FactSet") for (const f of n.facts ?? []) out[f.title] = f.value;
  });
  return out;
}

/**
 * The vacancy holder (Priya) and the secondee (Ana) act on their match from their own chats, from
 * "my matches" and from a programme-team reminder; and a match's stage and a person's stage read
 * the same in the CSV exports, the Programme tab's API and the chat cards. All over real HTTP.
 */
describe("my matches: each side acts from their own chat, and every screen shows the same stage", function () {
  this.timeout(90_000);
  let bot: TestBot;
  const tom = demoPerson("programmeTeam");
  const priya = demoPerson("vacancyHolder");
  const ana = demoPerson("secondee");
  const sam = demoPerson("colleague");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const housing: Chat = { id: "19:housing-mine@thread.tacv2", type: "channel", team: { id: "19:housing-team-mine@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-mine@thread.tacv2", name: "Vacancies" } };
  let matchId = "";
  let roleId = "";

  const call = async (method: "GET" | "POST", path: string, body?: unknown) => apiCall(bot.app.url, await devSignIn(bot.app.url, "programmeTeam"), method, path, body);
  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const myMatches = async (who: Person): Promise<Card> => onlyCard(await bot.teams.say(personalChat(who), who, "my matches"));
  const stored = async () => (await bot.app.store.container("matches").item(matchId, matchId).read()).resource;

  before(async () => {
    // The tab keeps a copy of the pool (for a minute): a change made in chat must show in it at once.
    bot = await startTestBot(demoAppEnv());
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, priya, "<at>Secondments</at> help");
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput());
    const manager = demo("Manager of Ana Jones");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: "Ana Jones", skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
    roleId = (await bot.app.store.container("people").items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'role'").fetchAll()).resources[0]!.id;
    // Tom confirms Ana from the Programme tab: the channel and Ana are told.
    const role = await call("GET", `/api/programme/roles/${encodeURIComponent(roleId)}`);
    const confirm = action(role.json.suggestions.card, "Confirm Ana Jones");
    assert.equal((await call("POST", "/api/programme/decide", { verb: confirm.verb, data: confirm.data })).status, 200);
    matchId = (await bot.app.store.container("matches").items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'match'").fetchAll()).resources[0]!.id;
  });
  after(async () => {
    await bot.stop();
  });

  it("shows Priya her confirmed match as confirmed, with a button that opens the match card in her chat and runs the same verbs", async () => {
    const mine = await myMatches(priya);
    assert.match(cardText(mine), /Ana Jones for Housing data analyst/);
    assert.match(cardText(mine), /Confirmed: informal chat to arrange/);
    assert.doesNotMatch(cardText(mine), /Suggested/);
    const open = action(mine, "Arrange the informal chat");
    assert.equal(open.verb, VERBS.refreshMatch);
    assert.deepEqual(open.data, { matchId, view: "host" });

    // Someone else cannot open Priya's side of the card, even with its id.
    const nosy = await bot.teams.post(bot.teams.activity(personalChat(sam), sam, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: open.verb, data: open.data } } }));
    assert.match(JSON.stringify(nosy.body), /Only the people this match was sent to can see it/);
    assert.doesNotMatch(JSON.stringify(nosy.body), /arrange the informal chat/i);

    // Her "My secondment" tab shows the same list, and its button opens the same card there.
    const token = await devSignIn(bot.app.url, "vacancyHolder");
    const me = (await apiCall(bot.app.url, token, "GET", "/api/tab/me")).json;
    const inTab = me.sections.find((x: any) => x.id === "matches").reply.card;
    assert.deepEqual(action(inTab, "Arrange the informal chat").data, open.data);
    const tabCard = (await apiCall(bot.app.url, token, "POST", "/api/tab/action", { verb: open.verb, data: open.data })).json.reply.card;
    assert.equal(action(tabCard, "I'll arrange the informal chat").verb, VERBS.arrangeMeeting);

    const matchCard = await bot.teams.press(personalChat(priya), priya, open.verb, open.data);
    assert.match(cardText(matchCard), /Possible match for Housing data analyst: Ana Jones/);
    assert.equal(facts(matchCard)["Stage"], "Confirmed: informal chat to arrange");
    const arrange = action(matchCard, "I'll arrange the informal chat");
    assert.equal(arrange.verb, VERBS.arrangeMeeting);

    const arranged = await bot.teams.press(personalChat(priya), priya, arrange.verb, arrange.data);
    assert.match(cardText(arranged), /Thank you\. You are arranging the informal chat/);
    const m = await stored();
    assert.equal(m.status, "meeting");
    assert.equal(m.arrangedBy.name, "Priya Shah");
    // The same guard as in the channel: a second press of the old card changes nothing.
    const again = await bot.teams.press(personalChat(priya), priya, arrange.verb, arrange.data);
    assert.match(cardText(again), /already being arranged/);
    assert.equal((await stored())._etag, m._etag, "nothing written by the second press");
    // Everyone in the channel sees the card as it stands.
    await bot.connector.waitFor(() => bot.connector.to(housing.id).some((s) => s.method === "PUT" && /Priya Shah is arranging the informal chat/.test(cardText(s.body.attachments?.[0]?.content ?? {}))), 10_000);

    const after = await myMatches(priya);
    assert.match(cardText(after), /Informal chat: waiting for answers/);
    assert.equal(action(after, "Say whether to go ahead").verb, VERBS.refreshMatch);
  });

  it("gives a reminder from the programme team a button that opens the match card in Priya's chat", async () => {
    const stuck = (await call("GET", "/api/programme/stuck")).json.items;
    const item = stuck.find((i: any) => i.kind === "meeting");
    assert.equal(item.matchId, undefined, "the match id stays on the server");
    assert.equal((await call("POST", "/api/programme/stuck/remind", { id: item.id })).json.sent, true);
    const reminderIn = (who: Person) => cardsIn(personalChat(who).id).find((c) => /A reminder from the programme team/.test(cardText(c)));
    await bot.connector.waitFor(() => Boolean(reminderIn(priya) && reminderIn(ana)), 10_000);
    const reminder = reminderIn(priya)!;
    assert.match(cardText(reminder), /waiting for your answer after the informal chat\. Use the button below to open the match card\./);
    assert.match(cardText(reminder), /Informal chat: waiting for answers/);
    const open = action(reminder, "Say whether to go ahead");
    assert.deepEqual(open.data, { matchId, view: "host" });
    const matchCard = await bot.teams.press(personalChat(priya), priya, open.verb, open.data);
    assert.equal(action(matchCard, "We want to go ahead").verb, VERBS.hostProceeds);
    // Ana's reminder opens her side of the card.
    assert.deepEqual(action(reminderIn(ana)!, "Say whether to go ahead").data, { matchId, view: "secondee" });
  });

  it("lets Ana open her side of the card from my matches; once both say yes, each sees the match going ahead", async () => {
    const mine = await myMatches(ana);
    assert.match(cardText(mine), /Housing data analyst/);
    const open = action(mine, "Say whether to go ahead");
    assert.deepEqual(open.data, { matchId, view: "secondee" });
    const own = await bot.teams.press(personalChat(ana), ana, open.verb, open.data);
    const yes = action(own, "I want to go ahead");
    assert.match(cardText(await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data)), /Thank you/);
    assert.equal((await stored()).outcomes.secondee.proceed, true);

    const hostCard = await bot.teams.press(personalChat(priya), priya, VERBS.refreshMatch, { matchId, view: "host" });
    const hostYes = action(hostCard, "We want to go ahead");
    await bot.teams.press(personalChat(priya), priya, hostYes.verb, hostYes.data);
    assert.equal((await stored()).status, "agreeing");
    for (const who of [ana, priya]) {
      const list = await myMatches(who);
      assert.match(cardText(list), /Going ahead: agreeing the details/, who.name);
      assert.ok(!cardActions(list).some((a) => a.verb === VERBS.refreshMatch), `${who.name}: nothing left to answer on the match card`);
    }
    // The details wait on Priya (the host fills them in): her button opens the secondment card there.
    const details = action(await myMatches(priya), "Fill in the details");
    assert.equal(details.verb, VERBS.mySecondment);
    assert.equal(action(await bot.teams.press(personalChat(priya), priya, details.verb, details.data), /Fill in/).verb, VERBS.openAgreement);
    assert.ok(!cardActions(await myMatches(ana)).some((a) => a.verb === VERBS.mySecondment), "nothing waits on Ana until the details are filled in");
  });

  it("warns Priya, before she withdraws the role, that a match already going ahead is not stopped by it", async () => {
    const ask = action(await bot.teams.press(personalChat(priya), priya, VERBS.listRoles), "Withdraw");
    const confirm = cardText(await bot.teams.press(personalChat(priya), priya, ask.verb, ask.data));
    assert.match(confirm, /This match is already going ahead\. Withdrawing the role does not stop it:/);
    assert.match(confirm, /- Ana Jones: Going ahead: agreeing the details/);
    assert.match(confirm, /To stop one, call off its secondment on the secondment card/);
    assert.doesNotMatch(confirm, /ends if you withdraw/);
  });

  /** The role's stage reads the same in the roles CSV, the tab's role card and Roles table, and Priya's own My roles. */
  const roleReadsAlike = async (roleLabel: string, when: string): Promise<void> => {
    // A secondment written here leaves no change marker: the tab's copy (up to a minute old) is refreshed by noting the match.
    const matchStore = new MatchStore(bot.app.store.container("matches"), new ChangeLog(bot.app.store.container("changes")));
    await matchStore.update(matchId, (m) => ({ next: m, result: undefined }));
    const csvRows = parse((await call("GET", "/api/programme/export/roles.csv")).raw, { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(csvRows[0]!["Status"], roleLabel, `roles.csv at ${when}`);
    assert.match(cardText((await call("GET", `/api/programme/roles/${encodeURIComponent(roleId)}`)).json.role.card), new RegExp(`^${roleLabel}$`, "m"), `the tab's role card at ${when}`);
    assert.equal((await call("GET", "/api/programme/roles")).json.rows[0].labels.status, roleLabel, `Roles table at ${when}`);
    const mine = cardText(onlyCard(await bot.teams.say(personalChat(priya), priya, "my roles")));
    assert.match(mine, new RegExp(`^${roleLabel}$`, "m"), `Priya's My roles at ${when}: ${mine}`);
    assert.doesNotMatch(mine, /^Sent$/m, `Priya's My roles at ${when}`);
  };

  it("reads the role as Open while its only match agrees the details, and Filled once the secondment is confirmed, alike in the CSV, the tab and My roles", async () => {
    const { _etag, _rid, _ts, _self, _attachments, ...original } = await stored();
    const matches = new MatchStore(bot.app.store.container("matches"), new ChangeLog(bot.app.store.container("changes")));
    await matches.update(matchId, () => ({ next: { ...original, status: "agreeing" } as Match, result: undefined }));
    const secondments = bot.app.store.container("secondments");
    const found = (await secondments.items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'secondment'").fetchAll()).resources[0];
    if (found) {
      const sec = (await secondments.item(found.id, found.id).read()).resource;
      await secondments.items.upsert({ ...sec, status: "agreeing" });
      await roleReadsAlike("Open", "agreeing the details");
      await secondments.items.upsert({ ...sec, status: "confirmed" });
      await roleReadsAlike("Filled", "a confirmed secondment");
      await secondments.items.upsert({ ...sec, status: "cancelled" });
      await roleReadsAlike("Open", "a cancelled secondment");
      await secondments.items.upsert({ ...sec, status: "agreeing" });
    } else await roleReadsAlike("Open", "agreeing, no secondment yet");
    await matches.update(matchId, () => ({ next: original as Match, result: undefined }));
  });

  it("shows each stage of the same stored match alike in the CSV, the Programme tab and the chat cards", async () => {
    const { _etag, _rid, _ts, _self, _attachments, ...original } = await stored();
    const matches = new MatchStore(bot.app.store.container("matches"), new ChangeLog(bot.app.store.container("changes")));
    const shapes: Record<MatchStage, Record<string, unknown>> = {
      confirmed: { status: "notified", outcomes: {}, arrangedBy: undefined },
      meeting: { status: "meeting", outcomes: {} },
      agreeing: { status: "agreeing" },
      // Stored "agreeing" still: the stage reads from the secondment it led to (set below).
      underWay: { status: "agreeing" },
      ended: { status: "agreeing" },
      closed: { status: "closed", closedBy: "host", closedReason: "The dates do not work", closedAt: new Date().toISOString() },
      notSuitable: { status: "closed", closedBy: "programme-team", closedNote: "not-suitable", closedAt: new Date().toISOString() },
    };
    const personStageOf: Record<MatchStage, PersonStage> = { confirmed: "matched", meeting: "matched", agreeing: "placed", underWay: "seconded", ended: "available", closed: "available", notSuitable: "available" };
    const secondmentStatusOf: Partial<Record<MatchStage, string>> = { underWay: "active", ended: "ended" };
    const secondments = bot.app.store.container("secondments");
    const secondmentId = (await secondments.items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'secondment'").fetchAll()).resources[0]!.id;
    const csv = async (file: string) => parse((await call("GET", `/api/programme/export/${file}`)).raw, { columns: true, bom: true }) as Record<string, string>[];
    for (const stage of MATCH_STAGES) {
      // Written as the app writes a match (etag-guarded, noted for matching), not through a verb.
      await matches.update(matchId, () => {
        const { arrangedBy, ...rest } = { ...original, ...shapes[stage] };
        return { next: (arrangedBy ? { ...rest, arrangedBy } : rest) as Match, result: undefined };
      });
      const sec = (await secondments.item(secondmentId, secondmentId).read()).resource;
      await secondments.items.upsert({ ...sec, status: secondmentStatusOf[stage] ?? "agreeing" });
      const label = matchStageLabel("en-GB", stage);
      const inCsv = (await csv("matches.csv")).find((r) => r["Person"] === "Ana Jones")!;
      assert.equal(inCsv["Status"], label, `matches.csv at ${stage}`);
      const suggestions = cardText((await call("GET", `/api/programme/roles/${encodeURIComponent(roleId)}`)).json.suggestions.card ?? {});
      // A match going ahead reads as its secondment stands on the role's suggestions too.
      if (stage !== "confirmed" && stage !== "meeting" && stage !== "agreeing" && stage !== "underWay" && stage !== "ended") assert.ok(suggestions.split("\n").some((l) => l.startsWith(label)), `tab suggestions at ${stage}: ${suggestions}`);
      else assert.ok(suggestions.split("\n").some((l) => l.startsWith(`${label} (confirmed by`)), `tab suggestions at ${stage}: ${suggestions}`);

      // The role (one opening) is filled once a secondment takes it (under way or over); while the details are agreed it is still open.
      await roleReadsAlike(stage === "underWay" || stage === "ended" ? "Filled" : "Open", stage);

      const personLabel = personStageLabel("en-GB", personStageOf[stage]);
      const row = (await call("GET", "/api/programme/interests?q=Ana")).json.rows[0];
      assert.equal(row.labels.status, personLabel, `People table at ${stage}`);
      assert.equal((await csv("interests.csv")).find((r) => r["Name"] === "Ana Jones")!["Status"], personLabel, `interests.csv at ${stage}`);
      const record = (await call("GET", `/api/programme/person?key=${encodeURIComponent(row.key)}`)).json.reply.card;
      assert.match(cardText(record), new RegExp(`^${personLabel}$`, "m"), `person record at ${stage}`);

      // The programme team's pipeline card counts the match under the same words.
      const pipeline = facts(onlyCard(await bot.teams.say(personalChat(tom), tom, "pipeline")));
      if (stage === "underWay" || stage === "ended") assert.equal(pipeline[matchStageLabel("en-GB", "agreeing")], "0", `not counted as agreeing at ${stage}`);
      if (stage !== "notSuitable") assert.equal(pipeline[label], "1", `pipeline at ${stage}: ${JSON.stringify(pipeline)}`);
      else assert.equal(pipeline[matchStageLabel("en-GB", "closed")], "0", "a pair turned down is not counted as not going ahead");

      const list = cardText(await myMatches(ana));
      if (stage === "notSuitable") assert.doesNotMatch(list, /Housing data analyst/, "a pair turned down was never shown to Ana");
      else {
        assert.match(list, new RegExp(`^${label}$`, "m"), `Ana's my matches at ${stage}`);
        assert.match(cardText(await myMatches(priya)), new RegExp(`^${label}$`, "m"), `Priya's my matches at ${stage}`);
        assert.equal(facts(await bot.teams.press(personalChat(ana), ana, VERBS.refreshMatch, { matchId, view: "secondee" }))["Stage"], label, `Ana's match card at ${stage}`);
        assert.equal(facts(await bot.teams.press(housing, priya, VERBS.refreshMatch, { matchId, view: "host" }))["Stage"], label, `the channel's match card at ${stage}`);
      }
    }
  });

  it("opens Priya's side of the card in her own language from her chat, and keeps the channel's in the channel's", async () => {
    await bot.teams.say(personalChat(priya), priya, "cymraeg");
    const own = await bot.teams.press(personalChat(priya), priya, VERBS.refreshMatch, { matchId, view: "host" });
    assert.ok(Object.keys(facts(own)).includes("Cam y pâr"), JSON.stringify(facts(own)));
    const inChannel = await bot.teams.press(housing, priya, VERBS.refreshMatch, { matchId, view: "host" });
    assert.ok(Object.keys(facts(inChannel)).includes("Stage"), "the channel's card stays in the channel's language");
    await bot.teams.say(personalChat(priya), priya, "english");
  });

  it("shows a match left open on a role withdrawn before withdrawing ended its matches as not going ahead, in the CSV, the Programme tab and the pipeline", async () => {
    const { _etag, _rid, _ts, _self, _attachments, closedBy, closedNote, closedAt, closedReason, ...open } = (await stored()) as Match & Record<string, unknown>;
    const matches = new MatchStore(bot.app.store.container("matches"), new ChangeLog(bot.app.store.container("changes")));
    const csv = async (file: string) => parse((await call("GET", `/api/programme/export/${file}`)).raw, { columns: true, bom: true }) as Record<string, string>[];
    const people = bot.app.store.container("people");
    // The role withdrawn as the app did before today (its open match left alone), written straight to the store.
    const role = (await people.items.query<Record<string, unknown>>({ query: "SELECT * FROM c WHERE c.id = @id", parameters: [{ name: "@id", value: roleId }] }).fetchAll()).resources[0]!;
    await people.items.upsert({ ...role, status: "withdrawn", withdrawnAt: new Date().toISOString() });
    // As any instance would read it at start-up: the app's matching told of the stored role.
    await new ChangeLog(bot.app.store.container("changes")).note({ container: "people", id: roleId, pk: String(role["pk"]) });
    // Its match still confirmed (written as the app writes a match, so every view catches up).
    await matches.update(matchId, () => ({ next: { ...open, status: "notified", outcomes: {} } as Match, result: undefined }));

    const notGoingAhead = matchStageLabel("en-GB", "closed");
    assert.equal((await csv("matches.csv")).find((r) => r["Person"] === "Ana Jones")!["Status"], notGoingAhead, "matches.csv");
    const available = personStageLabel("en-GB", "available");
    assert.equal((await csv("interests.csv")).find((r) => r["Name"] === "Ana Jones")!["Status"], available, "interests.csv");
    assert.equal((await call("GET", "/api/programme/interests?q=Ana")).json.rows[0].labels.status, available, "the People table");
    const suggestions = cardText((await call("GET", `/api/programme/roles/${encodeURIComponent(roleId)}`)).json.suggestions.card ?? {});
    assert.ok(suggestions.split("\n").some((l) => l.startsWith(notGoingAhead)), `the role's suggestions: ${suggestions}`);
    assert.doesNotMatch(suggestions, /Confirmed: informal chat to arrange/);
    const pipeline = facts(onlyCard(await bot.teams.say(personalChat(tom), tom, "pipeline")));
    assert.equal(pipeline[matchStageLabel("en-GB", "confirmed")], "0", JSON.stringify(pipeline));
    assert.equal(pipeline[notGoingAhead], "1", JSON.stringify(pipeline));
  });
});
