import { CosmosClient } from "@azure/cosmos";
import { createHttpServer } from "@vercel/cosmosdb-server";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log";

/**
 * The embedded store for local use: a Cosmos-compatible server (@vercel/cosmosdb-server) on
 * 127.0.0.1, driven by the same @azure/cosmos SDK as production.
 *
 * That server keeps everything in memory, so this module adds durability around it: every
 * successful write marks the store dirty, and a snapshot of every database, container definition
 * and item is written to `<dataDir>/cosmos-snapshot.json` shortly after (atomically: temp file, then
 * rename) and again on close. On start the snapshot is loaded back through the SDK before anyone
 * else can reach the server.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** Write the snapshot now if anything changed since the last one. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface ContainerSnapshot {
  id: string;
  partitionKey: unknown;
  indexingPolicy?: unknown;
  items: Record<string, unknown>[];
}
interface Snapshot {
  version: 1;
  savedAt: string;
  databases: { id: string; containers: ContainerSnapshot[] }[];
}

const SNAPSHOT_FILE = "cosmos-snapshot.json";
const EMBEDDED_KEY = "embedded-local-store";
/** However slow snapshots get, one is written at least this soon after a write. */
const MAX_SNAPSHOT_GAP_MS = 10_000;
const SYSTEM_FIELDS = ["_rid", "_self", "_etag", "_ts", "_attachments"];

function isWrite(req: IncomingMessage): boolean {
  if (req.method === "PUT" || req.method === "DELETE" || req.method === "PATCH") return true;
  // POST is a create, upsert or batch unless the SDK marks it as a query.
  // (and unless it asks for a query plan, which the SDK sends before some queries).
  return req.method === "POST" && req.headers["x-ms-documentdb-isquery"] === undefined && req.headers["x-ms-cosmos-is-query-plan-request"] === undefined;
}

function stripSystem(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...doc };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy;
}

export async function startEmbeddedCosmos(opts: { dataDir: string; log: Logger; flushDelayMs?: number }): Promise<EmbeddedCosmos> {
  const { dataDir, log } = opts;
  const flushDelayMs = opts.flushDelayMs ?? 200;
  const server: Server = createHttpServer({ keepAlive: true } as never);
  let dirty = false;
  let restoring = true;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // At most one snapshot runs and at most one waits behind it; every flush() caller shares them.
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let lastSnapshotMs = 0;

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!isWrite(req)) return;
    res.on("finish", () => {
      if (restoring || closed || res.statusCode >= 400) return;
      dirty = true;
      // A snapshot reads the whole store, so under steady writes space them by their own cost.
      if (!timer && !queued) timer = setTimeout(() => void flush().catch((err) => log.error("snapshot failed", { err })), Math.min(MAX_SNAPSHOT_GAP_MS, Math.max(flushDelayMs, 4 * lastSnapshotMs)));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new CosmosClient({ endpoint, key: EMBEDDED_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  const file = join(dataDir, SNAPSHOT_FILE);

  async function takeSnapshot(): Promise<Snapshot> {
    const { resources: dbs } = await client.databases.readAll().fetchAll();
    const databases: Snapshot["databases"] = [];
    for (const db of dbs) {
      const { resources: containers } = await client.database(db.id).containers.readAll().fetchAll();
      const list: ContainerSnapshot[] = [];
      for (const c of containers) {
        const { resources: items } = await client.database(db.id).container(c.id).items.readAll().fetchAll();
        list.push({
          id: c.id,
          partitionKey: c.partitionKey,
          indexingPolicy: c.indexingPolicy,
          items: items.map((i) => stripSystem(i as Record<string, unknown>)),
        });
      }
      databases.push({ id: db.id, containers: list });
    }
    return { version: 1, savedAt: new Date().toISOString(), databases };
  }

  async function writeSnapshot(): Promise<void> {
    if (!dirty) return;
    dirty = false;
    // Measured on the monotonic clock: wall-clock time can jump (NTP, or faked time in tests).
    const started = performance.now();
    const snapshot = await takeSnapshot();
    await mkdir(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(snapshot));
    await rename(tmp, file);
    lastSnapshotMs = performance.now() - started;
    log.debug("store snapshot written", { file, databases: snapshot.databases.length, ms: lastSnapshotMs });
  }

  function start(): Promise<void> {
    const run = writeSnapshot().catch((err) => {
      dirty = true; // try again next time
      throw err;
    });
    // `running` only tracks completion; the caller of flush() gets the error.
    const tracked: Promise<void> = run.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (running === tracked) running = undefined;
    });
    running = tracked;
    return run;
  }

  /**
   * Write the snapshot if anything changed. Snapshots never overlap; if one is already running,
   * one more (covering everything written meanwhile) is queued behind it and shared by all callers.
   */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (queued) return queued;
    if (!running) return start();
    queued = running.then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  }

  async function restore(): Promise<void> {
    let raw: string;
    try {
      raw = await readFile(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    const snapshot = JSON.parse(raw) as Snapshot;
    if (snapshot.version !== 1) throw new Error(`Unknown snapshot version in ${file}`);
    let count = 0;
    for (const db of snapshot.databases) {
      const { database } = await client.databases.createIfNotExists({ id: db.id });
      for (const c of db.containers) {
        const { container } = await database.containers.createIfNotExists({
          id: c.id,
          partitionKey: c.partitionKey as never,
          indexingPolicy: c.indexingPolicy as never,
        });
        for (const item of c.items) {
          await container.items.create(item);
          count++;
        }
      }
    }
    log.info("embedded store restored", { file, items: count, savedAt: snapshot.savedAt });
  }

  try {
    await restore();
  } catch (err) {
    client.dispose();
    server.close();
    throw new Error(`Could not load the local data in ${file}: ${(err as Error).message}. Move the file away to start empty.`);
  }
  restoring = false;

  return {
    endpoint,
    key: EMBEDDED_KEY,
    flush,
    async close() {
      await flush();
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush(); // anything written while the first flush ran
      client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
