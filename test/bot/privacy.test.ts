import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { createLogger } from "../../src/log";
import { identityOf, markers } from "../../src/privacy/identity";
import { exportFor } from "../../src/privacy/export";
import { CONTAINERS, type ContainerName } from "../../src/store/store";
import { action, cardText, type Card } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, onlyText, person, personalChat, startTestBot, TENANT, type Chat, type Person, type TestBot } from "../support/teams";

const CARD = "application/vnd.microsoft.card.adaptive";
const ADJUSTMENTS = "ZEBRA-ADJ-7731 a quiet desk near the lift";
const ANA_ANSWER = "ANA-CHECKIN-NOTE-5521";
const SAM_ANSWER = "SAM-PRIVATE-NOTE-9034";

/** Every stored document in every container. */
async function everything(bot: TestBot): Promise<{ container: ContainerName; doc: Record<string, any> }[]> {
  const out: { container: ContainerName; doc: Record<string, any> }[] = [];
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    const { resources } = await bot.app.store.container(name).items.query("SELECT * FROM c").fetchAll();
    for (const doc of resources) out.push({ container: name, doc });
  }
  return out;
}

describe("people's data: privacy notice, export, erasure, adjustments by choice, equality monitoring", function () {
  this.timeout(120_000);
  let bot: TestBot;
  const logs: string[] = [];
  const pat = person("Pat Programme");
  const vic = person("Vic Osei");
  const ana = person("Ana Quarrington");
  const sam = person("Sam Lee");
  const bea = person("Bea Outsider");
  const housing: Chat = { id: "19:housing-privacy@thread.tacv2", type: "channel", team: { id: "19:housing-team-privacy@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-privacy@thread.tacv2", name: "General" } };
  const anaEmail = "ana.quarrington@example.gov.uk";
  let sid = "";
  let upload: Server;
  let uploadUrl = "";
  const uploaded: { headers: Record<string, unknown>; body: string }[] = [];

  const cardsIn = (conversationId: string): Card[] =>
    bot.connector.to(conversationId).filter((s) => s.body.attachments?.[0]?.contentType === CARD).map((s) => s.body.attachments[0].content);
  const chatOf = (p: Person): string => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId ?? personalChat(p).id;
  const drain = () => bot.app.dispatcher.drain(15_000);

  before(async () => {
    const log = createLogger("debug", (line) => logs.push(line));
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId }, log);
    upload = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        uploaded.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.statusCode = 201;
        res.end("{}");
      });
    });
    await new Promise<void>((r) => upload.listen(0, "127.0.0.1", r));
    uploadUrl = `http://127.0.0.1:${(upload.address() as AddressInfo).port}/upload/my-secondment-data.json`;

    // A match both sides go ahead with (as in the lifecycle test), and someone unrelated.
    await bot.teams.say(housing, vic, "<at>Secondments</at> help");
    await bot.teams.press(housing, vic, VERBS.submitRole, roleInput());
    await bot.teams.press(personalChat(bea), bea, VERBS.submitInterest, interestInput({ fullName: bea.name, email: "bea.outsider@example.gov.uk", lineManagerEmail: "someone@example.gov.uk" }));
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, email: anaEmail, skillsOffered: "data-analysis,statistics", adjustments: ADJUSTMENTS, lineManagerId: sam.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => cardsIn(chatOf(sam)).length > 0, 15_000);
    const release = action(cardsIn(chatOf(sam))[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, release.verb, release.data);
    await bot.connector.waitFor(() => cardsIn(chatOf(pat)).some((c) => JSON.stringify(c).includes(`Confirm ${ana.name}`)), 15_000);
    const confirm = action(cardsIn(chatOf(pat)).find((c) => JSON.stringify(c).includes(`Confirm ${ana.name}`))!, `Confirm ${ana.name}`);
    await bot.teams.press({ id: chatOf(pat), type: "personal" }, pat, confirm.verb, confirm.data);
    await bot.connector.waitFor(() => cardsIn(housing.id).some((c) => /Possible match/.test(cardText(c))), 15_000);
    const arrange = action(cardsIn(housing.id).find((c) => /Possible match/.test(cardText(c)))!, "I'll arrange the informal chat");
    const arranged = await bot.teams.press(housing, vic, arrange.verb, arrange.data);
    const hostYes = action(arranged, "We want to go ahead");
    await bot.teams.press(housing, vic, hostYes.verb, hostYes.data);
    await bot.connector.waitFor(() => cardsIn(chatOf(ana)).some((c) => /possible match/.test(cardText(c))), 15_000);
    const go = action(cardsIn(chatOf(ana)).find((c) => /possible match/.test(cardText(c)))!, "I want to go ahead");
    await bot.teams.press(personalChat(ana), ana, go.verb, go.data);
    const { resources } = await bot.app.store.container("secondments").items.query("SELECT * FROM c WHERE c.type = 'secondment'").fetchAll();
    sid = resources[0].id;
    await drain();
  });
  after(async () => {
    await new Promise<void>((r) => upload.close(() => r()));
    await bot.stop();
  });

  it("shows the privacy notice from a command and from the welcome card; the forms point to it", async () => {
    const notice = onlyCard(await bot.teams.say(personalChat(bea), bea, "privacy"));
    const t = cardText(notice);
    for (const heading of ["Who holds your information", "What we use it for", "Who sees what", "How long we keep it", "Your rights"]) assert.match(t, new RegExp(heading));
    assert.match(t, /12 months/);
    assert.match(t, /export my data/);
    const welcome = onlyCard(await bot.teams.say(personalChat(bea), bea, "help"));
    assert.ok(JSON.stringify(welcome).includes(`"verb":"${VERBS.showPrivacy}"`), "the welcome card links to the notice");
    assert.match(cardText(welcome), /Find out how we use your information: select here or type \*\*privacy\*\*\./);
    const form = await bot.teams.press(personalChat(bea), bea, VERBS.startInterest);
    assert.match(cardText(form), /type \*\*privacy\*\*/);
    assert.match(cardText(form), /The programme team can see it\. A host sees it only if you choose to share it after you both agree to go ahead/);
  });

  it("asks the secondee whether to share their adjustments; the host sees them only if shared", async () => {
    await bot.connector.waitFor(() => (bot.connector.deliveries.get(`adjustments-ask:${sid}`) ?? 0) === 1, 15_000);
    const ask = cardsIn(chatOf(ana)).find((c) => /Share your reasonable adjustments/.test(cardText(c)))!;
    assert.ok(ask, "Ana is asked");
    assert.doesNotMatch(JSON.stringify(ask), /ZEBRA/, "the question does not repeat the adjustments");
    const hostView = () => bot.teams.press(personalChat(vic), vic, VERBS.mySecondment, { secondmentId: sid });
    assert.doesNotMatch(JSON.stringify(await hostView()), /ZEBRA/, "not shared yet: the host does not see them");
    const yes = action(ask, "Yes, share them");
    assert.match(cardText(await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data)), /The host can now see your adjustments/);
    assert.match(JSON.stringify(await hostView()), /ZEBRA-ADJ-7731/, "shared: the host sees them on the secondment card");
    const samView = await bot.teams.press({ id: chatOf(sam), type: "personal" }, sam, VERBS.mySecondment, { secondmentId: sid });
    assert.doesNotMatch(JSON.stringify(samView), /ZEBRA/, "the home line manager does not");
    // Changed later from "my secondment".
    const anaCard = await bot.teams.press(personalChat(ana), ana, VERBS.mySecondment, { secondmentId: sid });
    const stop = action(anaCard, "Stop sharing my adjustments");
    await bot.teams.press(personalChat(ana), ana, stop.verb, stop.data);
    assert.doesNotMatch(JSON.stringify(await hostView()), /ZEBRA/, "no longer shared");
    assert.ok(JSON.stringify(await bot.teams.press(personalChat(ana), ana, VERBS.mySecondment, { secondmentId: sid })).includes("Share my adjustments with the host"));
    // Or typed.
    assert.match(cardText(onlyCard(await bot.teams.say(personalChat(ana), ana, "share my adjustments"))), /The host can now see your adjustments/);
    assert.match(JSON.stringify(await hostView()), /ZEBRA-ADJ-7731/);
  });

  it("offers sharing adjustments only while the secondment is live; stopping stays possible after it ends", async () => {
    const secondments = bot.app.store.container("secondments");
    const { resource: live } = await secondments.item(sid, sid).read();
    const setStatus = async (status: string, shared: boolean) => {
      const { resource } = await secondments.item(sid, sid).read();
      const { sharedAdjustments: _s, ...rest } = resource;
      await secondments.items.upsert({ ...rest, status, ...(shared ? { sharedAdjustments: live.sharedAdjustments ?? { text: ADJUSTMENTS, at: new Date().toISOString() } } : {}) });
    };
    const anaView = async () => JSON.stringify(await bot.teams.press(personalChat(ana), ana, VERBS.mySecondment, { secondmentId: sid }));
    try {
      await setStatus("ended", false);
      assert.doesNotMatch(await anaView(), /Share my adjustments with the host/, "nothing to start sharing once it has ended");
      const invoke = { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: VERBS.shareAdjustments, data: { secondmentId: sid, share: true } }, trigger: "manual" } };
      const refused = String((await bot.teams.post(bot.teams.activity(personalChat(ana), ana, invoke))).body?.value);
      assert.match(refused, /This secondment has finished, so there is nothing for the host to put in place\. Nothing has been shared\./);
      assert.equal((await secondments.item(sid, sid).read()).resource.sharedAdjustments, undefined, "nothing stored");
      await setStatus("ended", true);
      const view = await bot.teams.press(personalChat(ana), ana, VERBS.mySecondment, { secondmentId: sid });
      const stop = action(view, "Stop sharing my adjustments");
      await bot.teams.press(personalChat(ana), ana, stop.verb, stop.data);
      assert.equal((await secondments.item(sid, sid).read()).resource.sharedAdjustments, undefined, "stopped after the end");
    } finally {
      await setStatus(live.status, Boolean(live.sharedAdjustments));
    }
  });

  it("keeps equality answers apart and reports only totals, hiding counts under 5", async () => {
    const people = [ana, bea, person("Cy One"), person("Di Two"), person("Ed Three")];
    for (const [i, p] of people.entries()) {
      const form = await bot.teams.press(personalChat(p), p, VERBS.openEquality);
      assert.match(cardText(form), /Prefer not to say/);
      const done = await bot.teams.press(personalChat(p), p, VERBS.submitEquality, { age: "25-to-34", sexualOrientation: i === 0 ? "bisexual" : "heterosexual-or-straight", religion: "" });
      assert.match(cardText(done), /Thank you/);
    }
    const bad = await bot.teams.press(personalChat(bea), bea, VERBS.submitEquality, { age: "ninety" });
    assert.match(cardText(bad), /Age: choose one of the answers/);
    const stored = await bot.app.store.container("people").items.query("SELECT * FROM c WHERE c.type = 'equality'").fetchAll();
    assert.equal(stored.resources.length, 0, "nothing of it is stored with the interest");
    assert.match(onlyText(await bot.teams.say(personalChat(bea), bea, "equality report")), /Only the programme team/);
    const report = cardText(onlyCard(await bot.teams.say({ id: chatOf(pat), type: "personal" }, pat, "equality report")));
    assert.match(report, /People who answered: 5/);
    assert.match(report, /25 to 34: 5/);
    assert.match(report, /Bisexual: fewer than 5/, "a count of 1 is hidden");
    assert.match(report, /Heterosexual or straight: fewer than 5/);
    assert.match(report, /Prefer not to say: 5/, "unanswered counts as prefer not to say");
  });

  it("exports everything about the person, through Teams' file consent, and nothing of anyone else", async () => {
    // Check-in answers from both sides (as the check-in flow stores them).
    const sec = (await bot.app.store.container("secondments").item(sid, sid).read()).resource;
    sec.checkIns = [{ n: 1, date: "2027-02-01", sentAt: "2027-02-01T09:00:00Z", answers: { secondee: { going: "well", issues: ANA_ANSWER, at: "2027-02-02T09:00:00Z" }, homeManager: { going: "mixed", issues: SAM_ANSWER, at: "2027-02-02T09:00:00Z" } } }];
    await bot.app.store.container("secondments").item(sid, sid).replace(sec);
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, email: anaEmail, skillsOffered: "data-analysis,statistics", adjustments: ADJUSTMENTS, lineManagerId: sam.aadObjectId, lineManagerEmail: "", town: "Wakefield", version: 1 }));

    const summary = onlyCard(await bot.teams.say(personalChat(ana), ana, "export my data"));
    assert.match(cardText(summary), /Expression of interest/);
    await drain();
    const offer = bot.connector.to(chatOf(ana)).find((s) => s.body.attachments?.[0]?.contentType === "application/vnd.microsoft.teams.card.file.consent");
    assert.ok(offer, "the file is offered in Ana's 1:1 chat");
    const consent = offer!.body.attachments[0];
    const before = bot.connector.sent.length;
    const res = await bot.teams.post(
      bot.teams.activity(personalChat(ana), ana, {
        type: "invoke",
        name: "fileConsent/invoke",
        value: { type: "fileUpload", action: "accept", context: consent.content.acceptContext, uploadInfo: { name: consent.name, uploadUrl, contentUrl: "https://example.invalid/my-secondment-data.json", uniqueId: "file-1", fileType: "json" } },
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(uploaded.length, 1, "the file was put where Teams said");
    const data = JSON.parse(uploaded[0]!.body);
    const info = bot.connector.sent.slice(before).find((s) => s.body.attachments?.[0]?.contentType === "application/vnd.microsoft.teams.card.file.info");
    assert.ok(info, "a file card follows in the chat");
    assert.equal(info!.body.attachments[0].content.uniqueId, "file-1");

    assert.equal(data.interest.length, 1);
    assert.equal(data.interest[0].version, 2, "the interest as it stands, at its latest version");
    assert.equal(data.interest[0].details.adjustments, ADJUSTMENTS, "her own adjustments are hers to see");
    assert.equal(data.interest[0].details.town, "Wakefield");
    assert.deepEqual(
      (data.interest[0].earlierVersions ?? []).map((v: { version: number; details: { town: string }; supersededAt: string }) => [v.version, v.details.town, typeof v.supersededAt]),
      [[1, "Leeds", "string"]],
      "every earlier version of her interest, as it was",
    );
    assert.ok(data.plan.length === 1 && data.releaseRequests.length === 1, "plan and release request");
    assert.equal(data.matches.length, 1);
    assert.equal(data.matches[0].yourSide, "secondee");
    assert.equal(data.secondments.length, 1);
    assert.equal(data.secondments[0].checkIns[0].yourAnswer.issues, ANA_ANSWER, "her own check-in answer");
    assert.equal(data.equality.length, 1, "her equality answers");
    assert.ok(data.messages.length > 0 && data.chats.length > 0);
    const raw = uploaded[0]!.body;
    assert.ok(!raw.includes(SAM_ANSWER), "not the line manager's answers");
    for (const m of [bea.aadObjectId, bea.name, "bea.outsider@example.gov.uk"]) assert.ok(!raw.includes(m), `nothing of anyone else (${m})`);

    // The host's export: their role, the match from their side, never Ana's adjustments or answers.
    const vicExport = JSON.stringify(await exportFor(bot.app.store, { tenantId: TENANT, aadObjectId: vic.aadObjectId }, new Date()));
    assert.match(vicExport, /Housing data analyst/);
    for (const secret of ["ZEBRA", ANA_ANSWER, SAM_ANSWER, "bisexual"]) assert.ok(!vicExport.includes(secret), `host export has no ${secret}`);
  });

  it("gives the signed-in person their own data from the tab, and nobody's without a token", async () => {
    const signIn = await fetch(`${bot.app.url}/api/tab/dev-sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ person: "secondee" }) });
    const { token } = (await signIn.json()) as { token: string };
    const submit = await fetch(`${bot.app.url}/api/tab/action`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ verb: VERBS.setStepStatus, data: { step: 1, status: "done" } }) });
    assert.equal(submit.status, 200);
    const res = await fetch(`${bot.app.url}/api/tab/my-data`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="my-secondment-data.json"/);
    const data = (await res.json()) as { plan: unknown[]; interest: unknown[] };
    assert.equal(data.plan.length, 1);
    assert.equal(data.interest.length, 0, "Alex has no interest: nobody else's shows up");
    assert.equal((await fetch(`${bot.app.url}/api/tab/my-data`)).status, 401);
  });

  it("never puts adjustments or equality answers in a log line, a channel card, the pipeline or a message", async () => {
    const pipeline = JSON.stringify(onlyCard(await bot.teams.say({ id: chatOf(pat), type: "personal" }, pat, "pipeline")));
    await drain();
    // Everything sent, except the file itself (Ana's own) and the programme team's report of totals.
    const sent = JSON.stringify(bot.connector.sent.filter((s) => !s.body.attachments?.[0]?.contentType?.includes("file") && !JSON.stringify(s.body).includes("Equality monitoring: totals")));
    for (const [what, text] of [["logs", logs.join("\n")], ["messages and channel cards", sent], ["pipeline", pipeline]] as const) {
      assert.ok(!text.includes("ZEBRA"), `no adjustments in ${what}`);
      assert.ok(!/bisexual|sexualOrientation/i.test(text), `no equality answers in ${what}: ${/.{200}(bisexual|sexualOrientation).{100}/i.exec(text)?.[0]}`);
    }
  });

  it("erases on request, keeping only a secondment still in force, and finishes once it has ended", async () => {
    const who = identityOf({ tenantId: TENANT, aadObjectId: ana.aadObjectId }, { names: [ana.name], emails: [anaEmail], conversationIds: [personalChat(ana).id, chatOf(ana)] });
    const traces = async () => (await everything(bot)).filter(({ doc }) => markers(who).some((m) => JSON.stringify(doc).toLowerCase().includes(m)));

    const ask = onlyCard(await bot.teams.say(personalChat(ana), ana, "delete my data"));
    assert.match(cardText(ask), /Kept for now/);
    assert.match(cardText(ask), /other people in it rely on it/);
    const yes = action(ask, "Yes, delete my data");
    const done = await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data);
    assert.match(cardText(done), /Your data has been deleted/);
    assert.match(cardText(done), /kept until it ends/);

    const left = await traces();
    const allowed = (c: ContainerName, d: Record<string, any>) =>
      (c === "secondments" && d.id === sid) || (c === "matches" && d.status === "agreeing") || (c === "jobs" && d.payload?.secondmentId === sid);
    assert.deepEqual(left.filter(({ container, doc }) => !allowed(container, doc)).map(({ container, doc }) => `${container}/${doc.id}`), [], "only the secondment in force and what runs it still name Ana");
    assert.equal((await bot.app.store.container("people").items.query({ query: "SELECT * FROM c WHERE c.pk = @pk", parameters: [{ name: "@pk", value: personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId }) }] }).fetchAll()).resources.length, 0);
    const erasures = (await everything(bot)).filter(({ doc }) => doc.type === "erasure");
    assert.equal(erasures.length, 1, "the erasure is recorded");
    assert.ok(!markers(who).some((m) => JSON.stringify(erasures[0]!.doc).toLowerCase().includes(m)), "without the erased data");

    // Pressing again (an interrupted erasure repeated) is harmless.
    await bot.teams.press(personalChat(ana), ana, yes.verb, yes.data);
    // The secondment is called off; the scheduled job finishes the erasure.
    const sec = (await bot.app.store.container("secondments").item(sid, sid).read()).resource;
    await bot.app.store.container("secondments").item(sid, sid).replace({ ...sec, status: "cancelled", endedAt: new Date().toISOString() });
    const { resources: finish } = await bot.app.store.container("jobs").items.query("SELECT * FROM c WHERE c.type = 'privacy.finish-erasure'").fetchAll();
    assert.ok(finish.length >= 1, "a job will finish the erasure");
    for (const j of finish) await bot.app.store.container("jobs").item(j.id, j.id).replace({ ...j, dueAt: new Date(Date.now() - 1000).toISOString() });
    await bot.app.scheduler.runDue();
    const remaining = (await traces()).map(({ container, doc }) => `${container}/${doc.id}`);
    assert.deepEqual(remaining, [], "no trace of Ana in any container");

    // The host's view of the shared match still works, with Ana replaced.
    const vicMatches = await bot.teams.press(personalChat(vic), vic, VERBS.myMatches);
    assert.match(cardText(vicMatches), /Housing data analyst/);
    const vicSecondment = JSON.stringify(await bot.teams.press(personalChat(vic), vic, VERBS.mySecondment, { secondmentId: sid }));
    assert.match(vicSecondment, /A person who has left the programme/);
    assert.doesNotMatch(vicSecondment, /ZEBRA|Quarrington/);
  });

  it("keeps a line manager's decision when they ask to be erased, with their name replaced", async () => {
    const cal = person("Cal Secondee");
    const mo = person("Mo Mbeki-Manager");
    await bot.teams.press(personalChat(cal), cal, VERBS.submitInterest, interestInput({ fullName: cal.name, email: "cal@example.gov.uk", lineManagerId: mo.aadObjectId, lineManagerEmail: "" }));
    await bot.connector.waitFor(() => cardsIn(chatOf(mo)).length > 0, 15_000);
    const release = action(cardsIn(chatOf(mo))[0]!, "Agree to release");
    await bot.teams.press({ id: chatOf(mo), type: "personal" }, mo, release.verb, release.data);
    await drain();

    const ask = onlyCard(await bot.teams.say({ id: chatOf(mo), type: "personal" }, mo, "delete my data"));
    assert.match(cardText(ask), /a person who has left the programme/);
    const yes = action(ask, "Yes, delete my data");
    await bot.teams.press({ id: chatOf(mo), type: "personal" }, mo, yes.verb, yes.data);

    const who = identityOf({ tenantId: TENANT, aadObjectId: mo.aadObjectId }, { names: [mo.name], conversationIds: [chatOf(mo)] });
    const left = (await everything(bot)).filter(({ doc }) => markers(who).some((m) => JSON.stringify(doc).toLowerCase().includes(m)));
    assert.deepEqual(left.map(({ container, doc }) => `${container}/${doc.id}`), [], "no trace of the line manager");
    const approval = (await bot.app.store.container("people").item("approval", personKey({ tenantId: TENANT, aadObjectId: cal.aadObjectId })).read()).resource;
    assert.equal(approval.status, "approved", "the decision stays");
    assert.match(JSON.stringify(approval.manager), /left-/, "made by someone who has left");
    assert.match(cardText(await bot.teams.press(personalChat(cal), cal, VERBS.showInterest)), /Cal Secondee|interest/i, "Cal's own view still works");
  });
});
