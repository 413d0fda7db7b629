/**
 * Outbox benchmark: N proactive messages to M conversations through the outbox, the dispatcher and the
 * real botbuilder port, against the connector stand-in enforcing Teams' limits (per conversation 7/1 s,
 * 8/2 s, 60/30 s, 1800/h; 50/s per tenant) with 20–60 ms latency, on an embedded store in a temp dir.
 *
 * Reports the rate achieved as a share of the 50/s tenant ceiling (from the dispatcher's start to the
 * last message Teams accepted), 429s received, messages lost and duplicates (both must be 0).
 * The full run (10,000 messages) takes about 3.5 minutes by nature: 10,000 / 50 per s.
 *
 *   node dist/scripts/bench-outbox.js [--messages N] [--recipients M] [--store-in-process]
 *
 * Threads. Teams and Cosmos DB are other machines: their work never stalls our event loop. Here both
 * stand-ins are in this process, so each runs in its own worker thread (still 127.0.0.1, real HTTP):
 * - the connector stand-in, so that the moment it counts a request is not delayed by our work;
 * - the embedded Cosmos server (with its snapshot to disk), because it executes each query
 *   synchronously and snapshots the whole store while writes continue — with 10,000+ documents that
 *   blocks the event loop for most of the time. `--store-in-process` opens it in this thread instead,
 *   the way the app runs in local mode, to measure that too.
 */
import { CosmosClient, type Container } from "@azure/cosmos";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { BotConnectorPort } from "../bot/proactive/connector-port";
import { silentLogger } from "../src/log";
import { OutboxDispatcher } from "../src/outbox/dispatcher";
import { Outbox } from "../src/outbox/outbox";
import { TEAMS_TENANT_WINDOWS } from "../src/outbox/rate-limits";
import { ConversationRepository } from "../src/store/conversations";
import { startEmbeddedCosmos } from "../src/store/embedded";
import { CONTAINERS, openStore } from "../src/store/store";
import { ConnectorStandIn } from "../test/support/connector";

export interface BenchOutboxOptions {
  messages?: number;
  recipients?: number;
  latencyMs?: [number, number];
  /** Run the embedded store on this thread (as the app does locally) rather than in a worker. */
  storeInProcess?: boolean;
  /** Where progress and the report go; default stdout. */
  print?: (line: string) => void;
}

export interface BenchOutboxResult {
  messages: number;
  recipients: number;
  storeInProcess: boolean;
  enqueueSeconds: number;
  /** Dispatcher start to the last accepted message. */
  sendSeconds: number;
  perSecond: number;
  /** perSecond / 50. */
  shareOfCeiling: number;
  throttled429: number;
  lost: number;
  duplicates: number;
  totalSeconds: number;
}

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CEILING = TEAMS_TENANT_WINDOWS[0]!.limit / (TEAMS_TENANT_WINDOWS[0]!.windowMs / 1000);

// ------------------------------------------------------------------ worker threads

type WorkerJob = { role: "outbox-bench-connector"; latencyMs: [number, number] } | { role: "outbox-bench-store"; dataDir: string };

/** What the stand-in worker reports. */
interface StandInReport {
  delivered: number;
  /** Times of accepted activity requests carrying an outbox message id. */
  acceptedAt: number[];
  deliveries: [string, number][];
  duplicates: string[];
  responses429: number;
}

/** A worker thread that posts one ready message, answers requests, and exits on "stop". */
class Helper<Ready> {
  private constructor(
    private readonly worker: Worker,
    readonly ready: Ready,
  ) {}

  static async start<Ready>(job: WorkerJob): Promise<Helper<Ready>> {
    const worker = new Worker(__filename, { workerData: job });
    const [ready] = (await Promise.race([once(worker, "message"), once(worker, "error").then(([err]) => Promise.reject(err))])) as [Ready];
    return new Helper(worker, ready);
  }

  async ask<T>(question: string): Promise<T> {
    this.worker.postMessage(question);
    const [answer] = (await once(this.worker, "message")) as [T];
    return answer;
  }

  async stop(): Promise<void> {
    this.worker.postMessage("stop");
    await once(this.worker, "exit");
  }
}

async function runWorker(job: WorkerJob): Promise<void> {
  const port = parentPort!;
  if (job.role === "outbox-bench-connector") {
    const connector = await new ConnectorStandIn({ limits: true, latencyMs: job.latencyMs }).start();
    port.on("message", (msg: string) => {
      if (msg === "stop") return void connector.stop().then(() => port.close());
      const report: StandInReport = {
        delivered: connector.deliveries.size,
        acceptedAt: connector.requests.filter((r) => r.status === 200 && r.messageId).map((r) => r.at),
        deliveries: [...connector.deliveries],
        duplicates: connector.duplicates(),
        responses429: connector.requests.filter((r) => r.status === 429).length,
      };
      port.postMessage(report);
    });
    port.postMessage(connector.url);
  } else {
    const cosmos = await startEmbeddedCosmos({ dataDir: job.dataDir, log: silentLogger });
    port.on("message", (msg: string) => {
      if (msg === "stop") void cosmos.close().then(() => port.close());
    });
    port.postMessage({ endpoint: cosmos.endpoint, key: cosmos.key });
  }
}

