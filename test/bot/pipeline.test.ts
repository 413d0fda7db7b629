import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { notForYou } from "../../bot/handlers/pipeline";
import { formatUkDate, todayInLondon } from "../../src/domain/dates";
import { formatDate } from "../../src/i18n";
import { matchId } from "../../src/domain/match";
import { personKey } from "../../src/domain/person";
import { daysBetween, ukDateOf } from "../../src/domain/pipeline";
import { newSecondment, type Secondment } from "../../src/domain/secondment";
import { SecondmentStore } from "../../src/store/secondments";
import { MatchStore } from "../../src/store/matches";
import { action, cardText, walk, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, onlyText, person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const NOT_FOR_YOU = notForYou();

const CARD = "application/vnd.microsoft.card.adaptive";

/** The figures on a pipeline card: section heading → fact title → value, plus the headline totals. */
function figures(card: Card): { sections: Record<string, Record<string, string>>; headlines: Record<string, string> } {
  const sections: Record<string, Record<string, string>> = {};
  const headlines: Record<string, string> = {};
  walk(card, (n) => {
    if (n.type === "Container" && Array.isArray(n.items) && n.items[0]?.style === "heading") {
      const facts = n.items.find((i: Card) => i.type === "FactSet")?.facts ?? [];
      sections[n.items[0].text] = Object.fromEntries(facts.map((f: Card) => [f.title, f.value]));
    }
    if (n.type === "Column" && n.items?.length === 2 && n.items[0].size === "ExtraLarge") headlines[n.items[1].text] = n.items[0].text;
  });
  return { sections, headlines };
}

describe("the programme team's pipeline view, through the bot", function () {
  this.timeout(60_000);
  let bot: TestBot;
  const pat = person("Pat Programme");
  const vic = person("Vic Osei");
  const ana = person("Ana Jones");
  const ben = person("Ben Ade");
  const cal = person("Cal Dunn");
  const dee = person("Dee Khan");
  const eve = person("Eve Moss");
  const housing: Chat = { id: "19:housing-pipe@thread.tacv2", type: "channel", team: { id: "19:housing-team-pipe@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-pipe@thread.tacv2", name: "General" } };

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const keyOf = (p: Person) => personKey({ tenantId: TENANT, aadObjectId: p.aadObjectId });

  /** Send an interest naming a line manager in Teams; returns the manager and the card they were sent. */
  async function askManager(who: Person, overrides: Record<string, unknown> = {}): Promise<{ manager: Person; chat: Chat; card: Card }> {
    const manager = person(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, lineManagerId: manager.aadObjectId, lineManagerEmail: "", ...overrides }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    return { manager, chat: { id: chatOf(manager)!, type: "personal" }, card: cardsIn(chatOf(manager)!)[0]! };
  }

  async function suggestionsFor(name: string, role: string): Promise<Card> {
    const fits = (c: Card) => cardText(c).includes(role) && JSON.stringify(c).includes(`Confirm ${name}`);
    await bot.connector.waitFor(() => Boolean(chatOf(pat)) && cardsIn(chatOf(pat)!).some(fits), 10_000);
    return cardsIn(chatOf(pat)!).filter(fits).at(-1)!;
  }

  let anaMatchId = "";

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId });
    // Roles: two open (2 and 3 secondees), one withdrawn (4 secondees, not counted).
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ openings: "2" }));
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Statistician", openings: "3" }));
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "Old role", openings: "4" }));
    const { resources: old } = await bot.app.store.container("people").items.query("SELECT c.id FROM c WHERE c.type = 'role' AND c.details.form.title = 'Old role'").fetchAll();
    const withdrawn = await bot.teams.press(housing, vic, VERBS.confirmWithdrawRole, { roleId: old[0].id, version: 1 });
    assert.match(cardText(withdrawn), /You have withdrawn the role/);

    // Ana: released by her manager (and a good fit for both roles).
    const a = await askManager(ana, { skillsOffered: "data-analysis,statistics", adjustments: "I use a screen reader" });
    const agree = action(a.card, "Agree to release");
    await bot.teams.press(a.chat, a.manager, agree.verb, agree.data);
    // Ben: his manager has not answered yet.
    await askManager(ben);
    // Cal: the manager was given by email only, so cannot be reached in Teams.
    await bot.teams.press(personalChat(cal), cal, VERBS.submitInterest, interestInput({ fullName: cal.name, lineManagerId: "", lineManagerEmail: "cal.manager@example.gov.uk" }));
    // Dee: her manager declines.
    const d = await askManager(dee);
    await bot.teams.press(d.chat, d.manager, VERBS.declineRelease, { ...action(d.card, "Agree to release").data, reason: "A busy quarter" });
    // Eve: sends, then withdraws.
    await bot.teams.press(personalChat(eve), eve, VERBS.submitInterest, interestInput({ fullName: eve.name, lineManagerId: "", lineManagerEmail: "eve.manager@example.gov.uk" }));
    const gone = await bot.teams.press(personalChat(eve), eve, VERBS.confirmWithdrawInterest, { version: 1 });
    assert.match(cardText(gone), /You have withdrawn your expression of interest/);

    // Matches: the programme team confirms Ana for one role and turns her down for the other.
    const first = await suggestionsFor("Ana Jones", "Housing data analyst");
    const confirm = action(first, "Confirm Ana Jones");
    await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, confirm.verb, confirm.data);
    anaMatchId = matchId(String(confirm.data.openingId), keyOf(ana));
    const second = await suggestionsFor("Ana Jones", "Statistician");
    const rejected = await bot.teams.press({ id: chatOf(pat)!, type: "personal" }, pat, VERBS.rejectSuggestion, action(second, "Confirm Ana Jones").data);
    assert.match(cardText(rejected), /We will not suggest Ana Jones for this role again/);
    const { resources: matches } = await bot.app.store.container("matches").items.query("SELECT c.id, c.status, c.closedBy FROM c").fetchAll();
    assert.deepEqual(
      matches.map((m: Card) => `${m.status}${m.closedBy ? `/${m.closedBy}` : ""}`).sort(),
      ["closed/programme-team", "notified"],
      "one confirmed match and one rejected suggestion",
    );

    // Secondments, seeded through the store: one agreeing, one active with an overdue check-in, one called off.
    const store = new SecondmentStore(bot.app.store.container("secondments"));
    const now = new Date();
    const today = todayInLondon(now);
    const base = (matchId: string): Secondment =>
      newSecondment({
        matchId,
        tenantId: TENANT,
        serviceUrl: bot.connector.url,
        opening: { id: "role-x", title: "Housing data analyst", organisation: "Leeds City Council", channelConversationId: housing.id },
        secondee: { tenantId: TENANT, aadObjectId: ana.aadObjectId, name: "Ana Jones", key: keyOf(ana) },
        homeManager: { aadObjectId: "home-manager", name: "Hana Manager" },
        host: { aadObjectId: vic.aadObjectId, name: "Vic Osei", key: keyOf(vic) },
        homeOrganisation: "Department for Education",
        capMonths: 24,
        now,
      });
    await store.createOrGet(base("match:seed-agreeing"));
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
    await store.createOrGet({
      ...base(anaMatchId),
      status: "active",
      startedAt: now.toISOString(),
      terms: {
        startDate: today,
        endDate: "2099-01-01",
        hostManagerName: "Vic Osei",
        roleSpecification: "Analysis",
        workingPattern: "full-time",
        salary: "home-pays",
        expenses: "host",
        homeHrContact: "hr@example.gov.uk",
        hostHrContact: "hr@example.gov.uk",
        checkInEveryWeeks: 4,
        noticeWeeks: 4,
      },
      termsVersion: 1,
      checkIns: [
        // A month old, the line manager has not answered: overdue.
        { n: 1, date: monthAgo.slice(0, 10), sentAt: monthAgo, answers: { secondee: { going: "concerns", issues: "A confidential worry", at: monthAgo } } },
        // Sent just now: not overdue.
        { n: 2, date: today, sentAt: now.toISOString(), answers: {} },
      ],
    });
    await store.createOrGet({ ...base("match:seed-cancelled"), status: "cancelled" });
  });
  after(async () => {
    await bot.stop();
  });

  it("shows a programme-team member the totals, and nothing about anyone", async () => {
    const view = onlyCard(await bot.teams.say(personalChat(pat), pat, "pipeline"));
    const { sections, headlines } = figures(view);
    assert.match(cardText(view), /Programme pipeline/);
    assert.match(cardText(view), new RegExp(`Figures on ${formatUkDate(todayInLondon(new Date()))}\\.`));

    assert.deepEqual(sections["Expressions of interest"], { "In the pool": "4", Withdrawn: "1" });
    assert.deepEqual(sections["Line manager release"], {
      "Waiting for a decision": "1",
      Released: "1",
      "Not released": "1",
      "Line manager could not be reached": "1",
    });
    assert.deepEqual(sections["Roles"], { "Open roles": "2", "Secondees needed": "5" });
    assert.deepEqual(sections["Matches"], { "Confirmed: informal chat to arrange": "1", "Informal chat: waiting for answers": "0", "Going ahead: agreeing the details": "0", "Secondment under way": "0", "Secondment ended": "0", "Not going ahead": "0" });
    assert.deepEqual(sections["Secondments"], {
      "Agreeing the details": "1",
      "Confirmed, waiting to start": "0",
      Active: "1",
      "Ended, waiting for the review": "0",
      Closed: "0",
      "Called off": "1",
    });
    assert.deepEqual(sections["Check-ins"], { Overdue: "1" });

    // Medians, worked out from what was stored.
    const people = bot.app.store.container("people");
    const interestDoc = (await people.item("interest", keyOf(ana)).read()).resource;
    const matchDoc = (await bot.app.store.container("matches").item(anaMatchId, anaMatchId).read()).resource;
    const toMatch = daysBetween(ukDateOf(interestDoc.submittedAt)!, ukDateOf(matchDoc.confirmedAt)!);
    const toStart = daysBetween(ukDateOf(matchDoc.confirmedAt)!, todayInLondon(new Date()));
    assert.deepEqual(sections["How long it takes"], {
      "From interest to match": `${toMatch} ${toMatch === 1 ? "day" : "days"} (from 1 match)`,
      "From match to start": `${toStart} ${toStart === 1 ? "day" : "days"} (from 1 secondment)`,
    });

    assert.deepEqual(headlines, { "Interests in the pool": "4", "Open roles": "2", "Active secondments": "1", "Check-ins overdue": "1" });

    const json = JSON.stringify(view);
    for (const secret of ["Ana Jones", "Ben Ade", "Dee Khan", "Vic Osei", "Hana Manager", "screen reader", "A confidential worry", "A busy quarter", "Housing data analyst", "Statistician"]) {
      assert.ok(!json.includes(secret), `the card does not show "${secret}"`);
    }
  });

  it("updates the figures in place when the button is pressed", async () => {
    // Ben withdraws: his pending request is cancelled.
    await bot.teams.press(personalChat(ben), ben, VERBS.confirmWithdrawInterest, { version: 1 });
    const first = onlyCard(await bot.teams.say(personalChat(pat), pat, "Programme pipeline"));
    const update = action(first, "Update the figures");
    const updated = await bot.teams.press(personalChat(pat), pat, update.verb, update.data);
    const { sections } = figures(updated);
    assert.deepEqual(sections["Expressions of interest"], { "In the pool": "3", Withdrawn: "2" });
    assert.equal(sections["Line manager release"]!["Waiting for a decision"], "0");
  });

  it("puts a Pipeline button on the programme team's menu only", async () => {
    const theirs = onlyCard(await bot.teams.say(personalChat(pat), pat, "help"));
    const button = action(theirs, "Pipeline");
    assert.equal(button.verb, VERBS.showPipeline);
    const stranger = person("Stan Ger");
    const others = onlyCard(await bot.teams.say(personalChat(stranger), stranger, "help"));
    assert.doesNotMatch(JSON.stringify(others), new RegExp(VERBS.showPipeline.replace(".", "\\.")), "nobody else sees it");
  });

  it("works for a programme-team member in a channel too", async () => {
    const view = onlyCard(await bot.teams.say(housing, pat, "<at>Secondments</at> programme pipeline"));
    assert.equal(figures(view).sections["Roles"]!["Open roles"], "2");
  });

  it("shows the figures in Welsh to a programme-team member whose Teams is in Welsh, and refuses others in Welsh", async () => {
    const view = onlyCard(await bot.teams.say(personalChat(pat), pat, "pipeline", { locale: "cy-GB" }));
    const text = cardText(view);
    assert.match(text, /Llif y rhaglen/);
    assert.match(text, new RegExp(`Ffigurau ar ${formatDate("cy", todayInLondon(new Date()))}\\.`));
    assert.deepEqual(figures(view).sections["Rolau"], { "Rolau agored": "2", "Secondeion sydd eu hangen": "5" });
    assert.ok(JSON.stringify(view).includes(`"title":"Diweddaru'r ffigurau"`));
    assert.doesNotMatch(text, /Programme pipeline|Open roles|Figures on|Totals only/);
    const stranger = person("Siân Ger");
    const reply = onlyText(await bot.teams.say(personalChat(stranger), stranger, "pipeline", { locale: "cy-GB" }));
    assert.equal(reply, notForYou("cy"));
    assert.match(reply, /ar gyfer tîm y rhaglen yn unig/);
  });

  it("refuses anyone else politely, with no numbers, wherever they ask", async () => {
    const stranger = person("Stan Ger");
    const reply = onlyText(await bot.teams.say(personalChat(stranger), stranger, "pipeline"));
    assert.equal(reply, NOT_FOR_YOU);
    assert.match(reply, /only for the programme team/);
    assert.doesNotMatch(reply, /\d/, "no figures at all");

    // A vacancy holder in the role's channel, and a secondee pressing the button itself.
    const inChannel = await bot.teams.say(housing, vic, "<at>Secondments</at> programme pipeline");
    assert.equal(onlyText(inChannel), NOT_FOR_YOU);
    const pressed = await bot.teams.post(bot.teams.activity(personalChat(ana), ana, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: VERBS.showPipeline, data: {} } } }));
    assert.equal(pressed.status, 200);
    assert.equal(pressed.body.value, NOT_FOR_YOU);
  });

  it("stops counting a role as open, needing a secondee, once its only opening has gone ahead", async () => {
    const roles = async () => figures(onlyCard(await bot.teams.say(personalChat(pat), pat, "pipeline"))).sections["Roles"]!;
    const before = await roles();
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput({ title: "One-opening role", openings: "1" }));
    const { resources } = await bot.app.store.container("people").items.query("SELECT c.id, c.pk FROM c WHERE c.type = 'role' AND c.details.form.title = 'One-opening role'").fetchAll();
    const roleId = resources[0].id as string;
    assert.deepEqual(await roles(), { "Open roles": String(Number(before["Open roles"]) + 1), "Secondees needed": String(Number(before["Secondees needed"]) + 1) });
    // Both sides of a match for it want to go ahead (stored as the match handlers store it).
    const id = matchId(roleId, keyOf(ben));
    await new MatchStore(bot.app.store.container("matches")).create(id, {
      type: "match",
      opening: { id: roleId, ownerKey: resources[0].pk, title: "One-opening role", organisation: "Leeds City Council", channelConversationId: housing.id },
      candidate: { tenantId: TENANT, aadObjectId: ben.aadObjectId, key: keyOf(ben), name: "Ben Ade" },
      status: "agreeing",
      confirmedBy: { aadObjectId: pat.aadObjectId },
      confirmedAt: new Date().toISOString(),
      outcomes: { host: { proceed: true, at: new Date().toISOString() }, secondee: { proceed: true, at: new Date().toISOString() } },
      explanation: "",
    });
    assert.deepEqual(await roles(), before, "the role needs nobody now");
  });
});
