import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoProgramme } from "../../scripts/demo-programme";
import { DEMO_PEOPLE, DEMO_TENANT_ID, demoAppEnv, demoTenantFor, playgroundConfigYaml } from "../../src/demo/people";
import { silentLogger } from "../../src/log";
import { fromRoot } from "../../src/paths";
import { loadPool } from "../../src/pool/pool";
import { openStore, type Store } from "../../src/store/store";
import type { Match } from "../../src/domain/match";

/** Hold a port on 127.0.0.1 busy, as another program would. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const addr = server.address();
  return { port: typeof addr === "object" && addr ? addr.port : 0, server };
}

/** Run a built script with Node 24 (this process's binary); bounded in time. */
function run(script: string[], env: Record<string, string>, timeoutMs = 40_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, script, { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (s: string) => s.trim().split("\n").filter(Boolean);

describe("starting on a port that is in use", function () {
  this.timeout(60_000);
  let dataDir: string;
  let busy: { port: number; server: Server };
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondments-port-"));
    busy = await holdPort();
  });
  afterEach(() => {
    busy.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("npm start says so in one line naming PORT, with no stack, and exits 1", async () => {
    const r = await run([fromRoot("dist", "bot", "main.js")], { PORT: String(busy.port), DATA_DIR: dataDir });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), [`Port ${busy.port} is already in use. Set PORT to a free port (for example PORT=${busy.port + 10}) and start again.`]);
  });

  it("npm run dev says so in one line naming PORT, and exits 1", async () => {
    const r = await run([fromRoot("dist", "scripts", "dev.js")], { PORT: String(busy.port), DATA_DIR: dataDir });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), [`Port ${busy.port} is already in use. Set PORT to a free port (for example PORT=${busy.port + 10}) and start again.`]);
  });

  it("npm run dev says so in one line naming PLAYGROUND_PORT when a Playground's port is taken, and exits 1", async () => {
    const r = await run([fromRoot("dist", "scripts", "dev.js")], { PORT: "0", PLAYGROUND_PORT: String(busy.port), DATA_DIR: dataDir });
    assert.equal(r.code, 1, `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    const said = lines(r.stderr);
    assert.equal(said.length, 1, `one line expected, got:\n${r.stderr}`);
    assert.match(said[0]!, new RegExp(`^Port ${busy.port} is already in use \\(the Playgrounds use ${busy.port} to ${busy.port + 4}\\)\\. Set PLAYGROUND_PORT to a free port`));
  });
});

describe("npm run dev -- --demo", function () {
  this.timeout(60_000);
  let dataDir: string;
  let store: Store;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "secondments-demo-"));
    store = await openStore({ kind: "embedded", dataDir, database: "test" }, silentLogger);
  });
  after(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (query: string) => (await store.container("people").items.query<number>(`SELECT VALUE COUNT(1) FROM c WHERE ${query}`).fetchAll()).resources[0];

  it("stores 30 interests and 8 roles at different stages, through the app's stores, and adds nothing the second time", async () => {
    const first = await seedDemoProgramme(store, new Date());
    assert.deepEqual(first, { interests: 30, roles: 8, matches: 2, added: true });
    const again = await seedDemoProgramme(store, new Date());
    assert.equal(again.added, false);

    assert.equal(await count("c.type = 'interest'"), 30);
    assert.equal(await count("c.type = 'interest' AND c.status = 'submitted'"), 30);
    assert.equal(await count("c.type = 'approval' AND c.status = 'approved'"), 24, "24 released");
    assert.equal(await count("c.type = 'approval' AND c.status = 'pending'"), 6, "6 waiting for their line manager");
    assert.equal(await count("c.type = 'role'"), 8);
    const { resources: matches } = await store.container("matches").items.query<Match>("SELECT * FROM c WHERE c.type = 'match'").fetchAll();
    assert.deepEqual(matches.map((m) => m.status).sort(), ["agreeing", "meeting"]);

    // What matching sees: released people, and roles open, filled and withdrawn.
    const pool = await loadPool(store.container("people"), matches);
    assert.equal(pool.candidates.filter((c) => c.released && c.status === "available").length, 23);
    assert.equal(pool.candidates.filter((c) => c.status === "placed").length, 1);
    assert.deepEqual(pool.openings.map((o) => o.status).sort(), ["filled", "open", "open", "open", "open", "open", "open", "withdrawn"]);
    // Every demo person is made up, in the demo tenant.
    assert.ok(pool.candidates.every((c) => c.id.startsWith(`${DEMO_TENANT_ID}:`) && c.details.email.endsWith("@example.gov.uk")));
  });

  it("refuses in one line when an app id is set (production)", async () => {
    const r = await run([fromRoot("dist", "scripts", "dev.js"), "--demo"], {
      PORT: "0",
      DATA_DIR: dataDir,
      MICROSOFT_APP_ID: "11111111-2222-4333-8444-555555555555",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
    });
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), ["--demo adds made-up people, so it does not run when MICROSOFT_APP_ID is set (production). Unset it to try the demo."]);
    assert.equal(r.stdout, "", "nothing started");
  });
});

describe("the demo people", () => {
  it("look like Teams users: Entra object ids that are GUIDs, names and work emails, one Playground config each", () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const p of Object.values(DEMO_PEOPLE)) {
      assert.match(p.aadObjectId, guid);
      assert.match(p.email, /^[a-z.]+@example\.gov\.uk$/);
    }
    const manager = JSON.parse(playgroundConfigYaml(demoTenantFor("lineManager")));
    assert.equal(manager.currentUser.name, DEMO_PEOPLE.lineManager.name);
    assert.equal(manager.users.length, 5);
    assert.ok(manager.users.some((u: { aadObjectId: string }) => u.aadObjectId === DEMO_PEOPLE.secondee.aadObjectId));
    assert.equal(demoAppEnv().PROGRAMME_TEAM_AAD_IDS, DEMO_PEOPLE.programmeTeam.aadObjectId);
  });
});
