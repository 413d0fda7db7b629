import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type RunningApp } from "../../bot/app";
import { VERBS } from "../../cards";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import { personKey } from "../../src/domain/person";
import { JobStore } from "../../src/scheduler/jobs";
import { ConnectorStandIn } from "../support/connector";
import { interestInput } from "../support/forms";
import { person, personalChat, TeamsSimulator, TENANT } from "../support/teams";

describe("queued messages and scheduled jobs survive a stop and start", function () {
  this.timeout(30_000);
  let dataDir: string;
  let connector: ConnectorStandIn;
  let app: RunningApp | undefined;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-durable-"));
    connector = await new ConnectorStandIn().start();
  });
  after(async () => {
    await app?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends, after a restart, the approval card queued before it, once, and keeps its reminder job", async () => {
    const config = parseConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    // First run: the queue is not being worked (as if the process stopped straight after the click).
    app = await startApp(config, { log: silentLogger, background: false });
    const ana = person("Ana Jones");
    const sam = person("Sam Lee");
    await new TeamsSimulator(app.url, connector).press(personalChat(ana), ana, VERBS.submitInterest, interestInput({ lineManagerId: sam.aadObjectId, lineManagerEmail: "" }));
    const requestId: string = (await app.store.container("people").item("approval", personKey({ tenantId: TENANT, aadObjectId: ana.aadObjectId })).read()).resource.requestId;
    assert.equal(connector.deliveries.get(`approval-request:${requestId}`) ?? 0, 0, "not sent yet");
    await app.stop();

    app = await startApp(config, { log: silentLogger });
    await connector.waitFor(() => (connector.deliveries.get(`approval-request:${requestId}`) ?? 0) === 1, 10_000);
    await app.dispatcher.drain(5_000);
    assert.equal(connector.deliveries.get(`approval-request:${requestId}`), 1);
    const job = await new JobStore(app.store.container("jobs")).get(`approval-follow-up:${requestId}:1`);
    assert.equal(job?.status, "pending");
    assert.ok(job && new Date(job.dueAt) > new Date(), "the reminder is still to come");
  });
});
