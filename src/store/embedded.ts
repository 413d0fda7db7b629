import { createHttpServer } from "@vercel/cosmosdb-server";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log";
import { applyRecord, attachAccount, captureRecords, installHooks, recordJson, type Account, type ChangeSink, type StoreRecord } from "./embedded-model";
import { Journal, journalFile, listJournals, readJournal, syncDir, type Durability } from "./journal";
import { inProcessHttpClient } from "./in-process";
import type { HttpClient } from "@azure/core-rest-pipeline";

/**
 * The embedded store for local use: a Cosmos-compatible server (@vercel/cosmosdb-server) on
 * 127.0.0.1, driven by the same @azure/cosmos SDK as production. See docs/data-model.md.
 *
 * The server keeps everything in memory; this module makes it durable:
 * - every change the server makes is appended to a journal (src/store/journal.ts), and the HTTP
 *   response that acknowledges it is held until the journal is synced to disk (group commit: one
 *   fsync for all the writes that arrived meanwhile). A read is held the same way if it could see a
 *   change not yet on disk, so nobody acts on something a crash could take back.
 * - on start, the snapshot and then the journal are replayed into the server before it is reachable.
 * - when the journal grows past the size of the last snapshot (and at least `compactBytes`), a new
 *   snapshot is written in the background and the journal files it covers are removed. A write never
 *   pays for a snapshot, and its own cost does not depend on how much is stored.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** For a Cosmos client in this process: the same server, without the loopback socket (src/store/in-process.ts). */
  httpClient: HttpClient;
  /** Fold the journal into a new snapshot now (the same work as background compaction). */
  flush(): Promise<void>;
  /** Records journalled and groups written to disk since start (each group is one fsync). */
  stats(): { records: number; groups: number };
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  log: Logger;
  /** "fsync" (default) syncs every group of writes; "write" only writes them (for the bench); "off" keeps nothing (bench). */
  durability?: Durability | "off";
  /** Compact once the journal holds at least this many bytes and more than the last snapshot. */
  compactBytes?: number;
}

const SNAPSHOT_FILE = "store-snapshot.jsonl";
/** The whole-store JSON snapshot written by earlier versions; loaded once, then replaced. */
const LEGACY_SNAPSHOT = "cosmos-snapshot.json";
const EMBEDDED_KEY = "embedded-local-store";
const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;
const COMPACT_RETRY_MS = 60_000;
/** Lines written per chunk of a snapshot, so a large one does not hold up the event loop. */
const SNAPSHOT_CHUNK = 2000;

interface SnapshotHeader {
  version: 2;
  /** The first journal generation not contained in this snapshot. */
  generation: number;
  savedAt: string;
}

/** A file's text, or undefined when there is no such file. */
async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

async function readSnapshot(file: string): Promise<{ header: SnapshotHeader; records: StoreRecord[]; bytes: number } | undefined> {
  const raw = await readIfExists(file);
  if (raw === undefined) return undefined;
  const lines = raw.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const header = JSON.parse(lines[0] ?? "null") as SnapshotHeader | null;
  if (header?.version !== 2) throw new Error("unknown snapshot version");
  const trailer = JSON.parse(lines.at(-1) ?? "null") as { end?: number } | null;
  if (trailer?.end !== lines.length - 2) throw new Error("the snapshot is incomplete");
  const records = lines.slice(1, -1).map((l) => JSON.parse(l) as StoreRecord);
  return { header, records, bytes: raw.length };
}

/** Records from the snapshot format of earlier versions (databases, containers, items). */
async function readLegacySnapshot(file: string): Promise<StoreRecord[] | undefined> {
  const raw = await readIfExists(file);
  if (raw === undefined) return undefined;
  const snap = JSON.parse(raw) as { version: number; databases: { id: string; containers: { id: string; partitionKey: unknown; indexingPolicy?: unknown; items: Record<string, unknown>[] }[] }[] };
  if (snap.version !== 1) throw new Error("unknown snapshot version");
  const out: StoreRecord[] = [];
  for (const db of snap.databases) {
    out.push({ op: "db", id: db.id });
    for (const c of db.containers) {
      out.push({ op: "coll", db: db.id, def: { id: c.id, partitionKey: c.partitionKey, ...(c.indexingPolicy ? { indexingPolicy: c.indexingPolicy } : {}) } });
      for (const doc of c.items) out.push({ op: "put", db: db.id, coll: c.id, doc });
    }
  }
  return out;
}

