import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { fromRoot } from "../../src/paths";
import { cardText } from "../support/cards";
import { ConnectorStandIn } from "../support/connector";
import { person, personalChat, TeamsSimulator } from "../support/teams";

/** Start the app exactly as `npm start` does (node dist/bot/main.js) and wait for its "listening" line. */
async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [fromRoot("dist", "bot", "main.js")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 15 s:\n${out}`)), 15_000);
    child.stdout!.on("data", () => {
      const m = /listening on (http:\/\/[^/\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

describe("progress survives a restart of the app on the embedded store", () => {
  let dataDir: string;
  let connector: ConnectorStandIn;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-restart-"));
    connector = await new ConnectorStandIn().start();
  });
  after(async () => {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows the steps marked done after a stop and start", async () => {
    const env = { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const nia = person("Nia Evans");
    const chat = personalChat(nia);

    const first = await startProcess(env);
    const teams1 = new TeamsSimulator(first.url, connector);
    await teams1.press(chat, nia, VERBS.setStepStatus, { step: 1, status: "done" });
    await teams1.press(chat, nia, VERBS.setStepStatus, { step: 2, status: "done" });
    await teams1.press(chat, nia, VERBS.setStepStatus, { step: 3, status: "doing" });
    assert.equal(await stopProcess(first.child), 0, `clean exit expected:\n${first.output()}`);

    const second = await startProcess(env);
    try {
      const plan = await new TeamsSimulator(second.url, connector).press(chat, nia, VERBS.showPlan);
      const text = cardText(plan);
      assert.match(text, /2 of 7 steps done/);
      assert.match(text, /In progress/);
      const health = await fetch(`${second.url}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      await stopProcess(second.child);
    }
  });

  it("keeps a change made just before the process is killed without warning", async () => {
    const env = { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const oli = person("Oli Reed");
    const chat = personalChat(oli);
    const first = await startProcess(env);
    await new TeamsSimulator(first.url, connector).press(chat, oli, VERBS.setStepStatus, { step: 4, status: "done" });
    // The snapshot is written within a moment of the write; give it that moment, then kill hard.
    await new Promise((r) => setTimeout(r, 1000));
    await stopProcess(first.child, "SIGKILL");

    const second = await startProcess(env);
    try {
      const plan = await new TeamsSimulator(second.url, connector).press(chat, oli, VERBS.showPlan);
      assert.match(cardText(plan), /1 of 7 steps done/);
    } finally {
      await stopProcess(second.child);
    }
  });
});
