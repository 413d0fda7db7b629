import { spawn, type ChildProcess } from "node:child_process";
import { fromRoot } from "../../src/paths";

/** The app running in its own process, exactly as `npm start` runs it (node dist/bot/main.js). */
export interface AppProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Start the app on Node 24 (this process's own binary) and wait for its "listening" line. */
export async function startProcess(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, [fromRoot("dist", "bot", "main.js")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    // Loading the app takes about 2 s of CPU; on a machine shared by several builds, allow for more.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no listening line in 30 s:\n${out}`));
    }, 30_000);
    child.stdout!.on("data", () => {
      const m = /listening on (http:\/\/[^/\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

/** Stop the process with `signal` and wait for it to exit; resolves to its exit code. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}
