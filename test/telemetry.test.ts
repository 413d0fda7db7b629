import assert from "node:assert/strict";
import { context, metrics, trace } from "@opentelemetry/api";
import { AggregationTemporality, MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { VERBS } from "../cards";
import { Outbox } from "../src/outbox/outbox";
import { JobStore } from "../src/scheduler/jobs";
import { tracing } from "../src/telemetry";
import { cardText } from "./support/cards";
import { interestInput } from "./support/forms";
import { person, personalChat, startTestBot, TENANT, type TestBot } from "./support/teams";

/** Collects metrics on demand (no timer). */
class OnDemandReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * Telemetry with an in-memory exporter in place of Application Insights: the spans and metrics the
 * issue lists are there, and no personal data is in any of them. A person with a distinctive name,
 * email and adjustment fills in the interest form, and a message carrying the name goes through
 * the outbox (after one 429), and a job whose payload carries it runs; then every attribute of
 * every span and metric point is scanned for those strings and for the person's ids.
 */
describe("telemetry (OpenTelemetry, in-memory exporter)", function () {
  this.timeout(60_000);
  const exporter = new InMemorySpanExporter();
  const reader = new OnDemandReader();
  let tracerProvider: NodeTracerProvider;
  let meterProvider: MeterProvider;
  let bot: TestBot;
  const NAME = "Quilliam Zebedayo-Frankton";
  const EMAIL = "quilliam.zebedayo@example.gov.uk";
  const ADJUSTMENT = "Needs a Vorpalite keyboard";
  const ana = person(NAME);
  const chat = personalChat(ana);

  before(async () => {
    tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    tracerProvider.register();
    meterProvider = new MeterProvider({ readers: [reader] });
    metrics.setGlobalMeterProvider(meterProvider);
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
    await tracerProvider.shutdown();
    await meterProvider.shutdown();
    trace.disable();
    metrics.disable();
    context.disable();
  });

  const spans = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name);

  it("a span per turn with activity type, scope, verb, duration and outcome", async () => {
    bot.connector.members.set(ana.id, { id: ana.id, name: NAME, email: EMAIL, aadObjectId: ana.aadObjectId });
    await bot.teams.press(chat, ana, VERBS.startInterest);
    const card = await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ fullName: NAME, email: EMAIL, adjustments: ADJUSTMENT }));
    assert.match(cardText(card), /Thank you/);
    const turns = spans("turn");
    const submit = turns.find((s) => s.attributes["turn.verb"] === VERBS.submitInterest);
    assert.ok(submit, `a turn span for ${VERBS.submitInterest}: ${JSON.stringify(turns.map((s) => s.attributes))}`);
    assert.equal(submit.attributes["turn.activity_type"], "invoke");
    assert.equal(submit.attributes["turn.scope"], "personal");
    assert.equal(submit.attributes["turn.outcome"], "ok");
    assert.equal(typeof submit.attributes["turn.duration_ms"], "number");
    await bot.teams.press(chat, ana, "no.such.verb\u0000" + NAME);
    assert.ok(spans("turn").some((s) => s.attributes["turn.verb"] === "unknown"), "a verb not in the app's list is recorded as unknown");
  });

  it("a span per outbox send with status, HTTP status, retries and the 429 wait", async () => {
    bot.connector.failNext(chat.id, { status: 429, retryAfterSeconds: 1 });
    const outbox = new Outbox(bot.app.store.container("outbox"), { now: () => new Date() });
    await outbox.enqueue({
      id: "telemetry:hello",
      target: { kind: "conversation", tenantId: TENANT, conversationId: chat.id, serviceUrl: bot.connector.url },
      activity: { text: `Hello ${NAME}` },
      purpose: "telemetry-test",
    });
    bot.app.dispatcher.kick();
    await bot.connector.waitFor((sent) => sent.some((s) => String(s.body.text ?? "").includes(NAME)), 15_000);
    await bot.app.dispatcher.drain(15_000);
    const sends = spans("outbox.send").filter((s) => s.attributes["outbox.purpose"] === "telemetry-test");
    assert.equal(sends.length, 2, "one span per attempt");
    const [first, second] = sends;
    assert.equal(first!.attributes["outbox.http_status"], 429);
    assert.equal(first!.attributes["outbox.retry_after_ms"], 1000);
    assert.equal(first!.attributes["outbox.status"], "queued");
    assert.equal(second!.attributes["outbox.status"], "sent");
    assert.equal(second!.attributes["outbox.attempts"], 2);
    assert.equal(typeof second!.attributes["outbox.lag_ms"], "number");
  });

  it("a span per scheduled job with its type, lag and outcome", async () => {
    const jobs = new JobStore(bot.app.store.container("jobs"));
    await jobs.schedule({ id: "telemetry-job", type: "telemetry-no-such-type", payload: { name: NAME, email: EMAIL }, dueAt: new Date(Date.now() - 5_000) });
    await bot.app.scheduler.runDue();
    const job = spans("job").find((s) => s.attributes["job.type"] === "telemetry-no-such-type");
    assert.ok(job);
    assert.equal(job.attributes["job.outcome"], "failed");
    assert.ok(Number(job.attributes["job.lag_ms"]) >= 5_000);
  });

  it("a span per store call, a child of the turn that made it, naming the operation and container only", async () => {
    const before = exporter.getFinishedSpans().length;
    await bot.teams.press(chat, ana, VERBS.submitInterest, interestInput({ fullName: NAME, email: EMAIL, adjustments: ADJUSTMENT, version: 1 }));
    const fresh = exporter.getFinishedSpans().slice(before);
    const turn = fresh.find((s) => s.name === "turn" && s.attributes["turn.verb"] === VERBS.submitInterest);
    assert.ok(turn);
    const calls = fresh.filter((s) => s.name === "store.call" && s.parentSpanContext?.spanId === turn.spanContext().spanId);
    assert.ok(calls.length >= 2, `the turn's store calls are its children: ${calls.length}`);
    const kinds = new Set(calls.map((s) => `${s.attributes["store.operation"]} ${s.attributes["store.container"]}`));
    assert.ok(kinds.has("read people"), `reads the interest: ${[...kinds]}`);
    assert.ok(kinds.has("replace people"), `replaces it: ${[...kinds]}`);
    for (const c of calls) {
      assert.equal(c.attributes["db.system"], "cosmosdb");
      assert.equal(typeof c.attributes["store.status"], "number");
      assert.equal(typeof c.attributes["store.duration_ms"], "number");
      assert.deepEqual(Object.keys(c.attributes).sort(), ["db.system", "store.container", "store.duration_ms", "store.operation", "store.resource", "store.status", ...(c.attributes["store.request_charge"] !== undefined ? ["store.request_charge"] : [])].sort());
    }
    // A look-up that finds nothing is an answer, not an error.
    assert.ok(exporter.getFinishedSpans().filter((s) => s.name === "store.call" && s.attributes["store.status"] === 404).every((s) => s.status.code !== 2));
  });

  it("metrics for queue depth, job lag and send lag", async () => {
    const { resourceMetrics } = await reader.collect();
    const names = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name));
    for (const name of ["outbox.queue.depth", "scheduler.job.lag", "outbox.send.lag", "outbox.throttled"]) assert.ok(names.includes(name), `${name} in ${names}`);
    const depth = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === "outbox.queue.depth")!;
    assert.equal(depth.dataPoints[0]!.value, 0, "nothing left in the queue");
  });

  it("carries no personal data in any span or metric", async () => {
    const { resourceMetrics } = await reader.collect();
    const forbidden = [NAME, "Quilliam", "Zebedayo", EMAIL, "Vorpalite", ana.aadObjectId, ana.id, chat.id, TENANT];
    const everything = JSON.stringify({
      spans: exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links })),
      metrics: (resourceMetrics as ResourceMetrics).scopeMetrics.flatMap((s) => s.metrics.map((m) => ({ name: m.descriptor.name, points: m.dataPoints }))),
    });
    assert.ok(exporter.getFinishedSpans().length >= 5);
    for (const f of forbidden) assert.ok(!everything.toLowerCase().includes(f.toLowerCase()), `telemetry must not contain ${f}`);
  });
});

describe("telemetry without a tracer provider", () => {
  it("skips spans until a provider is registered, and makes them as soon as one is", async () => {
    trace.disable();
    assert.equal(tracing(), false, "no provider: spans are skipped");
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    try {
      assert.equal(tracing(), true, "a provider registered after start-up is used at once");
    } finally {
      await provider.shutdown();
      trace.disable();
      context.disable();
    }
    assert.equal(tracing(), false, "and skipped again once it is gone");
  });
});
