import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, silentLogger } from "../../src/log";
import { openStore, updateItem, type Store } from "../../src/store/store";
import { PlanRepository } from "../../src/store/plans";
import { CosmosBotStorage } from "../../bot/state-storage";

const settings = (dataDir: string) => ({ kind: "embedded" as const, dataDir, database: "test" });
const who = { tenantId: "t1", aadObjectId: "u1" };

describe("the embedded store", () => {
  let dataDir: string;
  let store: Store;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-store-"));
    store = await openStore(settings(dataDir), silentLogger);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps items across a close and reopen through its snapshot", async () => {
    const plans = new PlanRepository(store.container("people"));
    await plans.setStepStatus(who, { step: 5, status: "doing" }, new Date("2026-11-23T10:00:00Z"));
    await store.close();
    assert.ok(existsSync(join(dataDir, "cosmos-snapshot.json")));
    store = await openStore(settings(dataDir), silentLogger);
    const plan = await new PlanRepository(store.container("people")).get(who, new Date());
    assert.equal(plan.steps["5"]!.status, "doing");
    assert.equal(plan.steps["5"]!.changedAt, "2026-11-23T10:00:00.000Z");
  });

  it("writes the snapshot shortly after a write, without waiting for close", async () => {
    await new PlanRepository(store.container("people")).setStepStatus(who, { step: 1, status: "done" }, new Date());
    await new Promise((r) => setTimeout(r, 600));
    const snap = JSON.parse(readFileSync(join(dataDir, "cosmos-snapshot.json"), "utf8"));
    const people = snap.databases[0].containers.find((c: { id: string }) => c.id === "people");
    assert.equal(people.items.length, 1);
    assert.equal(people.items[0]._etag, undefined, "system fields are not kept");
  });

  it("never stacks snapshots: ten flushes during steady writes cost at most two, and close keeps every write", async () => {
    await store.close();
    const lines: string[] = [];
    store = await openStore(settings(dataDir), createLogger("debug", (l) => lines.push(l)));
    const c = store.container("people");
    const snapshots = () => lines.filter((l) => l.includes("store snapshot written")).length;
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) await c.items.create({ id: `w${written++}`, pk: "p" });
    })();
    await new Promise((r) => setTimeout(r, 20));
    const before = snapshots();
    // Each flush arrives while writes keep the store dirty. One snapshot runs, one waits, and every
    // other flush shares the waiting one; stacking one per flush made close take minutes in the bench.
    await Promise.all(Array.from({ length: 10 }, () => store.flush()));
    const taken = snapshots() - before;
    stop = true;
    await writer;
    assert.ok(taken >= 1 && taken <= 2, `ten flushes took ${taken} snapshots`);
    await store.close();
    const snap = JSON.parse(readFileSync(join(dataDir, "cosmos-snapshot.json"), "utf8"));
    const people = snap.databases[0].containers.find((x: { id: string }) => x.id === "people");
    assert.equal(people.items.length, written, "the snapshot on close holds every write");
    store = await openStore(settings(dataDir), silentLogger);
  });

  it("refuses to start on a damaged snapshot rather than starting empty", async () => {
    await store.close();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dataDir, "cosmos-snapshot.json"), "{ this is not json");
    await assert.rejects(openStore(settings(dataDir), silentLogger), /Could not load the local data/);
    store = await openStore(settings(mkdtempSync(join(tmpdir(), "secondment-store-"))), silentLogger);
  });

  it("applies 20 racing changes to one item exactly once each (etag guard)", async () => {
    const c = store.container("people");
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateItem<{ seen: number[] }>(c, "counter", "p", (cur) => ({ seen: [...(cur?.seen ?? []), i] }), 50),
      ),
    );
    const { resource } = await c.item("counter", "p").read();
    assert.deepEqual([...resource.seen].sort((a: number, b: number) => a - b), Array.from({ length: 20 }, (_, i) => i));
  });

  it("gives botbuilder storage its etag semantics: a stale write fails, '*' always wins", async () => {
    const s = new CosmosBotStorage(store.container("botState"));
    await s.write({ "msteams/conversations/a:1/": { n: 1 } });
    const first = (await s.read(["msteams/conversations/a:1/"]))["msteams/conversations/a:1/"];
    assert.equal(first.n, 1);
    await s.write({ "msteams/conversations/a:1/": { ...first, n: 2 } });
    await assert.rejects(s.write({ "msteams/conversations/a:1/": { ...first, n: 3 } }), (e: { code?: number }) => e.code === 412);
    await s.write({ "msteams/conversations/a:1/": { n: 4, eTag: "*" } });
    assert.equal((await s.read(["msteams/conversations/a:1/"]))["msteams/conversations/a:1/"].n, 4);
    await s.delete(["msteams/conversations/a:1/"]);
    assert.deepEqual(await s.read(["msteams/conversations/a:1/"]), {});
  });
});
