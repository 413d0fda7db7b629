import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sinon from "sinon";
import { createLogger, silentLogger } from "../../src/log";
import { openStore, type Store } from "../../src/store/store";
import { JobStore, type Job } from "../../src/scheduler/jobs";
import { retryDelayMs, Scheduler, systemClock, type SchedulerOptions } from "../../src/scheduler/scheduler";

const settings = (dataDir: string) => ({ kind: "embedded" as const, dataDir, database: "test" });
const T0 = new Date("2027-03-01T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

/** A clock the test moves by hand; each Scheduler may have its own. */
function manualClock(start = T0) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (d: Date) => void (t = d.getTime()),
    advance: (ms: number) => void (t += ms),
  };
}

/** Wait, on real I/O turns (setImmediate is not faked), until `cond` holds. */
async function waitFor(cond: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the durable job scheduler", () => {
  let dataDir: string;
  let store: Store;
  let jobs: JobStore;
  const open = async () => {
    store = await openStore(settings(dataDir), silentLogger);
    jobs = new JobStore(store.container("jobs"));
  };
  const job = (id: string, dueAt: Date, type = "ping", payload: Record<string, unknown> = {}) => ({ id, type, payload, dueAt });
  const make = (opts: Partial<SchedulerOptions> & Pick<SchedulerOptions, "handlers">) =>
    new Scheduler({ jobs, clock: manualClock(), instanceId: "solo", log: silentLogger, ...opts });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-jobs-"));
    await open();
  });
  afterEach(async () => {
    sinon.restore();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("JobStore", () => {
    it("stores a job once when it is scheduled twice", async () => {
      assert.equal(await jobs.schedule(job("approval-reminder:a1:1", at(MIN)), T0), "scheduled");
      assert.equal(await jobs.schedule(job("approval-reminder:a1:1", at(99 * MIN)), T0), "exists");
      const stored = await jobs.get("approval-reminder:a1:1");
      assert.equal(stored?.dueAt, at(MIN).toISOString(), "the first schedule stands");
      assert.equal(stored?.status, "pending");
      assert.equal(stored?.pk, "approval-reminder:a1:1");
      const { resources } = await store.container("jobs").items.query("SELECT VALUE COUNT(1) FROM c").fetchAll();
      assert.deepEqual(resources, [1]);
    });

    it("refuses ids Cosmos cannot store", async () => {
      for (const id of ["", "a/b", "a?b", "a#b", "a\\b", "x".repeat(256)]) {
        await assert.rejects(jobs.schedule(job(id, T0)), RangeError, JSON.stringify(id));
      }
      await assert.rejects(jobs.schedule(job("ok", new Date("nonsense"))), RangeError);
    });

    it("lists due jobs oldest first: pending and due, or running with an expired lease", async () => {
      await jobs.schedule(job("later", at(10 * MIN)));
      await jobs.schedule(job("second", at(-MIN)));
      await jobs.schedule(job("first", at(-2 * MIN)));
      await jobs.schedule(job("leased", at(-3 * MIN)));
      await jobs.schedule(job("expired", at(-4 * MIN)));
      await jobs.schedule(job("cancelled", at(-5 * MIN)));
      await jobs.cancel("cancelled");
      await jobs.claim((await jobs.get("leased"))!, "other", T0, MIN);
      await jobs.claim((await jobs.get("expired"))!, "dead", at(-2 * MIN), MIN);
      assert.deepEqual((await jobs.due(T0, 10)).map((j) => j.id), ["expired", "first", "second"]);
      assert.deepEqual((await jobs.due(T0, 2)).map((j) => j.id), ["expired", "first"]);
    });

    it("lets exactly one of ten racing claimers win", async () => {
      await jobs.schedule(job("contested", T0));
      const seen = (await jobs.get("contested"))!;
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs.claim(seen, `i${i}`, T0, MIN)));
      const winners = results.filter((r) => r !== undefined);
      assert.equal(winners.length, 1);
      const stored = (await jobs.get("contested"))!;
      assert.equal(stored.status, "running");
      assert.equal(stored.leaseOwner, winners[0]!.leaseOwner);
      assert.equal(stored.leaseUntil, at(MIN).toISOString());
      assert.equal(stored.attempts, 1);
      assert.equal(await jobs.complete(stored, "someone-else", T0), false, "only the lease owner completes");
      assert.equal(await jobs.complete(seen, winners[0]!.leaseOwner!, T0), false, "a stale version cannot complete");
      assert.equal(await jobs.complete(winners[0]!, winners[0]!.leaseOwner!, T0), true);
      assert.equal((await jobs.get("contested"))!.status, "done");
    });

    it("cancels a pending job, and nothing else", async () => {
      await jobs.schedule(job("c1", T0));
      await jobs.schedule(job("c2", T0));
      assert.equal(await jobs.cancel("c1"), true);
      assert.equal((await jobs.get("c1"))!.status, "cancelled");
      assert.equal(await jobs.cancel("c1"), false, "already cancelled");
      assert.equal(await jobs.cancel("missing"), false);
      await jobs.claim((await jobs.get("c2"))!, "x", T0, MIN);
      assert.equal(await jobs.cancel("c2"), false, "running");

      const ran: string[] = [];
      assert.equal(await make({ handlers: { ping: async (j) => void ran.push(j.id) } }).runDue(), 0);
      assert.deepEqual(ran, []);
    });
  });

  describe("Scheduler", () => {
    it("runs a due job once, and a job that is not yet due not at all", async () => {
      const clock = manualClock();
      await jobs.schedule(job("now", T0, "ping", { n: 1 }));
      await jobs.schedule(job("soon", at(MIN)));
      const ran: Job[] = [];
      const s = make({ clock, handlers: { ping: async (j) => void ran.push(j) } });
      assert.equal(await s.runDue(), 1);
      assert.deepEqual(ran.map((j) => [j.id, j.payload]), [["now", { n: 1 }]]);
      assert.equal(await s.runDue(), 0, "done jobs do not run again");
      clock.advance(MIN - 1);
      assert.equal(await s.runDue(), 0, "one millisecond early");
      clock.advance(1);
      assert.equal(await s.runDue(), 1);
      assert.deepEqual(ran.map((j) => j.id), ["now", "soon"]);
      const done = (await jobs.get("now"))!;
      assert.equal(done.status, "done");
      assert.equal(done.attempts, 1);
      assert.equal(done.doneAt, T0.toISOString());
      assert.equal(done.leaseOwner, undefined);
    });

    it("runs each of 30 jobs exactly once with three instances polling the same store at once", async () => {
      const clock = manualClock();
      for (let i = 0; i < 30; i++) await jobs.schedule(job(`j${i}`, at(-i * 1000)));
      const runs = new Map<string, string[]>();
      const instances = ["a", "b", "c"].map(
        (id) =>
          new Scheduler({
            jobs,
            clock,
            instanceId: id,
            batchSize: 7,
            log: silentLogger,
            handlers: { ping: async (j) => void runs.set(j.id, [...(runs.get(j.id) ?? []), id]) },
          }),
      );
      let total = 0;
      for (let round = 0; round < 20 && total < 30; round++) {
        total += (await Promise.all(instances.map((s) => s.runDue()))).reduce((a, b) => a + b, 0);
      }
      assert.equal(total, 30);
      assert.equal(runs.size, 30);
      for (const [id, by] of runs) assert.equal(by.length, 1, `${id} ran by ${by.join(", ")}`);
      for (let i = 0; i < 30; i++) assert.equal((await jobs.get(`j${i}`))!.status, "done");
      assert.deepEqual(await Promise.all(instances.map((s) => s.runDue())), [0, 0, 0]);
    });

    it("lets another instance run a job once the lease of an instance that died mid-job expires", async () => {
      const clock = manualClock();
      await jobs.schedule(job("fragile", T0));
      const hang = deferred();
      let deadStarted = false;
      const dead = make({ clock, instanceId: "dead", handlers: {
          ping: () => {
            deadStarted = true;
            return hang.promise;
          },
        },
      });
      const deadPoll = dead.runDue(); // abandoned: its handler does not return while it matters
      await waitFor(() => deadStarted, "the first instance to start the job");

      const runs: string[] = [];
      const rescuer = make({ clock, instanceId: "rescuer", handlers: { ping: async (j) => void runs.push(j.id) } });
      assert.equal(await rescuer.runDue(), 0, "the lease still holds");
      clock.advance(60_000 - 1);
      assert.equal(await rescuer.runDue(), 0, "the lease still holds a millisecond before it ends");
      clock.advance(1);
      assert.equal(await rescuer.runDue(), 1);
      assert.equal(await rescuer.runDue(), 0);
      assert.deepEqual(runs, ["fragile"]);
      const done = (await jobs.get("fragile"))!;
      assert.equal(done.status, "done");
      assert.equal(done.attempts, 2);

      // If the first instance comes back to life, its late finish changes nothing.
      hang.resolve();
      assert.equal(await deadPoll, 1);
      const after = (await jobs.get("fragile"))!;
      assert.equal(after.status, "done");
      assert.equal(after._etag, done._etag);
    });

    it("retries a failing handler with exponential backoff, then marks the job failed after maxAttempts", async () => {
      const clock = manualClock();
      const lines: string[] = [];
      const log = createLogger("debug", (line) => lines.push(line));
      await jobs.schedule(job("flaky", T0, "ping", { note: "Private reasonable-adjustment details" }));
      let calls = 0;
      const s = make({ clock, log, maxAttempts: 3, handlers: { ping: async () => { throw new Error(`boom ${++calls}`); } } });

      assert.equal(await s.runDue(), 1);
      let j = (await jobs.get("flaky"))!;
      assert.deepEqual([j.status, j.attempts, j.dueAt, j.lastError], ["pending", 1, at(MIN).toISOString(), "Error: boom 1"]);
      clock.set(at(MIN - 1));
      assert.equal(await s.runDue(), 0, "not before the first backoff");
      clock.set(at(MIN));
      assert.equal(await s.runDue(), 1);
      j = (await jobs.get("flaky"))!;
      assert.deepEqual([j.status, j.attempts, j.dueAt], ["pending", 2, at(3 * MIN).toISOString()], "then twice as long");
      clock.set(at(3 * MIN));
      assert.equal(await s.runDue(), 1);
      j = (await jobs.get("flaky"))!;
      assert.deepEqual([j.status, j.attempts, j.lastError, j.doneAt], ["failed", 3, "Error: boom 3", at(3 * MIN).toISOString()]);
      clock.set(at(24 * 60 * MIN));
      assert.equal(await s.runDue(), 0, "a failed job stays failed");
      assert.equal(calls, 3);

      assert.ok(lines.some((l) => l.includes("job failed; will retry")));
      assert.ok(lines.some((l) => l.includes("job failed for good")));
      assert.ok(lines.every((l) => !l.includes("reasonable-adjustment")), "no payload in the logs");
    });

    it("backs off 1, 2, 4 … minutes, capped at an hour", () => {
      assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs), [1, 2, 4, 8, 16, 32, 60, 60].map((m) => m * MIN));
    });

    it("fails a job of an unknown type clearly and at once", async () => {
      const clock = manualClock();
      await jobs.schedule(job("odd", T0, "mystery"));
      await jobs.schedule(job("proto", T0, "constructor"));
      const s = make({ clock, handlers: { ping: async () => undefined } });
      assert.equal(await s.runDue(), 2);
      for (const [id, type] of [["odd", "mystery"], ["proto", "constructor"]] as const) {
        const j = (await jobs.get(id))!;
        assert.equal(j.status, "failed");
        assert.equal(j.lastError, `No handler for job type "${type}"`);
      }
      clock.advance(24 * 60 * MIN);
      assert.equal(await s.runDue(), 0, "not retried");
    });

    it("gives up on a job whose runs keep dying once it has been started maxAttempts times", async () => {
      const clock = manualClock();
      await jobs.schedule(job("poison", T0));
      for (let i = 0; i < 2; i++) {
        const [seen] = await jobs.due(clock.now(), 1);
        assert.ok(await jobs.claim(seen!, `crashed-${i}`, clock.now(), MIN));
        clock.advance(MIN);
      }
      let ran = 0;
      assert.equal(await make({ clock, maxAttempts: 2, handlers: { ping: async () => void ran++ } }).runDue(), 1);
      const j = (await jobs.get("poison"))!;
      assert.equal(ran, 0);
      assert.equal(j.status, "failed");
      assert.match(j.lastError!, /Gave up after 2 attempts/);
    });

    it("keeps jobs across a close and reopen of the store, including one whose instance died", async () => {
      const clock = manualClock();
      await jobs.schedule(job("due", T0));
      await jobs.schedule(job("later", at(60 * MIN)));
      await jobs.schedule(job("was-running", T0));
      await jobs.claim((await jobs.get("was-running"))!, "old-process", T0, MIN);
      await store.close();

      await open();
      assert.equal((await jobs.get("due"))!.status, "pending");
      assert.equal((await jobs.get("was-running"))!.leaseOwner, "old-process");
      const ran: string[] = [];
      const s = make({ clock, handlers: { ping: async (j) => void ran.push(j.id) } });
      clock.set(at(2 * MIN));
      assert.equal(await s.runDue(), 2);
      assert.deepEqual(ran.sort(), ["due", "was-running"]);
      clock.set(at(60 * MIN));
      assert.equal(await s.runDue(), 1);
      assert.deepEqual(ran, ["due", "was-running", "later"]);
    });
  });

  describe("the polling loop (fake timers)", () => {
    // The embedded store's snapshot timer may have been set before the fake; let the fake clear it.
    const fakeTimers = () =>
      sinon.useFakeTimers({
        now: T0,
        shouldAdvanceTime: false,
        shouldClearNativeTimers: true,
        toFake: ["setTimeout", "clearTimeout", "Date"],
      });

    it("polls every pollMs, never overlaps polls, and stop() waits for the running job", async () => {
      const fake = fakeTimers();
      await jobs.schedule(job("at-5s", at(5_000)));
      const due = sinon.spy(jobs, "due");
      const gate = deferred();
      const ranAt: string[] = [];
      const s = make({
        clock: systemClock,
        pollMs: 1_000,
        handlers: { ping: async () => { ranAt.push(new Date().toISOString()); await gate.promise; } },
      });

      s.start();
      assert.equal(due.callCount, 0, "the first poll waits for the timer");
      fake.tick(0);
      await s.idle();
      assert.equal(due.callCount, 1);
      for (let i = 1; i <= 4; i++) {
        fake.tick(1_000);
        await s.idle();
      }
      assert.equal(due.callCount, 5);
      assert.deepEqual(ranAt, [], "not due before 5 s");

      fake.tick(1_000);
      await waitFor(() => ranAt.length === 1, "the job to start");
      assert.deepEqual(ranAt, [at(5_000).toISOString()]);
      fake.tick(30_000);
      assert.equal(due.callCount, 6, "no new poll while one is running");

      let stopped = false;
      const stopping = s.stop().then(() => (stopped = true));
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      assert.equal(stopped, false, "stop() waits for the running job");
      gate.resolve();
      await stopping;
      assert.equal((await jobs.get("at-5s"))!.status, "done");
      fake.tick(60_000);
      assert.equal(due.callCount, 6, "no polls after stop()");
    });

    it("three polling instances on one store run each of 30 jobs exactly once", async () => {
      const fake = fakeTimers();
      for (let i = 0; i < 30; i++) await jobs.schedule(job(`p${i}`, at(i * 200)));
      const runs = new Map<string, string[]>();
      const instances = ["a", "b", "c"].map((id) =>
        make({
          clock: systemClock,
          instanceId: id,
          pollMs: 1_000,
          batchSize: 4,
          handlers: { ping: async (j) => void runs.set(j.id, [...(runs.get(j.id) ?? []), id]) },
        }),
      );
      instances.forEach((s) => s.start());
      for (let tick = 0; tick < 60 && runs.size < 30; tick++) {
        fake.tick(tick === 0 ? 0 : 1_000);
        await Promise.all(instances.map((s) => s.idle()));
      }
      await Promise.all(instances.map((s) => s.stop()));
      assert.equal(runs.size, 30);
      for (const [id, by] of runs) assert.equal(by.length, 1, `${id} ran by ${by.join(", ")}`);
      for (let i = 0; i < 30; i++) assert.equal((await jobs.get(`p${i}`))!.status, "done");
    });
  });
});
