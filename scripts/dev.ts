import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { startApp } from "../bot/app";
import { loadConfigOrExit } from "../src/config";
import { createLogger } from "../src/log";
import { fromRoot } from "../src/paths";

/**
 * `npm run dev`: the bot on the embedded store plus Microsoft 365 Agents Playground pointed at it,
 * so you can chat with the bot in a browser. Ctrl+C stops both.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  const app = await startApp(config, { log, retention: true });
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const cwd = fromRoot(".data", "playground");
  mkdirSync(cwd, { recursive: true });
  const playground = spawn(
    process.execPath,
    // The Playground listens on all interfaces unless this preload makes it bind 127.0.0.1.
    ["--require", fromRoot("scripts", "loopback-only.cjs"), require.resolve("@microsoft/m365agentsplayground/cli.js"), "--disable-telemetry", "--port", String(playgroundPort), "--channel-id", "msteams"],
    {
      cwd,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        BOT_ENDPOINT: `${app.url}/api/messages`,
        TEAMSAPPTESTER_BROWSER: "none",
        APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
      },
    },
  );
  process.stdout.write(
    `\nBot: ${app.url}/api/messages\nPlayground: open http://127.0.0.1:${playgroundPort} in your browser and say "hello".\nMy secondment tab: open ${app.url}/tab/personal and use the development sign-in.\nPress Ctrl+C to stop.\n\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    playground.kill("SIGTERM");
    await app.stop();
    process.exit(0);
  };
  playground.once("exit", (code) => {
    if (!stopping) {
      process.stderr.write(`The Playground stopped (exit ${code}). Stopping the bot.\n`);
      void stop();
    }
  });
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
