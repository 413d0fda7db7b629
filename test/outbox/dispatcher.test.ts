import assert from "node:assert/strict";
import sinon from "sinon";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BotConnectorPort } from "../../bot/proactive/connector-port";
import { createLogger, silentLogger, type Logger } from "../../src/log";
import { OutboxDispatcher, type DispatcherOptions, type DispatcherTuning } from "../../src/outbox/dispatcher";
import { Outbox, type OutboundMessage, type Target } from "../../src/outbox/outbox";
import { TeamsRateLimiter } from "../../src/outbox/rate-limits";
import { ConversationRepository } from "../../src/store/conversations";
import { openStore, type Store } from "../../src/store/store";
import { ConnectorStandIn, type StandInOptions } from "../support/connector";
import { until } from "../support/drain";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const DRAIN_MS = 20_000;

/** Small timings so the tests run in seconds; the production defaults are in DEFAULT_TUNING. */
const FAST: Partial<DispatcherTuning> = {
  leaseMs: 3_000,
  leaseSafetyMs: 500,
  sendLeaseMs: 5_000,
  maxPermitWaitMs: 2_000,
  prefetchMs: 500,
  pollMs: 100,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
};


class Harness {
  store!: Store;
  connector!: ConnectorStandIn;
  readonly port = new BotConnectorPort({ timeoutMs: 5_000 });
  readonly dispatchers: OutboxDispatcher[] = [];
  readonly unreachable: OutboundMessage[] = [];
  readonly dataDir = mkdtempSync(join(tmpdir(), "secondment-outbox-"));
  private seq = 0;

  async start(standIn: StandInOptions = {}): Promise<this> {
    this.store = await this.openStore();
    this.connector = await new ConnectorStandIn(standIn).start();
    return this;
  }

  openStore(): Promise<Store> {
    return openStore({ kind: "embedded", dataDir: this.dataDir, database: "test" }, silentLogger);
  }

  get outbox(): Outbox {
    return new Outbox(this.store.container("outbox"));
  }

  get conversations(): ConversationRepository {
    return new ConversationRepository(this.store.container("conversations"));
  }

  dispatcher(extra: Partial<DispatcherOptions> = {}): OutboxDispatcher {
    const d = new OutboxDispatcher({
      container: this.store.container("outbox"),
      port: this.port,
      conversations: this.conversations,
      instanceId: `test-${++this.seq}`,
      log: silentLogger,
      onUnreachable: async (m) => void this.unreachable.push(m),
      tuning: FAST,
      ...extra,
    });
    this.dispatchers.push(d);
    d.start();
    return d;
  }

  conversation(id: string): Target {
    return { kind: "conversation", tenantId: TENANT, conversationId: id, serviceUrl: this.connector.url };
  }

  async enqueue(id: string, target: Target, text = `message ${id}`): Promise<void> {
    assert.equal(await this.outbox.enqueue({ id, target, activity: { type: "message", text }, purpose: "test" }), "queued");
  }

  requestsTo(conversationId: string) {
    return this.connector.requests.filter((r) => r.conversationId === conversationId);
  }

