/**
 * Outbox benchmark: N proactive messages to M conversations through the outbox, the dispatcher and the
 * real botbuilder port, against the connector stand-in enforcing Teams' limits (per conversation 7/1 s,
 * 8/2 s, 60/30 s, 1800/h; 50/s per tenant) with 20–60 ms latency, on an embedded store in a temp dir.
 *
 * Reports the rate achieved as a share of the 50/s tenant ceiling (from the dispatcher's start to the
 * last message Teams accepted), 429s received, messages lost and duplicates (both must be 0).
 * The full run (10,000 messages) takes about 3.5 minutes by nature: 10,000 / 50 per s.
 *
 * The stand-in runs in a worker thread (still 127.0.0.1, real HTTP): Teams' front door does not stall
 * when our process is busy, but an in-process stand-in would, because the embedded Cosmos server
 * (full-scan queries, whole-store snapshots) shares our event loop and delays its timers by up to
 * ~150 ms, which would make it count requests at moments no real service would.
 *
 *   node dist/scripts/bench-outbox.js [--messages N] [--recipients M]
 */
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
import { openStore } from "../src/store/store";
import { ConnectorStandIn } from "../test/support/connector";

export interface BenchOutboxOptions {
  messages?: number;
  recipients?: number;
  latencyMs?: [number, number];
  /** Where progress and the report go; default stdout. */
  print?: (line: string) => void;
}

export interface BenchOutboxResult {
  messages: number;
  recipients: number;
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
const WORKER_ROLE = "outbox-bench-connector";

/** What the stand-in worker reports. */
interface StandInReport {
  delivered: number;
  /** Accepted activity requests: message id and time. */
  accepted: [string, number][];
  deliveries: [string, number][];
  duplicates: string[];
  responses429: number;
}

/** The connector stand-in in a worker thread. */
class StandInWorker {
  private constructor(
    private readonly worker: Worker,
    readonly url: string,
  ) {}

  static async start(latencyMs: [number, number]): Promise<StandInWorker> {
    const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE, latencyMs } });
    const [url] = (await once(worker, "message")) as [string];
    return new StandInWorker(worker, url);
  }

  async report(): Promise<StandInReport> {
    this.worker.postMessage("report");
    const [report] = (await once(this.worker, "message")) as [StandInReport];
    return report;
  }

  async stop(): Promise<void> {
    this.worker.postMessage("stop");
    await once(this.worker, "exit");
  }
}

async function runStandInWorker(latencyMs: [number, number]): Promise<void> {
  const connector = await new ConnectorStandIn({ limits: true, latencyMs }).start();
  parentPort!.on("message", (msg: string) => {
    if (msg === "report") {
      const report: StandInReport = {
        delivered: connector.deliveries.size,
        accepted: connector.requests.filter((r) => r.status === 200 && r.messageId).map((r) => [r.messageId!, r.at]),
        deliveries: [...connector.deliveries],
        duplicates: connector.duplicates(),
        responses429: connector.requests.filter((r) => r.status === 429).length,
      };
      parentPort!.postMessage(report);
    } else if (msg === "stop") {
      void connector.stop().then(() => parentPort!.close());
    }
  });
  parentPort!.postMessage(connector.url);
}
const CEILING = TEAMS_TENANT_WINDOWS[0]!.limit / (TEAMS_TENANT_WINDOWS[0]!.windowMs / 1000);

export async function benchOutbox(opts: BenchOutboxOptions = {}): Promise<BenchOutboxResult> {
  const messages = opts.messages ?? 10_000;
  const recipients = Math.min(opts.recipients ?? 2_000, messages);
  const print = opts.print ?? ((line: string) => console.log(line));
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-bench-outbox-"));
  const store = await openStore({ kind: "embedded", dataDir, database: "bench" }, silentLogger);
  const latencyMs = opts.latencyMs ?? [20, 60];
  const connector = await StandInWorker.start(latencyMs);
  let dispatcher: OutboxDispatcher | undefined;
  let progress: NodeJS.Timeout | undefined;
  try {
    print(`outbox bench: ${messages} messages to ${recipients} conversations, stand-in latency ${latencyMs.join("–")} ms, limits enforced`);
    const outbox = new Outbox(store.container("outbox"));
    const ids: string[] = [];
    let next = 0;
    const enqueueOne = async (k: number) => {
      const id = `bench:${k}`;
      ids[k] = id;
      const r = k % recipients;
      await outbox.enqueue({
        id,
        target: { kind: "conversation", tenantId: TENANT, conversationId: `a:bench-recipient-${r}`, serviceUrl: connector.url },
        activity: { type: "message", text: `Reminder ${k} for recipient ${r}` },
        purpose: "bench",
      });
    };
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < messages) await enqueueOne(next++);
    }));
    const enqueueSeconds = (Date.now() - started) / 1000;
    print(`enqueued in ${enqueueSeconds.toFixed(1)} s; sending…`);

    const sendStart = Date.now();
    dispatcher = new OutboxDispatcher({
      container: store.container("outbox"),
      port: new BotConnectorPort({ timeoutMs: 15_000 }),
      conversations: new ConversationRepository(store.container("conversations")),
      instanceId: "bench",
      log: silentLogger,
    });
    dispatcher.start();
    progress = setInterval(() => {
      void connector.report().then((r) => {
        const s = (Date.now() - sendStart) / 1000;
        print(`  ${s.toFixed(0)} s: ${r.delivered} sent (${(r.delivered / s).toFixed(1)}/s), ${r.responses429} 429s`);
      });
    }, 15_000);
    await dispatcher.drain(Math.ceil((messages / CEILING) * 3_000) + 60_000);
    clearInterval(progress);

    const report = await connector.report();
    const delivered = new Map(report.deliveries);
    const lastAt = Math.max(...report.accepted.map(([, at]) => at));
    const sendSeconds = (lastAt - sendStart) / 1000;
    const perSecond = delivered.size / sendSeconds;
    const notSent = (
      await store
        .container("outbox")
        .items.query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'message' AND c.status != 'sent'")
        .fetchAll()
    ).resources[0]!;
    const lost = ids.filter((id) => !delivered.has(id)).length + notSent;
    const result: BenchOutboxResult = {
      messages,
      recipients,
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

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  void runStandInWorker((workerData as { latencyMs: [number, number] }).latencyMs);
} else if (require.main === module) {
  const argv = process.argv.slice(2);
  benchOutbox({ messages: argValue(argv, "--messages"), recipients: argValue(argv, "--recipients") })
    .then((r) => {
      process.exitCode = r.lost === 0 && r.duplicates === 0 ? 0 : 1;
    })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
