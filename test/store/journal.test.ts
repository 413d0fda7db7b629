import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient, type Container, type Database } from "@azure/cosmos";
import { createLogger, silentLogger } from "../../src/log";
import { startEmbeddedCosmos, type EmbeddedCosmos, type EmbeddedOptions } from "../../src/store/embedded";
import { decodeRecords, encodeRecord, Journal, journalFile } from "../../src/store/journal";
import { open as openFile } from "node:fs/promises";
import sinon from "sinon";

interface Open {
  server: EmbeddedCosmos;
  client: CosmosClient;
  db: Database;
}

async function openAt(dataDir: string, extra: Partial<EmbeddedOptions> = {}): Promise<Open> {
  const server = await startEmbeddedCosmos({ dataDir, log: silentLogger, ...extra });
  const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
  const { database: db } = await client.databases.createIfNotExists({ id: "j" });
  return { server, client, db };
}

async function shut(o: Open): Promise<void> {
  o.client.dispose();
  await o.server.close();
}

/** The methods every `FileHandle` shares (the class is not exported), to slow or fail its syncs. */
async function fileHandleMethods(): Promise<{ datasync(this: unknown): Promise<void> }> {
  const file = join(tmpdir(), `secondment-probe-${process.pid}`);
  const probe = await openFile(file, "w");
  await probe.close();
  rmSync(file, { force: true });
  return Object.getPrototypeOf(probe) as { datasync(this: unknown): Promise<void> };
}

async function ids(c: Container): Promise<string[]> {
  const { resources } = await c.items.readAll().fetchAll();
  return resources.map((r) => r.id as string).sort();
}

