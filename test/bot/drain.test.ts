import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../../bot/app";
import { parseConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import { ConnectorStandIn } from "../support/connector";
import { person, personalChat, TeamsSimulator } from "../support/teams";

/**
 * Graceful drain (what SIGTERM runs): a turn in flight when stop() is called still finishes and its
 * reply arrives; meanwhile the instance reports itself not ready and takes no new turn; then the
 * background work and the store stop.
 */
describe("graceful drain on stop", function () {
  this.timeout(60_000);

  it("finishes the turn in flight, refuses new ones, and reports not ready while stopping", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "secondment-drain-"));
    // Every reply to Teams takes 1.5 s, so the first turn is still in flight when stop() is called.
    const connector = await new ConnectorStandIn({ latencyMs: 1_500 }).start();
    const app = await startApp(parseConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { log: silentLogger });
    const teams = new TeamsSimulator(app.url, connector);
    const kim = person("Kim Obi");
    try {
      const inFlight = teams.say(personalChat(kim), kim, "help");
      await new Promise((r) => setTimeout(r, 300));
      const stopped = app.stop();
      // The listening socket is closed: a new connection is refused (App Service sends it elsewhere).
      await assert.rejects(fetch(`${app.url}/readyz`));
      const replies = await inFlight;
      assert.ok(replies.length > 0, "the turn in flight got its answer through the connector");
      await stopped;
      assert.equal(await app.store.ping(), false, "the store is closed");
    } finally {
      await app.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
