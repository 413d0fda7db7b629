import assert from "node:assert/strict";
import { VERBS } from "../../cards";
import { personKey } from "../../src/domain/person";
import { DevClock, runNextJob } from "../../scripts/dev-clock";
import { interestInput } from "../support/forms";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "../support/teams";

describe("the development clock (typing 'next' in npm run dev)", function () {
  this.timeout(60_000);
  const clock = new DevClock();
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({}, undefined, { now: clock.now });
  });
  after(async () => {
    await bot.stop();
  });

  it("moves the app's clock to the next reminder, runs it, and the line manager gets it; with nothing left, says so", async () => {
    const ana = person("Ana Jones");
    const ben = person("Ben Carter");
    await bot.teams.press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ fullName: ana.name, lineManagerId: ben.aadObjectId, lineManagerEmail: "" }));
    const key = personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId });
    const requestId: string = (await bot.app.store.container("people").item("approval", key).read()).resource.requestId;
    const before = Date.now();

    const first = await runNextJob(bot.app, clock);
    assert.ok(first, "a job was found");
    assert.equal(first.type, "approval-follow-up");
    assert.ok(first.dueAt.getTime() - before > 24 * 3600_000, "the reminder is days away in real time");
    assert.ok(clock.now().getTime() >= first.dueAt.getTime(), "the app's clock is at the job's time");
    assert.equal(first.status, "done");
    await bot.connector.waitFor(() => (bot.connector.deliveries.get(`approval-reminder:${requestId}:1`) ?? 0) === 1, 10_000);

    // The next one is the second reminder, three working days on; the clock never goes back.
    const second = await runNextJob(bot.app, clock);
    assert.ok(second && second.dueAt > first.dueAt);
    await bot.connector.waitFor(() => (bot.connector.deliveries.get(`approval-reminder:${requestId}:2`) ?? 0) === 1, 10_000);
    const third = await runNextJob(bot.app, clock);
    assert.ok(third, "the escalation");
    await bot.connector.waitFor(() => (bot.connector.deliveries.get(`approval-escalation:${requestId}:secondee`) ?? 0) === 1, 10_000);
    assert.equal(await runNextJob(bot.app, clock), undefined, "nothing more is scheduled");
  });
});
