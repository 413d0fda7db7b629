import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromRoot } from "../../src/paths";

/** The app running in its own process, exactly as `npm start` runs it (node dist/bot/main.js). */
export interface AppProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Start the app on Node 24 (this process's own binary) and wait for its "listening" line. */
export async function startProcess(env: Record<string, string>): Promise<AppProcess> {
  return (await preloadProcess(env, false)).start();
}

/** A process that has loaded the app's modules and waits to be told to start (see app-launcher.ts). */
export interface PreloadedProcess {
  child: ChildProcess;
  /** Run the app's entry point and wait for its "listening" line. */
  start(): Promise<AppProcess>;
}

/**
 * Spawn the app. With `preload`, the child loads the app's modules and then waits: start() has it
 * run `dist/bot/main.js` (the store is opened only then). Without, it runs main.js at once. The
 * children share a V8 compile cache (NODE_COMPILE_CACHE) unless the caller sets one.
 */
export async function preloadProcess(env: Record<string, string>, preload = true): Promise<PreloadedProcess> {
  const entry = preload ? fromRoot("dist", "test", "support", "app-launcher.js") : fromRoot("dist", "bot", "main.js");
  const child = spawn(process.execPath, [entry], {
    env: { NODE_COMPILE_CACHE: join(tmpdir(), "secondment-test-compile-cache"), ...process.env, ...env },
    stdio: [preload ? "pipe" : "ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const waitFor = (re: RegExp, what: string) =>
    new Promise<string>((resolve, reject) => {
      // Loading the app takes about 2 s of CPU; on a machine shared by several builds, allow for more.
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`no ${what} line in 30 s:\n${out}`));
      }, 30_000);
      const look = () => {
        const m = re.exec(out);
        if (!m) return;
        clearTimeout(timer);
        child.stdout!.off("data", look);
        child.off("exit", exited);
        resolve(m[1] ?? m[0]);
      };
      const exited = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}:\n${out}`));
      };
      child.stdout!.on("data", look);
      child.once("exit", exited);
      look();
    });
  if (preload) await waitFor(/^preloaded$/m, "preloaded");
  return {
    child,
    async start() {
      if (preload) child.stdin!.end("start\n");
      const url = await waitFor(/listening on (http:\/\/[^/\s]+)/, "listening");
      return { child, url, output: () => out };
    },
  };
}

/** Stop the process with `signal` and wait for it to exit; resolves to its exit code. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}
