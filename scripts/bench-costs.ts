/**
 * Store cost per unit of work, measured (not read from the code): the app's own `store.call` spans
 * (src/store/store-calls.ts) collected with an in-memory OpenTelemetry exporter while real
 * journeys run through /api/messages and the durable scheduler. Each store call is a child of the
 * turn or job that made it, so calls are counted per typed message, per card click (by verb) and
 * per scheduled job kind, by operation. The request charge is summed where the store reports it
 * (Azure Cosmos DB does, in x-ms-request-charge; the embedded store does not), and otherwise
 * estimated from the operations with the unit costs below.
 *
 * The journeys are the app's own end-to-end tests (a whole secondment with one instance, approval
 * reminders, retention, people's data, changes during a secondment), run here by mocha
 * programmatically: the bench adds nothing to them and asserts nothing; it only watches.
 *
 *   node dist/scripts/bench-costs.js
 */
import { join } from "node:path";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import Mocha from "mocha";

/** Estimated request units per operation for ~1-2 KB documents with the default indexing policy. */
export const RU_ESTIMATE: Record<string, number> = { read: 1, create: 7, replace: 10, upsert: 10, delete: 7, patch: 10, query: 3, batch: 10 };

const JOURNEYS: { file: string; grep?: string }[] = [
  { file: "bot/lifecycle.test.js", grep: "one bot instance" },
  { file: "bot/reminders.test.js" },
  { file: "bot/retention.test.js" },
  { file: "bot/privacy.test.js" },
  { file: "bot/secondment-changes.test.js" },
];

interface Tally {
  units: number;
  calls: number;
  charge: number;
  charged: number;
  ops: Map<string, number>;
}

export interface CostFigures {
  /** Per kind of work ("typed message", "card click <verb>", "job <type>"): calls and estimated RU per unit. */
  rows: { kind: string; units: number; callsPerUnit: number; estRuPerUnit: number; measuredRuPerUnit?: number; ops: string }[];
  background: number;
  /** True when the store reported a charge that varies by call (Azure Cosmos DB); the embedded store always says 1. */
  chargeReported: boolean;
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = { units: 0, calls: 0, charge: 0, charged: 0, ops: new Map() }));
  return t;
}

export function costsFrom(spans: readonly ReadableSpan[]): CostFigures {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const kindOf = (s: ReadableSpan): string | undefined => {
    if (s.name === "turn") {
      const verb = String(s.attributes["turn.verb"] ?? "");
      const type = String(s.attributes["turn.activity_type"] ?? "");
      if (type === "message") return `typed message${verb ? ` (${verb})` : ""}`;
      if (type === "invoke") return `card click ${verb || "(no verb)"}`;
      return `other turn (${type})`;
    }
    if (s.name === "job") return `job ${String(s.attributes["job.type"] ?? "")}`;
    if (s.name === "outbox.send") return "outbox: one send attempt (claim, send, outcome)";
    return undefined;
  };
  const tallies = new Map<string, Tally>();
  for (const s of spans) {
    const k = kindOf(s);
    if (k) tallyOf(tallies, k).units++;
  }
  let background = 0;
  let chargeReported = false;
  // The embedded store (@vercel/cosmosdb-server) answers every call with x-ms-request-charge: 1, which is no measurement.
  const charges = new Set(spans.filter((s) => s.name === "store.call" && typeof s.attributes["store.request_charge"] === "number").map((s) => s.attributes["store.request_charge"]));
  const realCharges = charges.size > 1;
  for (const s of spans) {
    if (s.name !== "store.call") continue;
    const parent = s.parentSpanContext ? byId.get(s.parentSpanContext.spanId) : undefined;
    const k = parent ? kindOf(parent) : undefined;
    if (!k) {
      background++;
      continue;
    }
    const t = tallyOf(tallies, k);
    t.calls++;
    const op = String(s.attributes["store.operation"]);
    t.ops.set(op, (t.ops.get(op) ?? 0) + 1);
    const charge = s.attributes["store.request_charge"];
    if (typeof charge === "number" && realCharges) {
      chargeReported = true;
      t.charge += charge;
      t.charged++;
    }
  }
  const rows = [...tallies.entries()]
    .filter(([, t]) => t.units > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, t]) => {
      const est = [...t.ops.entries()].reduce((sum, [op, n]) => sum + n * (RU_ESTIMATE[op.toLowerCase()] ?? 5), 0);
      return {
        kind,
        units: t.units,
        callsPerUnit: t.calls / t.units,
        estRuPerUnit: est / t.units,
        ...(t.charged ? { measuredRuPerUnit: t.charge / t.units } : {}),
        ops: [...t.ops.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([op, n]) => `${op.toLowerCase()} ${(n / t.units).toFixed(1)}`).join(", "),
      };
    });
  return { rows, background, chargeReported };
}

