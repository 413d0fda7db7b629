import { loadConfigOrExit } from "../src/config";
import { createLogger } from "../src/log";
import { isPortInUse, portInUseMessage } from "../src/port-in-use";
import { startTelemetry } from "../src/telemetry";

/** Process entry for `npm start`: configuration, start, and a clean stop on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  // Telemetry first, so that the HTTP and Azure SDK instrumentation sees the modules the app loads.
  const telemetry = await startTelemetry(config.telemetry.connectionString, log);
  const { startApp } = await import("./app");
  let app;
  try {
    app = await startApp(config, { log, retention: true });
  } catch (err) {
    process.stderr.write(`${isPortInUse(err) ? portInUseMessage("PORT", config.port) : `Could not start: ${(err as Error).message}`}\n`);
    process.exit(1);
  }
  const where = config.cosmos.kind === "embedded" ? `embedded store, data kept in ${config.cosmos.dataDir}` : "Azure Cosmos DB";
  process.stdout.write(`Secondment bot listening on ${app.url}/api/messages (${where})\n`);

  // Graceful drain (App Service allows about 30 s after SIGTERM): refuse new turns, finish those in
  // flight, stop the outbox and scheduler, close the store, flush telemetry. Past the grace, exit.
  let signals = 0;
  const stop = (signal: string) => {
    if (++signals > 1) process.exit(1);
    log.info("stopping", { signal, graceMs: config.shutdownGraceMs });
    setTimeout(() => {
      log.error("did not stop within the grace period; exiting", { graceMs: config.shutdownGraceMs });
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    app
      .stop()
      .then(() => telemetry.shutdown().catch((err) => log.warn("telemetry flush failed", { err })))
      .then(
      () => process.exit(0),
      (err) => {
        log.error("stop failed", { err });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
