/**
 * Starting the Microsoft 365 Agents Playground (the local Teams-like chat client) for a bot, shared
 * by `npm run dev` and the end-to-end tests. Everything stays on 127.0.0.1 with telemetry off.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DEMO_PEOPLE, DEMO_ROLES, demoTenantFor, playgroundConfigYaml, type DemoPerson, type DemoRole } from "../src/demo/people";
import { fromRoot } from "../src/paths";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Wait for `p`, but at most `ms`; the timer never keeps the process alive. */
export async function atMost(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.then(() => undefined, () => undefined), new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("could not read a free port"))));
    });
  });
}

/** Where the Playground CLI script lives (the package's "agentsplayground" bin). */
export function playgroundCli(): string {
  let pkgJson: string;
  try {
    pkgJson = require.resolve("@microsoft/m365agentsplayground/package.json", { paths: [fromRoot()] });
  } catch {
    pkgJson = fromRoot("node_modules", "@microsoft", "m365agentsplayground", "package.json");
  }
  const pkg = JSON.parse(readFileSync(pkgJson, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["agentsplayground"] ?? "cli.js";
  const cli = join(dirname(pkgJson), bin);
  if (!existsSync(cli)) throw new Error(`Agents Playground CLI not found at ${cli}: is @microsoft/m365agentsplayground installed?`);
  return cli;
}

/** Makes the Playground bind 127.0.0.1 only (it has no host option); shared with `npm run dev`. */
export const LOOPBACK_PRELOAD = fromRoot("scripts", "loopback-only.cjs");

export interface Playground {
  /** The Playground web UI, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  /** Everything the Playground printed so far (stdout and stderr, interleaved). */
  output(): string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Bound for the Playground to answer HTTP. Default 30 s. */
  startTimeoutMs?: number;
  /** Bind the Playground to 127.0.0.1 only (via a preload; it has no host option). Default true. */
  loopbackOnly?: boolean;
  /**
   * The Playground's mock tenant (users, chats, team) as the YAML of its `.m365agentsplayground.yml`
   * config file, written into its working folder; see playgroundConfigYaml(). Default: its built-in
   * tenant, whose AAD object ids are not GUIDs.
   */
  configYaml?: string;
  /** Listen on this port rather than a free one; if it is taken the start fails (PortInUseError). */
  port?: number;
  /** Also hand everything it prints to this (e.g. to show it in a terminal). */
  onOutput?: (text: string) => void;
}

/** The port asked for was taken (the Playground would have moved to another one). */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
  }
}

/**
 * Start the Agents Playground for the given bot endpoint on a free 127.0.0.1 port, in a fresh
 * temporary working folder (it writes ./devTools/ there). Resolves once its HTTP server answers.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { botEndpoint, startTimeoutMs = 30_000, loopbackOnly = true, configYaml, onOutput } = options;
  const cli = playgroundCli();
  const cwd = mkdtempSync(join(tmpdir(), "agents-playground-"));
  const port = options.port ?? (await freePort());
  const nodeArgs: string[] = [];
  if (loopbackOnly) {
    nodeArgs.push("--require", LOOPBACK_PRELOAD);
  }
  // The Playground reads ./.m365agentsplayground.yml from its working folder when there is one.
  if (configYaml !== undefined) writeFileSync(join(cwd, ".m365agentsplayground.yml"), configYaml);
  const args = [
    ...nodeArgs,
    cli,
    "--disable-telemetry",
    "--port",
    String(port),
    "--app-endpoint",
    botEndpoint,
    "--channel-id",
    "msteams",
    // The bot replies to this; say 127.0.0.1 rather than "localhost" so no name lookup is involved.
    "--service-url",
    `http://127.0.0.1:${port}/_connector`,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: "none",
    APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
    BOT_ENDPOINT: botEndpoint,
    // Keep the child's own HTTP clients off any configured proxy.
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
  delete env.NODE_OPTIONS;

  let out = "";
  const child: ChildProcess = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const take = (d: Buffer) => {
    out += d.toString();
    onOutput?.(d.toString());
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      await atMost(exitPromise, 5_000);
      if (!exited) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
        await atMost(exitPromise, 2_000);
      }
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    for (;;) {
      if (spawnError) throw spawnError;
      if (exited) throw new Error(`exited early (code ${exited.code}, signal ${exited.signal})`);
      // On a busy port the Playground quietly listens on another one instead.
      const listening = /Listening on (\d+)/.exec(out);
      if (listening && Number(listening[1]) !== port) throw new PortInUseError(port);
      if (/Listening on \d+/.test(out)) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          if (res.ok) break;
        } catch {
          /* not yet */
        }
      }
      if (Date.now() > deadline) throw new Error(`did not answer on ${url} within ${startTimeoutMs} ms`);
      await sleep(150);
    }
  } catch (e) {
    const log = out;
    await stop();
    if (e instanceof PortInUseError) throw e;
    throw new Error(`Agents Playground failed to start: ${(e as Error).message}\n--- playground output ---\n${log.trim() || "(none)"}`);
  }
  return { url, port, output: () => out, stop };
}

// ---------------------------------------------------------------------------------------------
// The demo: one Playground per demo person

/**
 * Install the app in the signed-in person's 1:1 chat, as the Playground's page does when it opens
 * (POST /_debug/conversation/{id}/installation): the bot gets the installation and the welcome,
 * and keeps a reference to the chat, as it would if a Teams admin had installed the app for
 * everyone. Without it, the app could not reach someone whose Playground page was never opened.
 */
export async function installInPersonalChat(pg: Playground, personalChatId: string): Promise<void> {
  const res = await fetch(new URL(`/_debug/conversation/${encodeURIComponent(personalChatId)}/installation`, pg.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`installing the app in ${personalChatId} answered ${res.status}`);
}

export interface DemoPlayground {
  role: DemoRole;
  person: DemoPerson;
  playground: Playground;
}

/**
 * Start a Playground for each demo role (signed in as that person, with the demo tenant) and
 * install the app in each person's chat. `ports` gives each role's port (default: a free one).
 * On failure, the ones already started are stopped.
 */
export async function startDemoPlaygrounds(options: {
  botEndpoint: string;
  roles?: readonly DemoRole[];
  ports?: Partial<Record<DemoRole, number>>;
  onOutput?: (role: DemoRole, text: string) => void;
}): Promise<DemoPlayground[]> {
  const started: DemoPlayground[] = [];
  try {
    // One after another: each loads 15 MB of script, and the machine may be small.
    for (const role of options.roles ?? DEMO_ROLES) {
      const tenant = demoTenantFor(role);
      const port = options.ports?.[role];
      const playground = await startPlayground({
        botEndpoint: options.botEndpoint,
        configYaml: playgroundConfigYaml(tenant),
        ...(port !== undefined ? { port } : {}),
        ...(options.onOutput ? { onOutput: (t: string) => options.onOutput!(role, t) } : {}),
      });
      started.push({ role, person: DEMO_PEOPLE[role], playground });
      await installInPersonalChat(playground, tenant.personalChatId);
    }
    return started;
  } catch (e) {
    await Promise.all(started.map((s) => s.playground.stop().catch(() => undefined)));
    throw e;
  }
}