export async function benchCosts(): Promise<CostFigures> {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  let failures = 0;
  let spans: ReadableSpan[] = [];
  try {
    for (const j of JOURNEYS) {
      const mocha = new Mocha({ timeout: 180_000, reporter: "dot", ...(j.grep ? { grep: j.grep } : {}) });
      mocha.addFile(join(__dirname, "..", "test", j.file));
      failures += await new Promise<number>((resolve) => mocha.run(resolve));
      mocha.dispose();
    }
    // Before shutdown, which empties the exporter.
    spans = [...exporter.getFinishedSpans()];
  } finally {
    await provider.shutdown();
    trace.disable();
    context.disable();
  }
  const figures = costsFrom(spans);
  const typed = figures.rows.filter((r) => r.kind.startsWith("typed message"));
  const clicks = figures.rows.filter((r) => r.kind.startsWith("card click"));
  const avg = (rows: typeof figures.rows, f: (r: (typeof rows)[number]) => number) => {
    const units = rows.reduce((s, r) => s + r.units, 0);
    return units ? rows.reduce((s, r) => s + f(r) * r.units, 0) / units : 0;
  };
  console.log(`Store calls per unit of work, measured from store.call spans over the journeys${failures ? ` (${failures} journey test(s) FAILED; figures partial)` : ""}:`);
  console.log(`  ${"kind".padEnd(52)} ${"units".padStart(5)} ${"calls".padStart(6)} ${"est. RU".padStart(8)}${figures.chargeReported ? "  measured RU" : ""}  operations per unit`);
  for (const r of figures.rows) {
    console.log(`  ${r.kind.slice(0, 52).padEnd(52)} ${String(r.units).padStart(5)} ${r.callsPerUnit.toFixed(1).padStart(6)} ${r.estRuPerUnit.toFixed(1).padStart(8)}${figures.chargeReported ? `  ${r.measuredRuPerUnit?.toFixed(1) ?? "-"}` : ""}  ${r.ops}`);
  }
  console.log(`  all typed messages: ${avg(typed, (r) => r.callsPerUnit).toFixed(1)} calls, ~${avg(typed, (r) => r.estRuPerUnit).toFixed(1)} RU each; all card clicks: ${avg(clicks, (r) => r.callsPerUnit).toFixed(1)} calls, ~${avg(clicks, (r) => r.estRuPerUnit).toFixed(1)} RU each`);
  console.log(`  each job also costs its claim (1 replace on jobs) outside its span; background calls outside any turn or job (scheduler polls and claims, outbox queries, leader lease, matching catch-up): ${figures.background}`);
  console.log(
    figures.chargeReported
      ? "  request charge: as reported by the store (x-ms-request-charge)"
      : `  request charge: the embedded store reports a fixed 1 RU per call, which measures nothing; RU estimated per operation (${Object.entries(RU_ESTIMATE).map(([k, v]) => `${k} ${v}`).join(", ")})`,
  );
  if (failures) process.exitCode = 1;
  return figures;
}

if (require.main === module) {
  benchCosts().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
