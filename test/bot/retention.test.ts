import assert from "node:assert/strict";
import sinon from "sinon";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { personKey } from "../../src/domain/person";
import { createLogger } from "../../src/log";
import { cardText } from "../support/cards";
import { interestInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

/**
 * Retention by the durable scheduler, with two bot instances sharing one store and racing for
 * each day's job, under a faked Date (timers and I/O stay real).
 */
describe("retention: closed records go after RETENTION_MONTHS, sent messages and finished jobs after 30 days, once across instances", function () {
  this.timeout(60_000);
  let clock: sinon.SinonFakeTimers;
  let bot: TestBot;
  let other: RunningApp;
  const logs: string[] = [];
  const ana = person("Ana Retained");
  const key = personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId });

  before(async () => {
    clock = sinon.useFakeTimers({ now: new Date("2026-01-05T10:00:00Z"), toFake: ["Date"] });
    const log = createLogger("info", (line) => logs.push(line));
    bot = await startTestBot({ RETENTION_MONTHS: "12" }, log, { retention: true });
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: bot.app.store.endpoint, COSMOS_KEY: "local", RETENTION_MONTHS: "12" });
    other = await startApp(config, { log, background: false, retention: true });
  });
  after(async () => {
    await other.stop();
    await bot.stop();
    clock.restore();
  });

  const interest = async () => (await bot.app.store.container("people").items.query({ query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'interest'", parameters: [{ name: "@pk", value: key }] }).fetchAll()).resources[0];
  const versions = async () => (await bot.app.store.container("people").items.query({ query: "SELECT * FROM c WHERE c.pk = @pk AND c.type = 'record-version'", parameters: [{ name: "@pk", value: key }] }).fetchAll()).resources;
  const ran = () => logs.filter((l) => l.includes('"retention ran"')).length;
  const runBoth = () => Promise.all([bot.app.scheduler.runDue(), other.scheduler.runDue()]);

  it("keeps a withdrawn interest for 12 months, then erases it; each day's run happens once", async () => {
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, adjustments: "" }));
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, adjustments: "", town: "Wakefield", version: 1 }));
    const withdraw = await bot.teams.press(personalChat(ana), ana, VERBS.confirmWithdrawInterest, { version: 2 });
    assert.match(cardText(withdraw), /withdrawn/i);
    assert.equal((await interest()).status, "withdrawn");
    // An old sent message and an old finished job (as the outbox and scheduler leave them).
    const at = new Date().toISOString();
    await bot.app.store.container("outbox").items.create({ id: "old-message", pk: "old-message", status: "sent", sentAt: at, createdAt: at, purpose: "test" });
    await bot.app.store.container("jobs").items.create({ id: "old-job", pk: "old-job", type: "test", status: "done", doneAt: at, createdAt: at, dueAt: at, payload: {}, attempts: 1 });

    // Five months on: the day's job runs on one instance; nothing is old enough yet but nothing is lost.
    clock.setSystemTime(new Date("2026-06-01T10:00:00Z"));
    await runBoth();
    await runBoth();
    assert.equal(ran(), 1, "one run, though two instances looked");
    assert.equal((await interest())?.status, "withdrawn", "kept: withdrawn only 5 months ago");
    assert.deepEqual((await versions()).map((v) => v.version).sort(), [1, 2], "and its earlier versions with it");
    assert.equal((await bot.app.store.container("outbox").items.query("SELECT * FROM c WHERE c.id = 'old-message'").fetchAll()).resources.length, 0, "a message sent over 30 days ago is purged");
    assert.equal((await bot.app.store.container("jobs").items.query("SELECT * FROM c WHERE c.id = 'old-job'").fetchAll()).resources.length, 0, "a job finished over 30 days ago is purged");
    const first = (await bot.app.store.container("jobs").item("privacy.retention:2026-01-06", "privacy.retention:2026-01-06").read()).resource;
    assert.equal(first.status, "done");
    assert.equal(first.attempts, 1);
    assert.equal((await bot.app.store.container("jobs").item("privacy.retention:2026-06-02", "privacy.retention:2026-06-02").read()).resource.status, "pending", "the next day's run is scheduled");

    // Thirteen months after the withdrawal: it is erased.
    clock.setSystemTime(new Date("2027-02-10T10:00:00Z"));
    await runBoth();
    await runBoth();
    assert.equal(ran(), 2);
    assert.equal(await interest(), undefined, "the withdrawn interest is erased");
    assert.deepEqual(await versions(), [], "and every earlier version of it");
  });
});
