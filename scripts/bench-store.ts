import { CosmosClient, type Container } from "@azure/cosmos";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { silentLogger } from "../src/log";
import { startEmbeddedCosmos, storeFileBytes, type EmbeddedCosmos, type EmbeddedOptions } from "../src/store/embedded";

/**
 * The embedded store's journal (`node dist/scripts/bench-store.js [--quick]`, also part of
 * `npm run bench`). Prints figures only:
 * - writes per second with the journal synced to disk (the default), written but not synced, and
 *   kept in memory only; one writer at a time and 32 at once (where group commit shares fsyncs);
 * - the cost of one write with 100 and with 25,000 people stored (it should not grow), and what a
 *   compaction at 25,000 costs, spread over the writes between two compactions.
 */
export interface BenchStoreOptions {
  quick?: boolean;
}

interface Opened {
  server: EmbeddedCosmos;
  client: CosmosClient;
  people: Container;
  dir: string;
}

async function open(durability: EmbeddedOptions["durability"], dir = mkdtempSync(join(tmpdir(), "bench-store-"))): Promise<Opened> {
  const server = await startEmbeddedCosmos({ dataDir: dir, log: silentLogger, durability });
  // The app's own path to the embedded store: in process, not over a socket (src/store/in-process.ts).
  const client = new CosmosClient({ endpoint: server.endpoint, key: server.key, httpClient: server.httpClient, connectionPolicy: { enableEndpointDiscovery: false } });
  const { database } = await client.databases.createIfNotExists({ id: "bench" });
  const { container: people } = await database.containers.createIfNotExists({ id: "people", partitionKey: { paths: ["/pk"] } });
  return { server, client, people, dir };
}

async function shut(o: Opened): Promise<void> {
  o.client.dispose();
  await o.server.close();
  rmSync(o.dir, { recursive: true, force: true });
}

/** A person's record about the size of a real interest submission. */
function personDoc(i: number, v = 0): Record<string, unknown> {
  return {
    id: "interest",
    pk: `tenant:person-${i}`,
    v,
    grade: ["HEO", "SEO", "G7", "G6"][i % 4],
    skills: ["policy", "data", "digital", "finance", "operations"].slice(0, 1 + (i % 5)),
    locations: ["London", "Leeds", "Cardiff", "Glasgow"].slice(0, 1 + (i % 4)),
    statement: "I would like to work on something new for six months and bring back what I learn. ".repeat(6),
    submittedAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString(),
  };
}

/** `n` writes, `concurrency` at a time; writes per second. */
async function writeRate(c: Container, n: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        await c.items.upsert(personDoc(i % 500, i));
      }
    }),
  );
  return n / ((performance.now() - started) / 1000);
}

/** A store of `people` people, as it is found on disk after a compaction: one snapshot, empty journal. */
function seed(dir: string, people: number): void {
  const lines = [JSON.stringify({ version: 2, generation: 1, savedAt: new Date().toISOString() })];
  lines.push(JSON.stringify({ op: "db", id: "bench" }));
  lines.push(JSON.stringify({ op: "coll", db: "bench", def: { id: "people", partitionKey: { paths: ["/pk"] } } }));
  for (let i = 0; i < people; i++) lines.push(JSON.stringify({ op: "put", db: "bench", coll: "people", doc: personDoc(i) }));
  lines.push(JSON.stringify({ end: lines.length - 1 }));
  writeFileSync(join(dir, "store-snapshot.jsonl"), lines.join("\n") + "\n");
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function oneWriteCost(people: number, writes: number): Promise<{ p50: number; p99: number; mean: number; loadMs: number; compactMs: number; snapshotMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-store-"));
  seed(dir, people);
  const t0 = performance.now();
  const o = await open("fsync", dir);
  const loadMs = performance.now() - t0;
  await writeRate(o.people, 50, 1); // warm up
  const ms: number[] = [];
  for (let i = 0; i < writes; i++) {
    const s = performance.now();
    await o.people.items.upsert(personDoc((i * 7919) % people, i + 1));
    ms.push(performance.now() - s);
  }
  const c0 = performance.now();
  await o.server.flush();
  const compactMs = performance.now() - c0;
  const snapshotMb = (await storeFileBytes(dir)) / 1024 / 1024;
  await shut(o);
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p99: pct(ms, 99), mean: ms.reduce((a, b) => a + b, 0) / ms.length, loadMs, compactMs, snapshotMb };
}

export async function benchStore(opts: BenchStoreOptions = {}): Promise<void> {
  const n = opts.quick ? 300 : 2000;
  const f = (x: number) => x.toFixed(0).padStart(7);
  console.log(`writes/s (${n} upserts)              1 writer   32 writers   fsyncs per write (32)`);
  for (const mode of ["fsync", "write", "off"] as const) {
    const o = await open(mode);
    const one = await writeRate(o.people, Math.round(n / 4), 1);
    const before = o.server.stats();
    const many = await writeRate(o.people, n, 32);
    const after = o.server.stats();
    const perWrite = mode === "fsync" ? ((after.groups - before.groups) / n).toFixed(2) : "-";
    const label = { fsync: "journal, fsync (default)", write: "journal, no fsync", off: "memory only (no journal)" }[mode];
    console.log(`  ${label.padEnd(34)} ${f(one)}   ${f(many)}      ${perWrite}`);
    await shut(o);
  }
  const writes = opts.quick ? 100 : 400;
  console.log(`cost of one write, journal + fsync, ${writes} writes one at a time (should not grow with the store):`);
  for (const people of [100, 25_000]) {
    const r = await oneWriteCost(people, writes);
    console.log(
      `  ${String(people).padStart(6)} people: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, mean ${r.mean.toFixed(2)} ms` +
        ` | start-up replay ${r.loadMs.toFixed(0)} ms, one compaction ${r.compactMs.toFixed(0)} ms (background) for a ${r.snapshotMb.toFixed(1)} MB store`,
    );
  }
  console.log("  (compaction runs only once the journal has outgrown the snapshot, so over time it writes at most one snapshot byte per journal byte, in the background)");
}

if (require.main === module) {
  benchStore({ quick: process.argv.includes("--quick") }).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
