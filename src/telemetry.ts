import { context, metrics, ProxyTracerProvider, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import type { Logger } from "./log";

/**
 * Telemetry through OpenTelemetry. The app calls only @opentelemetry/api, which does nothing until
 * a provider is registered: startTelemetry registers Azure Monitor's (Application Insights) when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set, which also traces incoming HTTP requests. Every
 * Cosmos DB call gets a `store.call` span from the store layer (src/store/store-calls.ts):
 * @azure/cosmos 4.x makes no spans of its own. HTTP spans are not made for calls to Cosmos (/dbs/…,
 * outgoing, or incoming at the embedded store's endpoint) or the Bot Connector (/v3/conversations/…):
 * their URLs carry document and conversation ids, and store.call and outbox.send spans cover them.
 *
 * No personal data in any attribute: only verbs from the app's own list, scopes, job types,
 * message purposes, counts, durations and HTTP statuses. Never ids, names, text or card data.
 * Logs stay JSON lines on stdout/stderr (src/log.ts).
 */
const SCOPE = "secondment-bot";
const tracer = () => trace.getTracer(SCOPE);
const meter = () => metrics.getMeter(SCOPE);

/** The API's own "no provider" stand-in: what a provider that nothing was registered on delegates to. */
const NO_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * True once a tracer provider is registered (Azure Monitor's, or a test's). Until then the spans
 * below are skipped rather than made as no-op spans: every turn and store call would otherwise pay
 * for span objects, attributes and an extra async layer that record nothing. Looked up each time,
 * so a provider registered later (or removed) takes effect at once.
 */
export function tracing(): boolean {
  const provider = trace.getTracerProvider();
  return (provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider) !== NO_PROVIDER;
}

export interface Telemetry {
  /** Flush and stop the exporters (on shutdown). */
  shutdown(): Promise<void>;
}

/** Start Azure Monitor when a connection string is given; otherwise telemetry stays a no-op. */
export async function startTelemetry(connectionString: string | undefined, log: Logger): Promise<Telemetry> {
  if (!connectionString) return { shutdown: async () => undefined };
  const monitor = await import("@azure/monitor-opentelemetry");
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: {
      azureSdk: { enabled: true },
      http: {
        enabled: true,
        ignoreOutgoingRequestHook: (req: { path?: string }) => /^\/(dbs|v3\/conversations)(\/|$)/.test(req.path ?? ""),
        // The embedded store's own HTTP endpoint (other clients only; the app reaches it in process).
        ignoreIncomingRequestHook: (req: { url?: string }) => /^\/dbs(\/|$)/.test(req.url ?? ""),
      } as { enabled: boolean },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
    enableLiveMetrics: true,
  });
  log.info("telemetry to Application Insights");
  return { shutdown: () => monitor.shutdownAzureMonitor() };
}

/**
 * Run `fn` in an active span (so spans it causes, such as Cosmos calls, are its children). The span
 * ends when `fn` settles, with `<name>.outcome` ("ok" unless `fn` says otherwise, or "error" if it
 * throws) and `<name>.duration_ms`.
 */
function inSpan<T>(name: string, attributes: Attributes, fn: (setOutcome: (outcome: string) => void) => Promise<T>): Promise<T> {
  if (!tracing()) return fn(ignoreOutcome);
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    const started = performance.now();
    let outcome = "ok";
    try {
      return await fn((o) => {
        outcome = o;
      });
    } catch (err) {
      outcome = "error";
      throw err;
    } finally {
      if (outcome !== "ok" && outcome !== "done") span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.setAttribute(`${name}.outcome`, outcome);
      span.setAttribute(`${name}.duration_ms`, Math.round(performance.now() - started));
      span.end();
    }
  });
}

const ignoreOutcome = (_outcome: string) => undefined;

// ------------------------------------------------------------------ turns

