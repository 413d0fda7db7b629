/**
 * Soak: steady mixed traffic at a fixed rate through /api/messages for a bounded time (10 minutes
 * by default), with the outbox dispatcher and the scheduler running and a proactive message queued
 * every 2 seconds, everything on 127.0.0.1. The load comes from autocannon (fixed overall rate); a
 * connector stand-in receives every reply and proactive send.
 *
 * Traffic per person (100 people, each in their own 1:1 chat): 40 % "plan" typed, 20 % a card click
 * opening a step, 20 % an FAQ question, 10 % "hello", 10 % a card click changing step 1's status
 * (a real etag-guarded write).
 *
 * Prints each minute: requests, throughput, p50/p99 latency, errors and heap used (after a GC);
 * at the end, whether the heap trend after warm-up is flat and whether there were any errors.
 *
 *   node dist/scripts/bench-soak.js [--soak-minutes N] [--soak-rate R]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { VERBS } from "../cards";
import { startApp } from "../bot/app";
import { parseConfig } from "../src/config";
import { createLogger } from "../src/log";
import { Outbox } from "../src/outbox/outbox";
import { ConnectorStandIn } from "../test/support/connector";
import { person, personalChat, TeamsSimulator, TENANT, type Person } from "../test/support/teams";

// autocannon ships no types of its own; this is the part used here.
interface Cannon {
  on(event: "response", f: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  on(event: "reqError", f: (err: Error) => void): void;
  on(event: "done", f: (results: unknown) => void): void;
  stop(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as (opts: Record<string, unknown>) => Cannon;

export interface SoakResult {
  minutes: number;
  requests: number;
  errors: number;
  heapSlopeMbPerMin: number;
  heapFlat: boolean;
}

/** A real GC before each heap sample, so the figures show what is kept, not what is waiting. */
function gcFunction(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function benchSoak(o: { minutes?: number; rate?: number; print?: (line: string) => void } = {}): Promise<SoakResult> {
  const print = o.print ?? ((line: string) => console.log(line));
  const minutes = o.minutes ?? 10;
  const rate = o.rate ?? 20;
  const durationS = Math.max(10, Math.round(minutes * 60));
  const gc = gcFunction();
  const dataDir = mkdtempSync(join(tmpdir(), "secondment-soak-"));
  const connector = await new ConnectorStandIn().start();
  const config = parseConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  // Errors the app logs (a failed turn answers with an apology card, not an HTTP error) count too.
  const logged: string[] = [];
  const log = createLogger("error", (line) => logged.push(line.slice(0, 300)));
  const app = await startApp(config, { log, background: true, schedulerPollMs: 1000 });
  const sim = new TeamsSimulator(app.url, connector);
  const people: Person[] = Array.from({ length: 100 }, (_, i) => person(`Soak Person ${i}`));
  const statuses = ["doing", "done", "todo"] as const;
  let n = 0;
  const next = (): Record<string, unknown> => {
    const i = n++;
    const who = people[i % people.length]!;
    const chat = personalChat(who);
    const kind = i % 10;
    const click = (verb: string, data: Record<string, unknown>) => sim.activity(chat, who, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } });
    if (kind < 4) return sim.activity(chat, who, { type: "message", text: "plan" });
    if (kind < 6) return click(VERBS.openStep, { step: 1 + (i % 7) });
    if (kind < 8) return sim.activity(chat, who, { type: "message", text: "Who pays my salary while I am on secondment?" });
    if (kind < 9) return sim.activity(chat, who, { type: "message", text: "hello" });
    return click(VERBS.setStepStatus, { step: 1, status: statuses[Math.floor(i / 10) % 3] });
  };
  // Everyone says hello first, so conversation references are stored before the clock starts.
  for (const who of people) await sim.say(personalChat(who), who, "hello");

  const outbox = new Outbox(app.store.container("outbox"), { now: () => new Date() });
  let proactive = 0;
  const proactiveTimer = setInterval(() => {
    const who = people[proactive % people.length]!;
    const id = `soak-${proactive++}`;
    void outbox
      .enqueue({ id, target: { kind: "conversation", tenantId: TENANT, conversationId: personalChat(who).id, serviceUrl: connector.url }, activity: { type: "message", text: "A reminder from the soak test." }, purpose: "soak" })
      .then(() => app.dispatcher.kick())
      .catch(() => undefined);
  }, 2000);

  interface Minute { latencies: number[]; errors: number; heapMb: number }
  const perMinute: Minute[] = [];
  const minute = (at: number) => (perMinute[at] ??= { latencies: [], errors: 0, heapMb: NaN });
  const heap: { x: number; y: number }[] = [];
  const started = Date.now();
  const elapsedS = () => (Date.now() - started) / 1000;
  // The stand-in keeps what it receives; a soak only needs it to answer.
  const trimTimer = setInterval(() => {
    connector.sent.length = 0;
    connector.requests.length = 0;
  }, 1000);
  const heapTimer = setInterval(() => {
    gc();
    const mb = process.memoryUsage().heapUsed / 2 ** 20;
    heap.push({ x: elapsedS() / 60, y: mb });
    minute(Math.floor(elapsedS() / 60)).heapMb = mb;
  }, 10_000);
  let printed = 0;
  const report = (upTo: number) => {
    for (; printed < upTo; printed++) {
      const m = minute(printed);
      const secs = Math.min(60, durationS - printed * 60);
      print(`  minute ${String(printed + 1).padStart(2)}: ${String(m.latencies.length).padStart(6)} requests, ${(m.latencies.length / secs).toFixed(1)}/s, p50 ${percentile(m.latencies, 50).toFixed(1)} ms, p99 ${percentile(m.latencies, 99).toFixed(1)} ms, errors ${m.errors}, heap ${m.heapMb.toFixed(1)} MB`);
    }
  };
  const reportTimer = setInterval(() => report(Math.floor(elapsedS() / 60)), 5000);

  print(`Soak: ${minutes} minute(s) at ${rate} requests/s through /api/messages (autocannon), outbox and scheduler running, a proactive message every 2 s`);
  try {
    await new Promise<void>((resolve) => {
      const cannon = autocannon({
        url: `${app.url}/api/messages`,
        method: "POST",
        headers: { "content-type": "application/json" },
        connections: 8,
        overallRate: rate,
        duration: durationS,
        timeout: 30,
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(next()) }) }],
      });
      cannon.on("response", (_client, statusCode, _bytes, responseTime) => {
        const m = minute(Math.min(Math.floor(elapsedS() / 60), Math.ceil(durationS / 60) - 1));
        m.latencies.push(responseTime);
        if (statusCode >= 300) m.errors++;
      });
      cannon.on("reqError", () => {
        minute(Math.min(Math.floor(elapsedS() / 60), Math.ceil(durationS / 60) - 1)).errors++;
      });
      cannon.on("done", () => resolve());
    });
  } finally {
    clearInterval(proactiveTimer);
    clearInterval(trimTimer);
    clearInterval(heapTimer);
    clearInterval(reportTimer);
  }
  gc();
  const endMb = process.memoryUsage().heapUsed / 2 ** 20;
  heap.push({ x: elapsedS() / 60, y: endMb });
  const last = minute(Math.ceil(durationS / 60) - 1);
  if (Number.isNaN(last.heapMb)) last.heapMb = endMb;
  report(Math.ceil(durationS / 60));
  const sent = connector.deliveries.size;
  await app.stop();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const warmUpMin = Math.min(1, minutes / 4);
  const steady = heap.filter((p) => p.x >= warmUpMin);
  const s = slope(steady);
  const mean = steady.reduce((a, p) => a + p.y, 0) / Math.max(1, steady.length);
  const span = Math.max(0, minutes - warmUpMin);
  // Flat: the trend would add less than 5 % of the heap (or 5 MB) over the steady period. A heap
  // that falls (a late full GC giving memory back) is not growth.
  const limit = Math.max(5, 0.05 * mean);
  const heapFlat = s * span <= limit;
  const shape = !heapFlat ? "GROWING" : s * span < -limit ? "falling (not growing)" : "flat";
  const requests = perMinute.reduce((a, m) => a + m.latencies.length, 0);
  const errors = perMinute.reduce((a, m) => a + m.errors, 0) + logged.length;
  if (logged.length) print(`  errors the app logged: ${logged.length}, first: ${logged[0]}`);
  print(`  in all: ${requests} requests (${(requests / durationS).toFixed(1)}/s), ${errors} errors, ${proactive} proactive messages queued, ${sent} delivered`);
  print(`  heap after warm-up (${warmUpMin} min): trend ${s >= 0 ? "+" : ""}${s.toFixed(2)} MB/min around ${mean.toFixed(1)} MB: ${shape}; errors: ${errors === 0 ? "0" : `${errors} (target 0)`}`);
  return { minutes, requests, errors, heapSlopeMbPerMin: s, heapFlat };
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (require.main === module) {
  benchSoak({ minutes: arg("soak-minutes"), rate: arg("soak-rate") })
    .then((r) => {
      if (r.errors > 0 || !r.heapFlat) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