  async stop(): Promise<void> {
    for (const d of this.dispatchers) await d.stop();
    await this.store.close();
    await this.connector.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

describe("the outbox dispatcher, through the botbuilder port, against the connector stand-in", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await new Harness().start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("sends a queued message once and records it as sent, with Teams' activity id; logs hold no content", async () => {
    const lines: string[] = [];
    const log: Logger = createLogger("debug", (line) => lines.push(line));
    await h.enqueue("hello:1", h.conversation("19:general@thread.tacv2"), "Top secret approval text");
    const d = h.dispatcher({ log });
    await d.drain(DRAIN_MS);

    const m = await h.outbox.get("hello:1");
    assert.equal(m?.status, "sent");
    assert.equal(m?.attempts, 1);
    assert.equal(m?.activityId, "sent-1");
    assert.equal(m?.conversationId, "19:general@thread.tacv2");
    assert.equal(m?.leaseOwner, undefined);
    assert.equal(h.connector.deliveries.get("hello:1"), 1);
    assert.equal(h.connector.to("19:general@thread.tacv2")[0]!.body.text, "Top secret approval text");
    assert.ok(lines.some((l) => l.includes("hello:1")), "the message id is logged");
    assert.ok(!lines.some((l) => l.includes("Top secret")), "the content is not");
  });

  it("waits for Retry-After after a 429, then sends", async () => {
    h.connector.failNext("c-429", { status: 429, retryAfterSeconds: 1 });
    await h.enqueue("m", h.conversation("c-429"));
    const d = h.dispatcher();
    await d.drain(DRAIN_MS);
    const [first, second] = h.requestsTo("c-429");
    assert.equal(first!.status, 429);
    assert.equal(second!.status, 200);
    assert.ok(second!.at - first!.at >= 950, `waited ${second!.at - first!.at} ms`);
    const m = await h.outbox.get("m");
    assert.equal(m?.status, "sent");
    assert.equal(m?.attempts, 2);
    assert.equal(m?.lastError, undefined);
    assert.equal(h.connector.deliveries.get("m"), 1);
  });

  it("backs off after a 429 without Retry-After, then sends", async () => {
    h.connector.failNext("c-429b", { status: 429 }, 2);
    await h.enqueue("m", h.conversation("c-429b"));
    await h.dispatcher().drain(DRAIN_MS);
    const tries = h.requestsTo("c-429b");
    assert.deepEqual(tries.map((r) => r.status), [429, 429, 200]);
    // Backoff is 50–100 ms after the first, 100–200 ms after the second (base 100 ms).
    assert.ok(tries[1]!.at - tries[0]!.at >= 45);
    assert.ok(tries[2]!.at - tries[1]!.at >= 95);
    assert.equal((await h.outbox.get("m"))?.attempts, 3);
  });

  it("retries a 500 and a timeout-like 503 with backoff, then sends once", async () => {
    h.connector.failNext("c-500", { status: 500 });
    h.connector.failNext("c-500", { status: 503 });
    await h.enqueue("m", h.conversation("c-500"));
    await h.dispatcher().drain(DRAIN_MS);
    assert.deepEqual(h.requestsTo("c-500").map((r) => r.status), [500, 503, 200]);
    assert.equal((await h.outbox.get("m"))?.status, "sent");
    assert.equal(h.connector.deliveries.get("m"), 1);
  });

  it("gives up after maxAttempts and marks the message failed", async () => {
    h.connector.failNext("c-down", { status: 502 }, 10);
    await h.enqueue("m", h.conversation("c-down"));
    await h.dispatcher({ tuning: { ...FAST, maxAttempts: 3, backoffBaseMs: 20 } }).drain(DRAIN_MS);
    const m = await h.outbox.get("m");
    assert.equal(m?.status, "failed");
    assert.equal(m?.attempts, 3);
    assert.match(m!.lastError!, /gave up after 3 attempts; last: 502/);
  });

  it("marks a message unreachable on 403, tells onUnreachable once, and posts nothing more there", async () => {
    await h.conversations.save({
      conversationId: "19:gone@thread.tacv2",
      serviceUrl: h.connector.url,
      channelId: "msteams",
      tenantId: TENANT,
      conversationType: "channel",
      bot: { id: "28:local-bot" },
      installed: true,
      updatedAt: new Date().toISOString(),
    });
    h.connector.failNext("19:gone@thread.tacv2", { status: 403 });
    await h.enqueue("first", h.conversation("19:gone@thread.tacv2"));
    const d = h.dispatcher();
    await d.drain(DRAIN_MS);

    const first = await h.outbox.get("first");
    assert.equal(first?.status, "unreachable");
    assert.equal(first?.unreachableReason, "removed-from-conversation");
    assert.match(first!.lastError!, /403 BotNotInConversationRoster/);
    assert.deepEqual(h.unreachable.map((m) => m.id), ["first"]);
    assert.equal((await h.conversations.get(TENANT, "19:gone@thread.tacv2"))?.installed, false, "the stored reference says so too");

    await h.enqueue("second", h.conversation("19:gone@thread.tacv2"));
    d.kick();
    await d.drain(DRAIN_MS);
    assert.equal((await h.outbox.get("second"))?.status, "unreachable");
    assert.equal(h.requestsTo("19:gone@thread.tacv2").length, 1, "no request for the second message");
    assert.deepEqual(h.unreachable.map((m) => m.id), ["first", "second"], "each message reported once");
  });

  it("treats 404 conversation-not-found as unreachable", async () => {
    h.connector.failNext("c-404", { status: 404, code: "ConversationNotFound" });
    await h.enqueue("m", h.conversation("c-404"));
    await h.dispatcher().drain(DRAIN_MS);
    const m = await h.outbox.get("m");
    assert.equal(m?.status, "unreachable");
    assert.equal(m?.unreachableReason, "conversation-not-found");
  });

  it("opens a 1:1 chat for a person the bot has never talked to, stores the reference and reuses it", async () => {
    const person: Target = { kind: "person", tenantId: TENANT, aadObjectId: "aad-manager", serviceUrl: h.connector.url };
    await h.enqueue("approval:1", person);
    const d = h.dispatcher();
    await d.drain(DRAIN_MS);

    assert.equal(h.connector.created.length, 1);
    const chat = h.connector.created[0]!.conversationId;
    const m = await h.outbox.get("approval:1");
    assert.equal(m?.status, "sent");
    assert.equal(m?.conversationId, chat);
    assert.equal(h.connector.to(chat).length, 1);
    const stored = await h.conversations.findPersonal(TENANT, "aad-manager");
    assert.equal(stored?.conversationId, chat);
    assert.equal(stored?.serviceUrl, h.connector.url);

    // A later message, even from a fresh dispatcher with nothing cached, uses the stored chat.
    await d.stop();
    await h.enqueue("reminder:1", person);
    await h.dispatcher().drain(DRAIN_MS);
    assert.equal(h.connector.created.length, 1, "no second createConversation");
    assert.equal(h.connector.to(chat).length, 2);
  });

  it("marks a person unreachable when Teams will not open a chat with them (app not installed)", async () => {
    h.connector.unreachableUsers.add("aad-nobody");
    await h.enqueue("approval:2", { kind: "person", tenantId: TENANT, aadObjectId: "aad-nobody", serviceUrl: h.connector.url });
    await h.dispatcher().drain(DRAIN_MS);
    const m = await h.outbox.get("approval:2");
    assert.equal(m?.status, "unreachable");
    assert.equal(m?.unreachableReason, "not-installed");
    assert.match(m!.lastError!, /would not open a 1:1 chat.*403.*not installed/);
    assert.deepEqual(h.unreachable.map((u) => u.id), ["approval:2"]);
    assert.equal(await h.conversations.findPersonal(TENANT, "aad-nobody"), undefined);
  });

  it("sends each message exactly once across a restart of the dispatcher and of the store", async () => {
    await h.enqueue("before", h.conversation("c-r"));
    let d = h.dispatcher();
    await d.drain(DRAIN_MS);
    await h.enqueue("racing", h.conversation("c-r")); // may or may not go before the stop
    await d.stop();
    await h.enqueue("while-down", h.conversation("c-r"));
    assert.equal((await h.outbox.get("while-down"))?.status, "queued");

    await h.store.close();
    h.store = await h.openStore();
    d = h.dispatcher();
    await d.drain(DRAIN_MS);
    for (const id of ["before", "racing", "while-down"]) {
      assert.equal(h.connector.deliveries.get(id), 1, id);
      assert.equal((await h.outbox.get(id))?.status, "sent", id);
    }
    assert.deepEqual(h.connector.duplicates(), []);
  });

  it("re-sends a message left `sending` by an instance that died, once its lease has expired", async () => {
    await h.enqueue("orphan", h.conversation("c-o"));
    const container = h.store.container("outbox");
    const { resource } = await container.item("orphan", "orphan").read();
    await container.items.upsert({ ...resource, status: "sending", leaseOwner: "dead-instance", leaseUntil: new Date(Date.now() + 300).toISOString() });
    await h.dispatcher().drain(DRAIN_MS);
    const m = await h.outbox.get("orphan");
    assert.equal(m?.status, "sent");
    assert.equal(h.connector.deliveries.get("orphan"), 1);
  });

  it("claims messages while a new leader counts others' recent sends, but sends none until it has counted them", async () => {
    await h.enqueue("m", h.conversation("c-count"));
    const d = h.dispatcher();
    let counted!: () => void;
    const counting = new Promise<void>((resolve) => (counted = resolve));
    const sentSince = d.outbox.sentSince.bind(d.outbox);
    d.outbox.sentSince = async (since, except) => {
      await counting;
      return sentSince(since, except);
    };
    await until(async () => (await h.outbox.get("m"))?.status === "sending", "the message is claimed meanwhile");
    assert.equal(h.connector.requests.length, 0, "nothing is sent before the count");
    counted();
    await d.drain(DRAIN_MS);
    assert.equal(h.connector.deliveries.get("m"), 1);
  });

  it("does not hold a place in flight while it stores an outcome: the next message goes meanwhile", async () => {
    await h.enqueue("a", h.conversation("c-a"));
    await h.enqueue("b", h.conversation("c-b"));
    const d = h.dispatcher({ tuning: { ...FAST, maxInFlight: 1 } });
    // Hold back storing whichever message is sent first.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first: string | undefined;
    const replace = d.outbox.replace.bind(d.outbox);
    d.outbox.replace = async (current, next) => {
      if (next.status === "sent" && (first ??= next.id) === next.id) await held;
      return replace(current, next);
    };
    await h.connector.waitFor((sent) => sent.length === 2);
    assert.equal((await h.outbox.get(first!))?.status, "sending", "the first outcome is still being stored");
    release();
    await d.drain(DRAIN_MS);
    assert.equal((await h.outbox.get("a"))?.status, "sent");
    assert.equal((await h.outbox.get("b"))?.status, "sent");
    assert.deepEqual(h.connector.duplicates(), []);
  });

  it("sends at once after the system clock is stepped back days and then forward again (NTP, or a test setting the date)", async () => {
    // Date itself is stepped (the app's clock is the system clock); it moves on with real time meanwhile.
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ["Date"], shouldAdvanceTime: true, advanceTimeDelta: 5 });
    try {
      const d = h.dispatcher();
      const send = async (id: string) => {
        await h.enqueue(id, h.conversation("c-steps"));
        d.kick();
        await d.drain(5_000);
        assert.equal(h.connector.deliveries.get(id), 1, `${id} was delivered`);
      };
      const step = (days: number) => clock.setSystemTime(Date.now() + days * 86_400_000);
      await send("before");
      // Back ten days (under the 24.8 days past which Node fires a timer at once) with nothing to
      // send, so the dispatcher polls on the stepped-back clock for a while; then forward again.
      step(-10);
      await new Promise((resolve) => setTimeout(resolve, 500));
      step(11);
      await send("stepped-forward");
      step(-3);
      await send("stepped-back");
      assert.deepEqual(h.connector.duplicates(), []);
    } finally {
      clock.restore();
    }
  });

