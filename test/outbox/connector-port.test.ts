import assert from "node:assert/strict";
import { createServer } from "node:net";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { BotConnectorPort, toSendFailure } from "../../bot/proactive/connector-port";
import { ConnectorStandIn } from "../support/connector";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

describe("the botbuilder connector port against the connector stand-in", () => {
  let connector: ConnectorStandIn;
  let port: BotConnectorPort;
  const to = (conversationId: string) => ({ tenantId: TENANT, conversationId, serviceUrl: connector.url });

  beforeEach(async () => {
    connector = await new ConnectorStandIn().start();
    port = new BotConnectorPort({ timeoutMs: 2_000 });
  });
  afterEach(async () => {
    await connector.stop();
  });

  it("sends an activity into a conversation in local mode: no token, no Authorization header", async () => {
    const result = await port.send(to("19:chan@thread.tacv2"), { type: "message", text: "Hello" }, { messageId: "m-1" });
    assert.deepEqual(result, { ok: true, activityId: "sent-1" });
    const [sent] = connector.to("19:chan@thread.tacv2");
    assert.equal(sent!.body.text, "Hello");
    assert.equal(sent!.body.conversation.tenantId, TENANT);
    assert.equal(sent!.body.from.id, "28:local-bot");
    assert.equal(connector.requests[0]!.authorization, false);
    assert.equal(connector.requests[0]!.messageId, "m-1");
    assert.equal(connector.deliveries.get("m-1"), 1);
  });

  it("(for comparison) botbuilder's default ConnectorClient retries a throttled send by itself, 3 times", async () => {
    const plain = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    connector.failNext("c-sdk", { status: 429, retryAfterSeconds: 0 }, 4);
    const reference = { channelId: "msteams", serviceUrl: connector.url, conversation: { id: "c-sdk", isGroup: false, conversationType: "", name: "" }, bot: { id: "28:b", name: "" } };
    await assert.rejects(plain.continueConversationAsync("", reference, async (ctx) => void (await ctx.sendActivity("x"))), { statusCode: 429 });
    assert.equal(connector.requests.length, 4, "1 request + 3 retries from core-rest-pipeline's defaultRetryPolicy");
  });

  it("makes exactly one request on a 500: botbuilder's own retry policy is off", async () => {
    connector.failNext("c-500", { status: 500 });
    const result = await port.send(to("c-500"), { type: "message", text: "x" });
    assert.deepEqual(result, { ok: false, status: 500, code: "ServiceError" });
    assert.equal(connector.requests.length, 1, "the SDK would have retried 3 times with backoff");
  });

  it("makes exactly one request on a 429 with Retry-After and hands the delay back", async () => {
    connector.failNext("c-429", { status: 429, retryAfterSeconds: 3 });
    const started = Date.now();
    const result = await port.send(to("c-429"), { type: "message", text: "x" });
    assert.deepEqual(result, { ok: false, status: 429, code: "TooManyRequests", retryAfterMs: 3000 });
    assert.equal(connector.requests.length, 1);
    assert.ok(Date.now() - started < 2_000, "it did not sleep the Retry-After itself");
  });

  it("reports 403 BotNotInConversationRoster and 404 with their codes", async () => {
    connector.failNext("c-403", { status: 403 });
    connector.failNext("c-404", { status: 404, code: "ConversationNotFound" });
    assert.deepEqual(await port.send(to("c-403"), { type: "message", text: "x" }), { ok: false, status: 403, code: "BotNotInConversationRoster" });
    assert.deepEqual(await port.send(to("c-404"), { type: "message", text: "x" }), { ok: false, status: 404, code: "ConversationNotFound" });
  });

  it("opens a 1:1 chat with the person's AAD object id, tenant in channelData, not a group", async () => {
    const result = await port.createPersonalConversation({ tenantId: TENANT, aadObjectId: "aad-1", serviceUrl: connector.url });
    assert.ok(result.ok);
    assert.equal(result.conversationId, `a:1on1-${TENANT}-aad-1`);
    assert.deepEqual(connector.created, [{ conversationId: result.conversationId, tenantId: TENANT, memberId: "aad-1" }]);
    const request = connector.requests[0]!;
    assert.equal(request.path, "/v3/conversations");
    assert.equal(request.authorization, false);
  });

  it("reports 403 when the app is not installed for the person", async () => {
    connector.unreachableUsers.add("aad-2");
    const result = await port.createPersonalConversation({ tenantId: TENANT, aadObjectId: "aad-2", serviceUrl: connector.url });
    assert.deepEqual(result, { ok: false, status: 403, code: "Forbidden" });
    assert.equal(connector.requests.length, 1);
  });

  it("reports a refused connection as status 0, once", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const result = await port.send({ tenantId: TENANT, conversationId: "c", serviceUrl: `http://127.0.0.1:${closed}` }, { type: "message", text: "x" });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.status, 0);
    assert.equal(!result.ok && result.code, "ECONNREFUSED");
  });

  it("times out a slow connector and reports status 0 Timeout", async () => {
    const slow = await new ConnectorStandIn({ latencyMs: 1_500 }).start();
    try {
      const quick = new BotConnectorPort({ timeoutMs: 200 });
      const result = await quick.send({ tenantId: TENANT, conversationId: "c", serviceUrl: slow.url }, { type: "message", text: "x" });
      assert.deepEqual(result, { ok: false, status: 0, code: "Timeout" });
    } finally {
      await slow.stop();
    }
  });

  it("keeps one client per service URL, and each send still carries its own message id and goes to its own region", async () => {
    const other = await new ConnectorStandIn().start();
    try {
      const sends = [];
      for (let i = 0; i < 6; i++) {
        const here = i % 2 === 0 ? connector : other;
        sends.push(port.send({ tenantId: TENANT, conversationId: `c-${i}`, serviceUrl: here.url }, { type: "message", text: `to ${i}` }, { messageId: `m-${i}` }));
      }
      // One without hooks after them: no message id is left behind on the kept client.
      const results = await Promise.all(sends);
      assert.ok(results.every((r) => r.ok), JSON.stringify(results));
      await port.send(to("c-plain"), { type: "message", text: "plain" });
      for (let i = 0; i < 6; i++) {
        const here = i % 2 === 0 ? connector : other;
        const elsewhere = i % 2 === 0 ? other : connector;
        assert.deepEqual(here.to(`c-${i}`).map((s) => s.body.text), [`to ${i}`]);
        assert.equal(elsewhere.to(`c-${i}`).length, 0);
        assert.equal(here.deliveries.get(`m-${i}`), 1, `m-${i} arrived once, with its own id`);
      }
      assert.equal(connector.requests.at(-1)!.messageId, undefined);
      assert.deepEqual([...connector.deliveries.keys()].sort(), ["m-0", "m-2", "m-4"]);
      assert.deepEqual([...other.deliveries.keys()].sort(), ["m-1", "m-3", "m-5"]);
    } finally {
      await other.stop();
    }
  });

  it("tags only the send's own request: work started before it (a timer in beforeRequest) does not carry its message id", async () => {
    let onRequest = 0;
    let later: Promise<unknown> | undefined;
    const result = await port.send(to("c-timer"), { type: "message", text: "x" }, {
      messageId: "m-timer",
      beforeRequest: async () => {
        later = new Promise((resolve) => setTimeout(() => resolve(port.createPersonalConversation({ tenantId: TENANT, aadObjectId: "aad-timer", serviceUrl: connector.url })), 5));
      },
      onRequest: () => void onRequest++,
    });
    assert.equal(result.ok, true);
    await later;
    const create = connector.requests.find((r) => r.path === "/v3/conversations");
    assert.ok(create, "the chat was created");
    assert.equal(create.messageId, undefined);
    assert.equal(onRequest, 1);
    assert.equal(connector.deliveries.get("m-timer"), 1);
  });

  it("keeps the SDK's retries off on a kept client: a second throttled send is still one request", async () => {
    await port.send(to("c-warm"), { type: "message", text: "x" });
    connector.failNext("c-429b", { status: 429, retryAfterSeconds: 0 });
    const result = await port.send(to("c-429b"), { type: "message", text: "x" });
    assert.equal(result.ok, false);
    assert.equal(connector.requests.filter((r) => r.path.includes("c-429b")).length, 1);
  });

  it("reads Retry-After given as an HTTP date", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    const headers = new Map([["retry-after", "Mon, 23 Nov 2026 10:00:04 GMT"]]);
    assert.deepEqual(toSendFailure({ statusCode: 429, code: "TooManyRequests", response: { status: 429, headers } }, now), {
      ok: false,
      status: 429,
      code: "TooManyRequests",
      retryAfterMs: 4000,
    });
  });
});
