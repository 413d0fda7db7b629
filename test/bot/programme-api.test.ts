import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { SecondmentStore } from "../../src/store/secondments";
import { seedSecondment } from "../support/secondments";
import { VERBS } from "../../cards";
import { DEMO_TENANT_ID, demoAppEnv } from "../../src/demo/people";
import { personKey } from "../../src/domain/person";
import { todayInLondon } from "../../src/domain/dates";
import { reminderSlot } from "../../src/programme/stuck";
import { action, cardText, type Card } from "../support/cards";
import { inMonths, interestInput, roleInput } from "../support/forms";
import { demoPerson, person, personalChat, startTestBot, type Chat, type Person, type TestBot } from "../support/teams";
import { apiCall, devSignIn } from "../support/tab";

const CARD = "application/vnd.microsoft.card.adaptive";
const SECRET = "ZQX-ADJUSTMENT-wheelchair-ramp-4471";

/** The Programme tab's API over real HTTP, signed in with the development sign-in (no app id). */
describe("programme tab API: pool, decisions, manual matches, reminders, exports", function () {
  this.timeout(60_000);
  let bot: TestBot;
  // Tom Okafor, the programme team of `npm run dev`, on the programme team the way `npm run dev` puts him there.
  const tom = demoPerson("programmeTeam");
  const demo = (name: string): Person => ({ ...person(name), tenantId: DEMO_TENANT_ID });
  const vic = demo("Vic Osei");
  const housing: Chat = { id: "19:housing-prog@thread.tacv2", type: "channel", team: { id: "19:housing-team-prog@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-prog@thread.tacv2", name: "General" } };
  let roleId = "";
  const people: Record<string, Person> = {};
  /** Cai Rees's line manager, who has not answered yet. */
  const busyManager = demo("Busy Manager");

  const signIn = (id: string): Promise<string> => devSignIn(bot.app.url, id);
  const call = (token: string | undefined, method: "GET" | "POST", path: string, body?: unknown) => apiCall(bot.app.url, token, method, path, body);
  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;

  async function released(who: Person, overrides: Record<string, unknown> = {}): Promise<void> {
    const manager = demo(`Manager of ${who.name}`);
    await bot.teams.press(personalChat(who), who, VERBS.submitInterest, interestInput({ fullName: who.name, skillsOffered: "data-analysis,statistics", lineManagerId: manager.aadObjectId, lineManagerEmail: "", adjustments: SECRET, ...overrides }));
    await bot.connector.waitFor(() => Boolean(chatOf(manager)) && cardsIn(chatOf(manager)!).length > 0, 10_000);
    const agree = action(cardsIn(chatOf(manager)!)[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(manager)!, type: "personal" }, manager, agree.verb, agree.data);
    people[who.name] = who;
  }

  before(async () => {
    bot = await startTestBot(demoAppEnv());
    // Tom has talked to the bot, so messages sent for Tom go to this Teams (the connector stand-in).
    await bot.teams.say(personalChat(tom), tom, "hello");
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    // Ana Jones is the demo secondee: the same person as in her Playground and her My secondment tab.
    await released(demoPerson("secondee"));
    // Bea's grade is below the role's range: the engine never suggests her.
    await released(demo("Bea Ŵyn-Tŷ"), { grade: "cs-eo", organisationType: "local-authority", organisationName: "Cyngor Gwynedd", town: "Caernarfon", region: "wales" });
    // Cai asks for a later start and is still waiting on his line manager.
    const cai = demo("Cai Rees");
    await bot.teams.press(personalChat(cai), cai, VERBS.submitInterest, interestInput({ fullName: "Cai Rees", availableFrom: inMonths(5), adjustments: SECRET, lineManagerId: busyManager.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => Boolean(chatOf(busyManager)) && cardsIn(chatOf(busyManager)!).length > 0, 10_000);
    const roles = await bot.app.store.container("people").items.query<{ id: string }>("SELECT c.id FROM c WHERE c.type = 'role'").fetchAll();
    roleId = roles.resources[0]!.id;
  });
  after(async () => {
    await bot.stop();
  });

  it("answers 401 without a valid token, 403 with a polite message for anyone not on the programme team", async () => {
    assert.equal((await call(undefined, "GET", "/api/programme/interests")).status, 401);
    assert.equal((await call("not-a-token-at-all", "GET", "/api/programme/me")).status, 401);
    const sam = await signIn("colleague");
    for (const path of ["/api/programme/me", "/api/programme/interests", "/api/programme/outcomes", "/api/programme/export/interests.csv", "/api/programme/audit"]) {
      const r = await call(sam, "GET", path);
      assert.equal(r.status, 403, path);
      assert.match(r.json.error, /for the secondment programme team/);
      assert.doesNotMatch(r.raw, /Ana Jones|Bea/);
    }
    const me = await call(await signIn("programmeTeam"), "GET", "/api/programme/me");
    assert.equal(me.status, 200);
    assert.equal(me.json.name, "Tom Okafor");
    assert.equal(me.json.lang, "en-GB");
    assert.equal(me.json.words["programme.people.title"], "People", "the page's words come with who is signed in");
    assert.deepEqual(me.json.options.grade.find((g: any) => g.id === "cs-heo"), { id: "cs-heo", label: "Higher Executive Officer (HEO)" }, "the grade filter is a list of labelled grades");
    assert.deepEqual(me.json.options.personStatus.map((o: any) => o.label), ["Available", "Matched", "Going ahead", "On secondment", "Withdrawn"]);
    assert.equal(me.json.options.region.find((r: any) => r.id === "yorkshire-and-the-humber").label, "Yorkshire and the Humber");
  });

  it("labels every id in the tables: grade, region, organisation type, types, release and status", async () => {
    const t = await signIn("programmeTeam");
    const ana = (await call(t, "GET", "/api/programme/interests?q=Ana")).json.rows[0];
    assert.equal(ana.grade, "cs-heo", "the id stays for sorting and filtering");
    assert.match(ana.labels.availableFrom, /^\d{1,2} [A-Z][a-z]+ \d{4}$/, "dates as people read them");
    delete ana.labels.availableFrom;
    assert.deepEqual(ana.labels, {
      organisationType: "Central government department",
      grade: "Higher Executive Officer (HEO)",
      region: "Yorkshire and the Humber",
      secondmentTypes: "Short-term (around 12 weeks), Part-time",
      release: "Released",
      status: "Available",
    });
    const cai = (await call(t, "GET", "/api/programme/interests?q=Cai")).json.rows[0];
    assert.equal(cai.labels.release, "Waiting for line manager");
    const role = (await call(t, "GET", "/api/programme/roles")).json.rows[0];
    assert.match(role.labels.grades, /^[A-Z].* to [A-Z].*\)$/, role.labels.grades);
    assert.equal(role.labels.status, "Open");
    assert.doesNotMatch(JSON.stringify(role.labels), /cs-|yorkshire-and|short-term/);
  });

  it("pages, filters, sorts and searches the pool; never shows adjustments; names a bad filter", async () => {
    const t = await signIn("programmeTeam");
    const first = await call(t, "GET", "/api/programme/interests?size=2&sort=name");
    assert.equal(first.status, 200);
    assert.equal(first.json.total, 3);
    assert.deepEqual(first.json.rows.map((r: any) => r.name), ["Ana Jones", "Bea Ŵyn-Tŷ"]);
    const second = await call(t, "GET", `/api/programme/interests?size=2&sort=name&cursor=${first.json.next}`);
    assert.deepEqual(second.json.rows.map((r: any) => r.name), ["Cai Rees"]);
    assert.equal(second.json.next, undefined);
    const wales = await call(t, "GET", "/api/programme/interests?region=wales&organisationType=local-authority");
    assert.deepEqual(wales.json.rows.map((r: any) => r.name), ["Bea Ŵyn-Tŷ"]);
    const waiting = await call(t, "GET", "/api/programme/interests?release=pending");
    assert.deepEqual(waiting.json.rows.map((r: any) => r.name), ["Cai Rees"]);
    const later = await call(t, "GET", `/api/programme/interests?from=${inMonths(4)}`);
    assert.deepEqual(later.json.rows.map((r: any) => r.name), ["Cai Rees"]);
    const search = await call(t, "GET", "/api/programme/interests?q=statist");
    assert.deepEqual(search.json.rows.map((r: any) => r.name).sort(), ["Ana Jones", "Bea Ŵyn-Tŷ"]);
    const desc = await call(t, "GET", "/api/programme/interests?sort=name&dir=desc");
    assert.equal(desc.json.rows[0].name, "Cai Rees");
    const roles = await call(t, "GET", "/api/programme/roles?q=housing&grade=cs-heo");
    assert.deepEqual(roles.json.rows.map((r: any) => r.title), ["Housing data analyst"]);
    assert.equal((await call(t, "GET", "/api/programme/roles?grade=cs-eo")).json.total, 0);
    const bad = await call(t, "GET", "/api/programme/interests?region=atlantis");
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error, "Check the region and try again.");
    const person = await call(t, "GET", `/api/programme/person?key=${encodeURIComponent(personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: people["Ana Jones"]!.aadObjectId }))}`);
    assert.equal(person.status, 200, person.raw);
    assert.match(cardText(person.json.reply.card), /Ana Jones/);
    // Worded for the programme team reading it, not to Ana.
    assert.match(cardText(person.json.reply.card), /Skills offered/);
    assert.doesNotMatch(cardText(person.json.reply.card), /Skills you offer|you choose/);
    for (const r of [first, second, wales, search]) assert.doesNotMatch(r.raw, new RegExp(SECRET));
    assert.equal(person.json.adjustments, SECRET, "the person's own record is where the team sees adjustments");
    assert.doesNotMatch(JSON.stringify(person.json.reply), new RegExp(SECRET), "never on the card itself");
  });

  it("confirms a suggestion with the chat's own verb: the channel gets the card, the person is told, the audit records it", async () => {
    const t = await signIn("programmeTeam");
    const role = await call(t, "GET", `/api/programme/roles/${roleId}`);
    assert.equal(role.status, 200);
    assert.match(cardText(role.json.suggestions.card), /Suggested matches/);
    assert.doesNotMatch(JSON.stringify(role.json.suggestions.card), /Confirm Bea/, "the engine does not suggest Bea");
    const confirm = action(role.json.suggestions.card, "Confirm Ana Jones");
    const done = await call(t, "POST", "/api/programme/decide", { verb: confirm.verb, data: confirm.data });
    assert.equal(done.status, 200);
    assert.match(cardText(done.json.reply.card), /Confirmed Ana Jones/);
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match for Housing data analyst: Ana Jones/.test(cardText(c))), 10_000);
    const ana = people["Ana Jones"]!;
    await bot.connector.waitFor(() => cardsIn(personalChat(ana).id).some((c) => /You have a possible match: Housing data analyst/.test(cardText(c))), 10_000);
    const audit = await call(t, "GET", "/api/programme/audit");
    assert.ok(audit.json.entries.some((e: any) => e.action === "confirm" && e.subject === "Ana Jones for Housing data analyst" && e.who.name === "Tom Okafor"));
    const matched = await call(t, "GET", "/api/programme/interests?status=matched");
    assert.equal(matched.status, 200, matched.raw);
    assert.deepEqual(matched.json.rows.map((r: any) => r.name), ["Ana Jones"]);
  });

  it("blocks a manual match that breaks a rule, shows every rule, and lets an override with a reason through, audited", async () => {
    const t = await signIn("programmeTeam");
    const bea = { tenantId: DEMO_TENANT_ID, aadObjectId: people["Bea Ŵyn-Tŷ"]!.aadObjectId };
    const ref = { openingId: roleId, candidateKey: personKey(bea) };
    const blocked = await call(t, "POST", "/api/programme/manual-match", ref);
    assert.equal(blocked.status, 409);
    assert.equal(blocked.json.blocked, true);
    assert.equal(blocked.json.rules.length, 13, "every hard rule is shown");
    const grade = blocked.json.rules.find((r: any) => r.id === "grade");
    assert.equal(grade.pass, false);
    assert.match(grade.reason, /below the role's range/);
    assert.equal((await bot.app.store.container("matches").items.query("SELECT * FROM c WHERE c.candidate.key = '" + ref.candidateKey + "'").fetchAll()).resources.length, 0, "nothing stored");

    const blank = await call(t, "POST", "/api/programme/manual-match", { ...ref, overrideReason: "   " });
    assert.equal(blank.status, 409, "a blank reason is no reason");
    const done = await call(t, "POST", "/api/programme/manual-match", { ...ref, overrideReason: "Acting up at HEO since May; host agreed." });
    assert.equal(done.status, 200);
    assert.match(done.json.message, /Matched Bea Ŵyn-Tŷ with Housing data analyst/);
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match for Housing data analyst: Bea/.test(cardText(c))), 10_000);
    const channelCard = cardsIn(housing.id).find((c) => /Bea/.test(cardText(c)))!;
    assert.doesNotMatch(JSON.stringify(channelCard), /Acting up|ZQX/, "the reason and adjustments stay out of the channel");
    const audit = (await call(t, "GET", "/api/programme/audit")).json.entries;
    assert.ok(audit.some((e: any) => e.action === "manual-match" && /Bea/.test(e.subject)));
    const override = audit.find((e: any) => e.action === "override");
    assert.match(override.detail, /Grade within the role's range/);
    assert.match(override.detail, /Acting up at HEO since May; host agreed\./);
    assert.equal((await call(t, "POST", "/api/programme/manual-match", { ...ref, overrideReason: "again" })).status, 409, "not twice");
  });

  it("lists what is stuck with how long, and sends at most one reminder per item per day", async () => {
    const t = await signIn("programmeTeam");
    const stuck = await call(t, "GET", "/api/programme/stuck");
    const kinds = stuck.json.items.map((i: any) => i.kind).sort();
    assert.deepEqual(kinds, ["meeting", "meeting", "release"]);
    const release = stuck.json.items.find((i: any) => i.kind === "release");
    assert.match(release.title, /Cai Rees's release request/);
    assert.equal(release.days, 0);
    assert.equal(release.recipients, undefined, "who gets it stays on the server");
    const meeting = stuck.json.items.find((i: any) => i.kind === "meeting" && /Ana Jones/.test(i.title));
    const first = await call(t, "POST", "/api/programme/stuck/remind", { id: meeting.id });
    assert.equal(first.json.sent, true);
    const again = await call(t, "POST", "/api/programme/stuck/remind", { id: meeting.id });
    assert.equal(again.json.sent, false);
    assert.match(again.json.message, /already been sent for this working day/);
    const slot = reminderSlot(todayInLondon(new Date())).day;
    const queued = await bot.app.store.container("outbox").items.query(`SELECT c.id FROM c WHERE c.purpose = 'programme-reminder' AND CONTAINS(c.id, '${slot}')`).fetchAll();
    assert.equal(queued.resources.length, 1);
    // The reminder is a card with a button that opens the match card (test/bot/my-matches.test.ts presses it).
    await bot.connector.waitFor(() => bot.connector.sent.some((s) => s.body.attachments?.[0]?.contentType === CARD && /A reminder from the secondment programme team: the match of Ana Jones/.test(cardText(s.body.attachments[0].content))), 10_000);
    const audit = (await call(t, "GET", "/api/programme/audit")).json.entries;
    assert.equal(audit.filter((e: any) => e.action === "reminder").length, 1);
  });

  it("reminds a line manager with the request card itself, so they can answer in one click", async () => {
    const t = await signIn("programmeTeam");
    const release = (await call(t, "GET", "/api/programme/stuck")).json.items.find((i: any) => i.kind === "release");
    const manager = busyManager;
    const before = cardsIn(chatOf(manager)!).length;
    assert.equal((await call(t, "POST", "/api/programme/stuck/remind", { id: release.id })).json.sent, true);
    await bot.connector.waitFor(() => cardsIn(chatOf(manager)!).length > before, 10_000);
    const reminder = cardsIn(chatOf(manager)!).at(-1)!;
    assert.match(cardText(reminder), /A reminder from the secondment programme team: Cai Rees is waiting for your answer[^]*You can answer it on this card/);
    const original = cardsIn(chatOf(manager)!)[0]!;
    for (const label of ["Agree to release", "Decline"]) {
      const button = action(reminder, label);
      assert.deepEqual([button.verb, button.data], [action(original, label).verb, action(original, label).data], `${label}: the same verb and request as the request card`);
    }
  });

  it("shows outcomes with every small count as 'fewer than 5'", async () => {
    const out = (await call(await signIn("programmeTeam"), "GET", "/api/programme/outcomes")).json;
    assert.deepEqual(out.funnel.map((f: any) => f.stage), ["interest", "released", "matched", "meeting", "agreed", "active", "completed"]);
    for (const f of out.funnel) assert.deepEqual(f.count, { value: null, label: "fewer than 5" });
    assert.equal(out.allSuppressed, true, "the page shows a message instead of an empty chart");
    assert.doesNotMatch(JSON.stringify(out), /"value":[1-4]\b|"label":"[1-4]"/, "no small count anywhere");
    for (const row of [out.overall, ...out.byOrganisationType, ...out.bySecondmentType]) {
      for (const cell of [row.toRelease, row.toMatch, row.toStart]) {
        assert.equal(cell.days, null);
        assert.equal(cell.people.label, "fewer than 5");
      }
    }
  });

  it("exports CSV: BOM, RFC 4180 quoting, formula cells made inert, Welsh letters, never adjustments; audited", async () => {
    const t = await signIn("programmeTeam");
    const tricky = [
      { name: '=HYPERLINK("http://x","y")', org: "+Plus Org" },
      { name: 'O\'Neill, "Jo"\nSecond line', org: "-Minus, Ltd" },
      { name: "Siân Llŵyd-Tŷ", org: "@Cyngor Môn" },
      { name: "\tTabby", org: "\rCarriage" },
    ];
    for (const [i, p] of tricky.entries()) {
      const pk = `${DEMO_TENANT_ID}:00000000-0000-4000-8000-00000000000${i}`;
      await bot.app.store.container("people").items.create({
        id: "interest",
        pk,
        type: "interest",
        status: "submitted",
        version: 1,
        owner: { tenantId: DEMO_TENANT_ID, aadObjectId: pk.split(":")[1] },
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        submittedAt: new Date().toISOString(),
        details: { ...interestInput(), fullName: p.name, organisationName: p.org, secondmentTypes: ["short-term"], adjustments: SECRET, patternDetails: SECRET },
      });
    }
    const res = await call(t, "GET", "/api/programme/export/interests.csv");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="secondments-interests-\d{4}-\d{2}-\d{2}\.csv"/);
    const buf = Buffer.from(await (await fetch(`${bot.app.url}/api/programme/export/interests.csv`, { headers: { authorization: `Bearer ${t}` } })).arrayBuffer());
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
    const text = buf.toString("utf8");
    assert.doesNotMatch(text, /ZQX-ADJUSTMENT/, "never adjustments");
    const rows: string[][] = parse(text, { bom: true });
    assert.equal(rows[0]![0], "Name");
    const byName = (n: string) => rows.find((r) => r[0] === n);
    assert.ok(byName(`'=HYPERLINK("http://x","y")`), "a formula is made inert");
    assert.equal(byName(`'=HYPERLINK("http://x","y")`)![1], "'+Plus Org");
    assert.equal(byName('O\'Neill, "Jo"\nSecond line')![1], "'-Minus, Ltd", "commas, quotes and newlines survive");
    assert.equal(byName("Siân Llŵyd-Tŷ")![1], "'@Cyngor Môn");
    assert.equal(byName("'\tTabby")![1], "'\rCarriage");
    assert.ok(byName("Bea Ŵyn-Tŷ"), "Welsh letters as they were typed");
    assert.equal(rows.length, 1 + 3 + tricky.length);
    for (const name of ["roles", "matches", "secondments"]) {
      const r = await call(t, "GET", `/api/programme/export/${name}.csv`);
      assert.equal(r.status, 200, name);
      assert.doesNotMatch(r.raw, /ZQX|Acting up/);
    }
    const matches: string[][] = parse((await call(t, "GET", "/api/programme/export/matches.csv")).raw, { bom: true });
    assert.deepEqual(matches.slice(1).map((r) => r[0]).sort(), ["Ana Jones", "Bea Ŵyn-Tŷ"]);
    assert.equal((await call(t, "GET", "/api/programme/export/people.csv")).status, 404);
    assert.equal((await call(await signIn("colleague"), "GET", "/api/programme/export/matches.csv")).status, 403);
    assert.equal((await call(undefined, "GET", "/api/programme/export/matches.csv")).status, 401);
    const audit = (await call(t, "GET", "/api/programme/audit")).json.entries;
    assert.ok(audit.some((e: any) => e.action === "export" && e.subject === "interests.csv"));
  });

  it("speaks Welsh to a team member whose stored language is Welsh: words, labels, errors, outcomes", async () => {
    await bot.teams.press(personalChat(tom), tom, VERBS.setLanguage, { lang: "cy" });
    try {
      const t = await signIn("programmeTeam");
      const me = await call(t, "GET", "/api/programme/me");
      assert.equal(me.json.lang, "cy");
      assert.equal(me.json.words["programme.people.title"], "Pobl");
      assert.equal(me.json.options.region.find((r: any) => r.id === "wales").label, "Cymru");
      const bea = (await call(t, "GET", "/api/programme/interests?region=wales")).json.rows[0];
      assert.equal(bea.labels.region, "Cymru");
      assert.equal(bea.labels.organisationType, "Awdurdod lleol");
      assert.match(bea.labels.availableFrom, /^\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}$/);
      const audit = (await call(t, "GET", "/api/programme/audit")).json.entries;
      assert.match(audit[0].atText, /^\d{1,2} \S+ \d{4} am \d{2}:\d{2}$/);
      // The trail's fixed phrases are read in the reader's language (names and typed reasons as written).
      const confirmed = audit.find((e: any) => e.action === "confirm");
      assert.equal(confirmed.subject, "Ana Jones ar gyfer Housing data analyst");
      const reminders = audit.filter((e: any) => e.action === "reminder");
      assert.ok(reminders.some((e: any) => e.subject === "Cais i ryddhau Cai Rees"), JSON.stringify(reminders));
      const reminded = reminders.find((e: any) => / ar gyfer /.test(e.subject));
      assert.match(reminded?.detail ?? "", /^(Deiliad y swydd wag i drefnu'r sgwrs anffurfiol|Ateb ar ôl y sgwrs anffurfiol)$/);
      assert.ok(audit.every((e: any) => !/ for |An answer after|The vacancy holder/.test(`${e.subject} ${e.detail ?? ""}`)), JSON.stringify(audit.map((e: any) => [e.subject, e.detail])));
      const bad = await call(t, "GET", "/api/programme/interests?region=atlantis");
      assert.equal(bad.json.error, "Gwiriwch y rhanbarth a rhowch gynnig arall arni.");
      const out = (await call(t, "GET", "/api/programme/outcomes")).json;
      assert.equal(out.funnel[0].label, "Wedi mynegi diddordeb");
      assert.equal(out.funnel[0].count.label, "llai na 5");
      const stuck = (await call(t, "GET", "/api/programme/stuck")).json.items;
      assert.ok(stuck.some((i: any) => i.title === "Cais i ryddhau Cai Rees"), JSON.stringify(stuck));
      // Exports: the header row and the labels in Welsh, the columns in the same order as in English.
      const csv = await fetch(`${bot.app.url}/api/programme/export/interests.csv`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.text());
      const sheet: string[][] = parse(csv, { bom: true });
      assert.deepEqual(sheet[0]!.slice(0, 3), ["Enw", "Sefydliad", "Math o sefydliad"]);
      const beaRow = sheet.find((r) => r[0] === "Bea Ŵyn-Tŷ")!;
      assert.equal(beaRow[2], "Awdurdod lleol");
      assert.equal(beaRow[5], "Cymru");
      assert.equal(sheet[0]!.length, 12, "the same columns as the English export");
      // Dates, headers and statuses in Welsh words, in every export (never English months or stored codes).
      const WELSH_DAY = /^\d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}$/;
      const ENGLISH = /January|February|March|April|May\b|June|July|August|September|October|November|December/;
      assert.match(beaRow[8]!, WELSH_DAY, "available from");
      assert.match(beaRow[11]!, WELSH_DAY, "sent on");
      const sheetOf = async (name: string): Promise<string[][]> => parse(await fetch(`${bot.app.url}/api/programme/export/${name}.csv`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.text()), { bom: true });
      const RAW = /^(notified|meeting|agreeing|closed|confirmed|active|ended|cancelled|open|withdrawn|filled)$/;
      const matchSheet = await sheetOf("matches");
      assert.deepEqual(matchSheet[0], ["Unigolyn", "Rôl", "Sefydliad", "Statws", "Cadarnhawyd ar", "Cadarnhawyd gan", "Caewyd ar"]);
      assert.ok(matchSheet.length > 1, "some matches to read");
      for (const row of matchSheet.slice(1)) {
        assert.ok(row[3] && !RAW.test(row[3]), `a match's status in words: ${row[3]}`);
        for (const cell of [row[4]!, row[6]!]) if (cell) assert.match(cell, WELSH_DAY);
      }
      await seedSecondment({ secondments: new SecondmentStore(bot.app.store.container("secondments")), serviceUrl: bot.connector.url, ana: person("Ana Jones"), sam: person("Sam Lee"), vic: person("Vic Osei"), status: "active" });
      const secondmentSheet = await sheetOf("secondments");
      assert.equal(secondmentSheet[0]![0], "Secondai");
      assert.ok(secondmentSheet.length > 1, "some secondments to read");
      for (const row of secondmentSheet.slice(1)) {
        assert.ok(row[4] && !RAW.test(row[4]), `a secondment's status in words: ${row[4]}`);
        for (const cell of row.slice(5)) if (cell) assert.match(cell, WELSH_DAY);
      }
      for (const name of ["interests", "roles", "matches", "secondments"]) assert.doesNotMatch(JSON.stringify(await sheetOf(name)), ENGLISH, `${name}: no English month`);
      const words = await call(undefined, "GET", "/api/programme/words?lang=cy-GB");
      assert.equal(words.json.words["programme.outside.title"], "Agorwch hwn yn Microsoft Teams", "before sign-in, the language Teams asks for");
    } finally {
      await bot.teams.press(personalChat(tom), tom, VERBS.setLanguage, { lang: "en-GB" });
    }
  });

  it("shows reasonable adjustments only in the person's record, audits every view, and keeps them out of every list and export", async () => {
    const t = await signIn("programmeTeam");
    const key = encodeURIComponent(personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: people["Bea Ŵyn-Tŷ"]!.aadObjectId }));
    const views = async () => (await call(t, "GET", "/api/programme/audit")).json.entries.filter((e: any) => e.action === "adjustments-view");
    const before = (await views()).length;
    const opened = await call(t, "GET", `/api/programme/person?key=${key}`);
    assert.equal(opened.status, 200);
    assert.equal(opened.json.adjustments, SECRET);
    await call(t, "GET", `/api/programme/person?key=${key}`);
    const seen = await views();
    assert.equal(seen.length, before + 2, "every view is recorded");
    assert.equal(seen[0].subject, "Bea Ŵyn-Tŷ");
    assert.equal(seen[0].who.name, "Tom Okafor");
    assert.ok(Date.now() - Date.parse(seen[0].at) < 60_000, "with when");

    // A person who gave none: nothing to see, so nothing to record.
    await released(demo("Dai Hughes"), { adjustments: "" });
    const dai = await call(t, "GET", `/api/programme/person?key=${encodeURIComponent(personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: people["Dai Hughes"]!.aadObjectId }))}`);
    assert.equal(dai.json.adjustments, null);
    assert.equal((await views()).length, before + 2);

    // Every list, page and export the tab has: never the adjustments text.
    const paths = [
      "/api/programme/me",
      "/api/programme/interests?size=200",
      "/api/programme/interests?q=Bea",
      "/api/programme/roles",
      `/api/programme/roles/${roleId}`,
      "/api/programme/stuck",
      "/api/programme/outcomes",
      "/api/programme/audit",
      "/api/programme/knowledge",
      "/api/programme/export/interests.csv",
      "/api/programme/export/roles.csv",
      "/api/programme/export/matches.csv",
      "/api/programme/export/secondments.csv",
    ];
    for (const path of paths) {
      const r = await call(t, "GET", path);
      assert.equal(r.status, 200, path);
      assert.doesNotMatch(r.raw, /ZQX-ADJUSTMENT/, path);
    }
  });
});