  it("with two dispatchers on one store, one leads and every message is sent once; the other takes over when it stops", async () => {
    const a = h.dispatcher({ instanceId: "a" });
    const b = h.dispatcher({ instanceId: "b" });
    for (let i = 0; i < 40; i++) await h.enqueue(`m${i}`, h.conversation(`c${i % 8}`));
    a.kick();
    b.kick();
    await Promise.all([a.drain(DRAIN_MS), b.drain(DRAIN_MS)]);
    assert.ok(!(a.isLeader && b.isLeader), "never two leaders");
    const sender = async (id: string) => (await h.store.container("outbox").item(id, id).read()).resource.sentBy as string;
    const first = await sender("m0");

    const [leader, follower] = first === "a" ? [a, b] : [b, a];
    await leader.stop();
    for (let i = 40; i < 60; i++) await h.enqueue(`m${i}`, h.conversation(`c${i % 8}`));
    await follower.drain(DRAIN_MS);
    assert.equal(await sender("m59"), first === "a" ? "b" : "a", "the other instance took over");
    assert.equal(h.connector.deliveries.size, 60);
    assert.deepEqual(h.connector.duplicates(), []);
  });

  it("asks a message's registered check just before each send: as queued, something else, or dropped; a check that throws leaves it for a retry", async () => {
    const queue = (id: string, verdict: string) =>
      h.outbox.enqueue({ id, target: h.conversation(`19:${id}@thread.v2`), activity: { type: "message", text: `queued ${id}` }, purpose: "test", dependsOn: { check: "verdict", ref: { verdict } } });
    for (const [id, verdict] of [["keep", "send"], ["swap", "replace"], ["gone", "drop"], ["flaky", "throw-once"]] as const) assert.equal(await queue(id, verdict), "queued");
    assert.equal(await h.outbox.enqueue({ id: "nobody", target: h.conversation("19:nobody@thread.v2"), activity: { type: "message", text: "queued nobody" }, purpose: "test", dependsOn: { check: "unknown", ref: {} } }), "queued");
    let thrown = 0;
    const asked: string[] = [];
    h.dispatcher({
      checks: {
        verdict: async (m) => {
          asked.push(m.id);
          switch (m.dependsOn?.ref.verdict) {
            case "replace":
              return { do: "replace", activity: { text: `now ${m.id}` }, why: "changed" };
            case "drop":
              return { do: "drop", why: "no longer needed" };
            case "throw-once":
              if (thrown++ === 0) throw new Error("store not answering");
              return { do: "send" };
            default:
              return { do: "send" };
          }
        },
      },
    });
    await h.dispatchers[0]!.drain(DRAIN_MS);
    const texts = (id: string) => h.connector.to(`19:${id}@thread.v2`).map((a) => a.body.text);
    assert.deepEqual(texts("keep"), ["queued keep"]);
    assert.deepEqual(texts("swap"), ["now swap"]);
    assert.deepEqual(texts("gone"), [], "a dropped message is never sent");
    assert.deepEqual(texts("flaky"), ["queued flaky"], "sent on the retry after the check failed");
    assert.deepEqual(texts("nobody"), ["queued nobody"], "a check nobody registered does not hold a message back");
    const gone = await h.outbox.get("gone");
    assert.equal(gone?.status, "dropped");
    assert.equal(gone?.lastError, "no longer needed");
    assert.equal(gone?.attempts, 0, "no request was made");
    assert.equal((await h.outbox.get("swap"))?.status, "sent");
    assert.equal((await h.outbox.get("flaky"))?.status, "sent");
    assert.equal(asked.filter((id) => id === "flaky").length, 2);
    assert.deepEqual(h.unreachable, []);
  });
});

