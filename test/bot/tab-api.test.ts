import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { VERBS } from "../../cards";
import { DEMO_SIGN_IN, DEMO_TENANT_ID } from "../../src/demo/people";
import { newSecondment } from "../../src/domain/secondment";
import { personKey } from "../../src/domain/person";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardText } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { demoPerson, person, personalChat, startTestBot, type TestBot } from "../support/teams";
import { devSignIn } from "../support/tab";
import { seedSecondment } from "../support/secondments";

/** The tab API in local development (no app id): development sign-in, and nobody sees others' records. */
describe("tab API: My secondment, and nobody else's", function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
  });

  const signIn = (id: string): Promise<string> => devSignIn(bot.app.url, id);
  const get = async (token: string, path: string) => {
    const res = await fetch(`${bot.app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, raw: await res.text() };
  };
  const post = async (token: string, verb: string, data: Record<string, unknown>) => {
    const res = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb, data }) });
    return { status: res.status, raw: await res.text() };
  };

  it("offers the development sign-in as the demo people of `npm run dev`, and shows the signed-in person's plan", async () => {
    const config = (await (await fetch(`${bot.app.url}/api/tab/config`)).json()) as any;
    assert.equal(config.devSignIn, true);
    assert.deepEqual(config.demoPeople.map((p: any) => p.id), DEMO_SIGN_IN.map((d) => d.key));
    assert.deepEqual(config.demoPeople.map((p: any) => p.name), ["Ana Jones", "Ben Carter", "Priya Shah", "Grace Lee", "Tom Okafor", "Sam Patel"]);
    for (const bogus of ["mallory", "toString", "__proto__"]) {
      const bad = await fetch(`${bot.app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: bogus }) });
      assert.equal(bad.status, 400, bogus);
    }

    const token = await signIn("secondee");
    const me = JSON.parse((await get(token, "/api/tab/me")).raw);
    assert.equal(me.name, "Ana Jones");
    assert.deepEqual(me.sections.map((s: any) => s.id), ["plan", "interest", "matches", "business-case", "secondment", "privacy"]);
    assert.match(cardText(me.sections[0].reply.card), /Your 7-step plan/);
  });

  it("serves the page and its script gzipped from the app itself, and nothing else under /tab/", async () => {
    const html = await fetch(`${bot.app.url}/tab/personal`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(html.status, 200);
    assert.equal(html.headers.get("content-encoding"), "gzip");
    assert.match(html.headers.get("content-security-policy") ?? "", /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    const body = await html.text();
    assert.match(body, /<script type="module" src="\/tab\/personal.js"><\/script>/);
    assert.doesNotMatch(body, /https?:\/\//, "no script or style from elsewhere");
    const js = await fetch(`${bot.app.url}/tab/personal.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type") ?? "", /text\/javascript/);
    for (const path of ["/tab/personal.html", "/tab/..%2Fpackage.json", "/tab/nothing.js"]) {
      assert.equal((await fetch(`${bot.app.url}${path}`)).status, 404, path);
    }
  });

  it("refuses another person's secondment by id and reveals nothing about it", async () => {
    const ana = { tenantId: DEMO_TENANT_ID, aadObjectId: demoPerson("secondee").aadObjectId };
    const ben = demoPerson("lineManager");
    const hostName = "Hidden Host Person";
    const hostId = randomUUID();
    const sec = newSecondment({
      matchId: `match:role-${randomUUID()}:${personKey(ana)}`,
      tenantId: DEMO_TENANT_ID,
      serviceUrl: bot.connector.url,
      opening: { id: `role-${randomUUID()}`, title: "Secret project analyst", organisation: "Homes England", channelConversationId: "19:x@thread.tacv2" },
      secondee: { ...ana, name: demoPerson("secondee").name, key: personKey(ana) },
      homeManager: { aadObjectId: ben.aadObjectId, name: ben.name },
      host: { aadObjectId: hostId, name: hostName, key: personKey({ tenantId: DEMO_TENANT_ID, aadObjectId: hostId }) },
      homeOrganisation: "Department for Education",
      capMonths: 12,
      now: new Date(),
    });
    await new SecondmentStore(bot.app.store.container("secondments")).createOrGet(sec);

    const mine = await get(await signIn("secondee"), `/api/tab/secondments/${sec.id}`);
    assert.equal(mine.status, 200);
    assert.match(mine.raw, /Secret project analyst/);

    const priyaToken = await signIn("vacancyHolder");
    const theirs = await get(priyaToken, `/api/tab/secondments/${sec.id}`);
    const missing = await get(priyaToken, `/api/tab/secondments/secondment-${"0".repeat(32)}`);
    assert.equal(theirs.status, 404);
    assert.equal(theirs.raw, missing.raw, "the same answer as for a secondment that does not exist");
    for (const verb of [VERBS.mySecondment, VERBS.refreshSecondment, VERBS.openAgreement, VERBS.openExtension]) {
      const pressed = await post(priyaToken, verb, { secondmentId: sec.id });
      assert.ok(pressed.status === 404 || /does not work in the tab/.test(pressed.raw), `${verb}: ${pressed.status}`);
      assert.doesNotMatch(pressed.raw, /Secret project|Hidden Host|\bAna\b|Homes England/, `${verb} reveals nothing`);
    }
    assert.doesNotMatch(theirs.raw, /Secret project|Hidden Host|\bAna\b/);
    // Priya's own tab says nothing about it either.
    assert.doesNotMatch((await get(priyaToken, "/api/tab/me")).raw, /Secret project|Hidden Host/);
  });

  it("refuses another person's release request, and lets their line manager agree to it", async () => {
    const ana = demoPerson("secondee");
    const ben = demoPerson("lineManager");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    const benToken = await signIn("lineManager");
    const me = JSON.parse((await get(benToken, "/api/tab/me")).raw);
    const waiting = me.sections.find((s: any) => /^request-/.test(s.id));
    assert.ok(waiting, "Ben sees Ana's request waiting for him");
    assert.match(waiting.title, /Waiting for you: Ana Jones's request/);
    const agree = action(waiting.reply.card, "Agree to release");

    const priya = await post(await signIn("vacancyHolder"), agree.verb, agree.data);
    assert.equal(priya.status, 404);
    assert.doesNotMatch(priya.raw, /\bAna\b|Department for Education/);
    assert.doesNotMatch((await get(await signIn("vacancyHolder"), "/api/tab/me")).raw, /Ana Jones/);

    const agreed = await post(benToken, agree.verb, agree.data);
    assert.equal(agreed.status, 200);
    assert.match(cardText(JSON.parse(agreed.raw).reply.card), /Agreed by Ben Carter/);
    await bot.connector.waitFor(() => bot.connector.to(personalChat(ana).id).some((s) => /Good news: Ben Carter agreed to release you/.test(s.body.text ?? "")));
  });

  it("finds people the app knows in the caller's own tenant by name, for the line-manager picker: id and name only", async () => {
    const ben = demoPerson("lineManager");
    const ana = demoPerson("secondee");
    await bot.teams.say(personalChat(ben), ben, "hello");
    await bot.teams.say(personalChat(ana), ana, "hello");
    // Same name, another tenant: never offered.
    const elsewhere = person("Ben Carter");
    await bot.teams.say(personalChat(elsewhere), elsewhere, "hello");
    const token = await signIn("secondee");
    const find = async (query: string) => JSON.parse((await get(token, `/api/tab/people?${query}`)).raw).people;
    assert.deepEqual(await find("q=ben"), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
    assert.deepEqual(await find("q=Car"), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
    assert.deepEqual(await find("q=ben%20car"), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
    assert.deepEqual(await find("q=arter"), [], "names match from the start of a word");
    assert.deepEqual(await find("q=ana"), [], "never the caller");
    assert.deepEqual(await find(`id=${ben.aadObjectId}`), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
    assert.deepEqual(await find(`id=${elsewhere.aadObjectId}`), []);
    assert.deepEqual(await find("q="), []);
    assert.equal((await fetch(`${bot.app.url}/api/tab/people?q=ben`)).status, 401, "only for someone signed in");
  });

  it("finds a person who only installed the app (installationUpdate) by name, and keeps the name when later activities lack it", async () => {
    const ben = demoPerson("lineManager");
    await bot.teams.post(bot.teams.activity(personalChat(ben), ben, { type: "installationUpdate", action: "add" }));
    const token = await signIn("secondee");
    const find = async (query: string) => JSON.parse((await get(token, `/api/tab/people?${query}`)).raw).people;
    assert.deepEqual(await find("q=ben"), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
    // Teams (and the Playground) may send an activity without from.name: the known name stays.
    const nameless = bot.teams.activity(personalChat(ben), ben, { type: "conversationUpdate", membersAdded: [{ id: ben.id }] });
    (nameless.from as Record<string, unknown>).name = undefined;
    await bot.teams.post(nameless);
    assert.deepEqual(await find("q=ben"), [{ id: ben.aadObjectId, name: "Ben Carter" }]);
  });

  it("finds a person whose install carried no name (as the Playground's does) by the name the roster gives", async () => {
    const grace = demoPerson("hostLineManager");
    bot.connector.members.set(grace.id, { id: grace.id, name: "Grace Lee", aadObjectId: grace.aadObjectId });
    const install = bot.teams.activity(personalChat(grace), grace, { type: "installationUpdate", action: "add" });
    (install.from as Record<string, unknown>).name = undefined;
    await bot.teams.post(install);
    const token = await signIn("secondee");
    assert.deepEqual(JSON.parse((await get(token, "/api/tab/people?q=grace")).raw).people, [{ id: grace.aadObjectId, name: "Grace Lee" }]);
  });

  it("shows a check-in waiting for the person's answer as its form, and answering it there stores the answer as the chat does", async () => {
    const secondments = new SecondmentStore(bot.app.store.container("secondments"));
    const host = { ...person("Host Person"), tenantId: DEMO_TENANT_ID };
    const id = await seedSecondment({ secondments, serviceUrl: bot.connector.url, ana: demoPerson("secondee"), sam: demoPerson("lineManager"), vic: host, status: "active", checkInSent: true });
    const sec = (await secondments.get(id))!;

    const token = await signIn("secondee");
    const before = JSON.parse((await get(token, "/api/tab/me")).raw);
    const checkIn = before.sections.find((x: any) => x.id === `check-in-${sec.id}-1`);
    assert.ok(checkIn, before.sections.map((x: any) => x.id).join());
    assert.equal(checkIn.title, "Check-in 1: waiting for your answer");
    const send = action(checkIn.reply.card, "Send check-in");
    const answered = await post(token, send.verb, { ...send.data, going: "well", issues: "", changes: "", forReturn: "" });
    assert.equal(answered.status, 200);
    assert.match(answered.raw, /Check-in 1: thank you/);
    const stored = await secondments.get(sec.id);
    assert.equal(stored?.checkIns[0]?.answers.secondee?.going, "well");
    assert.equal(stored?.checkIns[0]?.answers.homeManager, undefined, "only hers");
    const after = JSON.parse((await get(token, "/api/tab/me")).raw);
    assert.equal(after.sections.filter((x: any) => x.id.startsWith("check-in-")).length, 0, "answered: no longer waiting");
    // Ben, the home line manager, still has his own to answer.
    const bens = JSON.parse((await get(await signIn("lineManager"), "/api/tab/me")).raw);
    assert.ok(bens.sections.some((x: any) => x.id === `check-in-${sec.id}-1`));
  });

  it("shows a vacancy holder's roles with change and withdraw, and withdrawing from the tab takes the chat's confirmation step", async () => {
    const priya = demoPerson("vacancyHolder");
    const channel = { id: "19:tab-roles@thread.tacv2", type: "channel" as const, team: { id: "19:tab-roles-team@thread.tacv2", name: "Housing" }, channel: { id: "19:tab-roles@thread.tacv2", name: "General" } };
    await bot.teams.say(channel, priya, "<at>Secondments</at> help");
    await bot.teams.press(channel, priya, VERBS.submitRole, roleInput());
    const token = await signIn("vacancyHolder");
    const me = JSON.parse((await get(token, "/api/tab/me")).raw);
    const roles = me.sections.find((x: any) => x.id === "roles");
    assert.ok(roles, me.sections.map((x: any) => x.id).join());
    assert.match(cardText(roles.reply.card), /Housing data analyst/);
    assert.ok(action(roles.reply.card, "Change"));
    const ask = await post(token, action(roles.reply.card, "Withdraw").verb, action(roles.reply.card, "Withdraw").data);
    const confirm = action(JSON.parse(ask.raw).reply.card, /^Yes/);
    const done = JSON.parse((await post(token, confirm.verb, confirm.data)).raw);
    assert.match(cardText(done.reply.card), /Withdrawn/);
    // Someone who offers no roles has no such section.
    assert.ok(!JSON.parse((await get(await signIn("colleague"), "/api/tab/me")).raw).sections.some((x: any) => x.id === "roles"));
  });
});
