import { loadConfigOrExit } from "../src/config";
import { createLogger } from "../src/log";
import { startApp } from "./app";

/** Process entry for `npm start`: configuration, start, and a clean stop on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, { log, retention: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "EADDRINUSE" ? `port ${config.port} is already in use (set PORT to another number)` : e.message;
    process.stderr.write(`Could not start: ${why}\n`);
    process.exit(1);
  }
  const where = config.cosmos.kind === "embedded" ? `embedded store, data kept in ${config.cosmos.dataDir}` : "Azure Cosmos DB";
  process.stdout.write(`Secondment bot listening on ${app.url}/api/messages (${where})\n`);

  let signals = 0;
  const stop = (signal: string) => {
    if (++signals > 1) process.exit(1);
    log.info("stopping", { signal });
    app.stop().then(
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