export async function startEmbeddedCosmos(opts: EmbeddedOptions): Promise<EmbeddedCosmos> {
  const { dataDir, log } = opts;
  const durability = opts.durability ?? "fsync";
  const compactBytes = opts.compactBytes ?? DEFAULT_COMPACT_BYTES;
  installHooks();
  await mkdir(dataDir, { recursive: true });

  const snapshotFile = join(dataDir, SNAPSHOT_FILE);
  const legacyFile = join(dataDir, LEGACY_SNAPSHOT);
  let journal: Journal | undefined;
  let snapshotBytes = 0;
  let compacting: Promise<void> | undefined;
  /** After a failed compaction, background ones wait this long (each attempt starts a journal file). */
  let quietUntil = 0;
  let closed = false;
  const sink: ChangeSink = {
    replaying: true,
    append(record) {
      if (!journal) return;
      journal.append(record);
      if (!compacting && !closed && journal.bytes >= Math.max(compactBytes, snapshotBytes) && performance.now() >= quietUntil) {
        void compact().catch((err) => {
          quietUntil = performance.now() + COMPACT_RETRY_MS;
          log.error("store compaction failed; the journal keeps every change and it will be tried again", { err });
        });
      }
    },
  };

  const server: Server = createHttpServer({ keepAlive: true } as never);
  // Hold every response until the changes made so far are on disk. The server has already applied
  // the change in memory; the client only hears of it once a crash can no longer take it back.
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    const end = res.end as (...args: unknown[]) => ServerResponse;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const j = journal;
      if (!j) return end.apply(this, args);
      const seq = j.lastSeq;
      if (j.isDurable(seq)) return end.apply(this, args);
      j.whenDurable(seq).then(
        () => end.apply(res, args),
        () => {
          res.statusCode = 503;
          end.call(res, JSON.stringify({ code: "ServiceUnavailable", message: "The local store could not save to disk." }));
        },
      );
      return res;
    } as ServerResponse["end"];
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const account: Account = attachAccount(port, sink);

  async function writeSnapshot(records: StoreRecord[], generation: number): Promise<number> {
    const tmp = `${snapshotFile}.${process.pid}.tmp`;
    const fh = await open(tmp, "w");
    let bytes = 0;
    try {
      const header: SnapshotHeader = { version: 2, generation, savedAt: new Date().toISOString() };
      let chunk = JSON.stringify(header) + "\n";
      for (let i = 0; i < records.length; i += SNAPSHOT_CHUNK) {
        for (const r of records.slice(i, i + SNAPSHOT_CHUNK)) chunk += recordJson(r) + "\n";
        bytes += Buffer.byteLength(chunk);
        await fh.write(chunk);
        chunk = "";
      }
      chunk += JSON.stringify({ end: records.length }) + "\n";
      bytes += Buffer.byteLength(chunk);
      await fh.write(chunk);
      if (durability !== "off") await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, snapshotFile);
    if (durability !== "off") await syncDir(dataDir);
    return bytes;
  }

  async function removeJournalsBefore(generation: number): Promise<void> {
    for (const gen of await listJournals(dataDir)) if (gen < generation) await rm(journalFile(dataDir, gen), { force: true });
  }

  /** Fold everything so far into a new snapshot; journals before the new generation are then removed. */
  function compact(): Promise<void> {
    if (compacting) return compacting;
    const j = journal;
    if (!j) return Promise.resolve();
    compacting = (async () => {
      const started = performance.now();
      // One synchronous moment: the new journal generation starts exactly where the capture is taken.
      const generation = j.rotate();
      const upTo = j.lastSeq;
      const records = captureRecords(account);
      // Whatever the snapshot holds must be on disk in the journal before the journal can go.
      await j.whenDurable(upTo);
      snapshotBytes = await writeSnapshot(records, generation);
      await removeJournalsBefore(generation);
      log.debug("store snapshot written", { records: records.length, bytes: snapshotBytes, ms: Math.round(performance.now() - started) });
    })().finally(() => {
      compacting = undefined;
    });
    return compacting;
  }

  async function restore(): Promise<void> {
    // A snapshot being written when the process stopped is incomplete: the journal still has it all.
    for (const name of await readdir(dataDir)) if (name.startsWith(`${SNAPSHOT_FILE}.`) && name.endsWith(".tmp")) await rm(join(dataDir, name), { force: true });
    let generation = 1;
    let loaded = 0;
    const snap = await readSnapshot(snapshotFile);
    let legacy = false;
    if (snap) {
      for (const r of snap.records) applyRecord(account, r);
      loaded += snap.records.length;
      generation = snap.header.generation;
      snapshotBytes = snap.bytes;
    } else {
      const old = await readLegacySnapshot(legacyFile);
      if (old) {
        for (const r of old) applyRecord(account, r);
        loaded += old.length;
        legacy = true;
      }
    }
    const gens = (await listJournals(dataDir)).filter((g) => g >= generation);
    let journalBytes = 0;
    for (const [i, gen] of gens.entries()) {
      const last = i === gens.length - 1;
      const { records, bytes, cut } = await readJournal(dataDir, gen, last);
      if (cut > 0) log.warn("store journal ended in an incomplete record (a write cut off by a stop); it was never acknowledged and is ignored", { bytes: cut });
      for (const r of records) applyRecord(account, r as StoreRecord);
      loaded += records.length;
      journalBytes += bytes;
    }
    await removeJournalsBefore(generation);
    const current = gens.at(-1) ?? generation;
    if (durability !== "off") journal = await Journal.open(dataDir, current, journalBytes, durability);
    sink.replaying = false;
    if (legacy) {
      await compact();
      await rm(legacyFile, { force: true });
    }
    if (loaded > 0) log.info("embedded store restored", { dataDir, records: loaded });
  }

  try {
    await restore();
  } catch (err) {
    server.closeAllConnections();
    server.close();
    await journal?.close();
    throw new Error(`Could not load the local data in ${dataDir}: ${(err as Error).message}. Move the folder away to start empty.`);
  }

  return {
    endpoint,
    key: EMBEDDED_KEY,
    httpClient: inProcessHttpClient(server, `127.0.0.1:${port}`),
    flush: compact,
    stats: () => ({ records: journal?.lastSeq ?? 0, groups: journal?.groups ?? 0 }),
    async close() {
      if (closed) return;
      closed = true;
      await compacting?.catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await journal?.close();
    },
  };
}

/** Size of the files of an embedded store (for the bench). */
export async function storeFileBytes(dataDir: string): Promise<number> {
  let total = 0;
  for (const name of [SNAPSHOT_FILE, ...(await listJournals(dataDir)).map((g) => `store-journal-${g}.log`)]) {
    total += await stat(join(dataDir, name)).then((s) => s.size, () => 0);
  }
  return total;
}
