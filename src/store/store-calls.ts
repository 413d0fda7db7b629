import { PluginOn, type PluginConfig } from "@azure/cosmos";
import { storeCallSpan, tracing } from "../telemetry";
import { CONTAINERS } from "./store";

/**
 * A Cosmos SDK plugin, run for every network request the SDK makes: it wraps the request in a
 * `store.call` span (src/telemetry.ts). The span names the operation (read, create, query…), the
 * resource type and the container, never a document id, partition key or query text, which can
 * hold a person's id. Without a tracer provider registered, the request goes straight through.
 *
 * Plugins are a documented-but-hidden option of @azure/cosmos (`plugins`, PluginOn.request);
 * test/telemetry.test.ts fails if a release stops calling them.
 */
let known: Set<string> | undefined;

function containerOf(path: string | undefined): string {
  const m = /\/colls\/([^/]+)/.exec(path ?? "");
  if (!m) return "";
  known ??= new Set<string>(Object.values(CONTAINERS));
  return known.has(m[1]!) ? m[1]! : "other";
}

export const storeCallPlugin: PluginConfig = {
  on: PluginOn.request,
  plugin: (context, _diagnosticNode, next) => {
    // No provider registered: no span to make, so no layer around the request either.
    if (!tracing()) return next(context);
    return storeCallSpan(
      { operation: String(context.operationType ?? ""), resource: String(context.resourceType ?? ""), container: containerOf(context.path) },
      () => next(context) as Promise<{ code?: number; headers?: Record<string, unknown> }>,
    ) as ReturnType<typeof next>;
  },
};