const ACTIVITY_TYPES = new Set(["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "messageUpdate", "messageDelete", "event", "typing"]);

/** One span per incoming activity: type, scope, verb (set once known), duration and outcome. */
export function turnSpan<T>(attrs: { activityType: string | undefined; scope: string }, fn: () => Promise<T>): Promise<T> {
  const type = attrs.activityType && ACTIVITY_TYPES.has(attrs.activityType) ? attrs.activityType : "other";
  return inSpan("turn", { "turn.activity_type": type, "turn.scope": attrs.scope }, () => fn());
}

/** Note the verb the turn runs. Pass only a verb from the app's own list (or "unknown"). */
export function noteVerb(verb: string): void {
  trace.getActiveSpan()?.setAttribute("turn.verb", verb);
}

// ------------------------------------------------------------------ outbox

/** A span for one outbox message, from claim to stored outcome. */
export interface SendSpan {
  /** Teams answered: its HTTP status and, for 429, how long it asked us to wait. */
  answered(status: number, retryAfterMs: number | undefined): void;
  /** The stored outcome: sent, queued (retry), unreachable or failed; attempts so far. */
  outcome(status: string, attempts: number, lagMs?: number): void;
  /** Run the send's work with this span active, so its store calls are its children. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  end(): void;
}

export function startSendSpan(attrs: { purpose: string; attempts: number }): SendSpan {
  const span = tracer().startSpan("outbox.send", { attributes: { "outbox.purpose": attrs.purpose, "outbox.attempt": attrs.attempts + 1 } });
  const started = performance.now();
  return {
    answered(status, retryAfterMs) {
      span.setAttribute("outbox.http_status", status);
      if (status === 429) {
        span.setAttribute("outbox.throttled", true);
        if (retryAfterMs !== undefined) span.setAttribute("outbox.retry_after_ms", retryAfterMs);
        meter().createCounter("outbox.throttled", { description: "429 answers from Teams" }).add(1);
      }
    },
    outcome(status, attempts, lagMs) {
      span.setAttribute("outbox.status", status);
      span.setAttribute("outbox.attempts", attempts);
      if (status === "failed" || status === "unreachable") span.setStatus({ code: SpanStatusCode.ERROR, message: status });
      if (lagMs !== undefined) {
        span.setAttribute("outbox.lag_ms", lagMs);
        meter().createHistogram("outbox.send.lag", { unit: "ms", description: "Time from queued to sent" }).record(lagMs);
      }
    },
    run(fn) {
      return context.with(trace.setSpan(context.active(), span), fn);
    },
    end() {
      span.setAttribute("outbox.duration_ms", Math.round(performance.now() - started));
      span.end();
    },
  };
}

/** The number of queued messages, observed at each metric export (every instance reports it). */
export function observeQueueDepth(count: () => Promise<number>): () => void {
  const gauge = meter().createObservableGauge("outbox.queue.depth", { description: "Messages queued or being sent" });
  const callback = async (result: { observe(value: number): void }) => {
    try {
      result.observe(await count());
    } catch {
      // The store is not answering: readiness reports that; no figure this time.
    }
  };
  gauge.addCallback(callback);
  return () => gauge.removeCallback(callback);
}

// ------------------------------------------------------------------ scheduler

/** One span per job run: type, attempt, lag behind its due time, duration and outcome. */
export function jobSpan<T>(attrs: { type: string; attempt: number; lagMs: number }, fn: (setOutcome: (outcome: string) => void) => Promise<T>): Promise<T> {
  const lagMs = Math.max(0, Math.round(attrs.lagMs));
  meter().createHistogram("scheduler.job.lag", { unit: "ms", description: "Time from a job's due time to its start" }).record(lagMs, { "job.type": attrs.type });
  return inSpan("job", { "job.type": attrs.type, "job.attempt": attrs.attempt, "job.lag_ms": lagMs }, fn);
}

// ------------------------------------------------------------------ store calls

/** What one store call may say about itself: the kind of call and its container, never an id, key or query. */
export interface StoreCallAttributes {
  operation: string;
  resource: string;
  container: string;
}

/**
 * One span per request to Cosmos DB (a child of the turn or job that made it), with the kind of
 * operation, the container, the HTTP status and, where the store reports it, the request charge
 * in request units. @azure/cosmos 4.x creates no spans of its own (its tracing client is never
 * used), so the store layer makes these (src/store/store-calls.ts).
 */
export async function storeCallSpan<T extends { code?: number; headers?: Record<string, unknown> }>(attrs: StoreCallAttributes, fn: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan("store.call", { attributes: { "db.system": "cosmosdb", "store.operation": attrs.operation, "store.resource": attrs.resource, "store.container": attrs.container } });
  const started = performance.now();
  const finish = (status: number | undefined, headers: Record<string, unknown> | undefined) => {
    if (status !== undefined) span.setAttribute("store.status", status);
    const charge = Number(headers?.["x-ms-request-charge"]);
    if (Number.isFinite(charge) && headers?.["x-ms-request-charge"] !== undefined) span.setAttribute("store.request_charge", charge);
    span.setAttribute("store.duration_ms", Math.round((performance.now() - started) * 10) / 10);
    span.end();
  };
  try {
    const res = await fn();
    finish(res.code ?? 200, res.headers);
    return res;
  } catch (err) {
    const e = err as { code?: unknown; headers?: Record<string, unknown> };
    const code = typeof e.code === "number" ? e.code : undefined;
    // 404, 409 and 412 are answers the app expects (absent, exists, changed meanwhile), not failures.
    if (code === undefined || (code >= 500 || code === 429 || code === 408)) span.setStatus({ code: SpanStatusCode.ERROR, message: String(code ?? "no answer") });
    finish(code, e.headers);
    throw err;
  }
}
