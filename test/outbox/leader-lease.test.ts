import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CosmosClient, type Container } from "@azure/cosmos";
import { silentLogger } from "../../src/log";
import { LeaderLease } from "../../src/outbox/leader-lease";
import { startEmbeddedCosmos, type EmbeddedCosmos } from "../../src/store/embedded";
import { StallProxy } from "../store/stall-proxy";
import { until } from "../support/drain";

const LEASE_MS = 600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/**
 * The outbox's leader lease against the real SDK and the embedded Cosmos server. Readiness
 * (`/readyz`) reports the lease's health: it must fail when the store stops answering, and must not
 * when only the app's clock is stepped.
 */
describe("the outbox leader lease", () => {
  let dir: string;
  let server: EmbeddedCosmos;
  let proxy: StallProxy;
  let client: CosmosClient;
  let container: Container;
  let lease: LeaderLease | undefined;
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  let gained = 0;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "secondment-lease-"));
    server = await startEmbeddedCosmos({ dataDir: dir, log: silentLogger });
    proxy = await new StallProxy(server.endpoint).start();
    client = new CosmosClient({ endpoint: proxy.url, key: server.key, connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 300 } });
    const { database } = await client.databases.createIfNotExists({ id: "lease-test" });
    ({ container } = await database.containers.createIfNotExists({ id: "outbox", partitionKey: { paths: ["/pk"] } }));
    offset = 0;
    gained = 0;
    lease = new LeaderLease({
      container,
      instanceId: "test-instance",
      clock,
      log: silentLogger,
      leaseMs: LEASE_MS,
      leaseSafetyMs: 100,
      onGained: async () => void gained++,
      onLost: () => undefined,
    });
    lease.start();
    await until(() => gained === 1, "the lease is taken");
  });

  afterEach(async () => {
    lease?.halt();
    proxy.resume();
    client.dispose();
    await proxy.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stays healthy when the app's clock is stepped a day forward or back, and is held again at once", async () => {
    offset = 86_400_000;
    assert.equal(lease!.health(), "ok", "a clock step says nothing about the store");
    assert.equal(lease!.heldAt(clock.now().getTime()), false, "a day later the old lease has lapsed");
    lease!.renewIfLapsed();
    await until(() => lease!.heldAt(clock.now().getTime()), "held again after the step");
    offset = -86_400_000;
    assert.equal(lease!.health(), "ok");
    await sleep(LEASE_MS * 1.5);
    assert.equal(lease!.health(), "ok", "still renewed on the stepped-back clock");
  });

  it("reports failing once the store has not answered for a lease length, and ok again when it is back", async () => {
    assert.equal(lease!.health(), "ok");
    proxy.stall();
    await sleep(LEASE_MS * 2);
    assert.equal(lease!.health(), "failing", "readiness fails while the store does not answer");
    proxy.resume();
    await until(() => lease!.health() === "ok", "healthy again once the store answers");
  });
});