describe("the embedded store's journal", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-journal-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("frames records with a checksum and stops at a torn or damaged one", () => {
    const a = encodeRecord({ n: 1 });
    const b = encodeRecord({ n: 2 });
    assert.deepEqual(decodeRecords(Buffer.concat([a, b])).records, [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(decodeRecords(Buffer.concat([a, b.subarray(0, b.length - 1)])), { records: [{ n: 1 }], validBytes: a.length });
    const flipped = Buffer.from(b);
    flipped[flipped.length - 2] ^= 0xff;
    assert.deepEqual(decodeRecords(Buffer.concat([a, flipped])).records, [{ n: 1 }]);
  });

  it("replays creates, replaces, upserts, patches and deletes, keeping etags and containers' settings", async () => {
    let o = await openAt(dataDir);
    const { container: c } = await o.db.containers.createIfNotExists({
      id: "things",
      partitionKey: { paths: ["/pk"] },
      indexingPolicy: { compositeIndexes: [[{ path: "/a", order: "ascending" }, { path: "/b", order: "descending" }]] },
    });
    await c.items.create({ id: "created", pk: "p", v: 1 });
    await c.items.create({ id: "replaced", pk: "p", v: 1 });
    await c.item("replaced", "p").replace({ id: "replaced", pk: "p", v: 2 });
    await c.items.upsert({ id: "upserted", pk: "q", v: 1 });
    await c.items.upsert({ id: "upserted", pk: "q", v: 3 });
    await c.items.create({ id: "patched", pk: "p", v: 1 });
    await c.item("patched", "p").patch([{ op: "set", path: "/v", value: 9 }]);
    await c.items.create({ id: "deleted", pk: "p", v: 1 });
    await c.item("deleted", "p").delete();
    const before = (await c.item("replaced", "p").read()).resource;
    await o.db.containers.createIfNotExists({ id: "dropped", partitionKey: { paths: ["/pk"] } });
    await o.db.container("dropped").delete();
    await shut(o);

    o = await openAt(dataDir);
    const again = o.db.container("things");
    assert.deepEqual(await ids(again), ["created", "patched", "replaced", "upserted"]);
    const replaced = (await again.item("replaced", "p").read()).resource;
    assert.equal(replaced.v, 2);
    assert.equal(replaced._etag, before._etag, "the etag is the same after the restart");
    assert.equal(replaced._ts, before._ts);
    assert.equal((await again.item("upserted", "q").read()).resource.v, 3);
    assert.equal((await again.item("patched", "p").read()).resource.v, 9);
    // An etag taken before the restart still guards a write after it.
    await again.item("replaced", "p").replace({ id: "replaced", pk: "p", v: 4 }, { accessCondition: { type: "IfMatch", condition: before._etag } });
    const { resources: containers } = await o.db.containers.readAll().fetchAll();
    assert.deepEqual(containers.map((x) => x.id).sort(), ["things"]);
    const { resource: def } = await again.read();
    assert.equal(def!.indexingPolicy!.compositeIndexes![0]![1]!.order, "descending");
    // ORDER BY on two fields needs that composite index: it still works.
    await again.items.query("SELECT * FROM c WHERE c.pk = 'p' ORDER BY c.a, c.b DESC").fetchAll();
    await shut(o);
  });

  it("ignores an incomplete last record after a crash, cuts it off, and keeps writing after it", async () => {
    let o = await openAt(dataDir);
    const { container: c } = await o.db.containers.createIfNotExists({ id: "things", partitionKey: { paths: ["/pk"] } });
    await c.items.create({ id: "a", pk: "p" });
    await shut(o);
    const file = join(dataDir, "store-journal-1.log");
    const good = statSync(file).size;
    const torn = encodeRecord({ op: "put", db: "j", coll: "things", doc: { id: "never-acknowledged", pk: "p" } });
    appendFileSync(file, torn.subarray(0, torn.length - 3));

    const lines: string[] = [];
    const server = await startEmbeddedCosmos({ dataDir, log: createLogger("warn", (l) => lines.push(l)) });
    const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, connectionPolicy: { enableEndpointDiscovery: false } });
    o = { server, client, db: client.database("j") };
    assert.ok(lines.some((l) => l.includes("incomplete record")), lines.join("\n"));
    assert.equal(statSync(file).size, good, "the torn record is cut off");
    assert.deepEqual(await ids(o.db.container("things")), ["a"]);
    await o.db.container("things").items.create({ id: "b", pk: "p" });
    await shut(o);

    o = await openAt(dataDir);
    assert.deepEqual(await ids(o.db.container("things")), ["a", "b"]);
    await shut(o);
  });

  it("refuses to start when an older journal is damaged (that is not a crash)", async () => {
    writeFileSync(join(dataDir, "store-journal-1.log"), Buffer.concat([encodeRecord({ op: "db", id: "j" }), Buffer.from("garbage")]));
    writeFileSync(join(dataDir, "store-journal-2.log"), encodeRecord({ op: "db", id: "k" }));
    await assert.rejects(startEmbeddedCosmos({ dataDir, log: silentLogger }), /Could not load the local data.*damaged/);
  });

  it("shares one fsync among the writes of one turn of the event loop", async () => {
    const journal = await Journal.open(dataDir, 1, 0, "fsync");
    try {
      const seqs = Array.from({ length: 100 }, (_, i) => journal.append({ op: "put", db: "j", coll: "c", doc: { id: `i${i}` } }));
      await Promise.all(seqs.map((s) => journal.whenDurable(s)));
      assert.equal(journal.groups, 1, `100 writes took ${journal.groups} fsyncs`);
    } finally {
      await journal.close();
    }
    assert.equal(decodeRecords(readFileSync(journalFile(dataDir, 1))).records.length, 100);
  });

  it("shares one fsync among the writes that arrive while the disk is busy (group commit)", async () => {
    const o = await openAt(dataDir);
    // A disk that takes 20 ms to sync makes "arrived while busy" certain on any machine; a fast
    // one (CI's) would let a burst over HTTP trickle in a few writes per sync.
    const fileHandle = await fileHandleMethods();
    const realSync = fileHandle.datasync;
    const slow = sinon.stub(fileHandle, "datasync").callsFake(async function (this: unknown) {
      await new Promise((r) => setTimeout(r, 20));
      return realSync.call(this);
    });
    try {
      const { container: c } = await o.db.containers.createIfNotExists({ id: "things", partitionKey: { paths: ["/pk"] } });
      const before = o.server.stats();
      await Promise.all(Array.from({ length: 100 }, (_, i) => c.items.create({ id: `i${i}`, pk: "p" })));
      const after = o.server.stats();
      assert.equal(after.records - before.records, 100);
      assert.ok(after.groups - before.groups < 50, `100 writes took ${after.groups - before.groups} fsyncs`);
    } finally {
      slow.restore();
      await shut(o);
    }
  });

  it("compacts into a snapshot in the background when the journal grows, removing the journals it covers", async () => {
    let o = await openAt(dataDir, { compactBytes: 4096 });
    const { container: c } = await o.db.containers.createIfNotExists({ id: "things", partitionKey: { paths: ["/pk"] } });
    for (let i = 0; i < 300; i++) await c.items.upsert({ id: `i${i % 120}`, pk: "p", n: i, pad: "x".repeat(40) });
    await o.server.flush();
    assert.ok(existsSync(join(dataDir, "store-snapshot.jsonl")));
    const journals = readdirSync(dataDir).filter((f) => f.startsWith("store-journal-"));
    assert.ok(journals.length <= 2, `old journals are removed: ${journals.join(", ")}`);
    assert.ok(!journals.includes("store-journal-1.log"));
    await c.items.create({ id: "after", pk: "p" });
    await shut(o);

    o = await openAt(dataDir, { compactBytes: 4096 });
    const all = await ids(o.db.container("things"));
    assert.equal(all.length, 121);
    assert.equal(new Set(all).size, all.length, "no duplicates");
    assert.equal((await o.db.container("things").item("i59", "p").read()).resource.n, 299);
    await shut(o);
  });

  it("recovers from a stop in the middle of a compaction, whichever step it was at", async () => {
    let o = await openAt(dataDir);
    const { container: c } = await o.db.containers.createIfNotExists({ id: "things", partitionKey: { paths: ["/pk"] } });
    await c.items.create({ id: "before", pk: "p" });
    await o.server.flush(); // snapshot; journal 1 is folded in and removed
    await c.items.create({ id: "after", pk: "p" });
    await shut(o);
    const journals = readdirSync(dataDir).filter((f) => f.startsWith("store-journal-"));
    assert.deepEqual(journals, ["store-journal-2.log"]);
    // Stopped after the rename but before the old journal was removed: it must not be replayed again.
    writeFileSync(join(dataDir, "store-journal-1.log"), Buffer.concat([encodeRecord({ op: "put", db: "j", coll: "things", doc: { id: "ghost", pk: "p" } })]));
    // Stopped while writing the next snapshot: the half-written temp file is ignored and removed.
    writeFileSync(join(dataDir, "store-snapshot.jsonl.12345.tmp"), '{"version":2,"generation":3}\n{"op":"put"');

    o = await openAt(dataDir);
    assert.deepEqual(await ids(o.db.container("things")), ["after", "before"]);
    assert.deepEqual(readdirSync(dataDir).sort(), ["store-journal-2.log", "store-snapshot.jsonl"]);
    await shut(o);
  });

  it("loads the whole-store snapshot of earlier versions once, then keeps to the journal", async () => {
    writeFileSync(
      join(dataDir, "cosmos-snapshot.json"),
      JSON.stringify({ version: 1, savedAt: "2026-11-01T00:00:00Z", databases: [{ id: "j", containers: [{ id: "things", partitionKey: { paths: ["/pk"] }, items: [{ id: "old", pk: "p" }] }] }] }),
    );
    let o = await openAt(dataDir);
    assert.deepEqual(await ids(o.db.container("things")), ["old"]);
    assert.ok(!existsSync(join(dataDir, "cosmos-snapshot.json")));
    await shut(o);
    o = await openAt(dataDir);
    assert.deepEqual(await ids(o.db.container("things")), ["old"]);
    assert.ok(readFileSync(join(dataDir, "store-snapshot.jsonl"), "utf8").includes('"old"'));
    await shut(o);
  });

  it("acknowledges the part of a write group that reached disk when a later part, in the next file, fails", async () => {
    const journal = await Journal.open(dataDir, 1, 0, "fsync");
    const fileHandle = await fileHandleMethods();
    // The first file's sync works; the next one (after the rotation) fails.
    const realSync = fileHandle.datasync;
    let syncs = 0;
    const sync = sinon.stub(fileHandle, "datasync").callsFake(function (this: unknown) {
      return ++syncs === 1 ? realSync.call(this) : Promise.reject(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    });
    try {
      // One turn of the event loop: both records go in the same group, across a rotation.
      const a = journal.append({ op: "put", db: "j", coll: "c", doc: { id: "a" } });
      journal.rotate();
      const b = journal.append({ op: "put", db: "j", coll: "c", doc: { id: "b" } });
      const [first, second] = await Promise.allSettled([journal.whenDurable(a), journal.whenDurable(b)]);
      assert.equal(first.status, "fulfilled", "the record synced to the first file was refused");
      assert.equal(second.status, "rejected");
      // Nothing more is taken once the disk has failed.
      const c = journal.append({ op: "put", db: "j", coll: "c", doc: { id: "c" } });
      await assert.rejects(journal.whenDurable(c));
    } finally {
      sync.restore();
      await journal.close();
    }
    const kept = (gen: number) => decodeRecords(readFileSync(journalFile(dataDir, gen))).records.map((r) => (r as { doc: { id: string } }).doc.id);
    assert.deepEqual(kept(1), ["a"]);
    assert.deepEqual(kept(2), [], "the refused record is still in the second file");
  });
});