describe("the outbox dispatcher against a stand-in that enforces rate limits", () => {
  let h: Harness;
  // Scaled-down windows on both sides, so the test runs in about two seconds.
  const windows = { conversation: [{ limit: 3, windowMs: 400 }], tenant: [{ limit: 5, windowMs: 300 }] };
  // Counting each send at its completion (the widest margin) is always safe, since the stand-in counts
  // a request before it answers: no 429 can come from timing, however busy the machine is.
  const atCompletion = { ...windows, arrivalMarginMs: 60_000, maxArrivalMarginMs: 60_000 };
  beforeEach(async () => {
    h = await new Harness().start({ limits: windows, latencyMs: [5, 20] });
  });
  afterEach(async () => {
    await h.stop();
  });

  it("keeps within the per-conversation and per-tenant windows: no 429, nothing lost, nothing twice", async () => {
    for (let i = 0; i < 12; i++) await h.enqueue(`hot${i}`, h.conversation("c-hot"));
    for (let i = 0; i < 12; i++) await h.enqueue(`cold${i}`, h.conversation(`c-cold-${i}`));
    const d = h.dispatcher({ limits: new TeamsRateLimiter(atCompletion) });
    await d.drain(DRAIN_MS);
    assert.deepEqual(h.connector.throttled, []);
    assert.equal(h.connector.deliveries.size, 24);
    assert.deepEqual(h.connector.duplicates(), []);
    const hot = h.connector.to("c-hot").map((s) => Number(String(s.body.text).replace("message hot", "")));
    assert.deepEqual(hot, [...hot].sort((x, y) => x - y), "one conversation's messages arrive in order");
  });
});
