import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERBS } from "../../cards";
import { cardText } from "../support/cards";
import { ConnectorStandIn } from "../support/connector";
import { person, personalChat, TeamsSimulator } from "../support/teams";
import { startProcess, stopProcess } from "../support/app-process";

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
    // The change is on disk once the click is answered: kill hard straight away.
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