/** The outbox and conversations containers, with the store on this thread or in a worker. */
async function openContainers(dataDir: string, inProcess: boolean): Promise<{ outbox: Container; conversations: Container; close(): Promise<void> }> {
  if (inProcess) {
    const store = await openStore({ kind: "embedded", dataDir, database: "bench" }, silentLogger);
    return { outbox: store.container("outbox"), conversations: store.container("conversations"), close: () => store.close() };
  }
  const helper = await Helper.start<{ endpoint: string; key: string }>({ role: "outbox-bench-store", dataDir });
  const client = new CosmosClient({ ...helper.ready, connectionPolicy: { enableEndpointDiscovery: false } });
  const { database } = await client.databases.createIfNotExists({ id: "bench" });
  const make = async (id: string) => (await database.containers.createIfNotExists({ id, partitionKey: { paths: ["/pk"] } })).container;
  const outbox = await make(CONTAINERS.outbox);
  const conversations = await make(CONTAINERS.conversations);
  return {
    outbox,
    conversations,
    async close() {
      client.dispose();
      await helper.stop();
    },
  };
}

// ------------------------------------------------------------------ the bench

export async function benchOutbox(opts: BenchOutboxOptions = {}): Promise<BenchOutboxResult> {
  const messages = opts.messages ?? 10_000;
  const recipients = Math.min(opts.recipients ?? 2_000, messages);
  const latencyMs = opts.latencyMs ?? [20, 60];
  const storeInProcess = opts.storeInProcess ?? false;
  const print = opts.print ?? ((line: string) => console.log(line));
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-bench-outbox-"));
  const store = await openContainers(dataDir, storeInProcess);
  const connector = await Helper.start<string>({ role: "outbox-bench-connector", latencyMs });
  let dispatcher: OutboxDispatcher | undefined;
  let progress: NodeJS.Timeout | undefined;
  try {
    print(
      `outbox bench: ${messages} messages to ${recipients} conversations; stand-in latency ${latencyMs.join("–")} ms, ` +
        `Teams limits enforced; embedded store ${storeInProcess ? "on this thread" : "in a worker thread"}`,
    );
    const outbox = new Outbox(store.outbox);
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < messages) {
          const k = next++;
          const r = k % recipients;
          ids[k] = `bench:${k}`;
          await outbox.enqueue({
            id: ids[k]!,
            target: { kind: "conversation", tenantId: TENANT, conversationId: `a:bench-recipient-${r}`, serviceUrl: connector.ready },
            activity: { type: "message", text: `Reminder ${k} for recipient ${r}` },
            purpose: "bench",
          });
        }
      }),
    );
    const enqueueSeconds = (Date.now() - started) / 1000;
    print(`enqueued in ${enqueueSeconds.toFixed(1)} s; sending…`);

    const sendStart = Date.now();
    dispatcher = new OutboxDispatcher({
      container: store.outbox,
      port: new BotConnectorPort({ timeoutMs: 15_000 }),
      conversations: new ConversationRepository(store.conversations),
      instanceId: "bench",
      log: silentLogger,
    });
    dispatcher.start();
    progress = setInterval(() => {
      void connector.ask<StandInReport>("report").then((r) => {
        const s = (Date.now() - sendStart) / 1000;
        print(`  ${s.toFixed(0)} s: ${r.delivered} sent (${(r.delivered / s).toFixed(1)}/s), ${r.responses429} 429s`);
      });
    }, 15_000);
    await dispatcher.drain(Math.ceil((messages / CEILING) * 3_000) + 60_000);
    clearInterval(progress);

    const report = await connector.ask<StandInReport>("report");
    const delivered = new Map(report.deliveries);
    const sendSeconds = (Math.max(...report.acceptedAt) - sendStart) / 1000;
    const perSecond = delivered.size / sendSeconds;
    const notSent = (
      await store.outbox.items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'message' AND c.status != 'sent'").fetchAll()
    ).resources[0]!;
    const lost = ids.filter((id) => !delivered.has(id)).length + notSent;
    const result: BenchOutboxResult = {
      messages,
      recipients,
      storeInProcess,
      enqueueSeconds,
      sendSeconds,
      perSecond,
      shareOfCeiling: perSecond / CEILING,
      throttled429: report.responses429,
      lost,
      duplicates: report.duplicates.length,
      totalSeconds: (Date.now() - started) / 1000,
    };
    print(
      [
        `sent ${delivered.size} of ${messages} in ${sendSeconds.toFixed(1)} s: ${perSecond.toFixed(2)} messages/s = ${(result.shareOfCeiling * 100).toFixed(1)} % of the ${CEILING}/s ceiling (target ≥ 95 %)`,
        `429s received: ${result.throttled429}; lost: ${lost} (must be 0); duplicates: ${result.duplicates} (must be 0)`,
        `total time ${result.totalSeconds.toFixed(1)} s (enqueue ${enqueueSeconds.toFixed(1)} s)`,
      ].join("\n"),
    );
    return result;
  } finally {
    clearInterval(progress);
    await dispatcher?.stop();
    await store.close();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function argValue(argv: string[], name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number, got ${argv[i + 1]}`);
  return n;
}

if (!isMainThread) {
  void runWorker(workerData as WorkerJob);
} else if (require.main === module) {
  const argv = process.argv.slice(2);
  benchOutbox({
    messages: argValue(argv, "--messages"),
    recipients: argValue(argv, "--recipients"),
    storeInProcess: argv.includes("--store-in-process"),
  })
    .then((r) => {
      process.exitCode = r.lost === 0 && r.duplicates === 0 ? 0 : 1;
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
