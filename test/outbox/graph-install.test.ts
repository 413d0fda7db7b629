import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AccessToken, TokenCredential } from "@azure/identity";
import sinon from "sinon";
import { silentLogger } from "../../src/log";
import { GraphAppInstaller } from "../../src/outbox/graph-install";
import { Outbox } from "../../src/outbox/outbox";
import { person, personalChat, startTestBot, TENANT, type Person, type TestBot } from "../support/teams";

interface GraphAnswer {
  status: number;
  headers?: Record<string, string>;
}

/** Microsoft Graph's installedApps endpoint on 127.0.0.1: answers per user, in order, and records every request. */
class GraphStandIn {
  url = "";
  readonly requests: { path: string; authorization: string | undefined; body: Record<string, unknown> }[] = [];
  private readonly answers = new Map<string, GraphAnswer[]>();
  /** Called after a 201 or 409, as Teams would then tell the bot the app is installed. */
  onInstalled: ((userId: string) => Promise<void>) | undefined;
  private server: Server | undefined;

  answer(userId: string, ...answers: GraphAnswer[]): void {
    this.answers.set(userId, [...(this.answers.get(userId) ?? []), ...answers]);
  }
  installsFor(userId: string): number {
    return this.requests.filter((r) => r.path === `/v1.0/users/${userId}/teamwork/installedApps`).length;
  }
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
    return this;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const path = req.url ?? "";
    this.requests.push({ path, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : {} });
    const user = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path)?.[1];
    const next = user && req.method === "POST" ? (this.answers.get(decodeURIComponent(user))?.shift() ?? { status: 201 }) : { status: 404 };
    res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
    res.end(next.status >= 400 ? JSON.stringify({ error: { code: String(next.status) } }) : "{}");
    if ((next.status === 201 || next.status === 409) && user) await this.onInstalled?.(decodeURIComponent(user));
  }
}

const token: AccessToken = { token: "graph-test-token", expiresOnTimestamp: Date.now() + 3_600_000 };
const stubCredential = (): TokenCredential & { getToken: sinon.SinonStub } => ({ getToken: sinon.stub().resolves(token) });

describe("installing the app for people who do not have it (Microsoft Graph)", function () {
  this.timeout(60_000);
  let graph: GraphStandIn;
  beforeEach(async () => {
    graph = await new GraphStandIn().start();
  });
  afterEach(async () => {
    await graph.stop();
  });

  describe("the Graph client", () => {
    it("posts the catalogue app for the user with a bearer token, and reads 201, 409, 403 and 429 with Retry-After", async () => {
      const credential = stubCredential();
      const installer = new GraphAppInstaller({ baseUrl: graph.url, catalogAppId: "catalog-app-1", credential, log: silentLogger });
      graph.answer("u1", { status: 201 }, { status: 409 }, { status: 403 }, { status: 429, headers: { "retry-after": "7" } }, { status: 503 });
      const target = { tenantId: TENANT, aadObjectId: "u1" };
      assert.deepEqual(await installer.install(target), { kind: "installed" });
      assert.deepEqual(await installer.install(target), { kind: "already-installed" });
      assert.deepEqual(await installer.install(target), { kind: "forbidden" });
      assert.deepEqual(await installer.install(target), { kind: "throttled", retryAfterMs: 7000 });
      assert.deepEqual(await installer.install(target), { kind: "error", status: 503 });
      const first = graph.requests[0]!;
      assert.equal(first.path, "/v1.0/users/u1/teamwork/installedApps");
      assert.equal(first.authorization, "Bearer graph-test-token");
      assert.deepEqual(first.body, { "teamsApp@odata.bind": `${graph.url}/appCatalogs/teamsApps/catalog-app-1` });
      assert.equal(credential.getToken.firstCall.args[0], "https://graph.microsoft.com/.default");
    });
  });

  describe("through the outbox", () => {
    let bot: TestBot;
    let credential: ReturnType<typeof stubCredential>;
    const people = new Map<string, Person>();

    beforeEach(async () => {
      credential = stubCredential();
      bot = await startTestBot(
        { GRAPH_INSTALL_FOR_USERS: "true", TEAMS_CATALOG_APP_ID: "catalog-app-1", GRAPH_BASE_URL: graph.url },
        silentLogger,
        { graphCredential: credential },
      );
      // Teams tells the bot when the app has been installed for someone.
      graph.onInstalled = async (userId) => {
        const p = people.get(userId)!;
        await bot.teams.post(bot.teams.activity(personalChat(p), p, { type: "installationUpdate", action: "add" }));
      };
    });
    afterEach(async () => {
      await bot.stop();
    });

    async function message(p: Person): Promise<string> {
      people.set(p.aadObjectId, p);
      const id = `graph-test:${p.aadObjectId}`;
      await new Outbox(bot.app.store.container("outbox"), { now: () => new Date() }).enqueue({
        id,
        target: { kind: "person", tenantId: TENANT, aadObjectId: p.aadObjectId, serviceUrl: bot.connector.url },
        activity: { text: `Please approve a request` },
        purpose: "graph-test",
      });
      bot.app.dispatcher.kick();
      return id;
    }
    const stored = async (id: string) => (await bot.app.store.container("outbox").item(id, id).read()).resource;

    it("installs the app when Teams will not open a chat, waits for the install event, then sends once", async () => {
      const lee = person("Lee Fox");
      bot.connector.failNext(lee.aadObjectId, { status: 403, code: "Forbidden" });
      const id = await message(lee);
      await bot.connector.waitFor(() => bot.connector.to(personalChat(lee).id).length > 0, 20_000);
      await bot.app.dispatcher.drain(20_000);
      assert.equal(graph.installsFor(lee.aadObjectId), 1, "installed once");
      assert.equal(bot.connector.deliveries.get(id), 1, "sent once");
      assert.equal((await stored(id)).status, "sent");
      assert.ok((await stored(id)).installRequestedAt);
    });

    it("waits out Graph's 429 Retry-After, and treats 409 (already installed) as installed", async () => {
      const ria = person("Ria Shah");
      bot.connector.failNext(ria.aadObjectId, { status: 403, code: "Forbidden" });
      graph.answer(ria.aadObjectId, { status: 429, headers: { "retry-after": "1" } }, { status: 409 });
      bot.connector.failNext(ria.aadObjectId, { status: 403, code: "Forbidden" });
      const id = await message(ria);
      await bot.connector.waitFor(() => bot.connector.to(personalChat(ria).id).length > 0, 30_000);
      await bot.app.dispatcher.drain(20_000);
      assert.equal(graph.installsFor(ria.aadObjectId), 2, "asked again after the wait");
      assert.equal(bot.connector.deliveries.get(id), 1);
      assert.equal((await stored(id)).status, "sent");
    });

    it("without the permission (403) keeps today's path: the message is unreachable, not installed", async () => {
      const mo = person("Mo Khan");
      bot.connector.failNext(mo.aadObjectId, { status: 403, code: "Forbidden" });
      graph.answer(mo.aadObjectId, { status: 403 });
      const id = await message(mo);
      await bot.app.dispatcher.drain(20_000);
      const doc = await stored(id);
      assert.equal(doc.status, "unreachable");
      assert.equal(doc.unreachableReason, "not-installed");
      assert.equal(graph.installsFor(mo.aadObjectId), 1);
      assert.equal(bot.connector.to(personalChat(mo).id).length, 0);
    });
  });
});
