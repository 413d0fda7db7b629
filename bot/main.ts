import { loadConfigOrExit } from "../src/config";
import { createLogger } from "../src/log";
import { isPortInUse, portInUseMessage } from "../src/port-in-use";
import { startApp } from "./app";

/** Process entry for `npm start`: configuration, start, and a clean stop on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, { log });
  } catch (err) {
    process.stderr.write(`${isPortInUse(err) ? portInUseMessage("PORT", config.port) : `Could not start: ${(err as Error).message}`}\n`);
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
