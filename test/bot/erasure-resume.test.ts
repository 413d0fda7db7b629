import assert from "node:assert/strict";
import { CosmosClient, PluginOn, type PluginConfig } from "@azure/cosmos";
import { VERBS } from "../../cards";
import { RESUME_AFTER_MS, RESUME_ERASURE } from "../../bot/handlers/privacy";
import { personKey } from "../../src/domain/person";
import { silentLogger } from "../../src/log";
import { CONTAINERS, type ContainerName } from "../../src/store/store";
import { action } from "../support/cards";
import { interestInput, roleInput } from "../support/forms";
import { onlyCard, person, personalChat, startTestBot, TENANT, type Chat, type TestBot } from "../support/teams";

/**
 * An erasure cut off part way: the store stops answering after the first record is deleted, and
 * the person never asks again. The programme team was already told her roles went, so the roles
 * must go: a scheduled job finishes the erasure once the store answers, and tells her. The notice
 * to the programme team goes once. Over real HTTP, with the real Cosmos SDK and the embedded store.
 */
describe("an erasure cut off part way is finished by a scheduled job", function () {
  this.timeout(90_000);
  let bot: TestBot;
  /** "off"; "after-delete": everything refuses once a record of the people container is deleted; "all"; "people": only that container refuses. */
  let fault: "off" | "after-delete" | "all" | "people" = "off";
  let later = 0;
  const refusing: PluginConfig = {
    on: PluginOn.operation,
    plugin: async (context, _diagnostics, next) => {
      if (fault === "all" || (fault === "people" && /\/colls\/people(\/|$)/.test(context.path ?? ""))) throw Object.assign(new Error("the store is not answering (test)"), { code: 503 });
      const answer = await next(context);
      if (fault === "after-delete" && /\/colls\/people(\/|$)/.test(context.path ?? "") && context.operationType === "delete") fault = "all";
      return answer;
    },
  };
  const pat = person("Pat Programme");
  const priya = person("Priya Vacancyholder");
  const housing: Chat = { id: "19:housing-resume@thread.tacv2", type: "channel", team: { id: "19:housing-team-resume@thread.tacv2", name: "Housing" }, channel: { id: "19:housing-resume@thread.tacv2", name: "General" } };
  const key = personKey({ tenantId: TENANT, aadObjectId: priya.aadObjectId });

  const all = async (c: ContainerName) => (await bot.app.store.container(c).items.query("SELECT * FROM c").fetchAll()).resources;
  const rolesOf = async () => (await all("people")).filter((d) => d.pk === key && d.type === "role");
  const textsIn = (conversationId: string) => bot.connector.to(conversationId).map((s) => s.body.text).filter((x): x is string => typeof x === "string");
  const chatOf = (p: typeof pat) => bot.connector.created.find((c) => c.memberId === p.aadObjectId)?.conversationId;
  const rolesGone = () => textsIn(chatOf(pat) ?? "-").filter((x) => /Someone who offered roles asked for their data to be deleted/.test(x));

  before(async () => {
    bot = await startTestBot({ PROGRAMME_TEAM_AAD_IDS: pat.aadObjectId, PROGRAMME_TEAM_EMAIL: "secondments@example.gov.uk" }, silentLogger, {
      retention: true,
      now: () => new Date(Date.now() + later),
      storeDeps: { client: (options) => new CosmosClient({ ...options, plugins: [...((options as { plugins?: PluginConfig[] }).plugins ?? []), refusing] } as never) },
    });
  });
  after(async () => {
    fault = "off";
    await bot?.stop();
  });

  it("the store stops after the first delete: once it answers, the job erases the rest, tells her, and the team hears once", async () => {
    await bot.teams.say(housing, priya, "<at>Secondments</at> help");
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput({ openings: "2" }));
    await bot.teams.press(housing, priya, VERBS.submitRole, roleInput({ title: "Tenancy policy lead", openings: "1" }));
    assert.equal((await rolesOf()).length, 2);

    const ask = onlyCard(await bot.teams.say(personalChat(priya), priya, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    fault = "after-delete";
    const res = await bot.teams.post(bot.teams.activity(personalChat(priya), priya, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: yes.verb, data: yes.data }, trigger: "manual" } }));
    assert.equal(fault, "all", "the store stopped part way through the erasure");
    assert.doesNotMatch(JSON.stringify(res.body), /Your data has been deleted/);
    fault = "off";

    // Cut off: something of hers was deleted, not everything; the team's notice was queued first.
    assert.ok((await rolesOf()).length > 0, "one record went, so at least one of her two roles is still there");
    const jobs = (await all("jobs")).filter((j) => j.type === RESUME_ERASURE);
    assert.equal(jobs.length, 1, "a job will finish it");
    assert.doesNotMatch(JSON.stringify(jobs[0]), new RegExp(priya.aadObjectId, "i"), "the job does not name her");
    await bot.app.dispatcher.drain(15_000);
    assert.equal(rolesGone().length, 1, "the programme team was told before the roles were deleted");

    // Nobody asks again. Its time comes; the scheduler runs it.
    later += RESUME_AFTER_MS + 60_000;
    await bot.app.scheduler.runDue();
    await bot.app.dispatcher.drain(15_000);

    assert.equal((await rolesOf()).length, 0, "her roles are gone");
    const traces: string[] = [];
    for (const c of Object.keys(CONTAINERS) as ContainerName[]) {
      for (const d of await all(c)) {
        const json = JSON.stringify(d).toLowerCase();
        if (json.includes(priya.aadObjectId.toLowerCase()) || json.includes("priya")) traces.push(`${c}/${d.id}`);
      }
    }
    // What is left naming her: only the message telling her it is done, to the chat she asked in.
    assert.deepEqual(traces.filter((t) => !t.startsWith("outbox/erasure-finished:")), [], "nothing else of hers is left anywhere");
    assert.equal(traces.length, 1);
    assert.equal((await all("privacy")).filter((d) => d.type === "erasure-pending").length, 0, "the note of the erasure under way is gone");
    assert.ok((await all("privacy")).some((d) => d.type === "erasure"), "the erasure is recorded");

    const toHer = textsIn(personalChat(priya).id).filter((x) => /Your data has now been deleted/.test(x));
    assert.equal(toHer.length, 1, "she is told once it is done");
    assert.match(toHer[0]!, /Something stopped this part way when you asked, so I finished it afterwards\./);
    assert.equal(rolesGone().length, 1, "the programme team heard once");
    assert.match(rolesGone()[0]!, /Housing data analyst/);
    assert.match(rolesGone()[0]!, /Tenancy policy lead/);

    // The job is done, and running what is due again changes nothing.
    assert.equal((await all("jobs")).find((j) => j.type === RESUME_ERASURE)?.status, "done");
    await bot.app.scheduler.runDue();
    await bot.app.dispatcher.drain(15_000);
    assert.equal(textsIn(personalChat(priya).id).filter((x) => /Your data has now been deleted/.test(x)).length, 1);
    assert.equal(rolesGone().length, 1);
  });

  it("a resume job that gave up is started again by the daily retention job, three times at most; then the team is told, naming nobody", async () => {
    const sam = person("Sam Stuckerasure");
    await bot.teams.press(personalChat(sam), sam, VERBS.submitInterest, interestInput({ fullName: sam.name, email: "sam.stuck@example.gov.uk" }));
    const ask = onlyCard(await bot.teams.say(personalChat(sam), sam, "delete my data"));
    const yes = action(ask, "Yes, delete my data");
    fault = "after-delete";
    await bot.teams.post(bot.teams.activity(personalChat(sam), sam, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb: yes.verb, data: yes.data }, trigger: "manual" } }));
    const notes = async () => (await all("privacy")).filter((d) => d.type === "erasure-pending");
    const of = (await notes())[0]?.of;
    assert.ok(of, "the erasure was cut off part way");
    const resumeJobs = async () => (await all("jobs")).filter((j) => j.type === RESUME_ERASURE && j.payload.erasure === of);
    const toTeam = () => textsIn(chatOf(pat) ?? "-").filter((x) => /An erasure of someone's data/.test(x));
    /** The people container keeps refusing: each resume job is tried until the scheduler gives up on it. */
    const failEveryTry = async () => {
      fault = "people";
      for (let i = 0; i < 8 && (await resumeJobs()).some((j) => j.status === "pending" || j.status === "running"); i++) {
        later += 60 * 60_000;
        await bot.app.scheduler.runDue();
      }
      fault = "off";
      assert.ok((await resumeJobs()).every((j) => j.status === "failed"), "every resume job gave up");
    };
    /** A day on: the daily retention job runs (the store answers then). */
    const nextDay = async () => {
      later += 24 * 60 * 60_000;
      await bot.app.scheduler.runDue();
      await bot.app.dispatcher.drain(15_000);
    };

    await failEveryTry();
    assert.equal((await notes()).length, 1, "the note of the erasure under way is still there");
    for (let renewal = 1; renewal <= 3; renewal++) {
      await nextDay();
      assert.equal((await notes())[0]?.renewals, renewal);
      assert.equal((await resumeJobs()).filter((j) => j.status === "pending").length, 1, `renewal ${renewal}: a fresh resume job`);
      assert.equal(toTeam().length, renewal);
      assert.match(toTeam().at(-1)!, /^An erasure of someone's data could not be finished\. It will be tried again on \d{1,2} [A-Z][a-z]+ \d{4}\. You do not need to do anything yet\.$/);
      await failEveryTry();
    }
    await nextDay();
    assert.equal((await resumeJobs()).filter((j) => j.status === "pending").length, 0, "no fourth renewal");
    assert.equal(toTeam().length, 4);
    assert.match(toTeam().at(-1)!, /^An erasure of someone's data, asked for on \d{1,2} [A-Z][a-z]+ \d{4}, could still not be finished after 3 more tries\. It will not be tried again by itself\./);
    for (const x of toTeam()) assert.doesNotMatch(x, /Sam|Stuckerasure|sam\.stuck|left-/i, "the team's messages name nobody");
    await nextDay();
    assert.equal(toTeam().length, 4, "told once that it stopped");
    assert.equal((await notes())[0]?.gaveUp, true);
  });

  it("a renewed resume job finishes the erasure once the store answers again", async () => {
    const [stuck] = (await all("privacy")).filter((d) => d.type === "erasure-pending");
    assert.ok(stuck, "Sam's erasure is still under way");
    // Cleared by hand (as whoever runs the service would), the next renewal counts from the start.
    await bot.app.store.container("privacy").items.upsert({ ...stuck, renewals: 0, gaveUp: false });
    later += 24 * 60 * 60_000;
    await bot.app.scheduler.runDue();
    later += RESUME_AFTER_MS + 60_000;
    await bot.app.scheduler.runDue();
    await bot.app.dispatcher.drain(15_000);
    assert.equal((await all("privacy")).filter((d) => d.type === "erasure-pending").length, 0, "the note and the ids in it are gone");
    assert.ok(!(await all("people")).some((d) => JSON.stringify(d).includes("sam.stuck")), "Sam's interest is gone");
  });
});
