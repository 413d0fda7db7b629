import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, silentLogger } from "../../src/log";
import { openStore, updateItem, type Store } from "../../src/store/store";
import { PlanRepository } from "../../src/store/plans";
import { CosmosBotStorage } from "../../bot/state-storage";
import { decodeRecords } from "../../src/store/journal";
import { CosmosClient } from "@azure/cosmos";
import diagnostics from "node:diagnostics_channel";
import { open as openFile } from "node:fs/promises";
import sinon from "sinon";
import { trace } from "@opentelemetry/api";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

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

  it("serves the app's own calls without a socket, and other clients over HTTP, from the same data", async () => {
    // Count HTTP requests to the store's port while the app's client writes and reads.
    const port = Number(new URL(store.endpoint).port);
    const people = store.container("people");
    const plans = new PlanRepository(people);
    const before = await httpRequestsTo(port, async () => {
      await plans.setStepStatus(who, { step: 2, status: "doing" }, new Date("2026-12-07T09:00:00Z"));
      assert.equal((await plans.get(who, new Date())).steps["2"]!.status, "doing");
    });
    assert.equal(before, 0, "the app's own Cosmos client opened a socket to the embedded store");
    // Another client (another instance, a tool) reaches the same data over HTTP, with the same etags.
    const other = new CosmosClient({ endpoint: store.endpoint, key: "any", connectionPolicy: { enableEndpointDiscovery: false } });
    try {
      const otherPeople = other.database("test").container(people.id);
      interface Doc {
        id: string;
        pk: string;
        _etag: string;
        steps?: Record<string, { status: string }>;
      }
      let docs: Doc[] = [];
      const overHttp = await httpRequestsTo(port, async () => {
        docs = (await otherPeople.items.query<Doc>("SELECT * FROM c").fetchAll()).resources;
      });
      assert.ok(overHttp > 0, "the count of requests over HTTP does not work");
      const mine = docs.find((d) => d.steps?.["2"]?.status === "doing");
      assert.ok(mine, "the other client did not see the app's write");
      const { resource: fromApp } = await people.item(mine.id, mine.pk).read<Doc>();
      assert.equal(fromApp?._etag, mine._etag);
      // A write over HTTP makes the etag the app holds stale, and the app's guarded write is refused.
      await otherPeople.item(mine.id, mine.pk).replace({ ...mine, note: "x" });
      await assert.rejects(
        people.item(mine.id, mine.pk).replace({ ...mine, note: "y" }, { accessCondition: { type: "IfMatch", condition: mine._etag } }),
        (e: { code?: number }) => e.code === 412,
      );
    } finally {
      other.dispose();
    }
  });

  it("refuses a write it cannot put on disk, says so to the app, and keeps the last good state after a restart", async () => {
    const plans = new PlanRepository(store.container("people"));
    await plans.setStepStatus(who, { step: 1, status: "done" }, new Date("2026-12-07T09:00:00Z"));
    // The disk stops taking writes: every sync of a file now fails.
    const probe = await openFile(join(dataDir, "probe"), "w");
    const fileHandle = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
    await probe.close();
    const broken = sinon.stub(fileHandle, "datasync").rejects(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    try {
      await assert.rejects(plans.setStepStatus(who, { step: 2, status: "doing" }, new Date("2026-12-07T09:01:00Z")), (e: { code?: number }) => e.code === 503);
      // Nothing is acknowledged from then on, reads included: the store does not run ahead of its disk.
      await assert.rejects(plans.get(who, new Date()), (e: { code?: number }) => e.code === 503);
    } finally {
      broken.restore();
    }
    await store.close();
    store = await openStore(settings(dataDir), silentLogger);
    const plan = await new PlanRepository(store.container("people")).get(who, new Date());
    assert.equal(plan.steps["1"]!.status, "done");
    assert.equal(plan.steps["2"]?.status ?? "todo", "todo", "a write that was refused came back after the restart");
  });

  it("gives the event loop a turn between the pages of a query, as a socket would", async () => {
    const people = store.container("people");
    for (let i = 0; i < 60; i++) await people.items.create({ id: `d${i}`, pk: "paged" });
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const { resources } = await people.items.query({ query: "SELECT * FROM c WHERE c.pk = @pk", parameters: [{ name: "@pk", value: "paged" }] }, { maxItemCount: 5 }).fetchAll();
    ticking = false;
    assert.equal(resources.length, 60);
    assert.ok(turns >= 12, `the event loop ran only ${turns} times during 12 pages`);
  });

  it("keeps working, and out of the HTTP traces, with HTTP tracing turned on", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    const http = new HttpInstrumentation();
    const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [http] });
    // The instrumentation patches node:http when it is next required (as the app's start does).
    require("node:http");
    const traced = mkdtempSync(join(tmpdir(), "secondment-store-traced-"));
    try {
      const other = await openStore(settings(traced), silentLogger);
      try {
        const plans = new PlanRepository(other.container("people"));
        await plans.setStepStatus(who, { step: 3, status: "doing" }, new Date());
        assert.equal((await plans.get(who, new Date())).steps["3"]!.status, "doing");
      } finally {
        await other.close();
      }
      const httpSpans = exporter.getFinishedSpans().filter((s) => Object.keys(s.attributes).some((k) => k.startsWith("http.") || k.startsWith("url.")));
      assert.deepEqual(httpSpans.map((s) => s.name), [], "store calls were traced as HTTP requests");
    } finally {
      unregister();
      http.disable();
      await provider.shutdown();
      trace.disable();
      rmSync(traced, { recursive: true, force: true });
    }
  });
});

/** How many HTTP requests this process sends to 127.0.0.1:port while `work` runs (Node's http client channel). */
async function httpRequestsTo(port: number, work: () => Promise<void>): Promise<number> {
  let n = 0;
  const count = (message: unknown) => {
    const req = (message as { request: { host?: string; getHeader(name: string): unknown } }).request;
    if (String(req.getHeader("host") ?? "").endsWith(`:${port}`)) n++;
  };
  diagnostics.subscribe("http.client.request.start", count);
  try {
    await work();
  } finally {
    diagnostics.unsubscribe("http.client.request.start", count);
  }
  return n;
}
