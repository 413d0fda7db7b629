/**
 * Mocha root hooks (loaded by .mocharc.json). Mocha waits for the process to end by itself once the
 * tests are done, so a server, socket or timer that a failing test left open would keep a CI run
 * waiting until its time limit, with every result already printed. This hook gives the process a
 * grace period after the last test; if it is still running then, it names what is still open, stops
 * any child processes the tests left behind, and ends the run as failed.
 */
import { readFileSync } from "node:fs";

const graceMs = Number(process.env.TEST_EXIT_GRACE_MS ?? 30_000);

function childPids(): number[] {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // not Linux: nothing to list
  }
}

function stillOpen(): string {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(", ") || "nothing Node can name";
}

export const mochaHooks = {
  afterAll(): void {
    setTimeout(() => {
      const children = childPids();
      console.error(
        `\nThe tests ended ${graceMs / 1000} s ago, but something a test opened was never closed, so the process would not end by itself.` +
          `\nStill open: ${stillOpen()}.` +
          (children.length > 0 ? `\nChild processes left running (now stopped): ${children.join(", ")}.` : "") +
          "\nEnding the run as failed.",
      );
      for (const pid of children) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      // Mocha sets the exit code from the failures in an "exit" listener added when the run ended;
      // this one is added later, so it runs after it and keeps a failure count, or makes it 1.
      process.once("exit", () => {
        if (!(Number(process.exitCode) > 0)) process.exitCode = 1;
      });
      process.exit();
    }, graceMs).unref();
  },
};
