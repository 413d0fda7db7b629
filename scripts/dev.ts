import { startApp } from "../bot/app";
import { loadConfigOrExit, parseConfig, type Config } from "../src/config";
import { DEMO_PEOPLE, DEMO_ROLES, demoAppEnv, type DemoRole } from "../src/demo/people";
import { createLogger } from "../src/log";
import { isPortInUse, portInUseMessage } from "../src/port-in-use";
import { createInterface } from "node:readline";
import { seedDemoProgramme } from "./demo-programme";
import { DevClock, runNextJob } from "./dev-clock";
import { PortInUseError, startDemoPlaygrounds, type DemoPlayground } from "./playground";

/**
 * `npm run dev`: the bot on the embedded store, and one Microsoft 365 Agents Playground per demo
 * person (src/demo/people.ts), each signed in as that person, so you can act as each of them in
 * their own browser tab. `npm run dev -- --demo` first fills the store with a made-up programme.
 * Ctrl+C stops everything.
 */
async function main(): Promise<void> {
  const demoData = process.argv.slice(2).includes("--demo");
  const settings = loadConfigOrExit();
  // The demo programme-team member is on the programme team (as well as anyone already set).
  const demoTeam = parseConfig(demoAppEnv()).programmeTeam.aadObjectIds;
  const config: Config = {
    ...settings,
    programmeTeam: { ...settings.programmeTeam, aadObjectIds: [...new Set([...settings.programmeTeam.aadObjectIds, ...demoTeam])] },
  };
  if (demoData && config.bot.appId) {
    process.stderr.write("--demo adds made-up people, so it does not run when MICROSOFT_APP_ID is set (production). Unset it to try the demo.\n");
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const basePort = Number(process.env.PLAYGROUND_PORT || 56150);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort + DEMO_ROLES.length - 1 > 65535) {
    process.stderr.write(`PLAYGROUND_PORT must be a port number from 1 to ${65536 - DEMO_ROLES.length}, not ${JSON.stringify(process.env.PLAYGROUND_PORT)}.\n`);
    process.exit(1);
  }

  let app: Awaited<ReturnType<typeof startApp>>;
  const clock = new DevClock();
  try {
    app = await startApp(config, { log, retention: true, now: clock.now });
  } catch (err) {
    process.stderr.write(`${isPortInUse(err) ? portInUseMessage("PORT", config.port) : `Could not start the bot: ${(err as Error).message}`}\n`);
    process.exit(1);
  }
  if (demoData) {
    const seeded = await seedDemoProgramme(app.store, new Date());
    process.stdout.write(`Demo programme: ${seeded.interests} interests and ${seeded.roles} roles (${seeded.added ? "added now" : "already there"}).\n`);
  }

  const ports = Object.fromEntries(DEMO_ROLES.map((role, i) => [role, basePort + i])) as Record<DemoRole, number>;
  let playgrounds: DemoPlayground[];
  try {
    playgrounds = await startDemoPlaygrounds({ botEndpoint: `${app.url}/api/messages`, ports });
  } catch (err) {
    await app.stop();
    if (err instanceof PortInUseError) {
      process.stderr.write(`${portInUseMessage("PLAYGROUND_PORT", err.port, `the Playgrounds use ${basePort} to ${basePort + DEMO_ROLES.length - 1}`)}\n`);
    } else {
      process.stderr.write(`Could not start the Agents Playground: ${(err as Error).message}\n`);
    }
    process.exit(1);
  }

  const width = Math.max(...playgrounds.map((p) => p.person.name.length));
  process.stdout.write(
    `\nBot: ${app.url}/api/messages\n` +
      `Open a Playground for each person you want to act as, and say "hello":\n` +
      playgrounds.map((p) => `  ${p.playground.url}  ${p.person.name.padEnd(width)}  ${p.person.part}`).join("\n") +
      `\nTabs: open ${app.url}/tab/personal (My secondment) or ${app.url}/tab/programme (Programme) and use the\n` +
      `development sign-in as any of them, or as ${DEMO_PEOPLE.colleague.name}, ${DEMO_PEOPLE.colleague.part}. ${DEMO_PEOPLE.programmeTeam.name} is on the programme team.\n` +
      `To see what happens later (reminders, keeping-in-touch check-ins, a secondment's start and end), type\n` +
      `"next" and press Enter here: the clock moves to the next scheduled job and runs it.\n` +
      `Press Ctrl+C to stop.\n\n`,
  );
  const running = app;
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim().toLowerCase() !== "next") return;
    void runNextJob(running, clock).then(
      (job) =>
        process.stdout.write(
          job
            ? `Clock moved to ${job.dueAt.toUTCString()}: ran ${job.type} (${job.status}).\n`
            : "Nothing is scheduled. The clock stays where it is.\n",
        ),
      (err: Error) => process.stdout.write(`Could not run the next job: ${err.message}\n`),
    );
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await Promise.all(playgrounds.map((p) => p.playground.stop().catch(() => undefined)));
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
