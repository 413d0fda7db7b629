import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Containers, CosmosClient, Databases, Items } from "@azure/cosmos";
import type { AccessToken, TokenCredential } from "@azure/identity";
import sinon from "sinon";
import { startApp } from "../../bot/app";
import { ConfigError, parseConfig } from "../../src/config";
import { silentLogger } from "../../src/log";
import createHttpsServer from "@vercel/cosmosdb-server";
import { fromRoot } from "../../src/paths";
import { CONTAINER_DEFINITIONS, MissingStoreError, openStore, type StoreDeps } from "../../src/store/store";

const CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

/** A local Cosmos-compatible server over HTTPS (the SDK sends bearer tokens only over TLS), with a test-only certificate. */
async function startHttpsCosmos(dir: string): Promise<{ endpoint: string; agent: Agent; close(): Promise<void> }> {
  const made = spawnSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const cert = readFileSync(join(dir, "cert.pem"));
  const key = readFileSync(join(dir, "key.pem"));
  const server = createHttpsServer({ cert, key, keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = new Agent({ ca: cert, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    agent,
    close: async () => {
      agent.destroy();
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * Managed-identity mode against a local Cosmos-compatible server: the credential is a stub that
 * hands out a fake token (the local server does not check it), so what is proved is what the app
 * asks of the SDK: an Entra credential instead of a key, and no attempt to create anything.
 */
describe("Cosmos with a managed identity (no key)", () => {
  let dataDir: string;
  let cosmos: Awaited<ReturnType<typeof startHttpsCosmos>>;
  let admin: CosmosClient;
  let credential: TokenCredential & { getToken: sinon.SinonStub };
  let built: ConstructorParameters<typeof CosmosClient>[0][];
  let identityFor: sinon.SinonSpy;
  let deps: StoreDeps;
  const sandbox = sinon.createSandbox();

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondment-identity-"));
    cosmos = await startHttpsCosmos(dataDir);
    admin = new CosmosClient({ endpoint: cosmos.endpoint, key: "local", agent: cosmos.agent, connectionPolicy: { enableEndpointDiscovery: false } });
    const token: AccessToken = { token: "fake-entra-token", expiresOnTimestamp: Date.now() + 3_600_000 };
    credential = { getToken: sinon.stub().resolves(token) };
    built = [];
    identityFor = sinon.spy(() => credential);
    deps = {
      credential: identityFor,
      client: (options) => {
        built.push(options);
        return new CosmosClient({ ...options, agent: cosmos.agent });
      },
    };
  });
  afterEach(async () => {
    sandbox.restore();
    admin.dispose();
    await cosmos.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function provision(except: string[] = []): Promise<void> {
    const { database } = await admin.databases.createIfNotExists({ id: "prog" });
    for (const d of Object.values(CONTAINER_DEFINITIONS)) {
      if (!except.includes(d.id)) await database.containers.createIfNotExists({ id: d.id, partitionKey: { paths: [d.partitionKeyPath] } });
    }
  }
  const settings = { kind: "identity" as const, endpoint: "", database: "prog", clientId: CLIENT_ID };

  it("connects with the identity's credential and never creates a database, container or item at start-up", async () => {
    await provision();
    const creates = [
      sandbox.spy(Databases.prototype, "createIfNotExists"),
      sandbox.spy(Databases.prototype, "create"),
      sandbox.spy(Containers.prototype, "createIfNotExists"),
      sandbox.spy(Containers.prototype, "create"),
      sandbox.spy(Items.prototype, "create"),
    ];
    const store = await openStore({ ...settings, endpoint: cosmos.endpoint }, silentLogger, deps);
    try {
      assert.equal(built.length, 1);
      assert.equal(built[0]!.aadCredentials, credential, "the client is built with the Entra credential");
      assert.equal(built[0]!.key, undefined, "and no key");
      assert.deepEqual(identityFor.firstCall.args, [CLIENT_ID], "the managed identity is chosen by its client id");
      assert.ok(credential.getToken.called, "every request was signed with a token from the credential");
      assert.match(String(credential.getToken.firstCall.args[0]), /\.default/, "a token for the Cosmos resource");
      for (const spy of creates) assert.equal(spy.callCount, 0, `${spy.toString()} was not called`);
      assert.equal(await store.ping(), true);
      await store.container("people").items.upsert({ id: "x", pk: "p" });
      const { resource } = await store.container("people").item("x", "p").read();
      assert.equal(resource.id, "x");
    } finally {
      await store.close();
    }
  });

  it("stops start-up naming a container that does not exist, in one line", async () => {
    await provision(["jobs"]);
    const creates = sandbox.spy(Containers.prototype, "createIfNotExists");
    await assert.rejects(openStore({ ...settings, endpoint: cosmos.endpoint }, silentLogger, deps), (err: Error) => {
      assert.ok(err instanceof MissingStoreError);
      assert.match(err.message, /container "jobs"/);
      assert.doesNotMatch(err.message, /container "people"/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
    assert.equal(creates.callCount, 0);
    const { resources } = await admin.database("prog").containers.readAll().fetchAll();
    assert.ok(!resources.some((c) => c.id === "jobs"), "the missing container was not created");
  });

  it("names a missing database", async () => {
    await assert.rejects(openStore({ ...settings, endpoint: cosmos.endpoint }, silentLogger, deps), /database "prog"/);
  });

  it("the whole app refuses to start when a container is missing, and starts when all are there", async () => {
    await provision(["outbox", "secondments"]);
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_DATABASE: "prog", AZURE_CLIENT_ID: CLIENT_ID });
    assert.equal(config.cosmos.kind, "identity");
    await assert.rejects(startApp(config, { log: silentLogger, storeDeps: deps, background: false }), /container "outbox", container "secondments"/);
    await provision();
    const app = await startApp(config, { log: silentLogger, storeDeps: deps, background: false });
    await app.stop();
  });
});

describe("a real tenant without Cosmos settings", () => {
  const tenant = { MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "not-a-secret", MICROSOFT_APP_TYPE: "MultiTenant" };

  it("refuses to start on the embedded store, in one line naming what to set", async () => {
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", ...tenant });
    await assert.rejects(startApp(config, { log: silentLogger }), (err: Error) => err instanceof ConfigError && /COSMOS_ENDPOINT/.test(err.message) && /ALLOW_EMBEDDED_STORE_IN_PRODUCTION/.test(err.message));
  });

  it("npm start prints one line and exits 1", () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "0", LOG_LEVEL: "silent", ...tenant };
    const run = spawnSync(process.execPath, [fromRoot("dist", "bot", "main.js")], { env, encoding: "utf8", timeout: 20_000 });
    assert.equal(run.status, 1);
    const lines = run.stderr.trim().split("\n");
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /COSMOS_ENDPOINT is required when MICROSOFT_APP_ID is set/);
  });
});
