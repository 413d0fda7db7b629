import assert from "node:assert/strict";
import sinon from "sinon";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import { personKey } from "../../src/domain/person";
import { interestInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";
import { drainWithFrozenClock, whileTimeFlows } from "../support/drain";

/**
 * Three bot instances share one store, as they would behind a load balancer. Time is sinon's
 * (Date is faked; timers and I/O stay real so HTTP and Cosmos work): the test moves it to each
 * reminder's due time and lets all three instances' schedulers race for the job.
 */
describe("approval reminders with three instances sharing one store", function () {
  this.timeout(60_000);
  let clock: sinon.SinonFakeTimers;
  let first: TestBot;
  const others: RunningApp[] = [];
  const programmeTeam = "0b0b0b0b-1111-2222-3333-444444444444";

  before(async () => {
    clock = sinon.useFakeTimers({ now: new Date("2026-11-23T10:00:00Z"), toFake: ["Date"] });
    const env = { PROGRAMME_TEAM_AAD_IDS: programmeTeam };
    first = await startTestBot(env, silentLogger, { schedulerPollMs: 50 });
    for (let i = 0; i < 2; i++) {
      const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: first.app.store.endpoint, COSMOS_KEY: "local", ...env });
      others.push(await startApp(config, { log: silentLogger, schedulerPollMs: 50 }));
    }
  });
  after(async () => {
    for (const app of others) await app.stop();
    await first.stop();
    clock.restore();
  });

  const all = () => [first.app, ...others];
  const deliveries = (id: string) => first.connector.deliveries.get(id) ?? 0;

  /** Move time on, let every instance look for due jobs, and wait for the messages to go out. */
  async function at(iso: string, expected: string[]): Promise<void> {
    clock.setSystemTime(new Date(iso));
    await Promise.all(all().map((app) => app.scheduler.runDue()));
    await whileTimeFlows(clock, () => first.connector.waitFor(() => expected.every((id) => deliveries(id) >= 1), 10_000));
    await drainWithFrozenClock(all(), clock);
    await new Promise((r) => setTimeout(r, 300)); // room for any duplicate to arrive
  }

  it("reminds the manager twice, three working days apart, then tells the secondee and programme team, each once", async () => {
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    await first.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: sam.aadObjectId, lineManagerEmail: "" }));
    const key = personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId });
    const requestId: string = (await first.app.store.container("people").item("approval", key).read()).resource.requestId;
    await whileTimeFlows(clock, () => first.connector.waitFor(() => deliveries(`approval-request:${requestId}`) === 1, 10_000));

    // Monday 23 November + 3 working days = Thursday 26 November, 09:00 UK time.
    await at("2026-11-25T23:59:00Z", []);
    assert.equal(deliveries(`approval-reminder:${requestId}:1`), 0, "nothing before it is due");
    await at("2026-11-26T09:00:30Z", [`approval-reminder:${requestId}:1`]);
    // Thursday + 3 working days = Tuesday 1 December.
    await at("2026-12-01T09:00:30Z", [`approval-reminder:${requestId}:2`]);
    // Tuesday + 3 working days = Friday 4 December: escalation.
    await at("2026-12-04T09:00:30Z", [`approval-escalation:${requestId}:secondee`, `approval-escalation:${requestId}:${programmeTeam}`]);
    // Nothing more, however long we wait.
    await at("2026-12-31T09:00:30Z", []);

    const sent = [...first.connector.deliveries.entries()].filter(([id]) => id.includes(requestId));
    assert.deepEqual(
      sent.sort(),
      [
        [`approval-escalation:${requestId}:${programmeTeam}`, 1],
        [`approval-escalation:${requestId}:secondee`, 1],
        [`approval-reminder:${requestId}:1`, 1],
        [`approval-reminder:${requestId}:2`, 1],
        [`approval-request:${requestId}`, 1],
      ],
      "every message was sent exactly once",
    );
    const approval = (await first.app.store.container("people").item("approval", key).read()).resource;
    assert.equal(approval.remindersSent, 2);
    assert.equal(approval.escalatedAt, "2026-12-04T09:00:30.000Z");
    const toAna = first.connector.to(personalChat(ana).id).map((s) => s.body.text);
    assert.ok(toAna.some((t) => /has not answered your request to be released, after two reminders/.test(t)));
  });
});
