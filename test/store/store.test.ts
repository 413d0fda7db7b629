import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, silentLogger } from "../../src/log";
import { openStore, updateItem, type Store } from "../../src/store/store";
import { PlanRepository } from "../../src/store/plans";
import { CosmosBotStorage } from "../../bot/state-storage";
import { decodeRecords } from "../../src/store/journal";

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

  it("keeps items across a close and reopen through its journal", async () => {
    const plans = new PlanRepository(store.container("people"));
    await plans.setStepStatus(who, { step: 5, status: "doing" }, new Date("2026-11-23T10:00:00Z"));
    await store.close();
    assert.ok(existsSync(join(dataDir, "store-journal-1.log")));
    store = await openStore(settings(dataDir), silentLogger);
    const plan = await new PlanRepository(store.container("people")).get(who, new Date());
    assert.equal(plan.steps["5"]!.status, "doing");
    assert.equal(plan.steps["5"]!.changedAt, "2026-11-23T10:00:00.000Z");
  });

  it("has a write in the journal on disk by the time the write is acknowledged", async () => {
    await new PlanRepository(store.container("people")).setStepStatus(who, { step: 1, status: "done" }, new Date());
    // Read the file straight after the reply, before anything else can run.
    const { records } = decodeRecords(readFileSync(join(dataDir, "store-journal-1.log")));
    const puts = records.filter((r) => (r as { op: string; coll?: string }).op === "put" && (r as { coll: string }).coll === "people");
    assert.equal(puts.length, 1);
  });

  it("never stacks compactions: ten flushes during steady writes cost at most two, and a reopen keeps every write", async () => {
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
    await Promise.all(Array.from({ length: 10 }, () => store.flush()));
    const taken = snapshots() - before;
    stop = true;
    await writer;
    assert.ok(taken >= 1 && taken <= 2, `ten flushes took ${taken} snapshots`);
    await store.close();
    store = await openStore(settings(dataDir), silentLogger);
    const { resources } = await store.container("people").items.readAll().fetchAll();
    assert.equal(resources.length, written, "every write is there after a reopen");
  });

  it("refuses to start on a damaged snapshot rather than starting empty", async () => {
    await store.flush();
    await store.close();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dataDir, "store-snapshot.jsonl"), "{ this is not json");
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
