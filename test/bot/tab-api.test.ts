import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { VERBS } from "../../cards";
import { DEMO_PEOPLE, demoPerson, DEMO_TENANT } from "../../bot/tab-demo-people";
import { newSecondment } from "../../src/domain/secondment";
import { personKey } from "../../src/domain/person";
import { SecondmentStore } from "../../src/store/secondments";
import { action, cardText } from "../support/cards";
import { interestInput } from "../support/forms";
import { personalChat, startTestBot, type Person, type TestBot } from "../support/teams";

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

  const signIn = async (id: string): Promise<string> => {
    const res = await fetch(`${bot.app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: id }) });
    assert.equal(res.status, 200);
    return ((await res.json()) as { token: string }).token;
  };
  const get = async (token: string, path: string) => {
    const res = await fetch(`${bot.app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, raw: await res.text() };
  };
  const post = async (token: string, verb: string, data: Record<string, unknown>) => {
    const res = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb, data }) });
    return { status: res.status, raw: await res.text() };
  };
  const asPerson = (id: string): Person => {
    const d = demoPerson(id)!;
    return { id: `29:${d.person.aadObjectId}`, aadObjectId: d.person.aadObjectId, name: d.name, tenantId: DEMO_TENANT };
  };

  it("offers the development sign-in as the demo people, and shows the signed-in person's plan", async () => {
    const config = (await (await fetch(`${bot.app.url}/api/tab/config`)).json()) as any;
    assert.equal(config.devSignIn, true);
    assert.deepEqual(config.demoPeople.map((p: any) => p.id), DEMO_PEOPLE.map((p) => p.id));
    const bad = await fetch(`${bot.app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: "mallory" }) });
    assert.equal(bad.status, 400);

    const token = await signIn("alex");
    const me = JSON.parse((await get(token, "/api/tab/me")).raw);
    assert.equal(me.name, "Alex Morgan");
    assert.deepEqual(me.sections.map((s: any) => s.id), ["plan", "interest", "matches", "business-case", "secondment"]);
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
    const [alex, sam] = ["alex", "sam"].map((id) => demoPerson(id)!);
    const hostName = "Hidden Host Person";
    const hostId = randomUUID();
    const sec = newSecondment({
      matchId: `match:role-${randomUUID()}:${personKey(alex!.person)}`,
      tenantId: DEMO_TENANT,
      serviceUrl: bot.connector.url,
      opening: { id: `role-${randomUUID()}`, title: "Secret project analyst", organisation: "Homes England", channelConversationId: "19:x@thread.tacv2" },
      secondee: { ...alex!.person, name: alex!.name, key: personKey(alex!.person) },
      homeManager: { aadObjectId: sam!.person.aadObjectId, name: sam!.name },
      host: { aadObjectId: hostId, name: hostName, key: personKey({ tenantId: DEMO_TENANT, aadObjectId: hostId }) },
      homeOrganisation: "Department for Education",
      capMonths: 12,
      now: new Date(),
    });
    await new SecondmentStore(bot.app.store.container("secondments")).createOrGet(sec);

    const mine = await get(await signIn("alex"), `/api/tab/secondments/${sec.id}`);
    assert.equal(mine.status, 200);
    assert.match(mine.raw, /Secret project analyst/);

    const joToken = await signIn("jo");
    const theirs = await get(joToken, `/api/tab/secondments/${sec.id}`);
    const missing = await get(joToken, `/api/tab/secondments/secondment-${"0".repeat(32)}`);
    assert.equal(theirs.status, 404);
    assert.equal(theirs.raw, missing.raw, "the same answer as for a secondment that does not exist");
    for (const verb of [VERBS.mySecondment, VERBS.refreshSecondment, VERBS.openAgreement, VERBS.openExtension]) {
      const pressed = await post(joToken, verb, { secondmentId: sec.id });
      assert.ok(pressed.status === 404 || /does not work in the tab/.test(pressed.raw), `${verb}: ${pressed.status}`);
      assert.doesNotMatch(pressed.raw, /Secret project|Hidden Host|Alex|Homes England/, `${verb} reveals nothing`);
    }
    assert.doesNotMatch(theirs.raw, /Secret project|Hidden Host|Alex/);
    // Jo's own tab says nothing about it either.
    assert.doesNotMatch((await get(joToken, "/api/tab/me")).raw, /Secret project|Hidden Host/);
  });

  it("refuses another person's release request, and lets their line manager agree to it", async () => {
    const alex = asPerson("alex");
    const sam = asPerson("sam");
    await bot.teams.press(personalChat(alex), alex, VERBS.submitInterest, interestInput({ fullName: alex.name, lineManagerId: sam.aadObjectId, lineManagerEmail: "" }));
    const samToken = await signIn("sam");
    const me = JSON.parse((await get(samToken, "/api/tab/me")).raw);
    const waiting = me.sections.find((s: any) => /^request-/.test(s.id));
    assert.ok(waiting, "Sam sees Alex's request waiting for him");
    assert.match(waiting.title, /Waiting for you: Alex Morgan's request/);
    const agree = action(waiting.reply.card, "Agree to release");

    const jo = await post(await signIn("jo"), agree.verb, agree.data);
    assert.equal(jo.status, 404);
    assert.doesNotMatch(jo.raw, /Alex|Department for Education/);
    assert.doesNotMatch((await get(await signIn("jo"), "/api/tab/me")).raw, /Alex Morgan/);

    const agreed = await post(samToken, agree.verb, agree.data);
    assert.equal(agreed.status, 200);
    assert.match(cardText(JSON.parse(agreed.raw).reply.card), /Agreed by Sam Patel/);
    await bot.connector.waitFor(() => bot.connector.to(personalChat(alex).id).some((s) => /Good news: Sam Patel agreed to release you/.test(s.body.text ?? "")));
  });
});
